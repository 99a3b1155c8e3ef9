// In-memory DirectoryStore: for tests and for trying the server without a disk. Same contract as SQLite
// (tests/integration/*-store.contract.ts). Records are copied on the way in and out, as a database would, so a
// caller mutating an object it passed or received cannot change the stored state. Every query runs without an
// await between its reads and writes, and through the same gate as transactions (serial-gate.ts).
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { memoryMail } from '../mail/memory-mail.ts';
import { canSeeRecord } from '../sync/feed.ts';
import { canSeeService, canSeeStructure, readable } from '../sync/visibility.ts';
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
import { memoryAccounts } from './memory-accounts.ts';
import { memoryAdmin } from './memory-admin.ts';
import { memoryOrientationEvents } from './memory-orientation-events.ts';
import { memoryReferrals } from './memory-referrals.ts';
import { assertOpen, compareIds, createMemoryState, servicesOf, tableOf, writeRecord } from './memory-state.ts';
import { memorySync } from './memory-sync.ts';
import { withDecisions } from './mutation-runner.ts';
import { gatedMethods, serialGate } from './serial-gate.ts';
import type { StorePort, StoreTransaction } from './store-port.ts';

export function createMemoryStore(): DirectoryStore {
  const state = createMemoryState();
  const open = () => assertOpen(state);

  function keysetPage<T extends { id: string }>(
    records: Iterable<T>,
    after: string | undefined,
    limit: number,
  ): KeysetPage<T> {
    const sorted = [...records].filter((r) => after === undefined || r.id > after).sort(compareIds);
    const items = sorted.slice(0, limit).map((r) => structuredClone(r));
    const last = items.at(-1);
    return { items, next: sorted.length > limit && last ? last.id : null };
  }

  const structureOf = (id: string) => state.structures.get(id)?.record;

  const sync = memorySync(state);
  const accounts = memoryAccounts(state);
  const referrals = memoryReferrals(state);
  const tx: StoreTransaction = { ...sync.tx, ...referrals.tx, ...accounts.tx };
  const gate = serialGate();

  const port: StorePort = {
    // Held for the whole body, like SQLite's: no other request reads or writes the maps between its awaits. The
    // runner decides before its first write, so there is nothing to roll back.
    transaction: (body) =>
      gate.run(() => {
        open();
        return body(tx);
      }),

    async epoch() {
      open();
      return state.epoch;
    },

    async upsert(entries: readonly DirectoryWrite[], options?: UpsertOptions) {
      open();
      for (const key of Object.keys(options?.meta ?? {})) assertWritableMetaKey(key);
      // Everything that can fail happens before the first write, which makes the batch atomic.
      const valid = entries.map((entry, index) => validateWrite(entry, index));
      const batchStructures = new Set(valid.flatMap((w) => (w.kind === 'structure' ? [w.record.id] : [])));
      valid.forEach((w, index) => {
        for (const ref of referencesOf(w)) {
          if (ref.kind !== 'structure' || state.structures.has(ref.id) || batchStructures.has(ref.id)) continue;
          throw w.kind === 'service'
            ? unknownStructureError(index, w.record)
            : unknownReferenceError(index, w.kind, w.record.id, ref.path);
        }
      });
      for (const write of valid) writeRecord(state, write);
      for (const [key, value] of Object.entries(options?.meta ?? {})) state.meta.set(key, value);
    },

    async page(cursor: number, limit: number): Promise<DirectoryPageResult> {
      open();
      assertLimit(limit);
      const entries: DirectoryEntry[] = [];
      let hasMore = false;
      for (const [seq, ref] of state.feed) {
        if (seq <= cursor || ref.source !== 'record') continue;
        if (entries.length === limit) {
          hasMore = true;
          break;
        }
        const entry = { kind: ref.kind, seq, record: tableOf(state, ref.kind).get(ref.id)?.record } as DirectoryEntry;
        entries.push(structuredClone(entry));
      }
      let total = 0;
      for (const kind of RECORD_KINDS) total += tableOf(state, kind).size;
      return { entries, cursor: entries.at(-1)?.seq ?? cursor, hasMore, total };
    },

    async listStructures(query: ListStructuresQuery) {
      open();
      assertLimit(query.limit);
      const records = [...state.structures.values()]
        .map((s) => s.record)
        .filter((s) => query.code_insee === undefined || s.code_insee === query.code_insee)
        .filter((s) => canSeeStructure(query.reader, s))
        .map((s) => readable(query.reader, s));
      return keysetPage(records, query.after, query.limit);
    },

    async getStructure(id, reader) {
      open();
      const found = state.structures.get(id);
      if (!found || !canSeeStructure(reader, found.record)) return undefined;
      return {
        structure: structuredClone(readable(reader, found.record)),
        services: servicesOf(state, id)
          .filter((v) => canSeeService(reader, v, () => found.record))
          .map((v) => readable(reader, v)),
      };
    },

    async listServices(query: ListServicesQuery) {
      open();
      assertLimit(query.limit);
      const records = [...state.services.values()]
        .map((s) => s.record)
        .filter((s) => query.structure_id === undefined || s.structure_id === query.structure_id)
        .filter((s) => query.categorie === undefined || s.categorie === query.categorie)
        .filter((s) => canSeeService(query.reader, s, () => structureOf(s.structure_id)))
        .map((s) => readable(query.reader, s));
      return keysetPage(records, query.after, query.limit);
    },

    async listRecords(kind, reader) {
      open();
      const records = [...tableOf(state, kind).values()].map((r) => r.record).sort(compareIds);
      return records
        .filter((record) => canSeeRecord(reader, { kind, seq: 1, record } as DirectoryEntry, (id) => structureOf(id)))
        .map((record) => structuredClone(record));
    },

    async counts() {
      open();
      return { structures: state.structures.size, services: state.services.size };
    },

    async getMeta(key: string) {
      open();
      return key === 'epoch' ? state.epoch : state.meta.get(key);
    },

    async setMeta(key: string, value: string) {
      open();
      assertWritableMetaKey(key);
      state.meta.set(key, value);
    },

    ...sync.queries,
    ...accounts.queries,
    ...memoryAdmin(state),
    ...referrals.queries,
    ...memoryOrientationEvents(state),
    ...memoryMail(state),

    async close() {
      state.closed = true;
    },
  };
  return withDecisions(gatedMethods(port, gate, ['transaction']));
}
