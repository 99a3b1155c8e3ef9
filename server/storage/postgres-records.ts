// Directory rows of the PostgreSQL store, shared by its directory reads (postgres-store.ts) and its sync half
// (postgres-sync.ts): writing a record with its filter columns, and decoding rows back through the domain schemas —
// never trusted, as in SQLite (record-rows.ts).
import type { Fragment, ISql } from 'postgres';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Service } from '../../src/domain/service.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryWrite } from '../sync/decision.ts';
import type { StructureVisibility } from '../sync/visibility.ts';
import { type ParentColumns, parentOf } from './count-buckets.ts';
import { feedEntryCache } from './feed-entry-cache.ts';
import { sendWithCommit } from './postgres-connection.ts';
import { recordsWritten, recordWritten, structureVisibilities } from './postgres-totals.ts';
import { rowDecoders } from './record-rows.ts';
// A kind's filter columns and owners' path are the same in both engines (sqlite-kinds.ts).
import { type StorageColumns, sqliteKindOf } from './sqlite-kinds.ts';

/** A row of `records` as read: `data` is already parsed JSON (jsonb). */
export interface PgRecordRow {
  kind: string;
  id: string;
  seq: number;
  data: unknown;
}

/** A row of `records` with `data` read as text (`data::text`). */
export interface PgTextRow extends Omit<PgRecordRow, 'data'> {
  data: string;
}

/**
 * The JSON that holds a record's owners (sync/record-kinds.ts `ownersPath`, `$.x`): its top-level member, a string
 * or an array of strings. `jsonb_path_exists` reads both: `$.x ? (@ == $id)` matches the string or any item.
 */
function ownersJsonPath(kind: RecordKind): string {
  const path = sqliteKindOf(kind).ownersPath;
  if (!/^\$\.[a-z_]+$/.test(path)) throw new Error(`Chemin des propriétaires non pris en charge : ${path}`);
  return `${path} ? (@ == $id)`;
}

/** Rows per statement when writing many records. */
const WRITE_BATCH = 500;

export function createPgRecordAccess(logger: Logger) {
  const { decode, decodeAll } = rowDecoders<PgRecordRow>(logger, (row) => row.data);

  async function record<K extends RecordKind>(db: ISql, kind: K, id: string): Promise<RecordOfKind[K] | undefined> {
    const rows = await db<PgRecordRow[]>`SELECT kind, id, seq, data FROM records WHERE kind = ${kind} AND id = ${id}`;
    return decodeAll(rows, kind)[0];
  }

  return {
    decode,
    decodeAll,
    /**
     * `decode` for the feed, kept by seq (feed-entry-cache.ts). The feed reads `data` as text, and only for the
     * entries not kept: the driver would parse every jsonb row of every page, most of them kept already (it was an
     * eighth of the server's time under load).
     */
    feedCache: feedEntryCache((row: PgTextRow) => decode({ ...row, data: JSON.parse(row.data) as unknown })),

    /**
     * Writes (or rewrites) a record at `seq` (a number, or a statement that gives it); a tombstone of the same id
     * goes (the record is live again). The writes go out with the transaction's COMMIT (sendWithCommit): only a
     * service's structure is read first, for its counters, unless `parents` holds it (read by this transaction,
     * still as stored: `recordWithParent`).
     */
    async write(
      db: ISql,
      write: DirectoryWrite,
      seq: number | Fragment,
      parents: ReadonlyMap<string, StructureVisibility | undefined> = new Map(),
    ): Promise<void> {
      const r = write.record;
      const c = (sqliteKindOf(write.kind).columns as (record: typeof r) => StorageColumns)(r);
      sendWithCommit(db, db`DELETE FROM tombstones WHERE kind = ${write.kind} AND id = ${r.id}`);
      sendWithCommit(
        db,
        db`
          INSERT INTO records (kind, id, seq, structure_id, code_insee, categorie, visibilite, statut, data)
          VALUES (${write.kind}, ${r.id}, ${seq}, ${c.structure_id}, ${c.code_insee}, ${c.categorie}, ${c.visibilite},
            ${c.statut}, ${JSON.stringify(r)}::text::jsonb)
          ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
            code_insee = excluded.code_insee, categorie = excluded.categorie, visibilite = excluded.visibilite,
            statut = excluded.statut, data = excluded.data`,
      );
      if (write.kind === 'structure') {
        await recordsWritten(db, [write]);
        return;
      }
      const structureId = write.kind === 'service' ? c.structure_id : null;
      const parent =
        structureId === null
          ? undefined
          : parents.has(structureId)
            ? parents.get(structureId)
            : (await structureVisibilities(db, [structureId])).get(structureId);
      sendWithCommit(db, recordWritten(db, write.kind, r, parent));
    },

    /**
     * Writes many records, the i-th at `firstSeq + i`, in a few statements (seeding and fixtures: thousands of
     * rows). A record written twice keeps its last write, at that write's seq.
     */
    async writeMany(db: ISql, writes: readonly DirectoryWrite[], firstSeq: number): Promise<void> {
      const last = new Map<string, { write: DirectoryWrite; seq: number }>();
      writes.forEach((write, i) => {
        const key = `${write.kind}\u0000${write.record.id}`;
        last.delete(key);
        last.set(key, { write, seq: firstSeq + i });
      });
      const batch = [...last.values()];
      for (let start = 0; start < batch.length; start += WRITE_BATCH) {
        const slice = batch.slice(start, start + WRITE_BATCH);
        await db`DELETE FROM tombstones WHERE (kind, id) IN (
          SELECT * FROM unnest(${slice.map((w) => w.write.kind)}::text[], ${slice.map((w) => w.write.record.id)}::text[]))`;
        const values = slice.map(({ write, seq }) => {
          const c = (sqliteKindOf(write.kind).columns as (record: typeof write.record) => StorageColumns)(write.record);
          // The record itself: the driver serializes it for the jsonb column.
          return { kind: write.kind, id: write.record.id, seq, ...c, data: write.record as never };
        });
        await db`
          INSERT INTO records ${db(values, 'kind', 'id', 'seq', 'structure_id', 'code_insee', 'categorie', 'visibilite', 'statut', 'data')}
          ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
            code_insee = excluded.code_insee, categorie = excluded.categorie, visibilite = excluded.visibilite,
            statut = excluded.statut, data = excluded.data`;
        await recordsWritten(
          db,
          slice.map(({ write }) => write),
        );
      }
    },

    record,

    /**
     * `record`, and for a service its structure's visibility, into `parents` (none: undefined), in the same
     * statement: a decision reads the service it changes before taking any decision, and its counters need the
     * structure when it is written — one round trip less under the write lock.
     */
    async recordWithParent<K extends RecordKind>(
      db: ISql,
      kind: K,
      id: string,
      parents: Map<string, StructureVisibility | undefined>,
    ): Promise<RecordOfKind[K] | undefined> {
      if (kind !== 'service') return record(db, kind, id);
      const rows = await db<(PgRecordRow & ParentColumns & { structure_id: string | null; parent: string | null })[]>`
        SELECT r.kind, r.id, r.seq, r.data, r.structure_id, p.id AS parent, p.statut, p.visibilite,
          CASE WHEN p.statut = 'proposee' THEN p.data #>> '{proposee_par,account_id}' END AS author
        FROM records r LEFT JOIN records p ON p.kind = 'structure' AND p.id = r.structure_id
        WHERE r.kind = ${kind} AND r.id = ${id}`;
      const [row] = rows;
      if (row?.structure_id) parents.set(row.structure_id, row.parent === null ? undefined : parentOf(row));
      return decodeAll(rows, kind)[0];
    },

    async servicesOf(db: ISql, structureId: string): Promise<Service[]> {
      const rows = await db<PgRecordRow[]>`
        SELECT kind, id, seq, data FROM records WHERE kind = 'service' AND structure_id = ${structureId} ORDER BY id`;
      return decodeAll(rows, 'service');
    },

    /** Live records of `kind` owned by a structure, through the JSON path of their owners, ordered by id. */
    async ownedBy<K extends RecordKind>(db: ISql, kind: K, structureId: string): Promise<RecordOfKind[K][]> {
      const rows = await db<PgRecordRow[]>`
        SELECT kind, id, seq, data FROM records WHERE kind = ${kind}
          AND jsonb_path_exists(data, ${ownersJsonPath(kind)}::jsonpath, jsonb_build_object('id', ${structureId}::text))
        ORDER BY id`;
      return decodeAll(rows, kind);
    },
  };
}

export type PgRecordAccess = ReturnType<typeof createPgRecordAccess>;
