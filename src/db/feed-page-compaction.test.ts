import { afterEach, describe, expect, it, vi } from 'vitest';
import { anAction } from '../../tests/fixtures/actions.ts';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import type { FeedEntry } from '../domain/directory.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage, readStructure, readStructures, serviceIdsOf } from './directory-repo.ts';
import { readDirectoryRows } from './directory-rows.ts';
import { countDirectory } from './directory-state.ts';
import { compactFeedPages } from './feed-page-compaction.ts';
import { deleteRecord, editRecord } from './local-edits.ts';
import { tableOfKind } from './record-tables.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
function freshDatabase() {
  const db = new BoussoleDatabase(`feed-page-compaction-test-${++counter}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A large page (a page row): structures `first`..`last` with two services each, from seq `from`. */
function largePage(first: number, last: number, from: number): FeedEntry[] {
  const entries: FeedEntry[] = [];
  let seq = from;
  for (let n = first; n <= last; n++) {
    entries.push({ kind: 'structure', seq: seq++, record: aStructure(n) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 1) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 2) });
  }
  return entries;
}

const apply = (db: BoussoleDatabase, entries: FeedEntry[]) =>
  applyDirectoryPage(
    db,
    { epoch: 'epoch-one', cursor: entries.at(-1)?.seq ?? 0, total: entries.length, entries },
    { reset: false, completedAt: '2026-12-06T10:00:00.000Z' },
  );

/** A later sync's small page: structures `first`..`last` (and their services) as edited on the server. */
function editedOnServer(first: number, last: number, from: number): FeedEntry[] {
  const entries: FeedEntry[] = [];
  let seq = from;
  for (let n = first; n <= last; n++) {
    entries.push({ kind: 'structure', seq: seq++, record: aStructure(n, { nom: `Renommée ${n}`, version: 2 }) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 1, { horaires_note: 'Nouveaux horaires' }) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 2, { horaires_note: 'Nouveaux horaires' }) });
  }
  return entries;
}

/** What the device shows of the directory, in a stable order. */
async function shown(db: BoussoleDatabase) {
  const rows = await readDirectoryRows(db);
  const sorted = (list: unknown[]) => list.map((r) => JSON.stringify(r)).sort();
  return { structures: sorted(rows.structures), services: sorted(rows.services) };
}

/** Two page rows (structures 1–100, then 101–200), then server edits of structures 1–60 in small pages. */
async function editedDevice() {
  const db = freshDatabase();
  await apply(db, largePage(1, 100, 1));
  await apply(db, largePage(101, 200, 1000));
  for (let n = 1; n <= 60; n += 20) await apply(db, editedOnServer(n, n + 19, 2000 + n * 3));
  return db;
}

describe('compaction of page rows', () => {
  it('drops a page row mostly overridden by later syncs, and the device shows exactly the same directory', async () => {
    const db = await editedDevice();
    const before = await shown(db);
    expect(before.structures).toHaveLength(200);
    const bytesBefore = (await db.feedPages.toArray()).reduce((sum, row) => sum + row.body.byteLength, 0);
    // Partial readers: a commune's structures with their services, one structure's services, their ids.
    const partial = async () => ({
      commune: (await readStructures(db, { code_insee: '69259' })).items.map((i) => [
        i.structure.nom,
        i.services.map((s) => s.horaires_note ?? null),
      ]),
      one: (await readStructure(db, 'test--s70'))?.services.map((s) => s.id),
      ids: (await serviceIdsOf(db, 'test--s80')).sort(),
      counts: await countDirectory(db),
    });
    const partialBefore = await partial();

    const result = await compactFeedPages(db);
    expect(result).toMatchObject({ pages: 1, moved: 40 * 3 });
    expect(result.bodyBytes).toBeGreaterThan(bytesBefore / 3);
    expect((await db.feedPageKeys.toArray()).map((row) => row.page)).toEqual([1299]);
    expect(await shown(db)).toEqual(before);
    expect(await partial()).toEqual(partialBefore);
    expect((await tableOfKind(db, 'structure').get('test--s1'))?.nom).toBe('Renommée 1');
    expect((await tableOfKind(db, 'structure').get('test--s99'))?.nom).toBe('Structure numéro 99');

    // The row mostly read from stays; nothing is left to do.
    expect(await compactFeedPages(db)).toEqual({ pages: 0, moved: 0, bodyBytes: 0 });
  });

  it('a page row with few records overridden stays as it is', async () => {
    const db = freshDatabase();
    await apply(db, largePage(1, 100, 1));
    await apply(db, editedOnServer(1, 40, 500));
    expect(await compactFeedPages(db)).toEqual({ pages: 0, moved: 0, bodyBytes: 0 });
    expect(await db.feedPages.count()).toBe(1);
  });

  it('a page row holding mostly actions (kept in their table) stays while its records are read from it', async () => {
    const db = freshDatabase();
    const entries = largePage(1, 50, 1);
    for (let n = 1; n <= 300; n++) entries.push({ kind: 'action', seq: 1000 + n, record: anAction(1, n) });
    await apply(db, entries);
    expect(await compactFeedPages(db)).toEqual({ pages: 0, moved: 0, bodyBytes: 0 });
    expect(await db.feedPages.count()).toBe(1);
  });

  it('never touches pending edits, shadows or conflicts, and the edits stay shown over later pages', async () => {
    const db = await editedDevice();
    await editRecord(db, 'structure', 'test--s70', { telephone: '04 00 00 00 99' });
    await editRecord(db, 'structure', 'test--s5', { telephone: '04 00 00 00 98' });
    await deleteRecord(db, 'service', 'test--s80-1');
    const pending = {
      outbox: await db.outbox.toArray(),
      shadows: await db.shadows.toArray(),
      conflicts: await db.conflicts.toArray(),
    };
    expect(pending.outbox).toHaveLength(3);
    const before = await shown(db);

    expect((await compactFeedPages(db)).pages).toBe(1);
    expect({
      outbox: await db.outbox.toArray(),
      shadows: await db.shadows.toArray(),
      conflicts: await db.conflicts.toArray(),
    }).toEqual(pending);
    expect(await shown(db)).toEqual(before);
    expect(await tableOfKind(db, 'service').get('test--s80-1')).toBeUndefined();

    // The server's next copy of an edited record is still applied under the edit.
    await apply(db, [{ kind: 'structure', seq: 5000, record: aStructure(70, { nom: 'Renommée au serveur' }) }]);
    const local = await tableOfKind(db, 'structure').get('test--s70');
    expect([local?.nom, local?.telephone]).toEqual(['Renommée au serveur', '04 00 00 00 99']);
    expect((await db.shadows.get('structure:test--s70'))?.record?.nom).toBe('Renommée au serveur');
  });

  it('a record a dropped page row deleted does not come back from an earlier row', async () => {
    const db = freshDatabase();
    await apply(db, largePage(1, 100, 1));
    // A long absence: the second page row deletes structure 7 and brings structures 101–200.
    await apply(db, [
      { kind: 'tombstone', seq: 999, record_kind: 'structure', id: 'test--s7' },
      ...largePage(101, 200, 1000),
    ]);
    for (let n = 101; n <= 200; n += 20) await apply(db, editedOnServer(n, n + 19, 2000 + n * 3));
    expect(await tableOfKind(db, 'structure').get('test--s7')).toBeUndefined();
    const before = await shown(db);

    expect((await compactFeedPages(db)).pages).toBe(1);
    expect(await db.feedPageKeys.count()).toBe(1);
    expect(await tableOfKind(db, 'structure').get('test--s7')).toBeUndefined();
    expect(await shown(db)).toEqual(before);
  });

  it('a read during compaction sees the whole directory', async () => {
    const db = await editedDevice();
    const expected = (await readStructures(db, {})).items.map((i) => [i.structure.nom, i.services.length]);
    const [, during] = await Promise.all([compactFeedPages(db), readStructures(db, {})]);
    expect(during.items.map((i) => [i.structure.nom, i.services.length])).toEqual(expected);
    expect((await readStructures(db, {})).items.map((i) => [i.structure.nom, i.services.length])).toEqual(expected);
  });

  it('a compaction that fails half-way leaves every row as it was', async () => {
    const db = await editedDevice();
    const before = await shown(db);
    const rows = await db.feedPageKeys.count();
    vi.spyOn(db.feedPageKeys, 'bulkDelete').mockRejectedValueOnce(new Error('disque plein'));
    await expect(compactFeedPages(db)).rejects.toThrow('disque plein');
    vi.restoreAllMocks();
    expect(await db.feedPageKeys.count()).toBe(rows);
    expect(await db.feedPages.count()).toBe(rows);
    expect(await shown(db)).toEqual(before);
    expect((await compactFeedPages(db)).pages).toBe(1);
  });
});
