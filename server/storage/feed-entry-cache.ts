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

/** `decode` kept by seq; `row` gives the whole row (its data) when the entry is not kept, undefined if it is gone. */
export function feedEntryCache<Row extends FeedRowKey>(
  decode: (row: Row) => DirectoryEntry | undefined,
): (key: FeedRowKey, row: () => Row | undefined) => DirectoryEntry | undefined {
  const entries = new Map<number, DirectoryEntry>();
  return (key, row) => {
    const hit = entries.get(key.seq);
    if (hit?.kind === key.kind && hit.record.id === key.id) return hit;
    const whole = row();
    const entry = whole && decode(whole);
    if (entry) {
      entries.set(key.seq, entry);
      if (entries.size > FEED_CACHE_ENTRIES) entries.delete(entries.keys().next().value as number);
    }
    return entry;
  };
}
