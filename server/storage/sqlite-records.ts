// Low-level access to the directory rows of the SQLite store, shared by its directory reads (sqlite-store.ts)
// and its sync half (sqlite-sync.ts): the seq counter, writing a record with its filter columns, and decoding
// rows back through the domain schemas.
// Rows read back are parsed with the domain schemas, never trusted (record-rows.ts).
import type Database from 'better-sqlite3';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Service } from '../../src/domain/service.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryWrite } from './directory-store.ts';
import { feedEntryCache } from './feed-entry-cache.ts';
import { rowDecoders } from './record-rows.ts';
import { type StorageColumns, sqliteKindOf } from './sqlite-kinds.ts';
import { createSqliteTotals } from './sqlite-totals.ts';

export interface RecordRow {
  kind: string;
  id: string;
  seq: number;
  data: string;
}

export type { RecordOfKind };

export type RecordAccess = ReturnType<typeof createRecordAccess>;

export function createRecordAccess(db: Database.Database, logger: Logger) {
  const statements = {
    nextSeq: db.prepare<[], { last: number }>('UPDATE seq_counter SET last = last + 1 WHERE id = 1 RETURNING last'),
    lastSeq: db.prepare<[], { last: number }>('SELECT last FROM seq_counter WHERE id = 1'),
    write: db.prepare<
      [string, string, number, string | null, string | null, string | null, string | null, string | null, string]
    >(
      `INSERT INTO records (kind, id, seq, structure_id, code_insee, categorie, visibilite, statut, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
         code_insee = excluded.code_insee, categorie = excluded.categorie, visibilite = excluded.visibilite,
         statut = excluded.statut, data = excluded.data`,
    ),
    dropTombstone: db.prepare<[string, string]>('DELETE FROM tombstones WHERE kind = ? AND id = ?'),
    remove: db.prepare<[string, string]>('DELETE FROM records WHERE kind = ? AND id = ?'),
    record: db.prepare<[string, string], RecordRow>(
      'SELECT kind, id, seq, data FROM records WHERE kind = ? AND id = ?',
    ),
    servicesOf: db.prepare<[string], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'service' AND structure_id = ? ORDER BY id",
    ),
    // json_each of a string yields that string, of an array its items: one statement for every kind.
    ownedBy: db.prepare<[string, string, string], RecordRow>(
      `SELECT kind, id, seq, data FROM records WHERE kind = ?
         AND EXISTS (SELECT 1 FROM json_each(data, ?) WHERE value = ?) ORDER BY id`,
    ),
  };

  const totals = createSqliteTotals(db);

  const { decode, decodeAll } = rowDecoders<RecordRow>(logger, (row) => {
    try {
      return JSON.parse(row.data);
    } catch {
      return undefined;
    }
  });

  const feedCache = feedEntryCache(decode);

  function nextSeq(): number {
    const seq = statements.nextSeq.get()?.last;
    if (seq === undefined) throw new Error('seq_counter vide');
    return seq;
  }

  return {
    decode,
    feedCache,
    decodeAll,
    nextSeq,

    lastSeq(): number {
      return statements.lastSeq.get()?.last ?? 0;
    },

    /** Writes (or rewrites) a record at `seq`; a tombstone of the same id goes (the record is live again). */
    write(write: DirectoryWrite, seq: number): void {
      const r = write.record;
      statements.dropTombstone.run(write.kind, r.id);
      const columns = (sqliteKindOf(write.kind).columns as (record: typeof r) => StorageColumns)(r);
      statements.write.run(
        write.kind,
        r.id,
        seq,
        columns.structure_id,
        columns.code_insee,
        columns.categorie,
        columns.visibilite,
        columns.statut,
        JSON.stringify(r),
      );
      totals.written(write.kind, r.id, r);
    },

    /** Deletes a live record (its tombstone is the caller's). */
    remove(kind: RecordKind, id: string): void {
      statements.remove.run(kind, id);
      totals.deleted(kind, id);
    },

    /** Live records a reader class sees, per kind (sqlite-totals.ts). */
    totals: totals.byKind,

    structureVisibility: totals.structureVisibility,

    record<K extends RecordKind>(kind: K, id: string): RecordOfKind[K] | undefined {
      const row = statements.record.get(kind, id);
      return row ? decodeAll([row], kind)[0] : undefined;
    },

    /** Live records of `kind` owned by a structure, through the JSON path of their owners, ordered by id. */
    ownedBy<K extends RecordKind>(kind: K, structureId: string): RecordOfKind[K][] {
      if (kind === 'service') return decodeAll(statements.servicesOf.all(structureId), kind);
      return decodeAll(statements.ownedBy.all(kind, sqliteKindOf(kind).ownersPath, structureId), kind);
    },

    servicesOf(structureId: string): Service[] {
      return decodeAll(statements.servicesOf.all(structureId), 'service');
    },
  };
}
