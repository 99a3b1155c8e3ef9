// A service's schedule at an instant: open now or not, the opening in progress and the next ones, with temporary
// information applied day by day (closures, exceptional hours) over the regular OSM hours. Assembled from the
// engine's cached (string, day) intervals: no parsing here, a few map look-ups per day scanned.
import type { DayInterval, HoursEngine } from './hours-engine.ts';
import { planOn, type TemporaryPeriod } from './temporary.ts';

export interface Opening {
  /** Instants (epoch ms); format them in Europe/Paris. */
  start: number;
  end: number;
  /** Paris calendar date of the start, `YYYY-MM-DD`. */
  day: string;
  /** The hours say "unknown" for this period (e.g. "sur inscription"): to confirm with the partner. */
  uncertain: boolean;
  /** The comment of the OSM rule, as the partner wrote it. */
  comment: string | null;
  /** Comes from temporary exceptional hours rather than the regular ones. */
  exceptional: boolean;
}

export interface Schedule {
  /** null: the hours of today are unknown (none published, or rejected by the library). */
  open_now: boolean | null;
  /** The opening in progress when open now. */
  current: Opening | null;
  /** Upcoming openings (start after now), at most the requested count, within the horizon. */
  next_openings: Opening[];
  /** The first opening (current or upcoming) accepted by the caller's filter, within the horizon; null if none. */
  fitting: Opening | null;
}

export interface ServiceHours {
  /** The service's own OSM hours, else its structure's; null when neither publishes any. */
  regular: string | null;
  temporary: readonly TemporaryPeriod[];
}

export interface ScheduleWindow {
  now: number;
  /** Consecutive Paris days from today; their number is the horizon (92 shows a monthly `Th[3]` three times). */
  days: readonly string[];
  /** Days within which `accept` is looked for (default: the whole horizon). */
  acceptDays?: number;
}

function opening(i: DayInterval, day: string, exceptional: boolean): Opening {
  return { start: i.start, end: i.end, day, uncertain: i.uncertain, comment: i.comment, exceptional };
}

/** Joins an interval to the previous opening when it continues it (24/7, a range over midnight). */
function continues(prev: Opening, i: DayInterval, exceptional: boolean): boolean {
  return (
    prev.end === i.start &&
    prev.comment === i.comment &&
    prev.uncertain === i.uncertain &&
    prev.exceptional === exceptional
  );
}

/**
 * The schedule at `window.now`. With `accept` (e.g. the person's availability), the scan goes on past `count`
 * openings until one is accepted or `acceptDays` have passed; openings are joined first, so `accept` sees whole
 * periods. Days are only evaluated while needed: a weekly service costs a few days, a monthly one a few weeks.
 */
export function computeSchedule(
  engine: HoursEngine,
  hours: ServiceHours,
  window: ScheduleWindow,
  count = 3,
  accept?: (o: Opening) => boolean,
): Schedule {
  const { now, days } = window;
  const acceptDays = window.acceptDays ?? days.length;
  let current: Opening | null = null;
  const next: Opening[] = [];
  let openNow: boolean | null = null;
  let fitting: Opening | null = null;
  // The opening being assembled; judged by `accept` once complete, when the next one starts or the scan ends.
  let pending: Opening | null = null;

  for (let d = 0; d < days.length; d++) {
    const day = days[d] as string;
    const plan = planOn(hours.temporary, day);
    const value = plan.kind === 'exceptional' ? plan.horaires : plan.kind === 'regular' ? hours.regular : null;
    const intervals = value === null ? (plan.kind === 'closed' ? NONE : null) : engine.day(value, day);
    if (d === 0) openNow = intervals === null ? null : false;
    if (intervals === null) continue;
    const exceptional = plan.kind === 'exceptional';
    for (const i of intervals) {
      if (i.end <= now) continue;
      if (pending !== null && continues(pending, i, exceptional)) {
        pending.end = i.end;
        continue;
      }
      if (pending !== null && fitting === null && accept?.(pending)) fitting = pending;
      if (next.length >= count && (accept === undefined || fitting !== null || d >= acceptDays)) {
        return { open_now: openNow, current, next_openings: next, fitting };
      }
      pending = opening(i, day, exceptional);
      if (i.start <= now) {
        current = pending;
        openNow = true;
      } else if (next.length < count) next.push(pending);
    }
  }
  if (pending !== null && fitting === null && accept?.(pending)) fitting = pending;
  return { open_now: openNow, current, next_openings: next, fitting };
}

const NONE: readonly DayInterval[] = [];

/**
 * The schedule reduced to its first opening (in progress, or the next one) within `days`: what a rank tier needs
 * (criteria/hours.ts `lateness`), for every candidate, so the scan stops at that opening. `open_now`, `current`
 * and the first of `next_openings` are those computeSchedule gives; no later openings, no `fitting`.
 */
export function firstOpening(engine: HoursEngine, hours: ServiceHours, now: number, days: readonly string[]): Schedule {
  let openNow: boolean | null = null;
  for (let d = 0; d < days.length; d++) {
    const day = days[d] as string;
    const plan = planOn(hours.temporary, day);
    const value = plan.kind === 'exceptional' ? plan.horaires : plan.kind === 'regular' ? hours.regular : null;
    const intervals = value === null ? (plan.kind === 'closed' ? NONE : null) : engine.day(value, day);
    if (d === 0) openNow = intervals === null ? null : false;
    if (intervals === null) continue;
    for (const i of intervals) {
      if (i.end <= now) continue;
      const o = opening(i, day, plan.kind === 'exceptional');
      if (i.start <= now) return { open_now: true, current: o, next_openings: [], fitting: null };
      return { open_now: openNow, current: null, next_openings: [o], fitting: null };
    }
  }
  return { open_now: openNow, current: null, next_openings: [], fitting: null };
}

/**
 * Whether the service is open at some moment of [from, until): a cheap test for search filters ("open now":
 * until = from + 1 ms; "this week": seven days). `days` must start on the Paris day of `from` and reach `until`.
 * Unknown hours count as not open.
 */
export function openDuring(
  engine: HoursEngine,
  hours: ServiceHours,
  from: number,
  until: number,
  days: readonly string[],
): boolean {
  for (const day of days) {
    const plan = planOn(hours.temporary, day);
    const value = plan.kind === 'exceptional' ? plan.horaires : plan.kind === 'regular' ? hours.regular : null;
    if (value === null) continue;
    const intervals = engine.day(value, day);
    if (intervals === null) continue;
    for (const i of intervals) {
      if (i.start >= until) return false;
      if (i.end > from) return true;
    }
  }
  return false;
}
