// The sync half of the PostgreSQL store: the feed for one reader (postgres-feed.ts), history, epoch rotation, and
// what a mutation's or an import's transaction reads and writes (store-port.ts SyncTransaction; the runner is
// mutation-runner.ts). The same rules as sqlite-sync.ts and sqlite-sync-view.ts, in PostgreSQL's SQL; a pull is one
// statement (one snapshot), a transaction holds the write lock.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Fragment, ISql, Sql, TransactionSql } from 'postgres';
import { parseRecord } from '../../src/domain/record-kinds.ts';
import type { HistoryEntry, MutationResult, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryRecord, HistoryAuthor, Operation, SyncView, Writer } from '../sync/decision.ts';
import { authorName } from '../sync/feed.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type { StructureVisibility } from '../sync/visibility.ts';
import { assertLimit } from './directory-store.ts';
import { sendWithCommit, writeTransaction } from './postgres-connection.ts';
import { type ConflictRow, conflictFromRow, postgresPull } from './postgres-feed.ts';
import type { PgRecordAccess } from './postgres-records.ts';
import { recordDeleted } from './postgres-totals.ts';
import type { SyncTransaction } from './store-port.ts';
import type { SyncQueries } from './sync-store.ts';

/** Whether an operation writes or deletes a structure (whose visibility its services' counters follow). */
const touchesStructure = (operation: Operation) =>
  (operation.op === 'put' && operation.write.kind === 'structure') ||
  (operation.op === 'delete' && operation.kind === 'structure');

/** A JSON value as a jsonb parameter; `undefined` (an absent value) is stored as JSON null, as SQLite does. */
const json = (value: unknown) => JSON.stringify(value ?? null);

export function postgresSync(
  sql: Sql,
  rows: PgRecordAccess,
  logger: Logger,
): { queries: SyncQueries; transaction(tx: TransactionSql): SyncTransaction } {
  const pull = postgresPull(sql, rows);

  async function namesOf(db: ISql, ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const found = await db<{ id: string; nom: string }[]>`SELECT id, nom FROM accounts WHERE id = ANY(${wanted})`;
    return new Map(found.map((r) => [r.id, r.nom]));
  }

  function parseTombstone(kind: RecordKind, data: unknown): DirectoryRecord | undefined {
    const parsed = parseRecord(kind, data);
    if (parsed.ok) return parsed.value;
    logger.error({ event: 'corrupt_tombstone', kind, problems: parsed.problems.map((p) => p.path) });
    return undefined;
  }

  function transaction(tx: TransactionSql): SyncTransaction {
    // Structures' visibility as this transaction read them with a service (rows.recordWithParent), for that
    // service's counters when it is written; forgotten when the transaction writes a structure.
    const parents = new Map<string, StructureVisibility | undefined>();
    const view: SyncView = {
      record: (kind, id) => rows.recordWithParent(tx, kind, id, parents),
      async tombstone(kind, id) {
        const [row] = await tx<{ data: unknown }[]>`SELECT data FROM tombstones WHERE kind = ${kind} AND id = ${id}`;
        return row ? parseTombstone(kind, row.data) : undefined;
      },
      // `*` (creation, deletion, restoration) counts as a change of every field.
      async lastWriter(kind, id, field) {
        const [row] = await tx<Writer[]>`
          SELECT account_id, client_id FROM history WHERE record_kind = ${kind} AND record_id = ${id}
            AND (${field} = '*' OR changes ? ${field} OR changes ? '*')
          ORDER BY seq DESC LIMIT 1`;
        return row;
      },
      async versionsWrittenBy(kind, id, afterVersion, clientId) {
        const [row] = await tx<{ n: number }[]>`
          SELECT count(*) AS n FROM history WHERE record_kind = ${kind} AND record_id = ${id}
            AND version > ${afterVersion} AND client_id = ${clientId} AND action != 'suppression'`;
        return row?.n ?? 0;
      },
      async conflict(id) {
        const [row] = await tx<ConflictRow[]>`SELECT * FROM conflicts WHERE id = ${id}`;
        return row ? conflictFromRow(row) : undefined;
      },
      servicesOf: (structureId) => rows.servicesOf(tx, structureId),
      ownedBy: (kind, structureId) => rows.ownedBy(tx, kind, structureId),
    };

    async function apply(operations: readonly Operation[], author: HistoryAuthor, now: Date): Promise<void> {
      if (operations.length === 0) return;
      if (operations.some(touchesStructure)) parents.clear();
      const at = isoInstant(now);
      // Every round trip here is made under the write lock, which every other writer waits for: the writes go out
      // with COMMIT (sendWithCommit), and the seqs are taken in one statement whose answer nothing waits for — each
      // write reads its seq from the counter this transaction just moved (its own write), counting back from it.
      sendWithCommit(tx, tx`UPDATE seq_counter SET last = last + ${operations.length} WHERE id = 1`);
      const seqOf = (index: number) =>
        tx`(SELECT last - ${operations.length - 1 - index} FROM seq_counter WHERE id = 1)`;
      const history = (seq: Fragment, kind: RecordKind, id: string, version: number, draft: Operation) => {
        if (draft.op !== 'put' && draft.op !== 'delete') return;
        if (!draft.history) return;
        sendWithCommit(
          tx,
          tx`
          INSERT INTO history (seq, at, account_id, client_id, mutation_id, record_kind, record_id, version, action,
            changes)
          VALUES (${seq}, ${at}, ${author.account_id}, ${author.client_id}, ${author.mutation_id}, ${kind}, ${id},
            ${version}, ${draft.history.action}, ${json(draft.history.changes)}::text::jsonb)`,
        );
      };
      for (const [index, operation] of operations.entries()) {
        const seq = seqOf(index);
        switch (operation.op) {
          case 'put': {
            const { write } = operation;
            history(seq, write.kind, write.record.id, write.record.version, operation);
            await rows.write(tx, write, seq, parents);
            break;
          }
          case 'delete': {
            const { kind, id, last } = operation;
            await tx`DELETE FROM records WHERE kind = ${kind} AND id = ${id}`;
            await recordDeleted(tx, kind, id);
            const structureId =
              'structure_id' in last && typeof last.structure_id === 'string' ? last.structure_id : null;
            sendWithCommit(
              tx,
              tx`
              INSERT INTO tombstones (kind, id, seq, structure_id, data, deleted_at)
              VALUES (${kind}, ${id}, ${seq}, ${structureId}, ${json(last)}::text::jsonb, ${at})
              ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
                data = excluded.data, deleted_at = excluded.deleted_at`,
            );
            history(seq, kind, id, last.version, operation);
            break;
          }
          case 'conflict': {
            const c = operation.conflict;
            sendWithCommit(
              tx,
              tx`
              INSERT INTO conflicts (id, seq, record_kind, record_id, field, base, mine, theirs, mine_by, theirs_by,
                created_at, statut)
              VALUES (${randomUUID()}, ${seq}, ${c.record_kind}, ${c.record_id}, ${c.field}, ${json(c.base)}::text::jsonb,
                ${json(c.mine)}::text::jsonb, ${json(c.theirs)}::text::jsonb, ${c.mine_by}, ${c.theirs_by}, ${at}, 'ouvert')`,
            );
            break;
          }
          case 'resolve':
            sendWithCommit(
              tx,
              tx`
              UPDATE conflicts SET seq = ${seq}, statut = 'resolu', resolution = ${json(operation.resolution)}::text::jsonb,
                resolved_by = ${operation.resolvedBy}, resolved_at = ${at}
              WHERE id = ${operation.conflictId}`,
            );
            break;
        }
      }
    }

    return {
      view,
      apply,
      async client(clientId) {
        const [row] = await tx<{ last: number; gap_allowed: boolean }[]>`
          SELECT last_mutation_id AS last, gap_allowed FROM clients WHERE client_id = ${clientId}`;
        return row && { last: row.last, gapAllowed: row.gap_allowed };
      },
      async storedAnswer(clientId, id) {
        const [row] = await tx<{ account_id: string; content_hash: string; result: MutationResult }[]>`
          SELECT d.account_id, r.content_hash, r.result FROM mutation_results r JOIN devices d USING (client_id)
          WHERE r.client_id = ${clientId} AND r.mutation_id = ${id}`;
        return row && { accountId: row.account_id, hash: row.content_hash, result: row.result };
      },
      async storeAnswer(clientId, id, hash, result) {
        // Nothing in the transaction reads them back: they go out with COMMIT.
        sendWithCommit(
          tx,
          tx`
            INSERT INTO mutation_results (client_id, mutation_id, content_hash, result)
            VALUES (${clientId}, ${id}, ${hash}, ${json(result)}::text::jsonb)`,
        );
        sendWithCommit(
          tx,
          tx`UPDATE clients SET last_mutation_id = ${id}, gap_allowed = false WHERE client_id = ${clientId}`,
        );
      },
    };
  }

  const queries: SyncQueries = {
    async pull(query) {
      assertLimit(query.limit);
      return pull(query);
    },

    async feedHead(clientId) {
      // One statement: one snapshot and one round trip, where a transaction takes three (BEGIN, the reads, COMMIT).
      const [row] = await sql<{ epoch: string; last: number; last_mutation_id: number | null }[]>`
        SELECT last, (SELECT last_mutation_id FROM clients WHERE client_id = ${clientId ?? null}) AS last_mutation_id,
          (SELECT value FROM meta WHERE key = 'epoch') AS epoch
        FROM seq_counter WHERE id = 1`;
      if (!row) throw new Error('seq_counter vide');
      if (!row.epoch) throw new Error('Base sans epoch : migration incomplète');
      return { epoch: row.epoch, lastSeq: row.last, lastMutationId: row.last_mutation_id };
    },

    async history({ kind, id, limit }) {
      assertLimit(limit);
      const found = await sql<
        { seq: number; at: string; account_id: string; action: HistoryEntry['action']; changes: unknown }[]
      >`SELECT seq, at, account_id, action, changes FROM history WHERE record_kind = ${kind} AND record_id = ${id}
        ORDER BY seq DESC LIMIT ${limit}`;
      const names = await namesOf(
        sql,
        found.map((r) => r.account_id),
      );
      return found.map(
        (row): HistoryEntry => ({
          seq: row.seq,
          at: row.at,
          by: { account_id: row.account_id, nom: authorName(row.account_id, (a) => names.get(a)) },
          action: row.action,
          changes: row.changes as HistoryEntry['changes'],
        }),
      );
    },

    async rotateEpoch() {
      const epoch = randomBytes(16).toString('hex');
      await writeTransaction(sql, async (tx) => {
        await tx`UPDATE meta SET value = ${epoch} WHERE key = 'epoch'`;
        await tx`UPDATE clients SET gap_allowed = true`;
      });
      return epoch;
    },
  };

  return { queries, transaction };
}
