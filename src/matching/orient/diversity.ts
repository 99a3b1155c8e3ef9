// One structure does not fill the first page: among the first `page` results, at most `perStructure` services
// of the same structure; the others move to just after the page, in their order — but never below a service of a
// worse rank tier (rank-key.ts `tiersOf`): a nearby service open this week is not pushed under one closed all week
// or out of reach to make room. Stable and deterministic (the input order decides). The moved ones get the reason
// `moved_for_diversity` when explained.
import { type DirectorySnapshot, entryAt } from '../snapshot.ts';

export function diversify(
  order: number[],
  snapshot: DirectorySnapshot,
  tiers: Uint8Array,
  page = 10,
  perStructure = 2,
): { order: number[]; moved: Set<number> } {
  const head: number[] = [];
  const moved = new Set<number>();
  const counts = new Map<string, number>();
  /** The tier of the first service moved: no service of a worse tier may take its place. */
  let movedTier = Number.POSITIVE_INFINITY;
  let i = 0;
  for (; i < order.length && head.length < page; i++) {
    const idx = order[i] as number;
    const tier = tiers[idx] as number;
    if (tier > movedTier) break;
    const structureId = entryAt(snapshot, idx)?.structureId ?? '';
    const n = counts.get(structureId) ?? 0;
    if (n >= perStructure) {
      moved.add(idx);
      movedTier = Math.min(movedTier, tier);
    } else {
      counts.set(structureId, n + 1);
      head.push(idx);
    }
  }
  if (moved.size === 0) return { order, moved };
  return { order: [...head, ...moved, ...order.slice(i)], moved };
}
