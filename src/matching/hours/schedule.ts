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
}

export interface ServiceHours {
  /** The service's own OSM hours, else its structure's; null when neither publishes any. */
  regular: string | null;
  temporary: readonly TemporaryPeriod[];
}

export interface ScheduleWindow {
  now: number;
  /** Consecutive Paris days from today; their number is the horizon (42 covers a monthly `Th[3]`). */
  days: readonly string[];
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

export function computeSchedule(engine: HoursEngine, hours: ServiceHours, window: ScheduleWindow, count = 3): Schedule {
  const { now, days } = window;
  let current: Opening | null = null;
  const next: Opening[] = [];
  let openNow: boolean | null = null;

  for (let d = 0; d < days.length; d++) {
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
      const last = next.length > 0 ? next[next.length - 1] : (current ?? undefined);
      if (continues(last, i, exceptional)) {
        last.end = i.end;
        continue;
      }
      if (i.start <= now) {
        current = opening(i, day, exceptional);
        openNow = true;
      } else {
        if (next.length >= count) return { open_now: openNow, current, next_openings: next };
        next.push(opening(i, day, exceptional));
      }
    }
  }
  return { open_now: openNow, current, next_openings: next };
}
