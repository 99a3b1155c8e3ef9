// The SyncStore contract (server/storage/sync-store.ts), run against every implementation by sync-store.test.ts:
// each mutation in a transaction with the client's last id and its stored result (a push's consecutive mutations
// may share one: applyMutations), and a feed filtered per reader.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { ANONYMOUS_READER, type Reader, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import { makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, applyAll, create, type Enrolled, enrol, remove, resolve, T0, update } from './fixtures/sync-fixture.ts';
import { entryKey } from './fixtures/test-app.ts';

/** s001 is the partner's (professionals only), s002 public, s003 proposed, s004 professionals only. */
const DIRECTORY = [
  { kind: 'structure', record: makeStructure(1, { visibilite: 'professionnels' }) },
  { kind: 'service', record: makeService(1, 'test--s001') },
  { kind: 'service', record: makeService(2, 'test--s001', { visibilite: 'professionnels' }) },
  { kind: 'structure', record: makeStructure(2) },
  { kind: 'service', record: makeService(3, 'test--s002') },
  { kind: 'service', record: makeService(4, 'test--s002', { visibilite: 'professionnels' }) },
  { kind: 'structure', record: makeStructure(3, { statut: 'proposee' }) },
  { kind: 'service', record: makeService(5, 'test--s003') },
  { kind: 'structure', record: makeStructure(4, { visibilite: 'professionnels' }) },
  { kind: 'service', record: makeService(6, 'test--s004') },
] as const;

export function syncStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`SyncStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let worker: Enrolled;
    let other: Enrolled;
    let partner: Enrolled;
    let coordinator: Enrolled;

    const keys = async (reader: Reader, cursor = 0) =>
      (await store.pull({ cursor, limit: 100, reader })).entries.map(entryKey);

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert(DIRECTORY);
      worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
      other = await enrol(store, { role: 'travailleur', nom: 'Tina' });
      partner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
      coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
    });
    afterEach(async () => harness.dispose());

    it('feeds each reader what it may see, with a total that counts exactly that', async () => {
      const expected: Array<[Reader, string[]]> = [
        [ANONYMOUS_READER, ['structure/test--s002', 'service/test--v003']],
        [
          readerOf(partner.account),
          [
            'structure/test--s001',
            'service/test--v001',
            'service/test--v002',
            'structure/test--s002',
            'service/test--v003',
          ],
        ],
        // A proposal (s003, proposed by nobody here) reaches coordinators only, its services with it.
        [
          readerOf(worker.account),
          DIRECTORY.map((w) => `${w.kind}/${w.record.id}`).filter((k) => !k.endsWith('s003') && !k.endsWith('v005')),
        ],
        [readerOf(coordinator.account), DIRECTORY.map((w) => `${w.kind}/${w.record.id}`)],
      ];
      for (const [reader, visible] of expected) {
        const page = await store.pull({ cursor: 0, limit: 100, reader });
        // The partner's sign-in moved its structure to a new seq (`recoit_orientations`): compare as sets.
        expect(page.entries.map(entryKey).sort()).toEqual([...visible].sort());
        expect(page).toMatchObject({ total: visible.length, hasMore: false, lastMutationId: null });
      }
      const withClient = await store.pull({
        cursor: 0,
        limit: 3,
        reader: SERVER_READER,
        clientId: worker.actor.clientId,
      });
      expect(withClient).toMatchObject({ lastMutationId: 0, hasMore: true, total: 10 });
    });

    it('applies a mutation once with its history; a retry gets the stored result and applies nothing', async () => {
      const before = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      const mutation = update(1, 'structure', 'test--s002', { telephone: null }, { telephone: '04 00 00 00 02' });
      expect(await apply(store, worker.actor, mutation)).toEqual({
        kind: 'answered',
        result: { id: 1, status: 'applied' },
        lastMutationId: 1,
        replayed: false,
      });
      const again = await apply(store, worker.actor, mutation, new Date(T0.getTime() + 60_000));
      expect(again).toMatchObject({ kind: 'answered', result: { id: 1, status: 'applied' }, replayed: true });
      const delta = await store.pull({
        cursor: before.cursor,
        limit: 100,
        reader: SERVER_READER,
        clientId: worker.actor.clientId,
      });
      expect(delta.entries).toMatchObject([{ kind: 'structure', record: { telephone: '04 00 00 00 02', version: 2 } }]);
      expect(delta.lastMutationId).toBe(1);
      expect(await store.history({ kind: 'structure', id: 'test--s002', limit: 10 })).toEqual([
        {
          seq: delta.cursor,
          at: T0.toISOString(),
          by: { account_id: worker.account.id, nom: 'Théo' },
          action: 'modification',
          changes: { telephone: { old: null, new: '04 00 00 00 02' } },
        },
      ]);
    });

    it('refuses an id reused for another content and a gap, changing nothing', async () => {
      await apply(
        store,
        worker.actor,
        update(1, 'structure', 'test--s002', { nom: 'Épicerie solidaire de test 2' }, { nom: 'Nom un' }),
      );
      const reused = await apply(store, worker.actor, update(1, 'structure', 'test--s002', {}, { nom: 'Deux' }));
      expect(reused).toMatchObject({
        kind: 'reused',
        lastMutationId: 1,
        result: { status: 'rejected', reason: { code: 'identifiant-reutilise' } },
      });
      expect(await apply(store, worker.actor, update(3, 'structure', 'test--s002', {}, { nom: 'Trois' }))).toEqual({
        kind: 'gap',
        expected: 2,
        lastMutationId: 1,
      });
      expect((await store.getStructure('test--s002', SERVER_READER))?.structure.nom).toBe('Nom un');
      const stranger = { ...worker.actor, clientId: 'appareil-jamais-connecte' };
      expect(await apply(store, stranger, update(1, 'structure', 'test--s002', {}, { nom: 'X' }))).toEqual({
        kind: 'unknown-client',
      });
    });

    it('applies consecutive mutations in one transaction, each reading those before, and stops at a gap', async () => {
      const before = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      const outcomes = await applyAll(store, worker.actor, [
        update(1, 'structure', 'test--s002', { nom: 'Épicerie solidaire de test 2' }, { nom: 'Nom un' }),
        // Its base is what the first wrote: a decision that did not read it would answer a conflict.
        update(2, 'structure', 'test--s002', { nom: 'Nom un' }, { nom: 'Nom deux' }),
        update(4, 'structure', 'test--s002', { nom: 'Nom deux' }, { nom: 'Après un trou' }),
        update(5, 'structure', 'test--s002', { nom: 'Nom deux' }, { nom: 'Jamais lu' }),
      ]);
      expect(outcomes).toEqual([
        { kind: 'answered', result: { id: 1, status: 'applied' }, lastMutationId: 1, replayed: false },
        { kind: 'answered', result: { id: 2, status: 'applied' }, lastMutationId: 2, replayed: false },
        { kind: 'gap', expected: 3, lastMutationId: 2 },
      ]);
      const delta = await store.pull({
        cursor: before.cursor,
        limit: 100,
        reader: SERVER_READER,
        clientId: worker.actor.clientId,
      });
      expect(delta.entries).toMatchObject([{ kind: 'structure', record: { nom: 'Nom deux', version: 3 } }]);
      expect(delta.lastMutationId).toBe(2);
      const history = await store.history({ kind: 'structure', id: 'test--s002', limit: 10 });
      expect(history.map((h) => h.seq)).toEqual([delta.cursor, delta.cursor - 1]);
    });

    it('after an epoch rotation, has a new epoch and accepts one jump in each client’s ids', async () => {
      await apply(store, worker.actor, update(1, 'structure', 'test--s002', {}, { nom: 'Un' }));
      const epoch = await store.epoch();
      const rotated = await store.rotateEpoch();
      expect(rotated).not.toBe(epoch);
      expect(await store.epoch()).toBe(rotated);
      expect(await apply(store, worker.actor, update(1, 'structure', 'test--s002', {}, { nom: 'Un' }))).toMatchObject({
        replayed: true,
      });
      expect(await apply(store, worker.actor, update(5, 'structure', 'test--s002', {}, { nom: 'Cinq' }))).toMatchObject(
        { kind: 'answered', lastMutationId: 5 },
      );
      expect(await apply(store, worker.actor, update(7, 'structure', 'test--s002', {}, { nom: 'Sept' }))).toMatchObject(
        { kind: 'gap', expected: 6 },
      );
    });

    it('advances lastMutationId on a rejection without writing anything else', async () => {
      const before = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      const outcome = await apply(store, partner.actor, update(1, 'structure', 'test--s002', {}, { nom: 'Pris' }));
      expect(outcome).toMatchObject({
        kind: 'answered',
        lastMutationId: 1,
        result: { status: 'rejected', reason: { code: 'interdit' } },
      });
      const after = await store.pull({
        cursor: before.cursor,
        limit: 100,
        reader: SERVER_READER,
        clientId: partner.actor.clientId,
      });
      expect(after).toMatchObject({ entries: [], cursor: before.cursor, lastMutationId: 1 });
    });

    it('sends tombstones after a cursor for deleted records and for records that became hidden, never from 0', async () => {
      const { cursor } = await store.pull({ cursor: 0, limit: 100, reader: ANONYMOUS_READER });
      await apply(store, coordinator.actor, remove(1, 'service', 'test--v003', 1));
      expect(await keys(ANONYMOUS_READER, cursor)).toEqual(['tombstone/service/test--v003']);
      expect(await keys(ANONYMOUS_READER)).toEqual(['structure/test--s002']);
      // s002 turns professionals-only: anonymous readers get it, and its services, as tombstones.
      await apply(
        store,
        coordinator.actor,
        update(2, 'structure', 'test--s002', { visibilite: 'public' }, { visibilite: 'professionnels' }),
      );
      expect(await keys(ANONYMOUS_READER, cursor)).toEqual([
        'tombstone/service/test--v003',
        'tombstone/structure/test--s002',
        'tombstone/service/test--v004',
      ]);
      expect(await keys(readerOf(worker.account), cursor)).toEqual([
        'tombstone/service/test--v003',
        'structure/test--s002',
        'service/test--v004',
      ]);
      expect((await store.pull({ cursor: 0, limit: 100, reader: ANONYMOUS_READER })).total).toBe(0);
    });

    it('sends a conflict to its two authors and coordinators only, then again when resolved', async () => {
      await apply(
        store,
        other.actor,
        update(1, 'structure', 'test--s002', { nom: 'Épicerie solidaire de test 2' }, { nom: 'Par Tina' }),
      );
      const { cursor } = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      const outcome = await apply(
        store,
        worker.actor,
        update(1, 'structure', 'test--s002', { nom: 'Épicerie solidaire de test 2' }, { nom: 'Par Théo' }),
      );
      expect(outcome).toMatchObject({ result: { status: 'conflict', applied: [], conflicts: ['nom'] } });
      const seen = async (who: Enrolled) =>
        (await store.pull({ cursor, limit: 100, reader: readerOf(who.account) })).entries;
      const [entry] = await seen(worker);
      expect(entry).toMatchObject({
        kind: 'conflict',
        conflict: {
          field: 'nom',
          base: 'Épicerie solidaire de test 2',
          mine: 'Par Théo',
          theirs: 'Par Tina',
          mine_by: { account_id: worker.account.id, nom: 'Théo' },
          theirs_by: { account_id: other.account.id, nom: 'Tina' },
          created_at: T0.toISOString(),
          statut: 'ouvert',
        },
      });
      expect(await seen(other)).toEqual([entry]);
      expect(await seen(coordinator)).toEqual([entry]);
      expect(await seen(partner)).toEqual([]);
      expect(await keys(ANONYMOUS_READER, cursor)).toEqual([]);
      if (entry?.kind !== 'conflict') throw new Error('conflict expected');
      await apply(store, worker.actor, resolve(2, entry.conflict.id, 'Par Théo'));
      expect((await seen(other)).map((e) => (e.kind === 'conflict' ? e.conflict.statut : e.kind))).toEqual([
        'structure',
        'resolu',
      ]);
      expect((await store.getStructure('test--s002', SERVER_READER))?.structure.nom).toBe('Par Théo');
    });

    it('lets a device build on its own changes it has not pulled back yet, without conflicting with itself', async () => {
      const seeded = { nom: 'Épicerie solidaire de test 2' };
      await apply(store, worker.actor, update(1, 'structure', 'test--s002', seeded, { nom: 'Premier nom' }));
      // Same stale base (no pull in between): the server value is the device's own, so it is replaced.
      const second = await apply(
        store,
        worker.actor,
        update(2, 'structure', 'test--s002', seeded, { nom: 'Second nom' }),
      );
      expect(second).toMatchObject({ result: { status: 'applied' } });
      // Deleting from an old version over its own edits is no conflict either; over someone else's it is.
      await apply(
        store,
        other.actor,
        update(1, 'service', 'test--v004', { nom: 'Colis alimentaire 4' }, { nom: 'Par Tina' }),
      );
      expect(await apply(store, worker.actor, remove(3, 'service', 'test--v004', 1))).toMatchObject({
        result: { status: 'conflict', conflicts: ['*'] },
      });
      expect(await apply(store, coordinator.actor, remove(1, 'structure', 'test--s002', 1))).toMatchObject({
        result: { status: 'conflict' },
      });
      await apply(
        store,
        worker.actor,
        update(4, 'service', 'test--v003', { nom: 'Colis alimentaire 3' }, { nom: 'Le mien' }),
      );
      expect(await apply(store, worker.actor, remove(5, 'service', 'test--v003', 1))).toMatchObject({
        result: { status: 'applied' },
      });
    });

    it('never answers a cursor above its last seq: a client from the future starts over', async () => {
      const { cursor } = await store.pull({ cursor: 0, limit: 100, reader: SERVER_READER });
      expect(await store.pull({ cursor: cursor + 500, limit: 100, reader: SERVER_READER })).toMatchObject({
        entries: [],
        cursor,
      });
    });

    it('creates records whose feed position and history are those of the creation', async () => {
      await apply(store, worker.actor, create(1, 'structure', makeStructure(9)));
      expect(await keys(ANONYMOUS_READER, 0)).not.toContain('structure/test--s009');
      // Seq 11 is the partner's structure, rewritten with `recoit_orientations` when the partner signed in.
      const [created] = (await store.pull({ cursor: 11, limit: 100, reader: SERVER_READER })).entries;
      expect(created).toMatchObject({
        kind: 'structure',
        record: { id: 'test--s009', statut: 'proposee', version: 1 },
      });
      expect(await store.history({ kind: 'structure', id: 'test--s009', limit: 5 })).toMatchObject([
        { action: 'creation' },
      ]);
    });

    it('keeps stored results and each client’s last mutation id across a close and reopen', async () => {
      if (!harness.reopen) return;
      const mutation = update(1, 'structure', 'test--s002', {}, { nom: 'Avant redémarrage' });
      await apply(store, worker.actor, mutation);
      store = await harness.reopen(store);
      expect(await apply(store, worker.actor, mutation)).toMatchObject({ replayed: true, lastMutationId: 1 });
      expect(
        (await store.pull({ cursor: 0, limit: 1, reader: SERVER_READER, clientId: worker.actor.clientId }))
          .lastMutationId,
      ).toBe(1);
      expect(await apply(store, worker.actor, update(3, 'structure', 'test--s002', {}, { nom: 'X' }))).toMatchObject({
        kind: 'gap',
      });
    });
  });
}
