// Hours in two passes, so that exact hours are computed only where they change what is shown.
// 1. Lateness (a rank tier, criteria/hours.ts `lateness`) for every candidate whose hours are its regular ones,
//    from its first opening within the coming week: the same for every service with the same hours string, so it
//    is worked out once per string. A service with temporary information (closures, exceptional hours) keeps the
//    best lateness until its schedule is computed in pass 2.
// 2. Full schedules in the order of the best possible key — tiers, score plus the most hours points
//    (hoursBounds) — each giving its hours points (and lateness, for temporary information). Once `need`
//    candidates have exact keys, a candidate whose best possible key is behind the need-th best exact key cannot
//    enter the first `need` places, and neither can any after it: the scan stops. The first `need` places are
//    therefore exact; the rest follow by their best possible key.
// With the engine's (string, day) cache, a schedule costs a few look-ups.

import { daysFrom } from '../../domain/time/paris-time.ts';
import { newEvaluation, type OrientContext } from '../criteria/criterion.ts';
import { availabilityFilter, hoursBounds, lateness } from '../criteria/hours.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { computeSchedule, firstOpening, type Schedule } from '../hours/schedule.ts';
import type { TemporaryPeriod } from '../hours/temporary.ts';
import type { Person } from '../person.ts';
import { type DirectorySnapshot, entryAt } from '../snapshot.ts';
import type { Evaluator } from './explain.ts';
import { indexOfKey, rankKey, withLateness } from './rank-key.ts';
import type { Scan } from './scan.ts';

/** An opening within the person's availability is looked for over four weeks. */
const AVAILABILITY_DAYS = 28;
/** Today and the seven days after: enough to tell whether a service opens within the coming week. */
const LATENESS_DAYS = 8;
const NO_PERIODS: readonly TemporaryPeriod[] = Object.freeze([]);

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
  const days = engine === undefined ? [] : daysFrom(ctx.today, options.horizonDays);
  if (engine !== undefined) addLateness(scan, snapshot, person, ctx, engine, days);
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
  const window = { now: ctx.now, days, acceptDays: AVAILABILITY_DAYS };
  const best = new MaxHeap(options.need);
  const ev = newEvaluation(false);
  let i = 0;
  for (; i < n; i++) {
    if (best.full() && (keys[i] as number) > best.max()) break;
    const idx = order[i] as number;
    const entry = entryAt(snapshot, idx);
    if (entry === undefined) continue;
    const hours = { regular: entry.hours, temporary: entry.temporary };
    const schedule = computeSchedule(engine, hours, window, options.openings, accept);
    schedules.set(idx, schedule);
    ev.score = score[idx] as number;
    ev8r.addHours(ev, schedule);
    score[idx] = ev.score;
    if (snapshot.hasTemporary[idx] === 1)
      tiers[idx] = withLateness(tiers[idx] as number, lateness(schedule, person, ctx));
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

/** Pass 1: adds the lateness of every candidate without temporary information to its tiers. */
function addLateness(
  scan: Scan,
  snapshot: DirectorySnapshot,
  person: Person,
  ctx: OrientContext,
  engine: HoursEngine,
  days: readonly string[],
): void {
  const week = days.slice(0, LATENESS_DAYS);
  /** By hoursId: the lateness of those hours (0–2), or -1 while not worked out. */
  const byHours = new Int8Array(snapshot.hoursStrings.length + 1).fill(-1);
  const { candidates, tiers } = scan;
  const { hoursIds, hasTemporary } = snapshot;
  for (let i = 0; i < candidates.length; i++) {
    const idx = candidates[i] as number;
    if (hasTemporary[idx] === 1) continue;
    const id = hoursIds[idx] as number;
    let late = byHours[id] as number;
    if (late < 0) {
      const hours = { regular: entryAt(snapshot, idx)?.hours ?? null, temporary: NO_PERIODS };
      const s = firstOpening(engine, hours, ctx.now, week);
      // Nothing known this week (today's hours unknown, no opening): the whole horizon tells "unknown" from
      // "later", as the full schedule will.
      const inWeek = s.open_now !== null || s.next_openings.length > 0;
      late = lateness(inWeek ? s : firstOpening(engine, hours, ctx.now, days), person, ctx);
      byHours[id] = late;
    }
    tiers[idx] = withLateness(tiers[idx] as number, late);
  }
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
