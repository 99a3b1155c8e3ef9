// The store on PostgreSQL (driver `postgres`), for deployments with several server instances on one database
// (`BOUSSOLE_DATABASE_URL=postgres://…`, server/README.md « PostgreSQL »). It implements the port (store-port.ts) as
// the SQLite store does, table for table (postgres-migrations.ts), and passes the same contract suites. What makes
// several instances safe is in postgres-connection.ts: one writer at a time through an advisory lock, seqs visible
// in order, reads in one snapshot. Nothing correctness depends on is kept in this process: the totals it keeps are
// keyed by the last seq, which every write moves, whichever instance wrote.
//
// This module opens and migrates the database and holds the directory reads; the sync half is postgres-sync.ts,
// accounts and administration postgres-accounts.ts, then referrals, orientation events and mail.
import type { Sql, TransactionSql } from 'postgres';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { JobLeases } from '../jobs/scheduler.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { sweepCutoffs } from '../referrals/decide.ts';
import { canSeeRecord } from '../sync/feed.ts';
import { canSeeService, canSeeStructure, readable } from '../sync/visibility.ts';
import {
  assertLimit,
  assertWritableMetaKey,
  type DirectoryStore,
  type KeysetPage,
  type ListServicesQuery,
  type ListStructuresQuery,
  referencesOf,
  unknownReferenceError,
  unknownStructureError,
  validateWrite,
} from './directory-store.ts';
import { withDecisions } from './mutation-runner.ts';
import { postgresAccounts } from './postgres-accounts.ts';
import { connectPostgres, readTransaction, writeTransaction } from './postgres-connection.ts';
import { postgresJobLeases } from './postgres-job-leases.ts';
import { postgresMail } from './postgres-mail.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { postgresOrientationEvents } from './postgres-orientation-events.ts';
import { createPgRecordAccess, type PgRecordAccess, type PgRecordRow } from './postgres-records.ts';
import { postgresReferrals } from './postgres-referrals.ts';
import { postgresSync } from './postgres-sync.ts';
import type { StorePort, StoreTransaction } from './store-port.ts';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  logger?: Logger;
  /** Connections this instance opens at most (default 10). */
  max?: number;
  /** The schema of the store's tables (default: the role's search_path); tests give each store its own. */
  schema?: string;
}

/** Rows read per round trip while a keyset page looks for enough records the reader may see. */
const KEYSET_BATCH = 200;

/**
 * Keyset page of the records `visible` keeps: reads rows in id order, a batch at a time, until `limit` visible ones
 * and one more (which only tells that more exist) have been found.
 */
async function keyset<R extends { id: string }>(
  read: (after: string, batch: number) => Promise<readonly PgRecordRow[]>,
  decode: (rows: readonly PgRecordRow[]) => R[],
  after: string,
  limit: number,
  visible: (record: R) => boolean,
): Promise<KeysetPage<R>> {
  const items: R[] = [];
  let from = after;
  for (;;) {
    const rows = await read(from, KEYSET_BATCH);
    for (const record of decode(rows)) {
      if (!visible(record)) continue;
      if (items.length === limit) return { items, next: items.at(-1)?.id ?? null };
      items.push(record);
    }
    const last = rows.at(-1);
    if (!last || rows.length < KEYSET_BATCH) return { items, next: null };
    from = last.id;
  }
}

/** Opens (and migrates) the database; the store and its job leases, to close together. */
export async function openPostgresStore({
  url,
  logger = silentLogger,
  max,
  schema,
}: PostgresStoreOptions): Promise<DirectoryStore & { jobLeases: JobLeases }> {
  const sql: Sql = connectPostgres(url, {
    ...(max === undefined ? {} : { max }),
    ...(schema === undefined ? {} : { schema }),
  });
  try {
    await migratePostgres(sql);
  } catch (error) {
    await sql.end();
    throw error;
  }
  const rows: PgRecordAccess = createPgRecordAccess(logger);
  const sync = postgresSync(sql, rows, logger);
  const accounts = postgresAccounts(sql, rows);
  const referrals = postgresReferrals(sql, logger);

  const transactionOf = (tx: TransactionSql): StoreTransaction => ({
    ...sync.transaction(tx),
    ...referrals.transaction(tx),
    ...accounts.transaction(tx),
  });

  const port: StorePort = {
    transaction: (body) => writeTransaction(sql, (tx) => body(transactionOf(tx))),

    async epoch() {
      const [row] = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
      if (!row) throw new Error('Base sans epoch : migration incomplète');
      return row.value;
    },

    async upsert(entries, options) {
      const meta = options?.meta ?? {};
      for (const key of Object.keys(meta)) assertWritableMetaKey(key);
      // Every record is validated before anything is written: a bad one writes nothing of its batch.
      const writes = entries.map((entry, index) => validateWrite(entry, index));
      await writeTransaction(sql, async (tx) => {
        if (writes.length > 0) {
          const [range] = await tx<{ last: number }[]>`
            UPDATE seq_counter SET last = last + ${writes.length} WHERE id = 1 RETURNING last`;
          if (!range) throw new Error('seq_counter vide');
          await rows.writeMany(tx, writes, range.last - writes.length + 1);
        }
        // The deferred foreign key would also refuse a dangling service at commit, but without saying which one;
        // an action's organisers have no foreign key at all.
        const references = writes.flatMap((write, index) =>
          write.kind === 'structure' ? [] : referencesOf(write).map((ref) => ({ index, write, ref })),
        );
        const live = new Set<string>();
        if (references.length > 0) {
          const found = await tx<{ kind: string; id: string }[]>`SELECT kind, id FROM records WHERE (kind, id) IN (
            SELECT * FROM unnest(${references.map((r) => r.ref.kind)}::text[], ${references.map((r) => r.ref.id)}::text[]))`;
          for (const row of found) live.add(`${row.kind}\u0000${row.id}`);
        }
        for (const { index, write, ref } of references) {
          if (live.has(`${ref.kind}\u0000${ref.id}`)) continue;
          throw write.kind === 'service'
            ? unknownStructureError(index, write.record)
            : unknownReferenceError(index, write.kind, write.record.id, ref.path);
        }
        for (const [key, value] of Object.entries(meta)) {
          await tx`INSERT INTO meta (key, value) VALUES (${key}, ${value})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
        }
      });
    },

    async page(cursor, limit) {
      assertLimit(limit);
      return readTransaction(sql, async (tx) => {
        const found = await tx<PgRecordRow[]>`
          SELECT kind, id, seq, data FROM records WHERE seq > ${cursor} ORDER BY seq LIMIT ${limit + 1}`;
        const shown = found.slice(0, limit);
        const entries: DirectoryEntry[] = [];
        for (const row of shown) {
          const entry = rows.decode(row);
          if (entry) entries.push(entry);
        }
        const [total] = await tx<{ n: number }[]>`SELECT count(*) AS n FROM records`;
        return {
          entries,
          cursor: shown.at(-1)?.seq ?? cursor,
          hasMore: found.length > limit,
          total: total?.n ?? 0,
        };
      });
    },

    async listStructures(query: ListStructuresQuery): Promise<KeysetPage<Structure>> {
      assertLimit(query.limit);
      const { code_insee } = query;
      const page = await keyset(
        (after, batch) =>
          code_insee === undefined
            ? sql<PgRecordRow[]>`SELECT kind, id, seq, data FROM records
                WHERE kind = 'structure' AND id > ${after} ORDER BY id LIMIT ${batch}`
            : sql<PgRecordRow[]>`SELECT kind, id, seq, data FROM records
                WHERE kind = 'structure' AND code_insee = ${code_insee} AND id > ${after} ORDER BY id LIMIT ${batch}`,
        (found) => rows.decodeAll(found, 'structure'),
        query.after ?? '',
        query.limit,
        (s) => canSeeStructure(query.reader, s),
      );
      return { ...page, items: page.items.map((s) => readable(query.reader, s)) };
    },

    async getStructure(id, reader) {
      return readTransaction(sql, async (tx) => {
        const structure = await rows.record(tx, 'structure', id);
        if (!structure || !canSeeStructure(reader, structure)) return undefined;
        const services = (await rows.servicesOf(tx, id)).filter((service) =>
          canSeeService(reader, service, () => structure),
        );
        return { structure: readable(reader, structure), services: services.map((v) => readable(reader, v)) };
      });
    },

    async listServices(query: ListServicesQuery): Promise<KeysetPage<Service>> {
      assertLimit(query.limit);
      const structureId = query.structure_id ?? null;
      const categorie = query.categorie ?? null;
      return readTransaction(sql, async (tx) => {
        const parents = new Map<string, Structure | undefined>();
        const page = await keyset(
          async (after, batch) => {
            const found = await tx<PgRecordRow[]>`SELECT kind, id, seq, data FROM records
              WHERE kind = 'service' AND (${structureId}::text IS NULL OR structure_id = ${structureId})
                AND (${categorie}::text IS NULL OR categorie = ${categorie}) AND id > ${after}
              ORDER BY id LIMIT ${batch}`;
            // The structures of the batch's services, in one statement: visibility depends on them.
            await readParents(tx, found, parents);
            return found;
          },
          (found) => rows.decodeAll(found, 'service'),
          query.after ?? '',
          query.limit,
          (v) => canSeeService(query.reader, v, () => parents.get(v.structure_id)),
        );
        return { ...page, items: page.items.map((v) => readable(query.reader, v)) };
      });
    },

    async listRecords(kind, reader) {
      return readTransaction(sql, async (tx) => {
        const found = await tx<PgRecordRow[]>`SELECT kind, id, seq, data FROM records WHERE kind = ${kind} ORDER BY id`;
        const parents = new Map<string, Structure | undefined>();
        await readParents(tx, found, parents);
        return rows
          .decodeAll(found, kind)
          .filter((record) =>
            canSeeRecord(reader, { kind, seq: 1, record } as DirectoryEntry, (id) => parents.get(id)),
          );
      });
    },

    async counts() {
      const counts = { structures: 0, services: 0 };
      const found = await sql<{ kind: string; n: number }[]>`SELECT kind, count(*) AS n FROM records
        WHERE kind IN ('structure', 'service') GROUP BY kind`;
      for (const { kind, n } of found) {
        if (kind === 'structure') counts.structures = n;
        if (kind === 'service') counts.services = n;
      }
      return counts;
    },

    async getMeta(key) {
      const [row] = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = ${key}`;
      return row?.value;
    },

    async setMeta(key, value) {
      assertWritableMetaKey(key);
      await sql`INSERT INTO meta (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    },

    ...sync.queries,
    ...accounts.queries,
    ...accounts.admin,
    ...referrals.queries,
    ...postgresOrientationEvents(sql, logger),
    ...postgresMail(sql),

    async close() {
      await sql.end({ timeout: 5 });
    },
  };

  /** Reads the structures `found` rows name in `structure_id` that `parents` does not hold yet. */
  async function readParents(
    db: Sql | TransactionSql,
    found: readonly PgRecordRow[],
    parents: Map<string, Structure | undefined>,
  ): Promise<void> {
    const wanted = new Set<string>();
    for (const row of found) {
      const parent = (row.data as { structure_id?: unknown } | null)?.structure_id;
      if (typeof parent === 'string' && !parents.has(parent)) wanted.add(parent);
    }
    if (wanted.size === 0) return;
    for (const id of wanted) parents.set(id, undefined);
    const structures = await db<PgRecordRow[]>`
      SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND id = ANY(${[...wanted]})`;
    for (const structure of rows.decodeAll(structures, 'structure')) parents.set(structure.id, structure);
  }

  const store = withDecisions(port);
  return {
    ...store,
    async sweepReferrals(now, policy) {
      if (!(await referrals.anyDue(sweepCutoffs(now, policy)))) return { expired: 0, erased: 0 };
      return store.sweepReferrals(now, policy);
    },
    jobLeases: postgresJobLeases(sql),
  };
}
