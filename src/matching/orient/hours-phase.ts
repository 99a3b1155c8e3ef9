// Exact hours only where they change what is shown. Candidates are taken in the order of their best possible key
// — their tiers with the best lateness, their score plus the most hours points (hoursBounds) — and each gets its
// schedule, its hours points and its lateness tier. Once `need` candidates have exact keys, a candidate whose best
// possible key is behind the need-th best exact key cannot enter the first `need` places, and neither can any
// after it: the scan stops. The first `need` places are therefore exact; the rest follow by their best possible
// key. With the engine's (string, day) cache, a schedule costs a few look-ups.
import { newEvaluation, type OrientContext } from '../criteria/criterion.ts';
import { availabilityFilter, hoursBounds } from '../criteria/hours.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { daysFrom } from '../hours/paris-time.ts';
import { computeSchedule, type Schedule } from '../hours/schedule.ts';
import type { Person } from '../person.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { Evaluator } from './explain.ts';
import { indexOfKey, rankKey } from './rank-key.ts';
import type { Scan } from './scan.ts';

/** An opening within the person's availability is looked for over four weeks. */
const AVAILABILITY_DAYS = 28;

export interface HoursPhaseOptions {
  need: number;
  openings: number;
  horizonDays: number;
}

export interface Ordered {
  /** Entry indices of the candidates in final order before diversity. */
  order: number[];
  schedules: Map<number, Schedule>;
}

export function orderWithHours(
  scan: Scan,
  snapshot: DirectorySnapshot,
  person: Person,
  ctx: OrientContext,
  ev8r: Evaluator,
  engine: HoursEngine | undefined,
  options: HoursPhaseOptions,
): Ordered {
  const { score, tiers } = scan;
  const n = scan.candidates.length;
  const schedules = new Map<number, Schedule>();
  const max = engine === undefined ? 0 : hoursBounds(person).max;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idx = scan.candidates[i] as number;
    keys[i] = rankKey(tiers[idx] as number, (score[idx] as number) + max, idx);
  }
  keys.sort();
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = indexOfKey(keys[i] as number);
  if (engine === undefined || n === 0) return { order, schedules };

  const accept = availabilityFilter(person);
  const window = { now: ctx.now, days: daysFrom(ctx.today, options.horizonDays), acceptDays: AVAILABILITY_DAYS };
  const best = new MaxHeap(options.need);
  const ev = newEvaluation(false);
  let i = 0;
  for (; i < n; i++) {
    if (best.full() && (keys[i] as number) > best.max()) break;
    const idx = order[i] as number;
    const entry = snapshot.entries[idx];
    if (entry === undefined) continue;
    const hours = { regular: entry.hours, temporary: entry.temporary };
    const schedule = computeSchedule(engine, hours, window, options.openings, accept);
    schedules.set(idx, schedule);
    ev.score = score[idx] as number;
    ev.lateness = 0;
    ev8r.addHours(ev, schedule);
    score[idx] = ev.score;
    tiers[idx] = (tiers[idx] as number) + ev.lateness * 4;
    best.offer(rankKey(tiers[idx] as number, ev.score, idx));
  }
  const exact = new Float64Array(i);
  for (let j = 0; j < i; j++) {
    const idx = order[j] as number;
    exact[j] = rankKey(tiers[idx] as number, score[idx] as number, idx);
  }
  exact.sort();
  for (let j = 0; j < i; j++) order[j] = indexOfKey(exact[j] as number);
  return { order, schedules };
}

/** The `capacity` smallest keys seen, with the largest of them at hand. */
class MaxHeap {
  private readonly items: number[] = [];
  constructor(private readonly capacity: number) {}
  full(): boolean {
    return this.items.length >= this.capacity;
  }
  max(): number {
    return this.items[0] ?? Number.POSITIVE_INFINITY;
  }
  offer(value: number): void {
    const h = this.items;
    if (h.length < this.capacity) {
      h.push(value);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((h[p] as number) >= (h[i] as number)) break;
        [h[p], h[i]] = [h[i] as number, h[p] as number];
        i = p;
      }
      return;
    }
    if (value >= (h[0] as number)) return;
    h[0] = value;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as number) > (h[m] as number)) m = l;
      if (r < h.length && (h[r] as number) > (h[m] as number)) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i] as number, h[m] as number];
      i = m;
    }
  }
}
