// The server's copy of the directory as the feed brought it in large pages: one IndexedDB row per page (its body as
// received, UTF-8 bytes) and one small row of the keys it holds, instead of one row per record. A first download
// writes a few dozen rows instead of tens of thousands: IndexedDB's cost is per row (serializing each record and
// handing it to the browser's store), and one row per record took longer than everything else a download does.
//
// The record tables (structures, services…) stay, and take precedence: they hold what changed after a page was
// stored — small pages of later syncs, the device's own edits, the local view of records with pending edits — and
// every record of a copy made before page rows existed. A record deleted there while a page row still holds it is
// masked (`maskedKeys`); one a later page row deletes is listed in that row (`gone`). A page row is never rewritten;
// a record brought again by a later page row is read from the latest one. Record tables, page rows and masks change together, through src/db/record-tables.ts.
//
// Bodies are stored as the server sent them, checked only for the shape the device relies on to file them (kinds,
// ids, the keys of the indexes): every reader parses records with the domain schemas (the app's rule for rows read
// back), and the catalog's start-up copy is made from parsed records only, so a malformed record is skipped there
// and reported, as a row that no longer parses always was.
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/replay.ts';
import type { BoussoleDatabase } from './database.ts';

/** A page's body as received: the JSON of the feed page, whose `entries` the key row lists in order. */
export interface FeedPageRow {
  /** The page's cursor (the seq of its last entry): rows are read in the order the feed sent them. */
  page: number;
  body: ArrayBuffer;
}

/** What a page row holds, read without its body: one item per entry, '' for an entry that is no record. */
export interface FeedPageKeysRow {
  page: number;
  /** `kind:id` of each entry (src/domain/record-keys.ts). */
  keys: string[];
  /** The structure each record belongs to (a structure's own id, a service's `structure_id`), else ''. */
  structures: string[];
  /** A structure's `code_insee`, else ''. */
  communes: string[];
  /** `kind:id` of the records this page deleted (its tombstones): held by an earlier row, they are gone from here on. */
  gone: string[];
}

/** A record a page row holds that was deleted since, outside page rows (a small page's tombstone, an edit). */
export interface MaskedKeyRow {
  recordKey: string;
}

/** Where the latest page row holding a record has it. */
export interface PagePlace {
  page: number;
  entry: number;
  structure: string;
  commune: string;
}

/** Pages of at least this many entries become page rows; smaller ones (later syncs) go to the record tables. */
export const PAGE_ROW_MIN_ENTRIES = 200;

/** The page-row tables, for transactions that read or write records. */
export const feedPageTables = (db: BoussoleDatabase) => [db.feedPages, db.feedPageKeys, db.maskedKeys];

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
  const decoder = new TextDecoder();
  const records: AnyRecord[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const { entries } = JSON.parse(decoder.decode(row.body)) as { entries: Array<{ record?: AnyRecord }> };
    for (const entry of byPage.get(pages[i] as number) ?? []) {
      const record = entries[entry]?.record;
      if (record) records.push(record);
    }
  });
  return records;
}

/** One record from the page rows, unless a record table overrides it or it was deleted since. */
export async function pageRecord(db: BoussoleDatabase, kind: RecordKind, id: string): Promise<AnyRecord | undefined> {
  const key = `${kind}:${id}`;
  if (await db.maskedKeys.get(key)) return undefined;
  const rows = await db.feedPageKeys.reverse().toArray();
  for (const row of rows) {
    if (row.gone.includes(key)) return undefined;
    const entry = row.keys.lastIndexOf(key);
    if (entry >= 0) {
      const [record] = await recordsAt(db, [{ page: row.page, entry, structure: '', commune: '' }]);
      return record;
    }
  }
  return undefined;
}

/** A kind's record table (src/db/record-tables.ts reads and writes records through it and the page rows). */
export function tableOf(db: BoussoleDatabase, kind: RecordKind) {
  const tables = {
    structure: db.structures,
    service: db.services,
    action: db.actions,
    signalement: db.signalements,
    campagne: db.campagnes,
    reponse_campagne: db.reponsesCampagne,
  };
  return tables[kind];
}
