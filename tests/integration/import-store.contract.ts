// The import half of the SyncStore contract (importRecords, server/sync/decide-import.ts), run against every
// implementation by import-store.test.ts: an import is an attributed change that devices pull; re-importing writes
// nothing; valid records are written together and invalid ones reported; a deleted listing stays deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import type { ImportItem } from '../../server/sync/decide-import.ts';
import { type DirectoryRecord, SYSTEM_AUTHOR_ID } from '../../server/sync/decision.ts';
import { readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import { makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, enrol, remove, T0 } from './fixtures/sync-fixture.ts';

/** An item that writes `patch` over the live listing (or `record` when new), as the importers' merges do. */
function item(kind: RecordKind, record: DirectoryRecord, position: string, patch: object = {}): ImportItem {
  return {
    kind,
    id: record.id,
    position,
    build: (existing) => ({ ok: true, record: { ...(existing ?? record), ...patch } as DirectoryRecord }),
  };
}

export function importStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`SyncStore import contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    const s1 = makeStructure(1);
    const s2 = makeStructure(2);
    const v1 = makeService(1, 'test--s001');
    const batch = () => [item('structure', s1, 'l2'), item('service', v1, 'l3'), item('structure', s2, 'l4')];

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
    });
    afterEach(async () => harness.dispose());

    it('creates records at new seqs with a history line by the importer, and devices pull them', async () => {
      const outcomes = await store.importRecords({ items: batch(), author: SYSTEM_AUTHOR_ID, now: T0 });
      expect(outcomes.map((o) => o.status)).toEqual(['creee', 'creee', 'creee']);
      const feed = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      expect(feed.entries.map((e) => (e.kind === 'structure' || e.kind === 'service' ? e.record.id : e.kind))).toEqual([
        s1.id,
        v1.id,
        s2.id,
      ]);
      const [line] = await store.history({ kind: 'service', id: v1.id, limit: 10 });
      expect(line).toMatchObject({
        action: 'creation',
        at: '2026-11-28T09:00:00.000Z',
        by: { account_id: SYSTEM_AUTHOR_ID, nom: 'Import ou administration' },
      });
    });

    it('writes nothing when the same file is imported again, and only the changed fields when it changed', async () => {
      await store.importRecords({ items: batch(), author: SYSTEM_AUTHOR_ID, now: T0 });
      const head = (await store.feedHead()).lastSeq;
      const again = await store.importRecords({ items: batch(), author: SYSTEM_AUTHOR_ID, now: T0 });
      expect(again.map((o) => o.status)).toEqual(['inchangee', 'inchangee', 'inchangee']);
      expect((await store.feedHead()).lastSeq).toBe(head);

      const changed = await store.importRecords({
        items: [item('structure', s2, 'l4', { telephone: '04 00 00 99 99' })],
        author: SYSTEM_AUTHOR_ID,
        now: T0,
      });
      expect(changed).toEqual([{ kind: 'structure', id: s2.id, position: 'l4', status: 'modifiee' }]);
      const page = await store.pull({ cursor: head, limit: 100, reader: SERVER_READER });
      expect(page.entries).toMatchObject([{ kind: 'structure', record: { id: s2.id, version: 2 } }]);
      const [line] = await store.history({ kind: 'structure', id: s2.id, limit: 10 });
      expect(line?.changes).toEqual({ telephone: { old: s2.telephone ?? null, new: '04 00 00 99 99' } });
    });

    it('writes the valid records together and reports the invalid ones with their field', async () => {
      const orphan = makeService(2, 'test--s404');
      const outcomes = await store.importRecords({
        items: [
          item('structure', s1, 'l2'),
          item('structure', s2, 'l3', { code_postal: '6900' }),
          item('service', orphan, 'l4'),
          item('structure', s1, 'l5'),
          {
            kind: 'structure',
            id: 'test--s009',
            position: 'l6',
            build: () => ({ ok: false, problems: [{ path: 'nom', message: 'Trop court' }] }),
          },
        ],
        author: SYSTEM_AUTHOR_ID,
        now: T0,
      });
      expect(outcomes.map((o) => [o.position, o.status, o.problems?.map((p) => p.path)])).toEqual([
        ['l2', 'creee', undefined],
        ['l3', 'rejetee', ['code_postal']],
        ['l4', 'rejetee', ['structure_id']],
        ['l5', 'rejetee', ['id']],
        ['l6', 'rejetee', ['nom']],
      ]);
      expect(await store.counts()).toEqual({ structures: 1, services: 0 });
    });

    it('leaves a listing deleted in Boussole deleted', async () => {
      await store.importRecords({ items: batch(), author: SYSTEM_AUTHOR_ID, now: T0 });
      const coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
      await apply(store, coordinator.actor, remove(1, 'structure', s2.id, 1));
      const outcomes = await store.importRecords({ items: batch(), author: SYSTEM_AUTHOR_ID, now: T0 });
      expect(outcomes.map((o) => o.status)).toEqual(['inchangee', 'inchangee', 'supprimee']);
      expect(await store.getStructure(s2.id, readerOf(coordinator.account))).toBeUndefined();
    });
  });
}
