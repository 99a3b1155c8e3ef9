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
function continues(prev: Opening | undefined, i: DayInterval, exceptional: boolean): prev is Opening {
  return (
    prev !== undefined &&
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
  let current: Opening | null = null;
  const next: Opening[] = [];
  let openNow: boolean | null = null;
  let fitting: Opening | null = null;
  // The opening being assembled; judged by `accept` once complete, when the next one starts or the scan ends.
  let pending: Opening | null = null;
  const settle = () => {
    if (pending !== null && fitting === null && accept?.(pending)) fitting = pending;
    pending = null;
  };
  const acceptDays = window.acceptDays ?? days.length;
  let d = 0;
  const done = () => next.length >= count && (accept === undefined || fitting !== null || d >= acceptDays);

  for (; d < days.length; d++) {
    const day = days[d] as string;
    const plan = planOn(hours.temporary, day);
    let value: string | null = null;
    if (plan.kind === 'exceptional') value = plan.horaires;
    else if (plan.kind === 'regular') value = hours.regular;
    const intervals = value === null ? (plan.kind === 'closed' ? [] : null) : engine.day(value, day);
    if (d === 0) openNow = intervals === null ? null : false;
    if (intervals === null) continue;
    const exceptional = plan.kind === 'exceptional';
    for (const i of intervals) {
      if (i.end <= now) continue;
      const last = pending ?? undefined;
      if (continues(last, i, exceptional)) {
        last.end = i.end;
        continue;
      }
      settle();
      if (done()) return { open_now: openNow, current, next_openings: next, fitting };
      const o = opening(i, day, exceptional);
      if (i.start <= now) {
        current = o;
        openNow = true;
      } else if (next.length < count) next.push(o);
      pending = o;
    }
  }
  settle();
  return { open_now: openNow, current, next_openings: next, fitting };
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
