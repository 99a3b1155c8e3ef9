// The sync half of the SQLite store: the feed for one reader, history, epoch rotation, and what a mutation's or an
// import's transaction reads and writes (store-port.ts SyncTransaction; the runner is mutation-runner.ts).
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { kindKnownBy } from '../../src/domain/record-kinds.ts';
import type { HistoryEntry, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Logger } from '../logger.ts';
import { authorName, type FeedItem, feedEntries } from '../sync/feed.ts';
import { type Reader, readerClass, type StructureVisibility } from '../sync/visibility.ts';
import { assertLimit } from './directory-store.ts';
import type { RecordAccess } from './sqlite-records.ts';
import { type ConflictRow, conflictFromRow, createSqliteSyncView } from './sqlite-sync-view.ts';
import type { SyncTransaction } from './store-port.ts';
import type { PullQuery, PullResult, SyncQueries } from './sync-store.ts';

interface FeedRow {
  source: 'record' | 'tombstone' | 'conflict';
  kind: string;
  id: string;
  seq: number;
}

interface HistoryRow {
  seq: number;
  at: string;
  account_id: string;
  action: HistoryEntry['action'];
  changes: string;
}

/** The sync queries, and the sync half of a transaction (valid only inside the store's open transaction). */
export function sqliteSync(
  db: Database.Database,
  rows: RecordAccess,
  logger: Logger,
): { queries: SyncQueries; tx: SyncTransaction; epoch: () => string } {
  const { view, apply } = createSqliteSyncView(db, rows, logger);
  const s = {
    // Each branch walks its table's seq index; SQLite merges the three in seq order. A record's JSON is read only
    // when its entry is not kept already (rows.feedCache): most of a delta was parsed for an earlier reader.
    feed: db.prepare<{ cursor: number; limit: number }, FeedRow>(
      `SELECT 'record' AS source, kind, id, seq FROM records WHERE seq > @cursor
       UNION ALL SELECT 'tombstone', kind, id, seq FROM tombstones WHERE seq > @cursor
       UNION ALL SELECT 'conflict', record_kind, id, seq FROM conflicts WHERE seq > @cursor
       ORDER BY seq LIMIT @limit`,
    ),
    dataAt: db.prepare<[number], { data: string }>('SELECT data FROM records WHERE seq = ?'),
    conflict: db.prepare<[string], ConflictRow>('SELECT * FROM conflicts WHERE id = ?'),
    accountName: db.prepare<[string], { nom: string }>('SELECT nom FROM accounts WHERE id = ?'),
    client: db.prepare<[string], { last: number; gap_allowed: number }>(
      'SELECT last_mutation_id AS last, gap_allowed FROM clients WHERE client_id = ?',
    ),
    setClient: db.prepare<[number, string]>(
      'UPDATE clients SET last_mutation_id = ?, gap_allowed = 0 WHERE client_id = ?',
    ),
    earlierResult: db.prepare<[string, number], { account_id: string; content_hash: string; result: string }>(
      `SELECT d.account_id, r.content_hash, r.result FROM mutation_results r JOIN devices d USING (client_id)
       WHERE r.client_id = ? AND r.mutation_id = ?`,
    ),
    storeResult: db.prepare<[string, number, string, string]>(
      'INSERT INTO mutation_results (client_id, mutation_id, content_hash, result) VALUES (?, ?, ?, ?)',
    ),
    history: db.prepare<[string, string, number], HistoryRow>(
      `SELECT seq, at, account_id, action, changes FROM history WHERE record_kind = ? AND record_id = ?
       ORDER BY seq DESC LIMIT ?`,
    ),
    setEpoch: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'epoch'"),
    epoch: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'"),
    allowGaps: db.prepare('UPDATE clients SET gap_allowed = 1'),
  };

  const nameOf = (id: string) => s.accountName.get(id)?.nom;

  // Kept at write time (sqlite-totals.ts); a reader's total only counts the kinds its protocol knows.
  function totalFor(reader: Reader, protocol: number): number {
    const byKind = rows.totals(readerClass(reader));
    let total = 0;
    for (const kind of RECORD_KINDS) if (kindKnownBy(kind, protocol)) total += byKind.get(kind) ?? 0;
    return total;
  }

  const epochOf = () => {
    const epoch = s.epoch.get()?.value;
    if (!epoch) throw new Error('Base sans epoch : migration incomplète');
    return epoch;
  };

  const pullTx = db.transaction((query: PullQuery): PullResult => {
    const { cursor: asked, limit, reader, clientId, protocol = PROTOCOL_VERSION } = query;
    const lastSeq = rows.lastSeq();
    const cursor = Math.min(asked, lastSeq);
    const found = s.feed.all({ cursor, limit: limit + 1 });
    const shown = found.slice(0, limit);
    const items: FeedItem[] = [];
    for (const row of shown) {
      const kind = row.kind as RecordKind;
      if (row.source === 'tombstone') items.push({ source: 'tombstone', seq: row.seq, kind, id: row.id });
      else if (row.source === 'conflict') {
        const conflict = s.conflict.get(row.id);
        if (conflict) items.push({ source: 'conflict', seq: row.seq, conflict: conflictFromRow(conflict) });
      } else {
        const entry = rows.feedCache.entry(row, () => {
          const found = s.dataAt.get(row.seq);
          return found && { kind, id: row.id, seq: row.seq, data: found.data };
        });
        if (entry) items.push({ source: 'record', entry });
      }
    }
    // Services mostly follow their structure in the feed: the page itself answers most parent lookups; the others
    // read the structure's visibility columns, never its whole record.
    const structures = new Map<string, StructureVisibility | undefined>();
    for (const item of items) {
      if (item.source === 'record' && item.entry.kind === 'structure')
        structures.set(item.entry.record.id, item.entry.record);
    }
    const structureOf = (id: string) => {
      if (!structures.has(id)) structures.set(id, rows.structureVisibility(id));
      return structures.get(id);
    };
    const lastMutationId = clientId === undefined ? null : (s.client.get(clientId)?.last ?? null);
    return {
      entries: feedEntries(items, { reader, cursor, structureOf, nameOf, protocol }),
      cursor: shown.at(-1)?.seq ?? cursor,
      hasMore: found.length > limit,
      total: totalFor(reader, protocol),
      epoch: epochOf(),
      lastMutationId,
      lastSeq,
    };
  });

  const headTx = db.transaction((clientId: string | undefined) => ({
    epoch: epochOf(),
    lastSeq: rows.lastSeq(),
    lastMutationId: clientId === undefined ? null : (s.client.get(clientId)?.last ?? null),
  }));

  const tx: SyncTransaction = {
    view,
    apply,
    async client(clientId) {
      const row = s.client.get(clientId);
      return row && { last: row.last, gapAllowed: row.gap_allowed === 1 };
    },
    async storedAnswer(clientId, id) {
      const row = s.earlierResult.get(clientId, id);
      return row && { accountId: row.account_id, hash: row.content_hash, result: JSON.parse(row.result) };
    },
    async storeAnswer(clientId, id, hash, result) {
      s.storeResult.run(clientId, id, hash, JSON.stringify(result));
      s.setClient.run(id, clientId);
    },
  };

  const rotateTx = db.transaction((epoch: string) => {
    s.setEpoch.run(epoch);
    s.allowGaps.run();
  });

  const queries: SyncQueries = {
    async pull(query) {
      assertLimit(query.limit);
      return pullTx(query);
    },

    async feedHead(clientId) {
      return headTx(clientId);
    },

    async history({ kind, id, limit }) {
      assertLimit(limit);
      return s.history.all(kind, id, limit).map(
        (row): HistoryEntry => ({
          seq: row.seq,
          at: row.at,
          by: { account_id: row.account_id, nom: authorName(row.account_id, nameOf) },
          action: row.action,
          changes: JSON.parse(row.changes),
        }),
      );
    },

    async rotateEpoch() {
      const epoch = randomBytes(16).toString('hex');
      rotateTx.immediate(epoch);
      return epoch;
    },
  };
  return { queries, tx, epoch: epochOf };
}
