import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../tests/fixtures/actions.ts';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import type { FeedEntry } from '../domain/directory.ts';
import { readActions } from './agenda-repo.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage, readDirectoryRowsUnchecked, readStructure, readStructures } from './directory-repo.ts';
import { readDirectoryRows } from './directory-rows.ts';
import { countDirectory } from './directory-state.ts';
import { PAGE_ROW_MIN_ENTRIES } from './feed-pages.ts';
import { deleteRecord, editRecord } from './local-edits.ts';
import { tableOfKind } from './record-tables.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
function freshDatabase() {
  const db = new BoussoleDatabase(`feed-pages-test-${++counter}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A first download's page: `structures` structures with two services each, from seq `from`. */
function largePage(structures: number, from = 1): FeedEntry[] {
  const entries: FeedEntry[] = [];
  let seq = from;
  for (let n = 1; n <= structures; n++) {
    entries.push({ kind: 'structure', seq: seq++, record: aStructure(n) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 1) });
    entries.push({ kind: 'service', seq: seq++, record: aService(n, 2) });
  }
  return entries;
}

const apply = (db: BoussoleDatabase, entries: FeedEntry[], options: { reset?: boolean } = {}) =>
  applyDirectoryPage(
    db,
    { epoch: 'epoch-one', cursor: entries.at(-1)?.seq ?? 0, total: entries.length, entries },
    { reset: options.reset ?? false, completedAt: '2026-12-06T10:00:00.000Z' },
  );

const structureOf = (db: BoussoleDatabase, id: string) => tableOfKind(db, 'structure').get(id);

describe("the server's copy stored as page rows", () => {
  it('a large page is one row of its body and one of its keys, and reads back as the records it holds', async () => {
    const db = freshDatabase();
    const entries = largePage(100);
    expect(entries.length).toBeGreaterThanOrEqual(PAGE_ROW_MIN_ENTRIES);
    await apply(db, entries);
    expect([await db.feedPages.count(), await db.feedPageKeys.count()]).toEqual([1, 1]);
    expect([await db.structures.count(), await db.services.count()]).toEqual([0, 0]);

    expect(await countDirectory(db)).toEqual({ structures: 100, services: 200 });
    expect((await structureOf(db, 'test--s42'))?.nom).toBe('Structure numéro 42');
    const one = await readStructure(db, 'test--s42');
    expect(one?.services.map((s) => s.id)).toEqual(['test--s42-1', 'test--s42-2']);
    const { items, invalid } = await readStructures(db, {});
    expect(items).toHaveLength(100);
    expect(invalid).toEqual([]);
    const rows = await readDirectoryRows(db);
    expect([rows.structures.length, rows.services.length]).toEqual([100, 200]);
    expect(rows.revision).not.toBeNull();
  });

  it('a structure of a commune is found with its services from the key row, without the others', async () => {
    const db = freshDatabase();
    const entries = largePage(80);
    entries.push({
      kind: 'structure',
      seq: 1000,
      record: aStructure(81, { code_insee: '69266', commune: 'Villeurbanne', code_postal: '69100' }),
    });
    entries.push({ kind: 'service', seq: 1001, record: aService(81, 1) });
    await apply(db, entries);
    const { items } = await readStructures(db, { code_insee: '69266' });
    expect(items.map((i) => [i.structure.id, i.services.map((s) => s.id)])).toEqual([['test--s81', ['test--s81-1']]]);
  });

  it('a later small page changes and deletes records held by a page row; a later page row brings one back', async () => {
    const db = freshDatabase();
    await apply(db, largePage(100));
    await apply(db, [
      { kind: 'structure', seq: 400, record: aStructure(1, { nom: 'Renommée', version: 2 }) },
      { kind: 'tombstone', seq: 401, record_kind: 'structure', id: 'test--s2' },
    ]);
    expect(await db.structures.count()).toBe(1); // a small page is written record by record
    expect((await structureOf(db, 'test--s1'))?.nom).toBe('Renommée');
    expect(await structureOf(db, 'test--s2')).toBeUndefined();
    expect(await countDirectory(db)).toEqual({ structures: 99, services: 200 });
    expect((await readStructures(db, {})).items.map((i) => i.structure.id)).not.toContain('test--s2');

    // A long absence: the next changes come as a large page again, and take precedence over the record tables.
    const again = largePage(100, 500).map((entry) =>
      entry.kind === 'structure' ? { ...entry, record: { ...entry.record, nom: `${entry.record.nom} (2)` } } : entry,
    );
    await apply(db, again);
    expect(await db.structures.count()).toBe(0);
    expect(await db.maskedKeys.count()).toBe(0);
    expect((await structureOf(db, 'test--s1'))?.nom).toBe('Structure numéro 1 (2)');
    expect((await structureOf(db, 'test--s2'))?.nom).toBe('Structure numéro 2 (2)');
    expect(await countDirectory(db)).toEqual({ structures: 100, services: 200 });
    expect((await readDirectoryRows(db)).structures).toHaveLength(100);
  });

  it('edits of records held by a page row stay visible under the next page rows, and a deletion too', async () => {
    const db = freshDatabase();
    await apply(db, largePage(100));
    await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
    await deleteRecord(db, 'service', 'test--s2-1');
    expect((await structureOf(db, 'test--s1'))?.telephone).toBe('04 00 00 00 99');
    expect(await countDirectory(db)).toEqual({ structures: 100, services: 199 });

    const later = largePage(100, 500).map((entry) =>
      entry.kind === 'structure' && entry.record.id === 'test--s1'
        ? { ...entry, record: { ...entry.record, nom: 'Renommée ailleurs', version: 2 } }
        : entry,
    );
    await apply(db, later);
    const local = await structureOf(db, 'test--s1');
    expect([local?.nom, local?.telephone]).toEqual(['Renommée ailleurs', '04 00 00 00 99']);
    expect((await db.shadows.get('structure:test--s1'))?.record?.nom).toBe('Renommée ailleurs');
    expect(await tableOfKind(db, 'service').get('test--s2-1')).toBeUndefined();
    expect((await readStructure(db, 'test--s2'))?.services.map((s) => s.id)).toEqual(['test--s2-2']);
  });

  it('a malformed record is stored, then skipped and reported where it is read, and the rest of its page is shown', async () => {
    const db = freshDatabase();
    const entries = largePage(100);
    entries.push({
      kind: 'structure',
      seq: 1000,
      record: { ...aStructure(101), code_postal: 'pas un code', langues: 'fr' } as never,
    });
    await apply(db, entries);
    const { items, invalid } = await readStructures(db, {});
    expect(items).toHaveLength(100);
    expect(invalid).toEqual([{ table: 'structures', id: 'test--s101' }]);
    expect(await readStructure(db, 'test--s101')).toBeUndefined();
  });

  it('a new epoch empties the page rows with the record tables and the masks', async () => {
    const db = freshDatabase();
    await apply(db, largePage(100));
    await apply(db, [
      { kind: 'structure', seq: 400, record: aStructure(1, { nom: 'Renommée', version: 2 }) },
      { kind: 'tombstone', seq: 401, record_kind: 'structure', id: 'test--s2' },
    ]);
    await apply(db, largePage(70, 2000), { reset: true });
    expect([await db.feedPages.count(), await db.structures.count(), await db.maskedKeys.count()]).toEqual([1, 0, 0]);
    expect(await countDirectory(db)).toEqual({ structures: 70, services: 140 });
    expect((await structureOf(db, 'test--s1'))?.nom).toBe('Structure numéro 1');
    expect(await structureOf(db, 'test--s99')).toBeUndefined();
  });

  it('actions in a large page stay in their table, so that the screens following them never read a page body', async () => {
    const db = freshDatabase();
    const entries = largePage(100);
    entries.push({ kind: 'action', seq: 1000, record: anAction(1, 1) });
    await apply(db, entries);
    expect(await db.actions.count()).toBe(1);
    expect((await db.feedPageKeys.toArray())[0]?.keys.filter((k) => k.startsWith('action:'))).toEqual([]);
    expect((await readActions(db)).map((a) => a.id)).toEqual([anAction(1, 1).id]);
  });

  it('the catalog reads every structure and service as the record reads do, decoding one page body per step', async () => {
    const db = freshDatabase();
    await apply(db, largePage(100));
    await apply(db, largePage(100, 500).slice(0, 240)); // a second page row, bringing 80 structures again
    await apply(db, [
      { kind: 'structure', seq: 900, record: aStructure(3, { nom: 'Renommée', version: 3 }) },
      { kind: 'tombstone', seq: 901, record_kind: 'service', id: 'test--s90-1' },
    ]);
    await editRecord(db, 'structure', 'test--s4', { telephone: '04 00 00 00 99' });
    await deleteRecord(db, 'service', 'test--s5-2');
    let steps = 0;
    const rows = await readDirectoryRowsUnchecked(db, async () => {
      steps++;
    });
    expect(steps).toBe(2); // one per page row: each body is decoded once for both kinds
    const expected = await readDirectoryRows(db);
    const ids = (records: readonly unknown[]) => (records as Array<{ id: string }>).map((r) => r.id).sort();
    expect(ids(rows.structures)).toEqual(ids(expected.structures));
    expect(ids(rows.services)).toEqual(ids(expected.services));
    expect(rows.structures).toHaveLength(100);
    expect(rows.services).toHaveLength(198);
    const byId = new Map(rows.structures.map((s) => [s.id, s]));
    expect(byId.get('test--s3')?.nom).toBe('Renommée');
    expect(byId.get('test--s4')?.telephone).toBe('04 00 00 00 99');
    expect(byId.get('test--s1')?.nom).toBe('Structure numéro 1'); // held by the second page row too: the latest one
  });
});
