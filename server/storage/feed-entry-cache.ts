// Feed entries by seq, parsed once per process rather than once per reader (parsing a record through its schema was
// most of a delta pull's server time). Every write takes a new seq, so the row at a seq never changes — whichever
// instance wrote it. The entries go straight to JSON, never to a caller that could modify them. Bounded: the oldest
// entries leave first. (A database edited by hand under a running server is not seen until a restart — as with the
// HTTP layer's kept pages.)
import type { DirectoryEntry } from '../../src/domain/directory.ts';

/** Parsed feed entries kept in memory (a few kB each): a metropolis directory of 10k services fits. */
const FEED_CACHE_ENTRIES = 20_000;

export interface FeedRowKey {
  kind: string;
  id: string;
  seq: number;
}

export interface FeedEntryCache<Row extends FeedRowKey> {
  /** The entry at `key`: kept, or decoded from `row()` (the whole row, undefined if it is gone) and kept. */
  entry(key: FeedRowKey, row: () => Row | undefined): DirectoryEntry | undefined;
  /**
   * The entries kept for seqs `from` to `from + span - 1`, taken now: a pull need not read their data from the
   * database, and they stay at hand if the cache drops them before the pull's rows come back.
   */
  keptFrom(from: number, span: number): Map<number, DirectoryEntry>;
}

export function feedEntryCache<Row extends FeedRowKey>(
  decode: (row: Row) => DirectoryEntry | undefined,
): FeedEntryCache<Row> {
  const entries = new Map<number, DirectoryEntry>();
  let highest = 0;
  return {
    entry(key, row) {
      const hit = entries.get(key.seq);
      if (isAt(hit, key)) return hit;
      const whole = row();
      const entry = whole && decode(whole);
      if (entry) {
        entries.set(key.seq, entry);
        highest = Math.max(highest, key.seq);
        if (entries.size > FEED_CACHE_ENTRIES) entries.delete(entries.keys().next().value as number);
      }
      return entry;
    },
    keptFrom(from, span) {
      const kept = new Map<number, DirectoryEntry>();
      const end = Math.min(highest, from + span - 1);
      for (let seq = from; seq <= end; seq++) {
        const entry = entries.get(seq);
        if (entry) kept.set(seq, entry);
      }
      return kept;
    },
  };
}

/** Whether `entry` is the record a row at that seq names (it always is, unless the database was replaced). */
export function isAt(
  entry: DirectoryEntry | undefined,
  key: { kind: string | null; id: string },
): entry is DirectoryEntry {
  return entry?.kind === key.kind && entry.record.id === key.id;
}
