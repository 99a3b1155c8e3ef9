// The pure decision of record.create and record.delete, without any store: permissions per role, server-owned
// fields set from the server clock, validation with the domain schemas, delete against a concurrent edit.
import { describe, expect, it } from 'vitest';
import { makeService, makeStructure } from '../../tests/integration/fixtures/directory-fixture.ts';
import { decide } from './decide.ts';
import type { Actor, DecideInput, Decision, SyncView } from './decision.ts';
import { COORDINATOR, fakeView, OTHER_WORKER, on, PARTNER, WORKER } from './testing/fake-view.ts';

/** 00:30 on 29 November in Lyon, still the 28th in UTC: date_maj must be the French date. */
const NOW = new Date('2026-11-28T23:30:00Z');

function run(view: SyncView, actor: Actor, mutation: unknown, id = 1): Promise<Decision> {
  const input: DecideInput = { id, parsed: { ok: true, mutation: mutation as never }, actor, now: NOW };
  return decide(view, input);
}

const create = (kind: 'structure' | 'service', record: Record<string, unknown>) => ({
  id: 1,
  name: 'record.create',
  args: { kind, record },
});
const del = (kind: 'structure' | 'service', id: string, baseVersion: number) => ({
  id: 1,
  name: 'record.delete',
  args: { kind, id, baseVersion },
});

describe('record.create', () => {
  const directory = () => fakeView({ structures: [makeStructure(1), makeStructure(2)], services: [] });

  it('sets version 1, the Lyon date and no verification, whatever the device sent', async () => {
    const record = {
      ...makeStructure(9),
      version: 42,
      date_maj: '2001-01-01',
      verification: { le: NOW.toISOString(), par: 'moi' },
    };
    const { result, operations } = await run(directory(), on(COORDINATOR), create('structure', record));
    expect(result).toEqual({ id: 1, status: 'applied' });
    expect(operations).toMatchObject([
      {
        op: 'put',
        write: {
          kind: 'structure',
          record: { id: 'test--s009', version: 1, date_maj: '2026-11-29', verification: null, statut: 'publiee' },
        },
        history: { action: 'creation' },
      },
    ]);
  });

  it('makes a structure created by a worker `proposee`, even when the worker sent `publiee`', async () => {
    const { operations } = await run(
      directory(),
      on(WORKER),
      create('structure', makeStructure(9, { statut: 'publiee' })),
    );
    expect(operations[0]).toMatchObject({ write: { record: { statut: 'proposee' } } });
  });

  it('refuses a structure from a partner account, and a service for another partner’s structure', async () => {
    const structure = await run(directory(), on(PARTNER), create('structure', makeStructure(9)));
    expect(structure).toMatchObject({ result: { status: 'rejected', reason: { code: 'interdit' } }, operations: [] });
    const foreign = await run(directory(), on(PARTNER), create('service', makeService(9, 'test--s002')));
    expect(foreign).toMatchObject({ result: { status: 'rejected', reason: { code: 'interdit' } }, operations: [] });
    const own = await run(directory(), on(PARTNER), create('service', makeService(9, 'test--s001')));
    expect(own.result.status).toBe('applied');
  });

  it('refuses an invalid record with the paths of its problems inside the record', async () => {
    const { result, operations } = await run(
      directory(),
      on(WORKER),
      create('structure', { ...makeStructure(9), code_postal: 'abc', nom: 'X' }),
    );
    expect(operations).toEqual([]);
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'invalide' } });
    const paths = result.status === 'rejected' ? result.reason.problems?.map((p) => p.path).sort() : [];
    expect(paths).toEqual(['code_postal', 'nom']);
  });

  it('refuses unknown fields instead of dropping them, `__proto__` included', async () => {
    const record = JSON.parse(`{"__proto__": {"nom": "Cachée"}, "couleur": "bleu", "id": "test--s009"}`);
    const { result, operations } = await run(
      directory(),
      on(WORKER),
      create('structure', { ...makeStructure(9), ...record }),
    );
    expect(operations).toEqual([]);
    const paths = result.status === 'rejected' ? result.reason.problems?.map((p) => p.path).sort() : [];
    expect(paths).toEqual(['__proto__', 'couleur']);
  });

  it('treats null as "absent" for an optional field (JSON has no undefined)', async () => {
    const { result } = await run(
      directory(),
      on(WORKER),
      create('structure', { ...makeStructure(9), telephone: null }),
    );
    expect(result.status).toBe('applied');
  });

  it('refuses an id already used, even by a deleted record, and a service whose structure is gone', async () => {
    const view = fakeView({
      structures: [makeStructure(1)],
      tombstones: [{ kind: 'structure', record: makeStructure(5) }],
    });
    expect((await run(view, on(WORKER), create('structure', makeStructure(1)))).result).toMatchObject({
      reason: { code: 'deja-existant' },
    });
    expect((await run(view, on(WORKER), create('structure', makeStructure(5)))).result).toMatchObject({
      reason: { code: 'deja-existant' },
    });
    expect((await run(view, on(WORKER), create('service', makeService(9, 'test--s005')))).result).toMatchObject({
      reason: { code: 'introuvable', problems: [{ path: 'structure_id' }] },
    });
  });
});

describe('record.delete', () => {
  const state = () => ({
    structures: [makeStructure(1, { version: 3 })],
    services: [makeService(1, 'test--s001'), makeService(2, 'test--s001', { version: 2 })],
  });

  it('deletes a service seen at its current version, keeping its last content for the tombstone and history', async () => {
    const { result, operations } = await run(fakeView(state()), on(WORKER), del('service', 'test--v002', 2));
    expect(result).toEqual({ id: 1, status: 'applied' });
    expect(operations).toMatchObject([
      {
        op: 'delete',
        kind: 'service',
        id: 'test--v002',
        last: { id: 'test--v002' },
        history: { action: 'suppression' },
      },
    ]);
  });

  it('deletes a whole structure (coordinator only), its services first', async () => {
    const { operations } = await run(fakeView(state()), on(COORDINATOR), del('structure', 'test--s001', 3));
    expect(operations.map((o) => (o.op === 'delete' ? o.id : o.op))).toEqual([
      'test--v001',
      'test--v002',
      'test--s001',
    ]);
    const byWorker = await run(fakeView(state()), on(WORKER), del('structure', 'test--s001', 3));
    expect(byWorker).toMatchObject({ result: { reason: { code: 'interdit' } }, operations: [] });
    const byPartner = await run(fakeView(state()), on(PARTNER), del('structure', 'test--s001', 3));
    expect(byPartner).toMatchObject({ result: { reason: { code: 'interdit' } }, operations: [] });
  });

  it('turns a delete of a record someone else changed since into a conflict on `*`, keeping the record', async () => {
    const view = fakeView({
      ...state(),
      writes: [
        {
          kind: 'service',
          id: 'test--v002',
          field: 'nom',
          account_id: OTHER_WORKER.id,
          client_id: 'autre',
          version: 2,
        },
      ],
    });
    const { result, operations } = await run(view, on(WORKER), del('service', 'test--v002', 1));
    expect(result).toEqual({ id: 1, status: 'conflict', applied: [], conflicts: ['*'] });
    expect(operations).toMatchObject([
      {
        op: 'conflict',
        conflict: {
          field: '*',
          base: 1,
          mine: null,
          theirs: { id: 'test--v002', version: 2 },
          mine_by: WORKER.id,
          theirs_by: OTHER_WORKER.id,
        },
      },
    ]);
  });

  it('deletes over the device’s own later edits without a conflict', async () => {
    const view = fakeView({
      ...state(),
      writes: [
        {
          kind: 'service',
          id: 'test--v002',
          field: 'nom',
          account_id: WORKER.id,
          client_id: on(WORKER).clientId,
          version: 2,
        },
      ],
    });
    expect((await run(view, on(WORKER), del('service', 'test--v002', 1))).result.status).toBe('applied');
  });

  it('answers `applied` for a record already deleted, and `introuvable` for one that never existed', async () => {
    const view = fakeView({ tombstones: [{ kind: 'service', record: makeService(7, 'test--s001') }] });
    expect(await run(view, on(WORKER), del('service', 'test--v007', 1))).toEqual({
      result: { id: 1, status: 'applied' },
      operations: [],
    });
    expect((await run(view, on(WORKER), del('service', 'test--v404', 1))).result).toMatchObject({
      reason: { code: 'introuvable' },
    });
  });
});

describe('a mutation the route could not parse', () => {
  it('is answered with the route’s rejection and changes nothing', async () => {
    const decision = await decide(fakeView({}), {
      id: 4,
      parsed: { ok: false, rejection: { code: 'mutation-inconnue', message: 'Inconnue' } },
      actor: on(WORKER),
      now: NOW,
    });
    expect(decision).toEqual({
      result: { id: 4, status: 'rejected', reason: { code: 'mutation-inconnue', message: 'Inconnue' } },
      operations: [],
    });
  });
});
