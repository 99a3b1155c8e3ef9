// The sync half of the PostgreSQL store: the feed for one reader, history, epoch rotation, and what a mutation's or
// an import's transaction reads and writes (store-port.ts SyncTransaction; the runner is mutation-runner.ts). The
// same rules as sqlite-sync.ts and sqlite-sync-view.ts, in PostgreSQL's SQL; a pull reads in one snapshot
// (postgres-connection.ts readTransaction), a transaction holds the write lock.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ISql, Sql, TransactionSql } from 'postgres';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { kindKnownBy, parseRecord } from '../../src/domain/record-kinds.ts';
import type { HistoryEntry, MutationResult, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryRecord, HistoryAuthor, Operation, StoredConflict, SyncView, Writer } from '../sync/decision.ts';
import { authorName, type FeedItem, feedEntries } from '../sync/feed.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { type Reader, readerClass, type StructureVisibility } from '../sync/visibility.ts';
import { assertLimit } from './directory-store.ts';
import { lastSeq, nextSeq, readTransaction, writeTransaction } from './postgres-connection.ts';
import type { PgRecordAccess, PgTextRow } from './postgres-records.ts';
import { recordDeleted, structureVisibilities, totalsByKind } from './postgres-totals.ts';
import type { SyncTransaction } from './store-port.ts';
import type { PullQuery, PullResult, SyncQueries } from './sync-store.ts';

interface ConflictRow {
  id: string;
  record_kind: RecordKind;
  record_id: string;
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  mine_by: string;
  theirs_by: string;
  created_at: string;
  statut: 'ouvert' | 'resolu';
  resolution: unknown;
  resolved_by: string | null;
  resolved_at: string | null;
}

function conflictFromRow(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    record_kind: row.record_kind,
    record_id: row.record_id,
    field: row.field,
    base: row.base,
    mine: row.mine,
    theirs: row.theirs,
    mine_by: row.mine_by,
    theirs_by: row.theirs_by,
    created_at: row.created_at,
    statut: row.statut,
    ...(row.resolution === null ? {} : { resolution: row.resolution }),
    ...(row.resolved_by === null ? {} : { resolved_by: row.resolved_by }),
    ...(row.resolved_at === null ? {} : { resolved_at: row.resolved_at }),
  } as StoredConflict;
}

/** A JSON value as a jsonb parameter; `undefined` (an absent value) is stored as JSON null, as SQLite does. */
const json = (value: unknown) => JSON.stringify(value ?? null);

interface FeedRow {
  source: 'record' | 'tombstone' | 'conflict';
  kind: string;
  id: string;
  seq: number;
  /** The record's JSON as text (PgTextRow), null for the others. */
  data: string | null;
}

export function postgresSync(
  sql: Sql,
  rows: PgRecordAccess,
  logger: Logger,
): { queries: SyncQueries; transaction(tx: TransactionSql): SyncTransaction } {
  async function namesOf(db: ISql, ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const found = await db<{ id: string; nom: string }[]>`SELECT id, nom FROM accounts WHERE id = ANY(${wanted})`;
    return new Map(found.map((r) => [r.id, r.nom]));
  }

  // Kept at write time (postgres-totals.ts); a reader's total only counts the kinds its protocol knows.
  async function totalFor(db: ISql, reader: Reader, protocol: number): Promise<number> {
    const byKind = await totalsByKind(db, readerClass(reader));
    let total = 0;
    for (const kind of RECORD_KINDS) if (kindKnownBy(kind, protocol)) total += byKind.get(kind) ?? 0;
    return total;
  }

  async function clientLast(db: ISql, clientId: string | undefined): Promise<number | null> {
    if (clientId === undefined) return null;
    const [row] = await db<{ last: number }[]>`
      SELECT last_mutation_id AS last FROM clients WHERE client_id = ${clientId}`;
    return row?.last ?? null;
  }

  async function pull(query: PullQuery): Promise<PullResult> {
    const { cursor: asked, limit, reader, clientId, protocol = PROTOCOL_VERSION } = query;
    // Statements issued together go out pipelined on the transaction's connection: a pull is three round trips
    // (four with conflicts), whatever it reads.
    return readTransaction(sql, async (tx) => {
      const [last, found] = await Promise.all([
        lastSeq(tx),
        tx<FeedRow[]>`
          WITH c AS (SELECT LEAST(${asked}::bigint, last) AS cursor FROM seq_counter WHERE id = 1)
          SELECT * FROM (
            SELECT 'record' AS source, kind, id, seq, data::text AS data FROM records WHERE seq > (SELECT cursor FROM c)
            UNION ALL SELECT 'tombstone', kind, id, seq, NULL FROM tombstones WHERE seq > (SELECT cursor FROM c)
            UNION ALL SELECT 'conflict', record_kind, id, seq, NULL FROM conflicts WHERE seq > (SELECT cursor FROM c)
          ) feed
          ORDER BY seq LIMIT ${limit + 1}`,
      ]);
      const cursor = Math.min(asked, last);
      const shown = found.slice(0, limit);
      const entries = new Map<number, DirectoryEntry>();
      for (const row of shown) {
        if (row.source !== 'record') continue;
        const entry = rows.decodeForFeed(row, () => row as PgTextRow);
        if (entry) entries.set(row.seq, entry);
      }
      // Parent structures the page does not carry: their visibility columns (feedEntries asks synchronously),
      // never their whole records.
      const structures = new Map<string, StructureVisibility | undefined>();
      for (const entry of entries.values()) {
        if (entry.kind === 'structure') structures.set(entry.record.id, entry.record);
      }
      const parents = new Set<string>();
      for (const entry of entries.values()) {
        const parent = (entry.record as { structure_id?: unknown }).structure_id;
        if (typeof parent === 'string' && !structures.has(parent)) parents.add(parent);
      }
      const conflictIds = shown.filter((r) => r.source === 'conflict').map((r) => r.id);
      const [conflictRows, visibilities, total, lastMutationId] = await Promise.all([
        conflictIds.length === 0 ? [] : tx<ConflictRow[]>`SELECT * FROM conflicts WHERE id = ANY(${conflictIds})`,
        structureVisibilities(tx, [...parents]),
        totalFor(tx, reader, protocol),
        clientLast(tx, clientId),
      ]);
      for (const [id, visibility] of visibilities) structures.set(id, visibility);
      const conflicts = new Map(conflictRows.map((row) => [row.id, conflictFromRow(row)]));
      const names = await namesOf(
        tx,
        [...conflicts.values()].flatMap((c) => [c.mine_by, c.theirs_by, ...(c.resolved_by ? [c.resolved_by] : [])]),
      );
      const items: FeedItem[] = [];
      for (const row of shown) {
        const kind = row.kind as RecordKind;
        if (row.source === 'tombstone') items.push({ source: 'tombstone', seq: row.seq, kind, id: row.id });
        else if (row.source === 'conflict') {
          const conflict = conflicts.get(row.id);
          if (conflict) items.push({ source: 'conflict', seq: row.seq, conflict });
        } else {
          const entry = entries.get(row.seq);
          if (entry) items.push({ source: 'record', entry });
        }
      }
      return {
        entries: feedEntries(items, {
          reader,
          cursor,
          structureOf: (id) => structures.get(id),
          nameOf: (id) => names.get(id),
          protocol,
        }),
        cursor: shown.at(-1)?.seq ?? cursor,
        hasMore: found.length > limit,
        total,
        lastMutationId,
        lastSeq: last,
      };
    });
  }

  function parseTombstone(kind: RecordKind, data: unknown): DirectoryRecord | undefined {
    const parsed = parseRecord(kind, data);
    if (parsed.ok) return parsed.value;
    logger.error({ event: 'corrupt_tombstone', kind, problems: parsed.problems.map((p) => p.path) });
    return undefined;
  }

  function transaction(tx: TransactionSql): SyncTransaction {
    const view: SyncView = {
      record: (kind, id) => rows.record(tx, kind, id),
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
      const at = isoInstant(now);
      const history = async (seq: number, kind: RecordKind, id: string, version: number, draft: Operation) => {
        if (draft.op !== 'put' && draft.op !== 'delete') return;
        if (!draft.history) return;
        await tx`
          INSERT INTO history (seq, at, account_id, client_id, mutation_id, record_kind, record_id, version, action,
            changes)
          VALUES (${seq}, ${at}, ${author.account_id}, ${author.client_id}, ${author.mutation_id}, ${kind}, ${id},
            ${version}, ${draft.history.action}, ${json(draft.history.changes)}::text::jsonb)`;
      };
      // Every round trip here is made under the write lock, which every other writer waits for: the seqs are taken
      // in one statement, and statements that do not wait for each other's answers go out together (pipelined).
      let seq = operations.length === 0 ? 0 : (await nextSeq(tx, operations.length)) - operations.length;
      for (const operation of operations) {
        seq++;
        switch (operation.op) {
          case 'put': {
            const { write } = operation;
            await Promise.all([
              rows.write(tx, write, seq),
              history(seq, write.kind, write.record.id, write.record.version, operation),
            ]);
            break;
          }
          case 'delete': {
            const { kind, id, last } = operation;
            await tx`DELETE FROM records WHERE kind = ${kind} AND id = ${id}`;
            await recordDeleted(tx, kind, id);
            const structureId =
              'structure_id' in last && typeof last.structure_id === 'string' ? last.structure_id : null;
            await tx`
              INSERT INTO tombstones (kind, id, seq, structure_id, data, deleted_at)
              VALUES (${kind}, ${id}, ${seq}, ${structureId}, ${json(last)}::text::jsonb, ${at})
              ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
                data = excluded.data, deleted_at = excluded.deleted_at`;
            await history(seq, kind, id, last.version, operation);
            break;
          }
          case 'conflict': {
            const c = operation.conflict;
            await tx`
              INSERT INTO conflicts (id, seq, record_kind, record_id, field, base, mine, theirs, mine_by, theirs_by,
                created_at, statut)
              VALUES (${randomUUID()}, ${seq}, ${c.record_kind}, ${c.record_id}, ${c.field}, ${json(c.base)}::text::jsonb,
                ${json(c.mine)}::text::jsonb, ${json(c.theirs)}::text::jsonb, ${c.mine_by}, ${c.theirs_by}, ${at}, 'ouvert')`;
            break;
          }
          case 'resolve':
            await tx`
              UPDATE conflicts SET seq = ${seq}, statut = 'resolu', resolution = ${json(operation.resolution)}::text::jsonb,
                resolved_by = ${operation.resolvedBy}, resolved_at = ${at}
              WHERE id = ${operation.conflictId}`;
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
        await Promise.all([
          tx`
            INSERT INTO mutation_results (client_id, mutation_id, content_hash, result)
            VALUES (${clientId}, ${id}, ${hash}, ${json(result)}::text::jsonb)`,
          tx`UPDATE clients SET last_mutation_id = ${id}, gap_allowed = false WHERE client_id = ${clientId}`,
        ]);
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
