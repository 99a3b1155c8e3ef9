// The sync half of the in-memory store (contract: SyncStore in sync-store.ts): the feed (sync/feed.ts), history,
// and what a mutation's or an import's transaction reads and writes (store-port.ts; the runner is
// mutation-runner.ts). A decision computes every operation before the first write, and `apply` writes them without
// an await: a mutation is all-or-nothing here too.
import { randomBytes, randomUUID } from 'node:crypto';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { kindKnownBy, ownersOf } from '../../src/domain/record-kinds.ts';
import type { HistoryEntry } from '../../src/domain/sync-protocol.ts';
import type { HistoryAuthor, Operation, SyncView } from '../sync/decision.ts';
import { authorName, canSeeRecord, type FeedItem, feedEntries } from '../sync/feed.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type { Reader } from '../sync/visibility.ts';
import { assertLimit } from './directory-store.ts';
import {
  assertOpen,
  compareIds,
  deleteRecord,
  liveRecord,
  type MemoryState,
  servicesOf,
  tableOf,
  tombstoneKey,
  writeRecord,
} from './memory-state.ts';
import type { SyncTransaction } from './store-port.ts';
import type { SyncQueries } from './sync-store.ts';

/** The sync queries, and the sync half of a transaction. */
export function memorySync(state: MemoryState): { queries: SyncQueries; tx: SyncTransaction } {
  const nameOf = (id: string) => state.accounts.get(id)?.account.nom;

  const view: SyncView = {
    record: async (kind, id) => liveRecord(state, kind, id),
    async tombstone(kind, id) {
      const found = state.tombstones.get(tombstoneKey(kind, id));
      return found ? structuredClone(found.record) : undefined;
    },
    async lastWriter(kind, id, field) {
      for (let i = state.history.length - 1; i >= 0; i--) {
        const row = state.history[i];
        if (!row || row.kind !== kind || row.id !== id) continue;
        if (field === '*' || field in row.changes || '*' in row.changes) {
          return { account_id: row.account_id, client_id: row.client_id };
        }
      }
      return undefined;
    },
    async versionsWrittenBy(kind, id, afterVersion, clientId) {
      return state.history.filter(
        (h) =>
          h.kind === kind &&
          h.id === id &&
          h.version > afterVersion &&
          h.client_id === clientId &&
          h.action !== 'suppression',
      ).length;
    },
    conflict: async (id) => structuredClone(state.conflicts.get(id)?.conflict),
    servicesOf: async (structureId) => servicesOf(state, structureId),
    ownedBy: async (kind, structureId) =>
      [...tableOf(state, kind).values()]
        .map((r) => r.record)
        .filter((r) => ownersOf(kind, r).includes(structureId))
        .sort(compareIds)
        .map((r) => structuredClone(r)),
  };

  async function apply(operations: readonly Operation[], author: HistoryAuthor, now: Date): Promise<void> {
    const at = isoInstant(now);
    for (const operation of operations) {
      switch (operation.op) {
        case 'put': {
          const { write, history } = operation;
          const seq = writeRecord(state, write);
          if (history) {
            const { id, version } = write.record;
            state.history.push({
              seq,
              at,
              account_id: author.account_id,
              client_id: author.client_id,
              kind: write.kind,
              id,
              version,
              ...structuredClone(history),
            });
          }
          break;
        }
        case 'delete': {
          const { kind, id, last, history } = operation;
          const seq = deleteRecord(state, kind, id, last);
          state.history.push({
            seq,
            at,
            account_id: author.account_id,
            client_id: author.client_id,
            kind,
            id,
            version: last.version,
            ...structuredClone(history),
          });
          break;
        }
        case 'conflict': {
          const seq = ++state.lastSeq;
          const id = randomUUID();
          const conflict = { ...structuredClone(operation.conflict), id, created_at: at, statut: 'ouvert' as const };
          state.conflicts.set(id, { seq, conflict });
          state.feed.set(seq, { source: 'conflict', id });
          break;
        }
        case 'resolve': {
          const found = state.conflicts.get(operation.conflictId);
          if (!found) break;
          const seq = ++state.lastSeq;
          state.feed.delete(found.seq);
          const conflict = {
            ...found.conflict,
            statut: 'resolu' as const,
            resolution: structuredClone(operation.resolution ?? null),
            resolved_by: operation.resolvedBy,
            resolved_at: at,
          };
          state.conflicts.set(conflict.id, { seq, conflict });
          state.feed.set(seq, { source: 'conflict', id: conflict.id });
          break;
        }
      }
    }
  }

  function total(reader: Reader, protocol: number): number {
    const structureOf = (id: string) => state.structures.get(id)?.record;
    let n = 0;
    for (const kind of RECORD_KINDS) {
      if (!kindKnownBy(kind, protocol)) continue;
      for (const { seq, record } of tableOf(state, kind).values()) {
        if (canSeeRecord(reader, { kind, seq, record } as DirectoryEntry, structureOf)) n++;
      }
    }
    return n;
  }

  const tx: SyncTransaction = {
    view,
    apply,
    async client(clientId) {
      return structuredClone(state.clients.get(clientId));
    },
    async storedAnswer(clientId, id) {
      const stored = state.results.get(`${clientId}/${id}`);
      const device = [...state.devices.values()].find((d) => d.client_id === clientId);
      return stored && device && { accountId: device.account_id, ...structuredClone(stored) };
    },
    async storeAnswer(clientId, id, hash, result) {
      state.results.set(`${clientId}/${id}`, { hash, result: structuredClone(result) });
      state.clients.set(clientId, { last: id, gapAllowed: false });
    },
  };

  const queries: SyncQueries = {
    async pull({ cursor: asked, limit, reader, clientId, protocol = PROTOCOL_VERSION }) {
      assertOpen(state);
      assertLimit(limit);
      const cursor = Math.min(asked, state.lastSeq);
      const items: FeedItem[] = [];
      let read = cursor;
      let count = 0;
      let hasMore = false;
      for (const [seq, ref] of state.feed) {
        if (seq <= cursor) continue;
        if (count === limit) {
          hasMore = true;
          break;
        }
        count++;
        read = seq;
        if (ref.source === 'conflict') {
          const found = state.conflicts.get(ref.id);
          if (found) items.push({ source: 'conflict', seq, conflict: structuredClone(found.conflict) });
        } else if (ref.source === 'tombstone') {
          items.push({ source: 'tombstone', seq, kind: ref.kind, id: ref.id });
        } else {
          const record = liveRecord(state, ref.kind, ref.id);
          if (record) items.push({ source: 'record', entry: { kind: ref.kind, seq, record } as DirectoryEntry });
        }
      }
      const structureOf = (id: string) => state.structures.get(id)?.record;
      const lastMutationId = clientId === undefined ? null : (state.clients.get(clientId)?.last ?? null);
      return {
        entries: feedEntries(items, { reader, cursor, structureOf, nameOf, protocol }),
        cursor: read,
        hasMore,
        total: total(reader, protocol),
        epoch: state.epoch,
        lastMutationId,
        lastSeq: state.lastSeq,
      };
    },

    async feedHead(clientId) {
      assertOpen(state);
      const lastMutationId = clientId === undefined ? null : (state.clients.get(clientId)?.last ?? null);
      return { epoch: state.epoch, lastSeq: state.lastSeq, lastMutationId };
    },

    async history({ kind, id, limit }) {
      assertOpen(state);
      assertLimit(limit);
      return state.history
        .filter((h) => h.kind === kind && h.id === id)
        .reverse()
        .slice(0, limit)
        .map(
          (h): HistoryEntry => ({
            seq: h.seq,
            at: h.at,
            by: { account_id: h.account_id, nom: authorName(h.account_id, nameOf) },
            action: h.action,
            changes: structuredClone(h.changes),
          }),
        );
    },

    async rotateEpoch() {
      assertOpen(state);
      state.epoch = randomBytes(16).toString('hex');
      for (const client of state.clients.values()) client.gapAllowed = true;
      return state.epoch;
    },
  };
  return { queries, tx };
}
