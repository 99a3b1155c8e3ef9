// In-memory DirectoryStore: for tests and for trying the server without a disk. Same contract as SQLite
// (tests/integration/directory-store.contract.ts). Records are copied on the way in and out, as a database
// would, so a caller mutating an object it passed or received cannot change the stored state.
import { randomUUID } from 'node:crypto';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import {
  assertLimit,
  assertWritableMetaKey,
  type DirectoryPageResult,
  type DirectoryStore,
  type DirectoryWrite,
  type KeysetPage,
  type ListServicesQuery,
  type ListStructuresQuery,
  type UpsertOptions,
  unknownStructureError,
  validateWrite,
} from './directory-store.ts';

export function createMemoryStore(): DirectoryStore {
  const epoch = randomUUID();
  const meta = new Map<string, string>();
  let lastSeq = 0;
  // Keyed by seq; since seqs only grow and a rewritten record is deleted then re-inserted, Map insertion order
  // is seq order.
  const bySeq = new Map<number, DirectoryEntry>();
  const structures = new Map<string, { seq: number; record: Structure }>();
  const services = new Map<string, { seq: number; record: Service }>();
  let closed = false;

  const open = () => {
    if (closed) throw new Error('DirectoryStore fermé');
  };

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

  return {
    async epoch() {
      open();
      return epoch;
    },

    async upsert(entries: readonly DirectoryWrite[], options?: UpsertOptions) {
      open();
      for (const key of Object.keys(options?.meta ?? {})) assertWritableMetaKey(key);
      // Everything that can fail happens before the first write, which makes the batch atomic.
      const valid = entries.map((entry, index) => validateWrite(entry, index));
      const batchStructures = new Set(valid.flatMap((w) => (w.kind === 'structure' ? [w.record.id] : [])));
      valid.forEach((w, index) => {
        if (
          w.kind === 'service' &&
          !structures.has(w.record.structure_id) &&
          !batchStructures.has(w.record.structure_id)
        )
          throw unknownStructureError(index, w.record);
      });
      for (const write of valid) {
        const seq = ++lastSeq;
        const record = structuredClone(write.record);
        if (write.kind === 'structure') {
          const previous = structures.get(record.id);
          if (previous) bySeq.delete(previous.seq);
          structures.set(record.id, { seq, record: record as Structure });
          bySeq.set(seq, { kind: 'structure', seq, record: record as Structure });
        } else {
          const previous = services.get(record.id);
          if (previous) bySeq.delete(previous.seq);
          services.set(record.id, { seq, record: record as Service });
          bySeq.set(seq, { kind: 'service', seq, record: record as Service });
        }
      }
      for (const [key, value] of Object.entries(options?.meta ?? {})) meta.set(key, value);
    },

    async page(cursor: number, limit: number): Promise<DirectoryPageResult> {
      open();
      assertLimit(limit);
      const entries: DirectoryEntry[] = [];
      let hasMore = false;
      for (const [seq, entry] of bySeq) {
        if (seq <= cursor) continue;
        if (entries.length === limit) {
          hasMore = true;
          break;
        }
        entries.push(structuredClone(entry));
      }
      return { entries, cursor: entries.at(-1)?.seq ?? cursor, hasMore, total: structures.size + services.size };
    },

    async listStructures(query: ListStructuresQuery) {
      open();
      assertLimit(query.limit);
      const records = [...structures.values()]
        .map((s) => s.record)
        .filter((s) => query.code_insee === undefined || s.code_insee === query.code_insee);
      return keysetPage(records, query.after, query.limit);
    },

    async getStructure(id: string) {
      open();
      const found = structures.get(id);
      if (!found) return undefined;
      const own = [...services.values()].map((s) => s.record).filter((s) => s.structure_id === id);
      return {
        structure: structuredClone(found.record),
        services: own.sort(compareIds).map((s) => structuredClone(s)),
      };
    },

    async listServices(query: ListServicesQuery) {
      open();
      assertLimit(query.limit);
      const records = [...services.values()]
        .map((s) => s.record)
        .filter((s) => query.structure_id === undefined || s.structure_id === query.structure_id)
        .filter((s) => query.categorie === undefined || s.categorie === query.categorie);
      return keysetPage(records, query.after, query.limit);
    },

    async counts() {
      open();
      return { structures: structures.size, services: services.size };
    },

    async getMeta(key: string) {
      open();
      return key === 'epoch' ? epoch : meta.get(key);
    },

    async setMeta(key: string, value: string) {
      open();
      assertWritableMetaKey(key);
      meta.set(key, value);
    },

    async close() {
      closed = true;
    },
  };
}

/** Byte-wise order of ids, the same as SQLite's default BINARY collation (ids are ASCII). */
function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
