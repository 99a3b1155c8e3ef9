// Concurrent edits through the HTTP API: different fields merge, the same field becomes a conflict both authors
// receive and a person resolves, a delete against an edit is a conflict too; every accepted change is in the
// history with its old and new values, at the server's time (mutations carry no time).
import { describe, expect, it } from 'vitest';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import type { DirectoryPage } from '../../src/domain/directory.ts';
import { type Conflict, historyResponseSchema } from '../../src/domain/sync-protocol.ts';
import { type Device, pull, push, signInAs } from './fixtures/http-client.ts';
import { remove, resolve, update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

/** The server's clock, pinned: history and conflicts must carry it, whatever the devices think. */
const SERVER_NOW = new Date('2026-11-28T22:45:00Z');
const BASE = { telephone: null, horaires_note: null };

async function twoWorkers() {
  const test = await makeTestApp({ clock: () => SERVER_NOW });
  const theo = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Théo' });
  const tina = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Tina' });
  const claire = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Claire' });
  const other = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Omar' });
  const cursor = (await pull(test.app, theo)).cursor;
  return { ...test, theo, tina, claire, other, cursor };
}

const conflictsIn = (page: DirectoryPage): Conflict[] =>
  page.entries.flatMap((e) => (e.kind === 'conflict' ? [e.conflict] : []));

describe('concurrent edits', () => {
  it('merge silently when they change different fields', async () => {
    const { app, store, theo, tina } = await twoWorkers();
    await push(app, tina, [update(1, 'structure', 'test--s001', BASE, { telephone: '04 00 11 11 11' })]);
    const result = await push(app, theo, [
      update(1, 'structure', 'test--s001', BASE, { horaires_note: 'Fermé en août' }),
    ]);
    expect(result.results).toEqual([{ id: 1, status: 'applied' }]);
    expect((await store.getStructure('test--s001', SERVER_READER))?.structure).toMatchObject({
      telephone: '04 00 11 11 11',
      horaires_note: 'Fermé en août',
      version: 3,
    });
  });

  it('of the same field become a conflict with both values, sent to both authors and coordinators, resolved by a person', async () => {
    const { app, store, theo, tina, claire, other, cursor } = await twoWorkers();
    await push(app, tina, [update(1, 'structure', 'test--s001', BASE, { telephone: '04 00 11 11 11' })]);
    const result = await push(app, theo, [
      update(1, 'structure', 'test--s001', BASE, { telephone: '04 00 22 22 22', horaires_note: 'Fermé en août' }),
    ]);
    expect(result.results).toEqual([
      { id: 1, status: 'conflict', applied: ['horaires_note'], conflicts: ['telephone'] },
    ]);
    const server = (await store.getStructure('test--s001', SERVER_READER))?.structure;
    expect(server).toMatchObject({ telephone: '04 00 11 11 11', horaires_note: 'Fermé en août' });

    const [conflict] = conflictsIn(await pull(app, theo, cursor));
    expect(conflict).toMatchObject({
      record_kind: 'structure',
      record_id: 'test--s001',
      field: 'telephone',
      base: null,
      mine: '04 00 22 22 22',
      theirs: '04 00 11 11 11',
      mine_by: { account_id: theo.account.id, nom: 'Théo' },
      theirs_by: { account_id: tina.account.id, nom: 'Tina' },
      created_at: SERVER_NOW.toISOString(),
      statut: 'ouvert',
    });
    expect(conflictsIn(await pull(app, tina, cursor))).toEqual([conflict]);
    expect(conflictsIn(await pull(app, claire, cursor))).toEqual([conflict]);
    expect(conflictsIn(await pull(app, other, cursor))).toEqual([]);
    expect(conflictsIn(await pull(app, undefined, cursor))).toEqual([]);

    if (!conflict) throw new Error('conflit attendu');
    expect((await push(app, theo, [resolve(2, conflict.id, '04 00 22 22 22')])).results).toEqual([
      { id: 2, status: 'applied' },
    ]);
    const after = await pull(app, tina, cursor);
    expect(conflictsIn(after)).toMatchObject([
      { id: conflict.id, statut: 'resolu', resolution: '04 00 22 22 22', resolved_by: { nom: 'Théo' } },
    ]);
    expect(after.entries.find((e) => e.kind === 'structure')).toMatchObject({
      record: { telephone: '04 00 22 22 22' },
    });
    const twice = await push(app, tina, [resolve(2, conflict.id, '04 00 11 11 11')]);
    expect(twice.results).toMatchObject([{ status: 'rejected', reason: { code: 'conflit-introuvable' } }]);
  });
});

describe('a delete against an edit', () => {
  it('is a conflict whichever arrives second, and nothing is lost', async () => {
    const { app, store, theo, claire, cursor } = await twoWorkers();
    // Edit first, then a delete made from the old version: the record stays, the delete becomes a conflict.
    await push(app, theo, [
      update(1, 'service', 'test--v001', { nom: 'Colis alimentaire 1' }, { nom: 'Colis du lundi' }),
    ]);
    const late = await push(app, claire, [remove(1, 'service', 'test--v001', 1)]);
    expect(late.results).toEqual([{ id: 1, status: 'conflict', applied: [], conflicts: ['*'] }]);
    expect(await store.getStructure('test--s001', SERVER_READER)).toMatchObject({
      services: [{ id: 'test--v001', nom: 'Colis du lundi' }, { id: 'test--v002' }],
    });
    // Delete first, then an edit made before it: the edit is kept in a conflict that can restore the listing.
    await push(app, claire, [remove(2, 'service', 'test--v002', 1)]);
    const edit = await push(app, theo, [
      update(2, 'service', 'test--v002', { nom: 'Colis alimentaire 2' }, { nom: 'Colis du mardi' }),
    ]);
    expect(edit.results).toEqual([{ id: 2, status: 'conflict', applied: [], conflicts: ['*'] }]);
    const page = await pull(app, theo, cursor);
    expect(page.entries.map((e) => e.kind)).toContain('tombstone');
    const kept = conflictsIn(page).find((c) => c.record_id === 'test--v002');
    expect(kept).toMatchObject({
      field: '*',
      mine: { nom: 'Colis du mardi' },
      theirs: null,
      theirs_by: { nom: 'Claire' },
    });
    await push(app, theo, [resolve(3, kept?.id ?? '', true)]);
    expect(await store.getStructure('test--s001', SERVER_READER)).toMatchObject({
      services: [{ id: 'test--v001' }, { id: 'test--v002', nom: 'Colis du mardi', version: 2 }],
    });
  });
});

describe('deleting a whole structure', () => {
  it('is a coordinator’s decision; its services go first, each with a tombstone and a history line', async () => {
    const { app, store, theo, claire, cursor } = await twoWorkers();
    const refused = await push(app, theo, [remove(1, 'structure', 'test--s001', 1)]);
    expect(refused.results).toMatchObject([{ status: 'rejected', reason: { code: 'interdit' } }]);
    expect((await push(app, claire, [remove(1, 'structure', 'test--s001', 1)])).results).toEqual([
      { id: 1, status: 'applied' },
    ]);
    expect(await store.getStructure('test--s001', SERVER_READER)).toBeUndefined();
    const page = await pull(app, theo, cursor);
    expect(page.entries.map((e) => (e.kind === 'tombstone' ? `${e.record_kind}/${e.id}` : e.kind))).toEqual([
      'service/test--v001',
      'service/test--v002',
      'structure/test--s001',
    ]);
    expect(page.total).toBe(9 - 3);
    const history = await store.history({ kind: 'service', id: 'test--v002', limit: 5 });
    expect(history).toMatchObject([{ action: 'suppression', by: { nom: 'Claire' }, changes: { '*': { new: null } } }]);
  });
});

describe('GET /api/v1/history', () => {
  it('shows professionals who changed what, old and new values, at the server’s time', async () => {
    const { app, tina, claire } = await twoWorkers();
    await push(app, tina, [update(1, 'structure', 'test--s001', BASE, { telephone: '04 00 11 11 11' })]);
    await push(app, claire, [
      update(1, 'structure', 'test--s001', { telephone: '04 00 11 11 11' }, { telephone: null }),
    ]);
    const response = await app.request('/api/v1/history?kind=structure&id=test--s001', { headers: claire.auth });
    const history = historyResponseSchema.parse(await jsonOf(response));
    expect(history.entries).toMatchObject([
      {
        at: SERVER_NOW.toISOString(),
        by: { nom: 'Claire' },
        action: 'modification',
        changes: { telephone: { old: '04 00 11 11 11', new: null } },
      },
      {
        at: SERVER_NOW.toISOString(),
        by: { nom: 'Tina' },
        action: 'modification',
        changes: { telephone: { old: null, new: '04 00 11 11 11' } },
      },
    ]);
  });

  it('is for professionals only, and its query is checked', async () => {
    const { app, store, theo } = await twoWorkers();
    const partner: Device = await signInAs(app, store, {
      role: 'partenaire',
      nom: 'Épicerie',
      structure_id: 'test--s001',
    });
    const refused = await app.request('/api/v1/history?kind=structure&id=test--s001', { headers: partner.auth });
    expect([refused.status, apiErrorSchema.parse(await jsonOf(refused)).error.code]).toEqual([403, 'forbidden']);
    const bad = await app.request('/api/v1/history?kind=maison&id=test--s001', { headers: theo.auth });
    expect(apiErrorSchema.parse(await jsonOf(bad)).error.problems?.map((p) => p.path)).toEqual(['kind']);
  });

  it('never takes a date from the device: server-owned fields cannot be pushed', async () => {
    const { app, theo } = await twoWorkers();
    const result = await push(app, theo, [
      update(1, 'structure', 'test--s001', {}, { date_maj: '2030-01-01', version: 99 }),
    ]);
    expect(result.results).toMatchObject([
      { status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'date_maj' }, { path: 'version' }] } },
    ]);
  });
});
