// The field-level merge of record.update and the settling of conflicts (conflict.resolve), without any store:
// different fields merge, the same field conflicts with both values kept, nothing is ever silently lost.
import { describe, expect, it } from 'vitest';
import { makeService, makeStructure } from '../../tests/integration/fixtures/directory-fixture.ts';
import { decide } from './decide.ts';
import type { Actor, Decision, StoredConflict, SyncView } from './decision.ts';
import { COORDINATOR, type FakeState, fakeView, OTHER_WORKER, on, PARTNER, WORKER } from './testing/fake-view.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

function run(view: SyncView, actor: Actor, name: string, args: unknown): Promise<Decision> {
  return decide(view, { id: 7, parsed: { ok: true, mutation: { id: 7, name, args } as never }, actor, now: NOW });
}

const update = (view: SyncView, actor: Actor, id: string, base: object, changes: object, kind = 'structure') =>
  run(view, actor, 'record.update', { kind, id, base, changes });

/** Structure 1 at version 2, whose `nom` another worker changed from the seeded value. */
function edited(extra: Partial<FakeState> = {}): SyncView {
  return fakeView({
    structures: [makeStructure(1, { nom: 'Nom changé par Tina', version: 2 }), makeStructure(2)],
    services: [makeService(1, 'test--s001'), makeService(2, 'test--s002')],
    writes: [
      { kind: 'structure', id: 'test--s001', field: 'nom', account_id: OTHER_WORKER.id, client_id: 'tina', version: 2 },
    ],
    ...extra,
  });
}
const SEEDED_NOM = 'Épicerie solidaire de test 1';

describe('record.update', () => {
  it('writes a field the server still holds at `base`, with a new version, the server date and its history', async () => {
    const { result, operations } = await update(
      edited(),
      on(WORKER),
      'test--s001',
      { telephone: null },
      { telephone: '04 00 00 00 01' },
    );
    expect(result).toEqual({ id: 7, status: 'applied' });
    expect(operations).toMatchObject([
      {
        op: 'put',
        write: {
          record: { nom: 'Nom changé par Tina', telephone: '04 00 00 00 01', version: 3, date_maj: '2026-11-28' },
        },
        history: { action: 'modification', changes: { telephone: { old: null, new: '04 00 00 00 01' } } },
      },
    ]);
  });

  it('keeps both values of a field changed on both sides in a conflict, the server keeping theirs, and merges the others', async () => {
    const { result, operations } = await update(
      edited(),
      on(WORKER),
      'test--s001',
      { nom: SEEDED_NOM, telephone: null },
      { nom: 'Nom changé par Théo', telephone: '04 00 00 00 01' },
    );
    expect(result).toEqual({ id: 7, status: 'conflict', applied: ['telephone'], conflicts: ['nom'] });
    expect(operations).toMatchObject([
      { op: 'put', write: { record: { nom: 'Nom changé par Tina', telephone: '04 00 00 00 01' } } },
      {
        op: 'conflict',
        conflict: {
          record_kind: 'structure',
          record_id: 'test--s001',
          field: 'nom',
          base: SEEDED_NOM,
          mine: 'Nom changé par Théo',
          theirs: 'Nom changé par Tina',
          mine_by: WORKER.id,
          theirs_by: OTHER_WORKER.id,
        },
      },
    ]);
  });

  it('counts a field already at the new value as applied, writing nothing', async () => {
    const decision = await update(
      edited(),
      on(WORKER),
      'test--s001',
      { nom: SEEDED_NOM },
      { nom: 'Nom changé par Tina' },
    );
    expect(decision).toEqual({ result: { id: 7, status: 'applied' }, operations: [] });
  });

  it('lets a device overwrite its own earlier value that it has not pulled back yet', async () => {
    const view = edited({
      writes: [
        {
          kind: 'structure',
          id: 'test--s001',
          field: 'nom',
          account_id: WORKER.id,
          client_id: on(WORKER).clientId,
          version: 2,
        },
      ],
    });
    expect(
      (await update(view, on(WORKER), 'test--s001', { nom: SEEDED_NOM }, { nom: 'Encore changé' })).result.status,
    ).toBe('applied');
  });

  it('refuses server-owned and unknown fields (invalide) and `statut` from anyone but a coordinator (interdit)', async () => {
    const owned = await update(
      edited(),
      on(COORDINATOR),
      'test--s001',
      {},
      { version: 9, id: 'test--x', couleur: 'bleu' },
    );
    expect(owned.operations).toEqual([]);
    expect(owned.result).toMatchObject({ reason: { code: 'invalide' } });
    const paths = owned.result.status === 'rejected' ? owned.result.reason.problems?.map((p) => p.path) : [];
    expect(paths).toEqual(['couleur', 'id', 'version']);
    const statut = await update(edited(), on(WORKER), 'test--s001', { statut: 'publiee' }, { statut: 'proposee' });
    expect(statut).toMatchObject({ result: { reason: { code: 'interdit' } }, operations: [] });
  });

  it('lets a coordinator publish a proposed structure, moving its services to new seqs for every reader', async () => {
    const view = fakeView({
      structures: [makeStructure(1, { statut: 'proposee' })],
      services: [makeService(1, 'test--s001'), makeService(2, 'test--s001')],
    });
    const { operations } = await update(
      view,
      on(COORDINATOR),
      'test--s001',
      { statut: 'proposee' },
      { statut: 'publiee' },
    );
    expect(operations.map((o) => (o.op === 'put' ? [o.write.record.id, o.history?.action ?? 'seq'] : o.op))).toEqual([
      ['test--s001', 'modification'],
      ['test--v001', 'seq'],
      ['test--v002', 'seq'],
    ]);
  });

  it('refuses a partner editing another partner’s listing, changing nothing', async () => {
    const decision = await update(
      edited(),
      on(PARTNER),
      'test--s002',
      { telephone: null },
      { telephone: '04 00 00 00 02' },
    );
    expect(decision).toMatchObject({ result: { status: 'rejected', reason: { code: 'interdit' } }, operations: [] });
    const service = await update(edited(), on(PARTNER), 'test--v002', {}, { nom: 'Autre' }, 'service');
    expect(service.result).toMatchObject({ reason: { code: 'interdit' } });
    const own = await update(
      edited(),
      on(PARTNER),
      'test--v001',
      { nom: 'Colis alimentaire 1' },
      { nom: 'Mon colis' },
      'service',
    );
    expect(own.result.status).toBe('applied');
  });

  it('rejects `invalide` with the problem paths when the merged record would be invalid, keeping no conflict', async () => {
    const decision = await update(
      edited(),
      on(WORKER),
      'test--s001',
      { nom: SEEDED_NOM, code_postal: '69001' },
      { nom: 'Autre', code_postal: '6900' },
    );
    expect(decision).toMatchObject({
      result: { status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'code_postal' }] } },
      operations: [],
    });
  });

  it('turns an edit of a record deleted meanwhile into a conflict on `*` that keeps the edit', async () => {
    const view = fakeView({
      tombstones: [{ kind: 'service', record: makeService(3, 'test--s001') }],
      writes: [
        { kind: 'service', id: 'test--v003', field: '*', account_id: COORDINATOR.id, client_id: 'c', version: 1 },
      ],
    });
    const { result, operations } = await update(
      view,
      on(WORKER),
      'test--v003',
      { nom: 'Colis alimentaire 3' },
      { nom: 'Colis du mardi' },
      'service',
    );
    expect(result).toEqual({ id: 7, status: 'conflict', applied: [], conflicts: ['*'] });
    expect(operations).toMatchObject([
      {
        op: 'conflict',
        conflict: { field: '*', mine: { nom: 'Colis du mardi' }, theirs: null, theirs_by: COORDINATOR.id },
      },
    ]);
  });
});

describe('conflict.resolve', () => {
  const open = (over: Partial<StoredConflict> = {}): StoredConflict => ({
    id: 'conflit-1',
    record_kind: 'structure',
    record_id: 'test--s001',
    field: 'nom',
    base: SEEDED_NOM,
    mine: 'Nom changé par Théo',
    theirs: 'Nom changé par Tina',
    mine_by: WORKER.id,
    theirs_by: OTHER_WORKER.id,
    created_at: NOW.toISOString(),
    statut: 'ouvert',
    ...over,
  });
  const resolve = (view: SyncView, actor: Actor, value: unknown, conflictId = 'conflit-1') =>
    run(view, actor, 'conflict.resolve', { conflictId, value });

  it('writes the chosen value as a normal change and marks the conflict resolved', async () => {
    const { result, operations } = await resolve(edited({ conflicts: [open()] }), on(WORKER), 'Nom choisi');
    expect(result).toEqual({ id: 7, status: 'applied' });
    expect(operations).toMatchObject([
      {
        op: 'put',
        write: { record: { nom: 'Nom choisi', version: 3 } },
        history: { changes: { nom: { old: 'Nom changé par Tina', new: 'Nom choisi' } } },
      },
      { op: 'resolve', conflictId: 'conflit-1', resolution: 'Nom choisi', resolvedBy: WORKER.id },
    ]);
  });

  it('is open to both authors and coordinators only, and only once', async () => {
    expect((await resolve(edited({ conflicts: [open()] }), on(PARTNER), 'x')).result).toMatchObject({
      reason: { code: 'interdit' },
    });
    expect(
      (await resolve(edited({ conflicts: [open()] }), on(COORDINATOR), 'Nom changé par Tina')).operations,
    ).toMatchObject([{ op: 'resolve' }]);
    const done = edited({ conflicts: [open({ statut: 'resolu' })] });
    expect((await resolve(done, on(WORKER), 'x')).result).toMatchObject({ reason: { code: 'conflit-introuvable' } });
    expect((await resolve(done, on(WORKER), 'x', 'inconnu')).result).toMatchObject({
      reason: { code: 'conflit-introuvable' },
    });
  });

  it('settles a delete against an edit: null deletes the listing, any other value restores it with the edit', async () => {
    const deleted = fakeView({
      structures: [makeStructure(1)],
      tombstones: [{ kind: 'service', record: makeService(3, 'test--s001') }],
      conflicts: [
        open({
          record_kind: 'service',
          record_id: 'test--v003',
          field: '*',
          base: {},
          mine: { nom: 'Colis du mardi' },
          theirs: null,
        }),
      ],
    });
    const restored = await resolve(deleted, on(WORKER), true);
    expect(restored.operations).toMatchObject([
      {
        op: 'put',
        write: { record: { id: 'test--v003', nom: 'Colis du mardi', version: 2 } },
        history: { action: 'restauration' },
      },
      { op: 'resolve' },
    ]);
    expect((await resolve(deleted, on(WORKER), null)).operations).toMatchObject([{ op: 'resolve', resolution: null }]);
    const live = fakeView({
      structures: [makeStructure(1)],
      services: [makeService(3, 'test--s001', { version: 2 })],
      conflicts: [
        open({ record_kind: 'service', record_id: 'test--v003', field: '*', base: 1, mine: null, theirs: {} }),
      ],
    });
    expect((await resolve(live, on(WORKER), null)).operations).toMatchObject([
      { op: 'delete', id: 'test--v003' },
      { op: 'resolve' },
    ]);
    expect((await resolve(live, on(WORKER), 'garder')).operations).toMatchObject([
      { op: 'resolve', resolution: 'garder' },
    ]);
  });
});
