// Who sees and changes what, through the HTTP API: partners only their own listing, workers' new partners hidden
// from the public until published, professionals-only listings never in another partner's feed (and withdrawn
// with a tombstone when they become hidden). Plus the feed's safety nets: cursor ahead, epoch rotation, revocation.
import { describe, expect, it } from 'vitest';
import { servicesPageSchema, structureDetailSchema, structuresPageSchema } from '../../server/http/api-schemas.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import { pull, push, pushRaw, signInAs } from './fixtures/http-client.ts';
import { create, update } from './fixtures/sync-fixture.ts';
import { entryKey, jsonOf, makeTestApp } from './fixtures/test-app.ts';

async function withPartner() {
  const test = await makeTestApp();
  const partner = await signInAs(test.app, test.store, {
    role: 'partenaire',
    nom: 'Épicerie 1',
    structure_id: 'test--s001',
  });
  const worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Théo' });
  const coordinator = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Claire' });
  return { ...test, partner, worker, coordinator };
}

describe('a partner account', () => {
  it('cannot change another partner’s listing: rejected `interdit`, nothing changed', async () => {
    const { app, store, partner } = await withPartner();
    const result = await push(app, partner, [
      update(1, 'structure', 'test--s002', { telephone: null }, { telephone: '04 00 66 66 66' }),
      update(2, 'service', 'test--v003', { nom: 'Colis alimentaire 3' }, { nom: 'Détourné' }),
      create(3, 'structure', makeStructure(9)),
      update(4, 'structure', 'test--s001', { telephone: null }, { telephone: '04 00 11 11 11' }),
    ]);
    expect(result.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'interdit',
      'interdit',
      'interdit',
      'applied',
    ]);
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure).toMatchObject({ version: 1 });
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure.telephone).toBeUndefined();
    expect((await store.getStructure('test--s001', SERVER_READER))?.structure.telephone).toBe('04 00 11 11 11');
  });

  it('never receives another structure’s professionals-only listing, and gets a tombstone when one becomes hidden', async () => {
    const { app, partner, coordinator } = await withPartner();
    await push(app, coordinator, [
      update(1, 'structure', 'test--s003', { visibilite: 'public' }, { visibilite: 'professionnels' }),
      update(2, 'service', 'test--v001', { visibilite: 'public' }, { visibilite: 'professionnels' }),
    ]);
    const first = await pull(app, partner);
    const keys = first.entries.map(entryKey);
    expect([...keys].sort()).toEqual([
      'service/test--v001', // its own, even professionals-only
      'service/test--v002',
      'service/test--v003',
      'service/test--v004',
      'structure/test--s001',
      'structure/test--s002',
    ]);
    expect(keys).not.toContain('structure/test--s003');
    expect(first.total).toBe(first.entries.length);
    await push(app, coordinator, [
      update(3, 'service', 'test--v003', { visibilite: 'public' }, { visibilite: 'professionnels' }),
    ]);
    const next = await pull(app, partner, first.cursor);
    expect(next.entries).toEqual([
      { kind: 'tombstone', seq: expect.any(Number), record_kind: 'service', id: 'test--v003' },
    ]);
    expect(next.total).toBe(first.total - 1);
  });
});

describe('a structure created by a worker', () => {
  it('is `proposee`: hidden from anonymous readers everywhere, shown to professionals, public once a coordinator publishes it', async () => {
    const { app, worker, coordinator } = await withPartner();
    const result = await push(app, worker, [create(1, 'structure', makeStructure(9, { statut: 'publiee' }))]);
    expect(result.results).toEqual([{ id: 1, status: 'applied' }]);
    const anonymous = await pull(app, undefined);
    expect(anonymous.entries.map(entryKey)).not.toContain('structure/test--s009');
    expect((await app.request('/api/v1/structures/test--s009')).status).toBe(404);
    const listed = structuresPageSchema.parse(await jsonOf(await app.request('/api/v1/structures')));
    expect(listed.structures.map((s) => s.id)).not.toContain('test--s009');
    const seen = await pull(app, worker);
    expect(seen.entries.find((e) => entryKey(e) === 'structure/test--s009')).toMatchObject({
      record: { statut: 'proposee' },
    });
    const detail = await app.request('/api/v1/structures/test--s009', { headers: coordinator.auth });
    expect(structureDetailSchema.parse(await jsonOf(detail)).structure.statut).toBe('proposee');

    const published = await push(app, coordinator, [
      update(1, 'structure', 'test--s009', { statut: 'proposee' }, { statut: 'publiee' }),
    ]);
    expect(published.results).toEqual([{ id: 1, status: 'applied' }]);
    const later = await pull(app, undefined, anonymous.cursor);
    expect(later.entries.map(entryKey)).toEqual(['structure/test--s009']);
  });

  it('cannot be published by the worker', async () => {
    const { app, worker } = await withPartner();
    await push(app, worker, [create(1, 'structure', makeStructure(9))]);
    const result = await push(app, worker, [
      update(2, 'structure', 'test--s009', { statut: 'proposee' }, { statut: 'publiee' }),
    ]);
    expect(result.results).toMatchObject([
      { status: 'rejected', reason: { code: 'interdit', problems: [{ path: 'statut' }] } },
    ]);
  });
});

describe('the list endpoints', () => {
  it('apply the same visibility as the feed', async () => {
    const { app, partner, coordinator } = await withPartner();
    await push(app, coordinator, [
      update(1, 'service', 'test--v003', { visibilite: 'public' }, { visibilite: 'professionnels' }),
    ]);
    const ids = async (headers: Record<string, string>) =>
      servicesPageSchema
        .parse(await jsonOf(await app.request('/api/v1/services?structure_id=test--s002', { headers })))
        .services.map((s) => s.id);
    expect(await ids({})).toEqual(['test--v004']);
    expect(await ids(partner.auth)).toEqual(['test--v004']);
    expect(await ids(coordinator.auth)).toEqual(['test--v003', 'test--v004']);
    const detail = structureDetailSchema.parse(await jsonOf(await app.request('/api/v1/structures/test--s002')));
    expect(detail.services.map((s) => s.id)).toEqual(['test--v004']);
  });
});

describe('the feed’s safety nets', () => {
  it('answers a cursor ahead of the server with its own last seq, lower than asked: the device starts over', async () => {
    const { app, worker } = await withPartner();
    const { cursor } = await pull(app, worker);
    const ahead = await pull(app, worker, cursor + 1000);
    expect(ahead).toMatchObject({ entries: [], cursor, hasMore: false });
  });

  it('shows a new epoch after a rotation, and accepts each device’s next mutation id whatever it is, once', async () => {
    const { app, store, worker } = await withPartner();
    const before = await pull(app, worker);
    await store.rotateEpoch(); // `npm run admin -- rotate-epoch` after restoring a backup
    const after = await pull(app, worker);
    expect(after.epoch).not.toBe(before.epoch);
    const result = await push(app, worker, [
      update(8, 'structure', 'test--s002', { telephone: null }, { telephone: '04 00 88 88 88' }),
    ]);
    expect(result).toMatchObject({ lastMutationId: 8, results: [{ id: 8, status: 'applied' }] });
    expect((await pushRaw(app, worker, [update(10, 'structure', 'test--s002', {}, { nom: 'Dix nom' })])).status).toBe(
      409,
    );
  });

  it('refuses a device revoked by the coordination (401) while it keeps its mutations for later', async () => {
    const { app, store, worker } = await withPartner();
    await store.revokeDevice(worker.clientId, new Date());
    const response = await pushRaw(app, worker, [update(1, 'structure', 'test--s002', {}, { nom: 'Trop tard' })]);
    expect(response.status).toBe(401);
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure.version).toBe(1);
  });
});
