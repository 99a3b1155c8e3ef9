// One structure does not fill the first page: among the first `page` results, at most `perStructure` services
// of the same structure; the others move to just after the page, in their order. Stable and deterministic (the
// input order decides). The moved ones get the reason `moved_for_diversity` when explained.
import type { DirectorySnapshot } from '../snapshot.ts';

export function diversify(
  order: number[],
  snapshot: DirectorySnapshot,
  page = 10,
  perStructure = 2,
): { order: number[]; moved: Set<number> } {
  const head: number[] = [];
  const moved = new Set<number>();
  const counts = new Map<string, number>();
  let i = 0;
  for (; i < order.length && head.length < page; i++) {
    const idx = order[i] as number;
    const structureId = snapshot.entries[idx]?.structureId ?? '';
    const n = counts.get(structureId) ?? 0;
    if (n >= perStructure) moved.add(idx);
    else {
      counts.set(structureId, n + 1);
      head.push(idx);
    }
  }
  if (moved.size === 0) return { order, moved };
  return { order: [...head, ...moved, ...order.slice(i)], moved };
}
