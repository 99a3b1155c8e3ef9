// The directory as the catalog needs it at start-up, kept in ONE row: reading 13,000 rows back from IndexedDB and
// indexing them for search took seconds on a tablet, one row and a saved index take a fraction of it.
//
// The row is a copy, never the truth: every write to `structures` or `services` gives the directory a new revision
// in the same transaction (the middleware below, so no write path can forget it), and the copy is used only when
// it was made at the current revision. It is made off the page (src/ui/pull-worker.ts) from rows that passed the
// domain schemas, and written only if no write happened while it was being made.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { BoussoleDatabase } from './database.ts';

const REVISION_KEY = 'directory-revision';
const CACHE_KEY = 'catalog-cache';
const DIRECTORY_TABLES = new Set(['structures', 'services']);

export interface CatalogCache {
  revision: string;
  /**
   * Rows that passed the domain schemas, as JSON arrays of at most RECORDS_PER_PART records each: read back part by
   * part, with the page's turn between parts, a cold start stays responsive to what the person types.
   */
  structures: string[];
  services: string[];
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

async function revisionOf(db: BoussoleDatabase): Promise<string | null> {
  const row = await db.meta.get(REVISION_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Every row of the directory and the revision they are at, read in one transaction. */
export function readDirectoryRows(db: BoussoleDatabase) {
  return db.transaction('r', [db.structures, db.services, db.meta], async () => ({
    revision: await revisionOf(db),
    structures: (await db.structures.toArray()) as unknown[],
    services: (await db.services.toArray()) as unknown[],
  }));
}

/** The copy, when it was made at the current revision; null otherwise (then read the tables). */
export function readCatalogCache(db: BoussoleDatabase): Promise<CatalogCache | null> {
  return db.transaction('r', db.meta, async () => {
    const revision = await revisionOf(db);
    const cache = (await db.meta.get(CACHE_KEY))?.value as Partial<CatalogCache> | undefined;
    const usable =
      revision !== null &&
      cache?.revision === revision &&
      isTextList(cache.structures) &&
      isTextList(cache.services) &&
      typeof cache.index === 'string' &&
      typeof cache.invalid === 'number';
    return usable ? (cache as CatalogCache) : null;
  });
}

/** Keeps the copy if the directory is still at the revision it was made from; says whether it was kept. */
export function writeCatalogCache(db: BoussoleDatabase, cache: CatalogCache): Promise<boolean> {
  const stored: CatalogCache = {
    ...cache,
    structures: cache.structures.map(oneByteJson),
    services: cache.services.map(oneByteJson),
    index: oneByteJson(cache.index),
  };
  return db.transaction('rw', db.meta, async () => {
    if ((await revisionOf(db)) !== cache.revision) return false;
    await db.meta.put({ key: CACHE_KEY, value: stored });
    return true;
  });
}

/** Erases the copy: another account's directory replaces this one's. Within the caller's transaction, if any. */
export async function dropCatalogCache(db: BoussoleDatabase): Promise<void> {
  await db.meta.delete(CACHE_KEY);
}

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((part) => typeof part === 'string');

/** Records per JSON part of the copy: one part parses in about 10 ms at 10k services on a 2-core machine. */
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
 * and IndexedDB stores and hands back half as many bytes: at 10k services here, reading the copy took 48 ms instead
 * of 92 and parsing it 108 ms instead of 176.
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
