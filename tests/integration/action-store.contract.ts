// The programme of actions through the SyncStore contract, run against every implementation by
// sync-store.test.ts: actions are created, edited and deleted by the same mutations as listings, with the
// permissions of their kind (coordinators and organising partners write, workers read), reach readers through
// the same feed, and never reach a client of a protocol older than their kind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { ANONYMOUS_READER, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import type { Action } from '../../src/domain/action.ts';
import { anAction } from '../fixtures/actions.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, create, type Enrolled, enrol, remove, T0, update } from './fixtures/sync-fixture.ts';
import { entryKey } from './fixtures/test-app.ts';

/** An action of structure test--s00n, as a device sends it (the server sets version and date). */
function sent(n: number, id: string, overrides: Partial<Action> = {}): Record<string, unknown> {
  const {
    version: _v,
    date_maj: _d,
    ...record
  } = anAction(n, 1, {
    id,
    organisateurs: [`test--s00${n}`],
    lieu: { type: 'structure', structure_id: `test--s00${n}` },
    ...overrides,
  });
  return record;
}

export function actionStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`Actions through the SyncStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let worker: Enrolled;
    let partner: Enrolled;
    let otherPartner: Enrolled;
    let coordinator: Enrolled;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert([1, 2, 3].map((n) => ({ kind: 'structure' as const, record: makeStructure(n) })));
      worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
      partner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
      otherPartner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 2', structure_id: 'test--s002' });
      coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
    });
    afterEach(async () => harness.dispose());

    const statusOf = async (who: Enrolled, raw: { id: number } & Record<string, unknown>) => {
      const outcome = await apply(store, who.actor, raw);
      if (outcome.kind !== 'answered') throw new Error(outcome.kind);
      return outcome.result.status === 'rejected' ? outcome.result.reason.code : outcome.result.status;
    };

    it('a partner creates and edits its own actions; the server sets version and date', async () => {
      expect(await statusOf(partner, create(1, 'action', sent(1, 'test--atelier')))).toBe('applied');
      expect(
        await statusOf(
          partner,
          update(2, 'action', 'test--atelier', { titre: 'Atelier cuisine 1' }, { titre: 'Atelier soupes' }),
        ),
      ).toBe('applied');
      const page = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      const action = page.entries.find((e) => e.kind === 'action');
      expect(action?.record).toMatchObject({
        id: 'test--atelier',
        titre: 'Atelier soupes',
        version: 2,
        date_maj: '2026-11-28',
      });
      const history = await store.history({ kind: 'action', id: 'test--atelier', limit: 10 });
      expect(history.map((h) => h.action)).toEqual(['modification', 'creation']);
    });

    it('a partner cannot create an action it does not organise, nor edit or delete another partner’s', async () => {
      expect(await statusOf(partner, create(1, 'action', sent(2, 'test--autre')))).toBe('interdit');
      expect(await statusOf(otherPartner, create(1, 'action', sent(2, 'test--a2')))).toBe('applied');
      expect(
        await statusOf(partner, update(2, 'action', 'test--a2', { titre: 'Atelier cuisine 1' }, { titre: 'Pris' })),
      ).toBe('interdit');
      expect(await statusOf(partner, remove(3, 'action', 'test--a2', 1))).toBe('interdit');
      // A co-organised action: each organiser may edit it.
      expect(
        await statusOf(
          otherPartner,
          create(2, 'action', sent(2, 'test--co', { organisateurs: ['test--s002', 'test--s001'] })),
        ),
      ).toBe('applied');
      expect(
        await statusOf(partner, update(4, 'action', 'test--co', { titre: 'Atelier cuisine 1' }, { titre: 'Ensemble' })),
      ).toBe('applied');
    });

    it('workers read the programme but do not write it; coordinators write any action', async () => {
      expect(await statusOf(worker, create(1, 'action', sent(1, 'test--w')))).toBe('interdit');
      expect(await statusOf(coordinator, create(1, 'action', sent(3, 'test--c')))).toBe('applied');
      expect(
        await statusOf(worker, update(2, 'action', 'test--c', { titre: 'Atelier cuisine 1' }, { titre: 'Non' })),
      ).toBe('interdit');
      expect(await statusOf(worker, remove(3, 'action', 'test--c', 1))).toBe('interdit');
      const keys = (await store.pull({ cursor: 0, limit: 100, reader: readerOf(worker.account) })).entries.map(
        entryKey,
      );
      expect(keys).toContain('action/test--c');
      expect(await statusOf(coordinator, remove(2, 'action', 'test--c', 1))).toBe('applied');
    });

    it('an invalid action is rejected with the field and nothing is written; an unknown organiser is refused', async () => {
      const outcome = await apply(store, coordinator.actor, create(1, 'action', sent(1, 'test--x', { titre: '' })));
      expect(outcome).toMatchObject({ kind: 'answered', result: { status: 'rejected', reason: { code: 'invalide' } } });
      if (outcome.kind === 'answered' && outcome.result.status === 'rejected') {
        expect(outcome.result.reason.problems?.map((p) => p.path)).toContain('titre');
      }
      const unknown = await apply(
        store,
        coordinator.actor,
        create(2, 'action', sent(1, 'test--y', { organisateurs: ['test--s009'] })),
      );
      expect(unknown).toMatchObject({
        result: { status: 'rejected', reason: { code: 'introuvable', problems: [{ path: 'organisateurs[0]' }] } },
      });
      const page = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      expect(page.entries.filter((e) => e.kind === 'action')).toEqual([]);
    });

    it('professionals-only actions reach professionals and their organisers, public ones everybody', async () => {
      await apply(store, partner.actor, create(1, 'action', sent(1, 'test--pub')));
      await apply(store, partner.actor, create(2, 'action', sent(1, 'test--pro', { visibilite: 'professionnels' })));
      const actionsFor = async (reader: Parameters<DirectoryStore['pull']>[0]['reader']) => {
        const page = await store.pull({ cursor: 0, limit: 100, reader });
        return { keys: page.entries.filter((e) => e.kind === 'action').map(entryKey), total: page.total };
      };
      expect((await actionsFor(ANONYMOUS_READER)).keys).toEqual(['action/test--pub']);
      expect((await actionsFor(readerOf(otherPartner.account))).keys).toEqual(['action/test--pub']);
      expect((await actionsFor(readerOf(partner.account))).keys).toEqual(['action/test--pub', 'action/test--pro']);
      expect((await actionsFor(readerOf(worker.account))).keys).toEqual(['action/test--pub', 'action/test--pro']);
      // Totals count what the feed gives: 3 public structures + the visible actions.
      expect((await actionsFor(ANONYMOUS_READER)).total).toBe(4);
      expect((await actionsFor(readerOf(partner.account))).total).toBe(5);
      // The same rule for lists of one kind (the .ics feeds read them).
      expect((await store.listRecords('action', ANONYMOUS_READER)).map((a) => a.id)).toEqual(['test--pub']);
      expect((await store.listRecords('action', readerOf(partner.account))).map((a) => a.id)).toEqual([
        'test--pro',
        'test--pub',
      ]);
    });

    it('a client older than protocol 3 gets no action, tombstone or conflict of an action, nor counts them', async () => {
      await apply(store, partner.actor, create(1, 'action', sent(1, 'test--a')));
      const seen = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      await apply(store, partner.actor, remove(2, 'action', 'test--a', 1), T0);
      const old = await store.pull({ cursor: seen.cursor - 1, limit: 100, reader: SERVER_READER, protocol: 2 });
      expect(old.entries.map(entryKey)).toEqual([]);
      expect(old.total).toBe(3);
      const current = await store.pull({ cursor: seen.cursor, limit: 100, reader: SERVER_READER, protocol: 3 });
      expect(current.entries.map(entryKey)).toEqual(['tombstone/action/test--a']);
    });

    it('deleting a structure deletes the actions it organises alone and keeps the co-organised ones', async () => {
      await apply(store, partner.actor, create(1, 'action', sent(1, 'test--seul')));
      await apply(
        store,
        partner.actor,
        create(2, 'action', sent(1, 'test--co', { organisateurs: ['test--s001', 'test--s002'] })),
      );
      expect(await statusOf(coordinator, remove(1, 'structure', 'test--s001', 1))).toBe('applied');
      const live = (await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER })).entries.map(entryKey);
      expect(live).toContain('action/test--co');
      expect(live).not.toContain('action/test--seul');
      const history = await store.history({ kind: 'action', id: 'test--seul', limit: 10 });
      expect(history[0]?.action).toBe('suppression');
    });
  });
}
