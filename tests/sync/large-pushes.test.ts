// The server reads at most 1 MiB per push (413 above, nothing applied). An outbox larger than that — a hundred
// long descriptions written offline — must still reach it whole, in several pushes; a single change too large for
// any push must become a rejection the person sees, never a queue stopped for good behind it. Device and server are
// the real code, the network between them scripted (harness/network.ts).
import { describe, expect, it } from 'vitest';
import type { InfoTemporaire } from '../../src/domain/service.ts';
import { MAX_PUSH_BODY_BYTES } from '../../src/domain/sync-protocol.ts';
import { pushBodyBytes } from '../../src/sync/core/push-size.ts';
import { makeDirectory } from '../integration/fixtures/directory-fixture.ts';
import type { SimDevice } from './harness/device.ts';
import { expectConverged, serverView } from './harness/server-view.ts';
import { THEO, type World, world } from './harness/world.ts';

const serviceId = (n: number) => `test--v${String(n).padStart(3, '0')}`;

/** A description at the schema's limit (10,000 characters), accented as French is: about 11 kB of JSON. */
const longDescription = (n: number) =>
  `Service ${n}. ${'Épicerie solidaire : écoute, accès aux droits, aide à l’insertion, café-rencontre. '.repeat(130)}`.slice(
    0,
    10_000,
  );

/** `count` temporary notices of 500 characters in euros (3 bytes each): about 1.6 kB of JSON apiece. */
const notices = (count: number): InfoTemporaire[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `info-${i}`,
    type: 'message',
    debut: '2026-12-01',
    message: `${i} ${'€'.repeat(480)}`,
  }));

/** A hundred edits and megabytes of pushes through fake-indexeddb take seconds on a busy two-core machine. */
const MANY_EDITS = { timeout: 30_000 };

async function outboxBytes(device: SimDevice): Promise<number> {
  return pushBodyBytes((await device.db.outbox.orderBy('mutationId').toArray()).map((e) => e.mutation));
}

describe('an outbox larger than one push', () => {
  it(
    'sends 100 updates with long descriptions (over 1 MiB together) in several pushes, all of them applied',
    MANY_EDITS,
    async () => {
      const { server, network, device } = await world({ fixture: makeDirectory(10, 10) });
      const theo = await device(THEO);
      for (let n = 1; n <= 100; n++) await theo.edit('service', serviceId(n), { description: longDescription(n) });
      expect(await outboxBytes(theo)).toBeGreaterThan(MAX_PUSH_BODY_BYTES);

      expect((await theo.sync()).phase).toBe('idle');
      const pushes = network.of(theo.tab, '/api/v1/push');
      expect(pushes.length).toBeGreaterThan(1);
      expect(pushes.map((p) => p.status)).toEqual(pushes.map(() => 200));
      expect(await theo.db.rejections.count()).toBe(0);
      const { services } = await serverView(server, theo.authToken);
      expect(services.map((v) => v.description)).toEqual(Array.from({ length: 100 }, (_, i) => longDescription(i + 1)));
      await expectConverged(theo, server);
    },
  );
});

/** A proxy before the server that refuses push bodies over `limit` bytes with its own HTML 413 page. */
function proxyRefusingOver(w: World, limit: number): void {
  w.network.reroute(async (request) => {
    const isPush = new URL(request.url).pathname === '/api/v1/push';
    if (isPush && (await request.clone().arrayBuffer()).byteLength > limit) {
      return new Response('<html><body>413 Request Entity Too Large</body></html>', {
        status: 413,
        headers: { 'content-type': 'text/html' },
      });
    }
    return w.server.fetch(request);
  });
}

/** The server's first decisions for this device's mutations, in order: id and status. */
const decisionsOf = (w: World, device: SimDevice) =>
  w.server.decisions
    .filter((d) => d.clientId === device.currentClientId && d.outcome.kind === 'answered' && !d.outcome.replayed)
    .map((d) => [d.mutationId, d.outcome.kind === 'answered' ? d.outcome.result.status : d.outcome.kind]);

describe('a change too large for any push', () => {
  it('becomes a rejection the person sees, its record back to the server copy, and the changes after it land', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const before = await theo.service(serviceId(2));
    await theo.edit('service', serviceId(1), { horaires_note: 'Fermé le lundi' });
    await theo.edit('service', serviceId(2), { infos_temporaires: notices(700) });
    await theo.edit('service', serviceId(3), { horaires_note: 'Fermé le mardi' });
    await theo.edit('structure', 'test--s002', { telephone: '04 00 00 00 02' });
    const tooLarge = await theo.db.outbox.get(2);
    expect(pushBodyBytes(tooLarge ? [tooLarge.mutation] : [])).toBeGreaterThan(MAX_PUSH_BODY_BYTES);

    expect((await theo.sync()).phase).toBe('idle');
    const [rejection, ...others] = await theo.db.rejections.toArray();
    expect(others).toEqual([]);
    expect(rejection?.recordKey).toBe(`service:${serviceId(2)}`);
    expect(rejection?.reason.code).toBe('trop-volumineux');
    expect(rejection?.reason.message).toMatch(/n’a pas été envoyée/);
    expect((await theo.service(serviceId(2)))?.infos_temporaires).toEqual(before?.infos_temporaires);
    // The server saw ids 1, 2, 3 without a gap: the entries after the one set aside took its id.
    expect(decisionsOf(w, theo)).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'applied'],
    ]);
    const view = await serverView(w.server, theo.authToken);
    expect(view.services.find((v) => v.id === serviceId(3))?.horaires_note).toBe('Fermé le mardi');
    expect(view.structures.find((s) => s.id === 'test--s002')?.telephone).toBe('04 00 00 00 02');
    await expectConverged(theo, w.server);

    // The next edit follows on: no hole left in the numbering.
    await theo.edit('service', serviceId(4), { horaires_note: 'Fermé le jeudi' });
    expect((await theo.sync()).phase).toBe('idle');
    expect(decisionsOf(w, theo).at(-1)).toEqual([4, 'applied']);
  });
});

describe('a server that takes less than the device thinks (a proxy refusing over 256 KiB)', () => {
  it(
    'halves the batch until it passes, sets aside the change refused on its own, and sends all the others',
    MANY_EDITS,
    async () => {
      const w = await world({ fixture: makeDirectory(4, 10) });
      const theo = await w.device(THEO);
      proxyRefusingOver(w, 256 * 1024);
      for (let n = 1; n <= 30; n++) {
        await theo.edit('service', serviceId(n), { description: longDescription(n) });
        if (n === 10) await theo.edit('service', serviceId(40), { infos_temporaires: notices(200) });
      }
      const tooLarge = await theo.db.outbox.get(11);
      expect(pushBodyBytes(tooLarge ? [tooLarge.mutation] : [])).toBeGreaterThan(256 * 1024);
      expect(await outboxBytes(theo)).toBeLessThan(MAX_PUSH_BODY_BYTES);

      expect((await theo.sync()).phase).toBe('idle');
      const statuses = w.network.of(theo.tab, '/api/v1/push').map((p) => p.status);
      expect(statuses).toContain(413);
      expect(statuses.at(-1)).toBe(200);
      expect((await theo.db.rejections.toArray()).map((r) => [r.recordKey, r.reason.code])).toEqual([
        [`service:${serviceId(40)}`, 'trop-volumineux'],
      ]);
      expect(decisionsOf(w, theo)).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, 'applied']));
      const { services } = await serverView(w.server, theo.authToken);
      for (let n = 1; n <= 30; n++) expect(services[n - 1]?.description).toBe(longDescription(n));
      await expectConverged(theo, w.server);
    },
  );

  it('does not set anything aside when even a small push is refused (a proxy set wrong): it fails and retries', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    proxyRefusingOver(w, 512);
    for (let n = 1; n <= 3; n++) await theo.edit('service', serviceId(n), { horaires_note: `Fermé le jour ${n}` });

    const failed = await theo.sync();
    expect(failed.phase).toBe('error');
    expect(failed.error).toMatch(/413/);
    expect(await theo.db.outbox.count()).toBe(3);
    expect(await theo.db.rejections.count()).toBe(0);
    expect(decisionsOf(w, theo)).toEqual([]);

    w.network.reroute(w.server.fetch); // the proxy is set right again
    expect((await theo.sync()).phase).toBe('idle');
    expect(decisionsOf(w, theo)).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'applied'],
    ]);
    await expectConverged(theo, w.server);
  });
});
