// The server's copy of the directory as the feed brought it in large pages: one IndexedDB row per page (its body as
// received, UTF-8 bytes) and one small row of the keys it holds, instead of one row per record. A first download
// writes a few dozen rows instead of tens of thousands: IndexedDB's cost is per row (serializing each record and
// handing it to the browser's store), and one row per record took longer than everything else a download does.
//
// The record tables (structures, services…) stay, and take precedence: they hold what changed after a page was
// stored — small pages of later syncs, the device's own edits, the local view of records with pending edits — and
// every record of a copy made before page rows existed. A record deleted there while a page row still holds it is
// masked (`maskedKeys`); one a later page row deletes is listed in that row (`gone`). A page row is never rewritten;
// a record brought again by a later page row is read from the latest one. Record tables, page rows and masks change
// together, through src/db/record-tables.ts and src/db/directory-repo.ts (pages).
//
// Bodies are stored as the server sent them, checked only for the shape the device relies on to file them (kinds,
// ids, the keys of the indexes): every reader parses records with the domain schemas (the app's rule for rows read
// back), and the catalog's start-up copy is made from parsed records only, so a malformed record is skipped there
// and reported, as a row that no longer parses always was.
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
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
  /** The structure each record belongs to (a structure's own id, else its `structure_id`: services, reports…), or ''. */
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
  /** `kind:id`. */
  key: string;
  page: number;
  entry: number;
  structure: string;
  commune: string;
}

/**
 * The kinds page rows hold: the directory's bulk. The others (actions, reports, campaigns: hundreds of records) stay
 * in their tables, so that the screens following them never read a page's body, nor again at each page written.
 */
export const PAGE_ROW_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>(['structure', 'service']);

/** Pages of at least this many entries become page rows; smaller ones (later syncs) go to the record tables. */
export const PAGE_ROW_MIN_ENTRIES = 200;

/** The page-row tables, for transactions that read or write records. */
export const feedPageTables = (db: BoussoleDatabase) => [db.feedPages, db.feedPageKeys, db.maskedKeys];

/** One record from the page rows, unless deleted since (callers look in the kind's record table first). */
export async function pageRecord(db: BoussoleDatabase, kind: RecordKind, id: string): Promise<AnyRecord | undefined> {
  const key = `${kind}:${id}`;
  const [masked, rows] = await Promise.all([db.maskedKeys.get(key), db.feedPageKeys.toArray()]);
  if (masked) return undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as FeedPageKeysRow;
    if (row.gone.includes(key)) return undefined;
    const entry = row.keys.lastIndexOf(key);
    if (entry >= 0) {
      const page = await db.feedPages.get(row.page);
      return page ? entriesOf(page)[entry]?.record : undefined;
    }
  }
  return undefined;
}

/** The entries of a page row's body, as the feed sent them. */
export function entriesOf(page: FeedPageRow): Array<{ record?: AnyRecord }> {
  return (JSON.parse(new TextDecoder().decode(page.body)) as { entries: Array<{ record?: AnyRecord }> }).entries;
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
