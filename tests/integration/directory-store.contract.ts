// The contract every DirectoryStore implementation must honour (memory, SQLite, later PostgreSQL): one suite,
// run against each by directory-store.test.ts. Nothing here knows which implementation it is testing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DirectoryStore, InvalidEntryError } from '../../server/storage/directory-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { asWrites, makeDirectory, makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';

export function directoryStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`DirectoryStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
    });
    afterEach(async () => harness.dispose());

    it('starts empty, with an epoch of at least 8 characters that does not change between calls', async () => {
      expect(await store.counts()).toEqual({ structures: 0, services: 0 });
      expect(await store.page(0, 10)).toEqual({ entries: [], cursor: 0, hasMore: false, total: 0 });
      const epoch = await store.epoch();
      expect(epoch.length).toBeGreaterThanOrEqual(8);
      expect(await store.epoch()).toBe(epoch);
    });

    it('assigns strictly increasing seqs in the order of the batch, and later batches get higher seqs', async () => {
      const d = makeDirectory(2, 2);
      await store.upsert(asWrites(d));
      const first = (await store.page(0, 100)).entries;
      expect(first.map((e) => e.record.id)).toEqual(asWrites(d).map((w) => w.record.id));
      const firstSeqs = first.map((e) => e.seq);
      expect(firstSeqs).toEqual([...firstSeqs].sort((a, b) => a - b));
      expect(new Set(firstSeqs).size).toBe(firstSeqs.length);
      await store.upsert([{ kind: 'structure', record: makeStructure(9) }]);
      const [added] = (await store.page(Math.max(...firstSeqs), 100)).entries;
      expect(added?.record.id).toBe('test--s009');
      expect(added?.seq).toBeGreaterThan(Math.max(...firstSeqs));
    });

    it('moves a re-upserted record to a new seq without duplicating it, keeping the version as given', async () => {
      await store.upsert(asWrites(makeDirectory(3, 0)));
      const before = await store.page(0, 100);
      await store.upsert([{ kind: 'structure', record: makeStructure(1, { nom: 'Nouveau nom', version: 7 }) }]);
      const after = await store.page(0, 100);
      expect(after.entries.map((e) => e.record.id)).toEqual(['test--s002', 'test--s003', 'test--s001']);
      expect(after.total).toBe(3);
      const moved = after.entries.at(-1);
      expect(moved?.seq).toBeGreaterThan(before.cursor);
      expect(moved?.record).toMatchObject({ nom: 'Nouveau nom', version: 7 });
      // A client that had read everything before receives exactly the change.
      const delta = await store.page(before.cursor, 100);
      expect(delta.entries.map((e) => e.record.id)).toEqual(['test--s001']);
      expect(await store.counts()).toEqual({ structures: 3, services: 0 });
    });

    it('keeps only the last write when a batch writes the same record twice', async () => {
      await store.upsert([
        { kind: 'structure', record: makeStructure(1, { nom: 'Premier' }) },
        { kind: 'structure', record: makeStructure(2) },
        { kind: 'structure', record: makeStructure(1, { nom: 'Second' }) },
      ]);
      const { entries, total } = await store.page(0, 100);
      expect(entries.map((e) => [e.record.id, 'nom' in e.record ? e.record.nom : undefined])).toEqual([
        ['test--s002', 'Épicerie solidaire de test 2'],
        ['test--s001', 'Second'],
      ]);
      expect(total).toBe(2);
    });

    it('pages by seq: boundaries, hasMore, the returned cursor, and a cursor past the end', async () => {
      await store.upsert(asWrites(makeDirectory(7, 0)));
      const p1 = await store.page(0, 3);
      const p2 = await store.page(p1.cursor, 3);
      const p3 = await store.page(p2.cursor, 3);
      expect([p1, p2, p3].map((p) => [p.entries.length, p.hasMore, p.total])).toEqual([
        [3, true, 7],
        [3, true, 7],
        [1, false, 7],
      ]);
      expect(p1.cursor).toBe(p1.entries.at(-1)?.seq);
      const ids = [p1, p2, p3].flatMap((p) => p.entries.map((e) => e.record.id));
      expect(new Set(ids).size).toBe(7);
      const end = await store.page(p3.cursor, 3);
      expect(end).toEqual({ entries: [], cursor: p3.cursor, hasMore: false, total: 7 });
      expect(await store.page(p3.cursor + 1000, 3)).toMatchObject({ entries: [], cursor: p3.cursor + 1000 });
      // A page that ends exactly on the last record says there is nothing more.
      expect((await store.page(0, 7)).hasMore).toBe(false);
    });

    it('lists structures by id with keyset paging, optionally by commune', async () => {
      await store.upsert(asWrites(makeDirectory(5, 0)).reverse());
      const first = await store.listStructures({ reader: SERVER_READER, limit: 2 });
      expect(first.items.map((s) => s.id)).toEqual(['test--s001', 'test--s002']);
      expect(first.next).toBe('test--s002');
      const second = await store.listStructures({ reader: SERVER_READER, after: 'test--s002', limit: 2 });
      expect(second.items.map((s) => s.id)).toEqual(['test--s003', 'test--s004']);
      const last = await store.listStructures({ reader: SERVER_READER, after: 'test--s004', limit: 2 });
      expect(last).toMatchObject({ next: null, items: [{ id: 'test--s005' }] });
      const lyon1 = await store.listStructures({ reader: SERVER_READER, limit: 10, code_insee: '69381' });
      expect(lyon1).toEqual({ items: [makeStructure(2), makeStructure(4)], next: null });
      expect((await store.listStructures({ reader: SERVER_READER, limit: 4 })).next).toBe('test--s004');
      expect((await store.listStructures({ reader: SERVER_READER, limit: 5 })).next).toBeNull();
    });

    it('lists services by id, filtered by structure and by category', async () => {
      await store.upsert(asWrites(makeDirectory(2, 3)));
      const all = await store.listServices({ reader: SERVER_READER, limit: 4 });
      expect(all.items.map((v) => v.id)).toEqual(['test--v001', 'test--v002', 'test--v003', 'test--v004']);
      expect(all.next).toBe('test--v004');
      expect(
        (await store.listServices({ reader: SERVER_READER, limit: 4, after: 'test--v004' })).items.map((v) => v.id),
      ).toEqual(['test--v005', 'test--v006']);
      const ofSecond = await store.listServices({ reader: SERVER_READER, limit: 10, structure_id: 'test--s002' });
      expect(ofSecond.items.map((v) => v.id)).toEqual(['test--v004', 'test--v005', 'test--v006']);
      const groceries = await store.listServices({
        reader: SERVER_READER,
        limit: 10,
        categorie: 'social_grocery_stores',
      });
      expect(groceries.items.map((v) => v.id)).toEqual(['test--v003', 'test--v006']);
      const both = await store.listServices({
        reader: SERVER_READER,
        limit: 10,
        structure_id: 'test--s001',
        categorie: 'social_grocery_stores',
      });
      expect(both.items.map((v) => v.id)).toEqual(['test--v003']);
    });

    it('returns a structure with its services ordered by id, and undefined for an unknown id', async () => {
      const d = makeDirectory(2, 2);
      await store.upsert(asWrites(d).reverse());
      expect(await store.getStructure('test--s002', SERVER_READER)).toEqual({
        structure: d.structures[1],
        services: [d.services[2], d.services[3]],
      });
      expect(await store.getStructure('test--inconnue', SERVER_READER)).toBeUndefined();
      expect(await store.counts()).toEqual({ structures: 2, services: 4 });
    });

    it('refuses an invalid record and writes nothing of its batch, not even its meta', async () => {
      await store.upsert([{ kind: 'structure', record: makeStructure(1) }]);
      const before = await store.page(0, 100);
      const bad = makeStructure(3, { code_postal: 'abc' });
      const attempt = store.upsert(
        [
          { kind: 'structure', record: makeStructure(2) },
          { kind: 'service', record: makeService(1, 'test--s002') },
          { kind: 'structure', record: bad },
        ],
        { meta: { flag: 'set' } },
      );
      await expect(attempt).rejects.toBeInstanceOf(InvalidEntryError);
      await expect(attempt).rejects.toMatchObject({ index: 2, problems: [{ path: 'code_postal' }] });
      expect(await store.page(0, 100)).toEqual(before);
      expect(await store.counts()).toEqual({ structures: 1, services: 0 });
      expect(await store.getMeta('flag')).toBeUndefined();
      // Seqs of the failed batch are not visible; the next write still lands after everything read so far.
      await store.upsert([{ kind: 'structure', record: makeStructure(4) }]);
      const next = await store.page(before.cursor, 100);
      expect(next.entries.map((e) => e.record.id)).toEqual(['test--s004']);
    });

    it('refuses a service whose structure exists neither in the store nor in the batch', async () => {
      const attempt = store.upsert([
        { kind: 'structure', record: makeStructure(1) },
        { kind: 'service', record: makeService(1, 'test--s999') },
      ]);
      await expect(attempt).rejects.toMatchObject({ index: 1, problems: [{ path: 'structure_id' }] });
      expect(await store.counts()).toEqual({ structures: 0, services: 0 });
      // The structure may come later in the same batch.
      await store.upsert([
        { kind: 'service', record: makeService(2, 'test--s002') },
        { kind: 'structure', record: makeStructure(2) },
      ]);
      expect(await store.counts()).toEqual({ structures: 1, services: 1 });
    });

    it('writes meta with the batch, reads and overwrites meta, and never lets the epoch be rewritten', async () => {
      await store.upsert([{ kind: 'structure', record: makeStructure(1) }], { meta: { demo_seeded: 'oui' } });
      expect(await store.getMeta('demo_seeded')).toBe('oui');
      await store.setMeta('demo_seeded', 'encore');
      expect(await store.getMeta('demo_seeded')).toBe('encore');
      expect(await store.getMeta('absente')).toBeUndefined();
      const epoch = await store.epoch();
      await expect(store.setMeta('epoch', 'x'.repeat(12))).rejects.toThrow();
      await expect(store.upsert([], { meta: { epoch: 'y'.repeat(12) } })).rejects.toThrow();
      expect(await store.epoch()).toBe(epoch);
    });

    it('hands out copies: mutating a record given or received does not change the stored one', async () => {
      const structure = makeStructure(1);
      await store.upsert([{ kind: 'structure', record: structure }]);
      structure.nom = 'Modifié après écriture';
      const read = await store.getStructure('test--s001', SERVER_READER);
      expect(read?.structure.nom).toBe('Épicerie solidaire de test 1');
      if (read) read.structure.nom = 'Modifié après lecture';
      expect((await store.getStructure('test--s001', SERVER_READER))?.structure.nom).toBe(
        'Épicerie solidaire de test 1',
      );
    });

    it('gives new storage a new epoch', async () => {
      const other = await harness.openFresh();
      expect(await other.epoch()).not.toBe(await store.epoch());
    });

    it('keeps its epoch, records and seqs across a close and reopen of the same storage', async () => {
      if (!harness.reopen) return; // storage that does not outlive close (memory) has nothing to keep
      await store.upsert(asWrites(makeDirectory(2, 1)), { meta: { demo_seeded: 'oui' } });
      const epoch = await store.epoch();
      const page = await store.page(0, 100);
      store = await harness.reopen(store);
      expect(await store.epoch()).toBe(epoch);
      expect(await store.page(0, 100)).toEqual(page);
      expect(await store.getMeta('demo_seeded')).toBe('oui');
      await store.upsert([{ kind: 'structure', record: makeStructure(1) }]);
      expect((await store.page(page.cursor, 100)).entries.map((e) => e.record.id)).toEqual(['test--s001']);
    });
  });
}
