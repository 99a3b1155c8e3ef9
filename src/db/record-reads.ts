// Reading many records of a kind at once — all of them, a commune's, a structure's services — from the record tables
// and the page rows under them (src/db/feed-pages.ts), unparsed: the callers parse them with the domain schemas.
// Apart from record-tables.ts, which the first screen reads through, so that the first load does not carry these.
import type { Collection, Table } from 'dexie';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';
import { entriesOf, feedPageTables, PAGE_ROW_KINDS, type PagePlace, tableOf } from './feed-pages.ts';

/**
 * Every record the page rows hold and that no record table overrides, by key, where the latest page has it: the
 * records of `kinds`, with `where` choosing among them from the key rows alone (no body is read here).
 */
export async function pagePlaces(
  db: BoussoleDatabase,
  kinds: readonly RecordKind[],
  where: (place: PagePlace) => boolean = () => true,
): Promise<Map<string, PagePlace>> {
  const rows = await db.feedPageKeys.toArray();
  if (rows.length === 0) return new Map();
  const prefixes = kinds.map((kind) => `${kind}:`);
  const places = new Map<string, PagePlace>();
  for (const row of rows) {
    for (const key of row.gone) places.delete(key);
    row.keys.forEach((key, entry) => {
      if (!prefixes.some((p) => key.startsWith(p))) return;
      places.set(key, {
        key,
        page: row.page,
        entry,
        structure: row.structures[entry] ?? '',
        commune: row.communes[entry] ?? '',
      });
    });
  }
  for (const key of (await db.maskedKeys.toCollection().primaryKeys()) as string[]) places.delete(key);
  for (const kind of kinds) {
    const prefix = `${kind}:`;
    for (const id of (await tableOf(db, kind).toCollection().primaryKeys()) as string[]) places.delete(prefix + id);
  }
  for (const [key, place] of places) if (!where(place)) places.delete(key);
  return places;
}

/** The records at these places, read from their page rows (each body read and parsed once). */
export async function recordsAt(db: BoussoleDatabase, places: Iterable<PagePlace>): Promise<AnyRecord[]> {
  const byPage = new Map<number, number[]>();
  for (const { page, entry } of places) {
    const entries = byPage.get(page) ?? [];
    entries.push(entry);
    byPage.set(page, entries);
  }
  const pages = [...byPage.keys()];
  const rows = await db.feedPages.bulkGet(pages);
  const records: AnyRecord[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const entries = entriesOf(row);
    for (const entry of byPage.get(pages[i] as number) ?? []) {
      const record = entries[entry]?.record;
      if (record) records.push(record);
    }
  });
  return records;
}

/**
 * A kind's records, unparsed: the record table's rows `rows` picks, and the page rows' records `places` picks that
 * the table does not override. Within a transaction over `kindTables(db, kind)`, for one consistent moment.
 */
export async function readRecords(
  db: BoussoleDatabase,
  kind: RecordKind,
  rows: (table: Table<AnyRecord, string>) => Collection<AnyRecord, string> = (table) => table.toCollection(),
  places: (place: PagePlace) => boolean = () => true,
): Promise<AnyRecord[]> {
  const table = tableOf(db, kind) as unknown as Table<AnyRecord, string>;
  if (!PAGE_ROW_KINDS.has(kind)) return rows(table).toArray();
  const [own, found] = await Promise.all([rows(table).toArray(), pagePlaces(db, [kind], places)]);
  return found.size === 0 ? own : [...own, ...(await recordsAt(db, found.values()))];
}

/**
 * Every record of `kinds`, unparsed, one list per kind, as `readRecords` reads each, but with each page body decoded
 * once for all the kinds it holds, after the transaction has read the rows (one consistent moment), one page per
 * `between()`: a body of a few thousand entries is parsed in one step, and the page keeps its turn between them.
 */
export async function readKindsInSteps(
  db: BoussoleDatabase,
  kinds: readonly RecordKind[],
  between: () => Promise<void>,
): Promise<AnyRecord[][]> {
  const tables = kinds.map((kind) => tableOf(db, kind) as unknown as Table<AnyRecord, string>);
  const paged = kinds.filter((kind) => PAGE_ROW_KINDS.has(kind));
  const { own, wanted, pages } = await db.transaction('r', [...tables, ...feedPageTables(db)], async () => {
    const [own, places] = await Promise.all([
      Promise.all(tables.map((table) => table.toArray())),
      paged.length === 0 ? new Map<string, PagePlace>() : pagePlaces(db, paged),
    ]);
    // Per page, its entries wanted and the kind (its place in `kinds`) of each.
    const wanted = new Map<number, Array<[entry: number, kind: number]>>();
    for (const { key, page, entry } of places.values()) {
      const kind = kinds.indexOf(key.slice(0, key.indexOf(':')) as RecordKind);
      const entries = wanted.get(page) ?? [];
      entries.push([entry, kind]);
      wanted.set(page, entries);
    }
    return { own, wanted, pages: await db.feedPages.bulkGet([...wanted.keys()]) };
  });
  const records = own.map((rows) => [...rows]);
  for (const page of pages) {
    if (!page) continue;
    await between();
    const entries = entriesOf(page);
    for (const [entry, kind] of wanted.get(page.page) ?? []) {
      const record = entries[entry]?.record;
      if (record) records[kind]?.push(record);
    }
  }
  return records;
}

/**
 * Records of `kind` by id, unparsed, in the order of `ids` (undefined where the device holds none): the record
 * table's rows, then the page rows for the others. Within a transaction over `kindTables(db, kind)`.
 */
export async function recordsById(
  db: BoussoleDatabase,
  kind: RecordKind,
  ids: readonly string[],
): Promise<Array<AnyRecord | undefined>> {
  const table = tableOf(db, kind) as unknown as Table<AnyRecord, string>;
  const own = await table.bulkGet([...ids]);
  if (!PAGE_ROW_KINDS.has(kind)) return own;
  const missing = new Set(ids.filter((_, i) => own[i] === undefined).map((id) => `${kind}:${id}`));
  if (missing.size === 0) return own;
  const places = await pagePlaces(db, [kind], (place) => missing.has(place.key));
  const found = new Map((await recordsAt(db, places.values())).map((record) => [record.id, record]));
  return ids.map((id, i) => own[i] ?? found.get(id));
}
