// An edit reaches the server exactly once whatever the network does to the push: an answer lost after the commit,
// the same batch delivered twice at once or again much later, a gateway's 5xx, a timeout, a captive portal's 200.
// Only a parsed acknowledgement takes an entry out of the outbox. Device and server are the real code; the network
// between them is scripted (harness/network.ts).
import { describe, expect, it } from 'vitest';
import type { Fault } from './harness/network.ts';
import { expectConverged } from './harness/server-view.ts';
import type { ServerUnderTest } from './harness/sync-server.ts';
import { THEO, TINA, world } from './harness/world.ts';

const S2 = 'test--s002';

/** First decisions (not replays) the server made for one client's mutation id. */
const decided = (server: ServerUnderTest, clientId: string | null, id: number) =>
  server.decisions.filter(
    (d) => d.clientId === clientId && d.mutationId === id && d.outcome.kind === 'answered' && !d.outcome.replayed,
  );

async function historyOf(server: ServerUnderTest, id: string) {
  return server.store.history({ kind: 'structure', id, limit: 100 });
}

describe('a push whose answer never arrives', () => {
  it('is applied once: the retry gets the stored result, the entry leaves the outbox only then', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    network.script(theo.tab, 'drop-response');
    expect((await theo.sync()).phase).toBe('offline');
    expect(await theo.db.outbox.count()).toBe(1);
    expect((await historyOf(server, S2)).length).toBe(1); // committed before the answer was lost

    expect((await theo.sync()).phase).toBe('idle');
    expect(await theo.db.outbox.count()).toBe(0);
    expect(decided(server, theo.currentClientId, 1)).toHaveLength(1);
    expect((await historyOf(server, S2)).length).toBe(1);
    await expectConverged(theo, server);
  });

  it.each<[Fault, boolean]>([
    ['drop-request', false],
    ['server-error', false],
    ['server-error-after', true],
    ['non-json', false],
    ['timeout', false],
    ['timeout-after', true],
  ])('after %s the entry stays, the retry is applied once (server committed first: %s)', async (fault, committed) => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.edit('structure', S2, { horaires_note: 'Fermé le lundi' });
    network.script(theo.tab, fault);
    const failed = await theo.sync();
    expect(failed.phase).toBe(fault === 'non-json' ? 'error' : 'offline');
    expect(await theo.db.outbox.count()).toBe(1);
    expect(decided(server, theo.currentClientId, 1)).toHaveLength(committed ? 1 : 0);

    expect((await theo.sync()).phase).toBe('idle');
    expect(await theo.db.outbox.count()).toBe(0);
    expect(decided(server, theo.currentClientId, 1)).toHaveLength(1);
    expect(await historyOf(server, S2)).toHaveLength(1);
    await expectConverged(theo, server);
  });

  it('times out through the transport’s own AbortSignal when the server never answers, and keeps the entry', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO, { timeoutMs: 30 });
    await theo.edit('structure', S2, { nom: 'Épicerie du pont' });
    network.script(theo.tab, 'hang');
    await expect(theo.push()).rejects.toMatchObject({ name: 'OfflineError' });
    expect(await theo.db.outbox.count()).toBe(1);
    expect((await theo.sync()).phase).toBe('idle');
    expect(decided(server, theo.currentClientId, 1)).toHaveLength(1);
    await expectConverged(theo, server);
  });

  it('a 200 whose body is JSON but not an acknowledgement removes nothing', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.edit('structure', S2, { nom: 'Épicerie du pont' });
    const real = server.fetch;
    network.reroute(async (request) =>
      new URL(request.url).pathname === '/api/v1/push' ? Response.json({ protocol: 1, ok: true }) : real(request),
    );
    expect(await theo.sync()).toMatchObject({ phase: 'error' });
    expect(await theo.db.outbox.count()).toBe(1);
    network.reroute(real);
    expect((await theo.sync()).phase).toBe('idle');
    await expectConverged(theo, server);
  });

  it('a listing deleted while its creation’s answer was lost is deleted on the server too', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.create('service', { ...(await theo.service('test--v001')), id: 'test--neuf', nom: 'Nouveau service' });
    network.script(theo.tab, 'drop-response');
    expect((await theo.sync()).phase).toBe('offline');
    await theo.remove('service', 'test--neuf');
    expect((await theo.sync()).phase).toBe('idle');
    expect(await server.store.listServices({ reader: { kind: 'server' }, limit: 100 })).not.toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: 'test--neuf' })]),
    });
    await expectConverged(theo, server);
  });
});

describe('the same push delivered twice', () => {
  it('at once (a retrying proxy): one first decision per mutation, the other answered from the stored result', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.edit('structure', S2, { nom: 'Épicerie numéro un' });
    await theo.edit('service', 'test--v001', { nom: 'Colis du mardi' });
    network.script(theo.tab, 'duplicate');
    expect((await theo.sync()).phase).toBe('idle');
    for (const id of [1, 2]) expect(decided(server, theo.currentClientId, id)).toHaveLength(1);
    const replays = server.decisions.filter((d) => d.outcome.kind === 'answered' && d.outcome.replayed);
    expect(replays).toHaveLength(2);
    expect(await historyOf(server, S2)).toHaveLength(1);
    await expectConverged(theo, server);
  });

  it('again long after, once newer mutations were applied: the stale copy changes nothing', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    await theo.edit('structure', S2, { nom: 'Premier nom' });
    network.script(theo.tab, 'late-duplicate');
    await theo.sync();
    await theo.edit('structure', S2, { nom: 'Second nom' });
    await theo.sync();
    expect(await network.flushLate()).toBe(1);
    expect((await server.store.getStructure(S2, { kind: 'server' }))?.structure.nom).toBe('Second nom');
    expect(await historyOf(server, S2)).toHaveLength(2);
    await theo.sync();
    await expectConverged(theo, server);
  });
});

describe('requests held and delivered by hand', () => {
  it('in the reverse order of sending: each device’s edits land once, and both devices converge', async () => {
    const { server, network, device } = await world();
    const theo = await device(THEO);
    const tina = await device(TINA);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 10' });
    await tina.edit('structure', S2, { horaires_note: 'Ouvert le samedi' });
    network.hold(theo.tab);
    network.hold(tina.tab);
    const syncs = [theo.sync(), tina.sync()];
    await expect.poll(() => network.held.length, { timeout: 10_000 }).toBe(2);
    const [theoPush, tinaPush] = network.held.splice(0);
    network.release(theo.tab);
    network.release(tina.tab);
    await tinaPush?.deliver();
    await theoPush?.deliver();
    await Promise.all(syncs);
    await Promise.all([theo.sync(), tina.sync()]);
    expect((await server.store.getStructure(S2, { kind: 'server' }))?.structure).toMatchObject({
      telephone: '04 00 00 00 10',
      horaires_note: 'Ouvert le samedi',
      version: 3,
    });
    await expectConverged(theo, server);
    await expectConverged(tina, server);
  });
});
