// The SQLite side of a mutation's transaction: the SyncView that `decide` reads (sync/decision.ts) and the
// application of its operations, each at the next seq. Both run inside the store's transaction (sqlite-store.ts),
// which the runner (mutation-runner.ts) opens; better-sqlite3 answers at once, the promises only fit the port.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parseRecord } from '../../src/domain/record-kinds.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryRecord, HistoryAuthor, Operation, StoredConflict, SyncView, Writer } from '../sync/decision.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type { RecordAccess } from './sqlite-records.ts';

export interface ConflictRow {
  id: string;
  record_kind: RecordKind;
  record_id: string;
  field: string;
  base: string;
  mine: string;
  theirs: string;
  mine_by: string;
  theirs_by: string;
  created_at: string;
  statut: 'ouvert' | 'resolu';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export function conflictFromRow(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    record_kind: row.record_kind,
    record_id: row.record_id,
    field: row.field,
    base: JSON.parse(row.base),
    mine: JSON.parse(row.mine),
    theirs: JSON.parse(row.theirs),
    mine_by: row.mine_by,
    theirs_by: row.theirs_by,
    created_at: row.created_at,
    statut: row.statut,
    ...(row.resolution === null ? {} : { resolution: JSON.parse(row.resolution) }),
    ...(row.resolved_by === null ? {} : { resolved_by: row.resolved_by }),
    ...(row.resolved_at === null ? {} : { resolved_at: row.resolved_at }),
  };
}

export function createSqliteSyncView(db: Database.Database, rows: RecordAccess, logger: Logger) {
  const s = {
    tombstone: db.prepare<[string, string], { data: string }>('SELECT data FROM tombstones WHERE kind = ? AND id = ?'),
    putTombstone: db.prepare<[string, string, number, string | null, string, string]>(
      `INSERT INTO tombstones (kind, id, seq, structure_id, data, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
         data = excluded.data, deleted_at = excluded.deleted_at`,
    ),
    // Field names are checked against the record schema before they reach here ([a-z_]), so the JSON path built
    // from them is safe; `*` (creation, deletion, restoration) counts as a change of every field.
    lastWriter: db.prepare<{ kind: string; id: string; path: string }, Writer>(
      `SELECT account_id, client_id FROM history
       WHERE record_kind = @kind AND record_id = @id
         AND (@path = '$."*"' OR json_type(changes, @path) IS NOT NULL OR json_type(changes, '$."*"') IS NOT NULL)
       ORDER BY seq DESC LIMIT 1`,
    ),
    versionsBy: db.prepare<[string, string, number, string], { n: number }>(
      `SELECT count(*) AS n FROM history
       WHERE record_kind = ? AND record_id = ? AND version > ? AND client_id = ? AND action != 'suppression'`,
    ),
    conflict: db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE id = ?'),
    insertConflict: db.prepare(
      `INSERT INTO conflicts (id, seq, record_kind, record_id, field, base, mine, theirs, mine_by, theirs_by,
         created_at, statut)
       VALUES (@id, @seq, @record_kind, @record_id, @field, @base, @mine, @theirs, @mine_by, @theirs_by,
         @created_at, 'ouvert')`,
    ),
    resolveConflict: db.prepare<[number, string, string, string, string]>(
      `UPDATE conflicts SET seq = ?, statut = 'resolu', resolution = ?, resolved_by = ?, resolved_at = ?
       WHERE id = ?`,
    ),
    history: db.prepare(
      `INSERT INTO history (seq, at, account_id, client_id, mutation_id, record_kind, record_id, version, action,
         changes)
       VALUES (@seq, @at, @account_id, @client_id, @mutation_id, @record_kind, @record_id, @version, @action,
         @changes)`,
    ),
  };

  function parseTombstone(kind: RecordKind, data: string): DirectoryRecord | undefined {
    const parsed = parseRecord(kind, JSON.parse(data));
    if (parsed.ok) return parsed.value;
    logger.error({ event: 'corrupt_tombstone', kind, problems: parsed.problems.map((p) => p.path) });
    return undefined;
  }

  const view: SyncView = {
    record: async (kind, id) => rows.record(kind, id),
    async tombstone(kind, id) {
      const row = s.tombstone.get(kind, id);
      return row ? parseTombstone(kind, row.data) : undefined;
    },
    lastWriter: async (kind, id, field) => s.lastWriter.get({ kind, id, path: `$."${field}"` }),
    versionsWrittenBy: async (kind, id, afterVersion, clientId) =>
      s.versionsBy.get(kind, id, afterVersion, clientId)?.n ?? 0,
    async conflict(id) {
      const row = s.conflict.get(id);
      return row ? conflictFromRow(row) : undefined;
    },
    servicesOf: async (structureId) => rows.servicesOf(structureId),
    ownedBy: async (kind, structureId) => rows.ownedBy(kind, structureId),
  };

  /** Applies the operations of one decision, in order, each at the next seq; history lines name `author`. */
  async function apply(operations: readonly Operation[], author: HistoryAuthor, now: Date): Promise<void> {
    const at = isoInstant(now);
    const history = (seq: number, kind: RecordKind, id: string, version: number, draft: Operation) => {
      if (draft.op !== 'put' && draft.op !== 'delete') return;
      if (!draft.history) return;
      s.history.run({
        seq,
        at,
        account_id: author.account_id,
        client_id: author.client_id,
        mutation_id: author.mutation_id,
        record_kind: kind,
        record_id: id,
        version,
        action: draft.history.action,
        changes: JSON.stringify(draft.history.changes),
      });
    };
    for (const operation of operations) {
      const seq = rows.nextSeq();
      switch (operation.op) {
        case 'put': {
          const { write } = operation;
          rows.write(write, seq);
          history(seq, write.kind, write.record.id, write.record.version, operation);
          break;
        }
        case 'delete': {
          const { kind, id, last } = operation;
          rows.remove(kind, id);
          const structureId =
            'structure_id' in last && typeof last.structure_id === 'string' ? last.structure_id : null;
          s.putTombstone.run(kind, id, seq, structureId, JSON.stringify(last), at);
          history(seq, kind, id, last.version, operation);
          break;
        }
        case 'conflict': {
          const c = operation.conflict;
          s.insertConflict.run({
            ...c,
            id: randomUUID(),
            seq,
            base: JSON.stringify(c.base ?? null),
            mine: JSON.stringify(c.mine ?? null),
            theirs: JSON.stringify(c.theirs ?? null),
            created_at: at,
          });
          break;
        }
        case 'resolve':
          s.resolveConflict.run(
            seq,
            JSON.stringify(operation.resolution ?? null),
            operation.resolvedBy,
            at,
            operation.conflictId,
          );
          break;
      }
    }
  }

  return { view, apply };
}
