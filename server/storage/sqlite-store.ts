// DirectoryStore on an embedded SQLite file (better-sqlite3): the zero-set-up default of the server. This module
// opens and migrates the file and holds the directory reads and imports; the sync half (feed, mutations,
// history) is in sqlite-sync.ts, accounts and devices in sqlite-accounts.ts, row access in sqlite-records.ts.
// better-sqlite3 is synchronous; the port is not (store-port.ts): every use of the connection goes through one
// gate (serial-gate.ts), so that an open transaction awaiting its runner never shares the connection.
import Database from 'better-sqlite3';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { JobLeases } from '../jobs/scheduler.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { sqliteMail } from '../mail/sqlite-mail.ts';
import { canSeeRecord } from '../sync/feed.ts';
import { canSeeService, canSeeStructure, type Reader, readable } from '../sync/visibility.ts';
import {
  assertLimit,
  assertWritableMetaKey,
  type DirectoryPageResult,
  type DirectoryStore,
  type DirectoryWrite,
  type KeysetPage,
  type ListServicesQuery,
  type ListStructuresQuery,
  referencesOf,
  type UpsertOptions,
  unknownReferenceError,
  unknownStructureError,
  validateWrite,
} from './directory-store.ts';
import { withDecisions } from './mutation-runner.ts';
import { gatedMethods, serialGate } from './serial-gate.ts';
import { sqliteAccounts } from './sqlite-accounts.ts';
import { sqliteAdmin } from './sqlite-admin.ts';
import { sqliteJobLeases } from './sqlite-job-leases.ts';
import { migrate } from './sqlite-migrations.ts';
import { sqliteOrientationEvents } from './sqlite-orientation-events.ts';
import { createRecordAccess, type RecordOfKind, type RecordRow } from './sqlite-records.ts';
import { sqliteReferrals } from './sqlite-referrals.ts';
import { sqliteSync } from './sqlite-sync.ts';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite-transaction.ts';
import type { StorePort, StoreTransaction } from './store-port.ts';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private database that disappears on close. */
  path: string;
  logger?: Logger;
}

interface ServiceFilters {
  structure_id: string | null;
  categorie: string | null;
  after: string;
}

/** The store, and the job leases (jobs/scheduler.ts) kept in the same file. */
export function openSqliteStore({
  path,
  logger = silentLogger,
}: SqliteStoreOptions): DirectoryStore & { jobLeases: JobLeases } {
  const db = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL: readers do not block the writer (a sync pull during a seed or an import). NORMAL is durable across
  // application crashes in WAL mode; only an OS crash may lose the last transactions, never corrupt the file.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const rows = createRecordAccess(db, logger);
  const admin = sqliteAdmin(db, rows);

  const statements = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    recordsOfKind: db.prepare<[string], RecordRow>(
      'SELECT kind, id, seq, data FROM records WHERE kind = ? ORDER BY id',
    ),
    recordExists: db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM records WHERE kind = ? AND id = ?',
    ),
    page: db.prepare<[number, number], RecordRow>(
      'SELECT kind, id, seq, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    total: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
    counts: db.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM records GROUP BY kind'),
    // Lists are read row by row and filtered for the reader until the page is full: no LIMIT in SQL.
    structures: db.prepare<[string], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND id > ? ORDER BY id",
    ),
    structuresByCommune: db.prepare<[string, string], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND code_insee = ? AND id > ? ORDER BY id",
    ),
  };

  // One statement per combination of filters, so that each can use its partial index (an `? IS NULL OR …`
  // clause in a single statement would defeat them).
  const servicesStatements = new Map<string, Database.Statement<[ServiceFilters], RecordRow>>();
  function servicesStatement(byStructure: boolean, byCategorie: boolean) {
    const key = `${byStructure}/${byCategorie}`;
    let statement = servicesStatements.get(key);
    if (!statement) {
      const filters = [
        byStructure ? 'AND structure_id = @structure_id' : '',
        byCategorie ? 'AND categorie = @categorie' : '',
      ].join(' ');
      statement = db.prepare<[ServiceFilters], RecordRow>(
        `SELECT kind, id, seq, data FROM records WHERE kind = 'service' ${filters} AND id > @after ORDER BY id`,
      );
      servicesStatements.set(key, statement);
    }
    return statement;
  }

  /** The structure of a service, memoised for one read (many services share a structure). */
  function structureLookup() {
    const cache = new Map<string, Structure | undefined>();
    return (id: string) => {
      if (!cache.has(id)) cache.set(id, rows.record('structure', id));
      return cache.get(id);
    };
  }

  /**
   * Keyset page of the records `visible` keeps: reads rows in id order until `limit` visible ones and one more
   * (which only tells that more exist) have been found.
   */
  function keyset<K extends keyof RecordOfKind>(
    source: Iterable<RecordRow>,
    limit: number,
    kind: K,
    visible: (record: RecordOfKind[K]) => boolean,
  ): KeysetPage<RecordOfKind[K]> {
    const items: RecordOfKind[K][] = [];
    let more = false;
    for (const row of source) {
      const [record] = rows.decodeAll([row], kind);
      if (!record || !visible(record)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(record);
    }
    return { items, next: more ? (items.at(-1)?.id ?? null) : null };
  }

  const upsertTx = db.transaction((entries: readonly DirectoryWrite[], meta: Readonly<Record<string, string>>) => {
    const written: Array<{ index: number; write: DirectoryWrite }> = [];
    entries.forEach((entry, index) => {
      // Validated inside the transaction: a bad record half-way through rolls back the ones before it.
      const write = validateWrite(entry, index);
      rows.write(write, rows.nextSeq());
      if (write.kind !== 'structure') written.push({ index, write });
    });
    // The deferred foreign key would also refuse a dangling service at commit, but without saying which one; an
    // action's organisers have no foreign key at all.
    for (const { index, write } of written) {
      for (const ref of referencesOf(write)) {
        if (statements.recordExists.get(ref.kind, ref.id)) continue;
        throw write.kind === 'service'
          ? unknownStructureError(index, write.record)
          : unknownReferenceError(index, write.kind, write.record.id, ref.path);
      }
    }
    for (const [key, value] of Object.entries(meta)) statements.setMeta.run(key, value);
  });

  const pageTx = db.transaction((cursor: number, limit: number): DirectoryPageResult => {
    const found = statements.page.all(cursor, limit + 1);
    const shown = found.slice(0, limit);
    const entries: DirectoryEntry[] = [];
    for (const row of shown) {
      const entry = rows.decode(row);
      if (entry) entries.push(entry);
    }
    return {
      entries,
      cursor: shown.at(-1)?.seq ?? cursor,
      hasMore: found.length > limit,
      total: statements.total.get()?.n ?? 0,
    };
  });

  const getStructureTx = db.transaction((id: string, reader: Reader) => {
    const structure = rows.record('structure', id);
    if (!structure || !canSeeStructure(reader, structure)) return undefined;
    const services = rows.servicesOf(id).filter((service) => canSeeService(reader, service, () => structure));
    return { structure: readable(reader, structure), services: services.map((v) => readable(reader, v)) };
  });

  const listServicesTx = db.transaction((query: ListServicesQuery): KeysetPage<Service> => {
    const source = servicesStatement(query.structure_id !== undefined, query.categorie !== undefined).iterate({
      structure_id: query.structure_id ?? null,
      categorie: query.categorie ?? null,
      after: query.after ?? '',
    });
    const structureOf = structureLookup();
    const page = keyset(source, query.limit, 'service', (v) =>
      canSeeService(query.reader, v, () => structureOf(v.structure_id)),
    );
    return { ...page, items: page.items.map((v) => readable(query.reader, v)) };
  });

  const sync = sqliteSync(db, rows, logger);
  const accounts = sqliteAccounts(db, admin.refreshReach);
  const referrals = sqliteReferrals(db, logger);
  const tx: StoreTransaction = { ...sync.tx, ...referrals.tx, ...accounts.tx };
  const gate = serialGate();

  const port: StorePort = {
    // Serialised on the connection (serial-gate.ts): the body awaits, and nothing else may run on the connection
    // between BEGIN and COMMIT. IMMEDIATE takes the write lock at once (sqlite-transaction.ts), so a second process
    // on the same file waits for it at BEGIN instead of failing at its first write.
    transaction: (body) =>
      gate.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await body(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),

    async epoch() {
      return sync.epoch();
    },

    async upsert(entries, options?: UpsertOptions) {
      for (const key of Object.keys(options?.meta ?? {})) assertWritableMetaKey(key);
      upsertTx.immediate(entries, options?.meta ?? {});
    },

    async page(cursor, limit) {
      assertLimit(limit);
      return pageTx(cursor, limit);
    },

    async listStructures(query: ListStructuresQuery): Promise<KeysetPage<Structure>> {
      assertLimit(query.limit);
      const after = query.after ?? '';
      const source =
        query.code_insee === undefined
          ? statements.structures.iterate(after)
          : statements.structuresByCommune.iterate(query.code_insee, after);
      const page = keyset(source, query.limit, 'structure', (s) => canSeeStructure(query.reader, s));
      return { ...page, items: page.items.map((s) => readable(query.reader, s)) };
    },

    async getStructure(id, reader) {
      return getStructureTx(id, reader);
    },

    async listServices(query: ListServicesQuery): Promise<KeysetPage<Service>> {
      assertLimit(query.limit);
      return listServicesTx(query);
    },

    async listRecords(kind, reader) {
      const structureOf = structureLookup();
      return rows
        .decodeAll(statements.recordsOfKind.iterate(kind), kind)
        .filter((record) => canSeeRecord(reader, { kind, seq: 1, record } as DirectoryEntry, structureOf));
    },

    async counts() {
      const counts = { structures: 0, services: 0 };
      for (const { kind, n } of statements.counts.all()) {
        if (kind === 'structure') counts.structures = n;
        if (kind === 'service') counts.services = n;
      }
      return counts;
    },

    async getMeta(key) {
      return statements.getMeta.get(key)?.value;
    },

    async setMeta(key, value) {
      assertWritableMetaKey(key);
      statements.setMeta.run(key, value);
    },

    ...sync.queries,
    ...accounts.queries,
    ...admin.store,
    ...referrals.queries,
    ...sqliteOrientationEvents(db, logger),
    ...sqliteMail(db),

    async close() {
      if (db.open) db.close();
    },
  };
  return {
    ...withDecisions(gatedMethods(port, gate, ['transaction'])),
    jobLeases: sqliteJobLeases(db, (body) => gate.run(body)),
  };
}
