// A service that moves is a candidate at each of its stops (snapshot.ts), each weighed as a place of its own —
// distance, reach, timeliness, hours. The person is shown the service once, at its stop ranked first: the next
// stop near them, the one they can reach soonest for the least travel. An excluded stop (beyond a stated maximum
// distance) is dropped when another stop of the service is a result.
import { type DirectorySnapshot, entryAt } from '../snapshot.ts';

/** `order` with every stop after the first of its service removed; `seen` collects the services kept. */
export function firstStopOfEachService(
  order: Iterable<number>,
  snapshot: DirectorySnapshot,
  seen: Set<string> = new Set(),
): number[] {
  const out: number[] = [];
  // Services come before stops (snapshot.ts): most places are kept without a look-up.
  const services = snapshot.entries.length;
  for (const idx of order) {
    if (idx < services) {
      out.push(idx);
      continue;
    }
    const entry = entryAt(snapshot, idx);
    if (entry === undefined) continue;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(idx);
  }
  return out;
}
