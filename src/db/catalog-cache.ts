// The directory as the catalog needs it at start-up, kept in TWO rows: reading every record's row back from IndexedDB
// and indexing them for search takes seconds on a tablet, one row and a saved index a fraction of it. The search
// row (what a search reads of each service, and the index) is read first: a fifth of the text, it answers the
// person's first search while the records row is still being read and parsed.
//
// The rows are a copy, never the truth: every write to `structures`, `services` or the page rows of the server's copy
// (feed-pages.ts) gives the directory a new revision in the same transaction (the middleware below, so no write path
// can forget it), and the copy is used only when it was made at the current revision. It is made off the page (src/ui/sync/pull-worker.ts) from rows that passed the
// domain schemas, and written only if no write happened while it was being made.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { BoussoleDatabase } from './database.ts';

const REVISION_KEY = 'directory-revision';
const RECORDS_KEY = 'catalog-cache';
const SEARCH_KEY = 'catalog-search';
const DIRECTORY_TABLES = new Set(['structures', 'services', 'feedPages', 'feedPageKeys', 'maskedKeys']);

/** The copy's layout: a copy made by an older version of the app is not read, the worker makes it again. */
export const CATALOG_CACHE_FORMAT = 5;

export interface CatalogCache {
  format: typeof CATALOG_CACHE_FORMAT;
  revision: string;
  /**
   * Rows that passed the domain schemas, as JSON arrays of at most RECORDS_PER_PART records each: read back part by
   * part, with the page's turn between parts, a cold start stays responsive to what the person types.
   */
  structures: string[];
  services: string[];
  /**
   * What a search reads of each service (src/matching/search/search-entry.ts), one JSON row each, in the index's
   * order: a cold start answers the first search from them and the index, parsing only the rows it reads, while the
   * records are still being parsed.
   */
  searchEntries: string[];
  /** The search index of those records (src/matching/search/search-index.ts). */
  index: string;
  /** Rows left out because they failed the schemas. */
  invalid: number;
}

/** Gives the directory a new revision in every transaction that writes structures or services. */
export function directoryRevisionMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'directory-revision',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const writesDirectory = mode === 'readwrite' && stores.some((s) => DIRECTORY_TABLES.has(s));
          const scope = writesDirectory && !stores.includes('meta') ? [...stores, 'meta'] : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!DIRECTORY_TABLES.has(name)) return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              const result = await table.mutate(req);
              await down.table('meta').mutate({
                type: 'put',
                trans: req.trans,
                values: [{ key: REVISION_KEY, value: crypto.randomUUID() }],
              });
              return result;
            },
          };
        },
      };
    },
  };
}

/** The directory's revision now (null: nothing was ever written). */
export async function revisionOf(db: BoussoleDatabase): Promise<string | null> {
  const row = await db.meta.get(REVISION_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** The part of the copy that answers searches. */
export type CatalogSearchCopy = Pick<CatalogCache, 'format' | 'revision' | 'searchEntries' | 'index' | 'invalid'>;
/** The part of the copy the snapshot is prepared from. */
export type CatalogRecordsCopy = Pick<CatalogCache, 'format' | 'revision' | 'structures' | 'services'>;

/** The search part of the copy, when it was made at the current revision; null otherwise (then read the tables). */
export function readCatalogSearch(db: BoussoleDatabase): Promise<CatalogSearchCopy | null> {
  return db.transaction('r', db.meta, async () => {
    const revision = await revisionOf(db);
    const copy = (await db.meta.get(SEARCH_KEY))?.value as Partial<CatalogSearchCopy> | undefined;
    const usable =
      revision !== null &&
      copy?.format === CATALOG_CACHE_FORMAT &&
      copy.revision === revision &&
      isTextList(copy.searchEntries) &&
      typeof copy.index === 'string' &&
      typeof copy.invalid === 'number';
    return usable ? (copy as CatalogSearchCopy) : null;
  });
}

/** The records of the copy made at `revision`, if the directory is still at it; null otherwise. */
export function readCatalogRecords(db: BoussoleDatabase, revision: string): Promise<CatalogRecordsCopy | null> {
  return db.transaction('r', db.meta, async () => {
    const copy = (await db.meta.get(RECORDS_KEY))?.value as Partial<CatalogRecordsCopy> | undefined;
    const usable =
      (await revisionOf(db)) === revision &&
      copy?.format === CATALOG_CACHE_FORMAT &&
      copy.revision === revision &&
      isTextList(copy.structures) &&
      isTextList(copy.services);
    return usable ? (copy as CatalogRecordsCopy) : null;
  });
}

/** Keeps the copy if the directory is still at the revision it was made from; says whether it was kept. */
export function writeCatalogCache(db: BoussoleDatabase, cache: CatalogCache): Promise<boolean> {
  const { format, revision } = cache;
  const records: CatalogRecordsCopy = {
    format,
    revision,
    structures: cache.structures.map(oneByteJson),
    services: cache.services.map(oneByteJson),
  };
  const search: CatalogSearchCopy = {
    format,
    revision,
    searchEntries: cache.searchEntries.map(oneByteJson),
    index: oneByteJson(cache.index),
    invalid: cache.invalid,
  };
  return db.transaction('rw', db.meta, async () => {
    if ((await revisionOf(db)) !== revision) return false;
    await db.meta.bulkPut([
      { key: SEARCH_KEY, value: search },
      { key: RECORDS_KEY, value: records },
    ]);
    return true;
  });
}

/** Erases the copy: another account's directory replaces this one's. Within the caller's transaction, if any. */
export async function dropCatalogCache(db: BoussoleDatabase): Promise<void> {
  await db.meta.bulkDelete([SEARCH_KEY, RECORDS_KEY]);
}

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((part) => typeof part === 'string');

/** Records per JSON part of the copy: one part parses quickly enough not to hold the page (a long task) on a tablet. */
export const RECORDS_PER_PART = 1000;

/** A list of records as the copy keeps it. */
export function inParts(records: readonly unknown[]): string[] {
  const parts: string[] = [];
  for (let i = 0; i < records.length; i += RECORDS_PER_PART) {
    parts.push(JSON.stringify(records.slice(i, i + RECORDS_PER_PART)));
  }
  return parts;
}

const CHUNK = 8192;

/**
 * The same JSON with every character above U+00FF escaped (’ as \u2019), as the copy is stored. One typographic
 * apostrophe makes a whole string two bytes per character; without any, the browser keeps it one byte per character,
 * and IndexedDB stores and hands back half as many bytes, which reading and parsing the copy at start-up are
 * proportional to (figures: `npm run bench -- --only index-load`).
 */
function oneByteJson(json: string): string {
  const escaped = json.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // replace() keeps the two-byte form of its input: the string is built again from its codes, all below 256 now.
  const chunks: string[] = [];
  const codes = new Uint8Array(CHUNK);
  for (let start = 0; start < escaped.length; start += CHUNK) {
    const length = Math.min(CHUNK, escaped.length - start);
    for (let i = 0; i < length; i++) codes[i] = escaped.charCodeAt(start + i);
    chunks.push(String.fromCharCode(...codes.subarray(0, length)));
  }
  return chunks.join('');
}

/** The list back from its parts, calling `between` after each one (the page's turn at a cold start). */
export async function fromParts<T>(parts: readonly string[], between: () => Promise<void>): Promise<T[]> {
  const records: T[] = [];
  for (const part of parts) {
    records.push(...(JSON.parse(part) as T[]));
    await between();
  }
  return records;
}
