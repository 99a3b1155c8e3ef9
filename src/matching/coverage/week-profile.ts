// When a service opens over a typical week, for the coverage matrix: the days of the week it opens at least once,
// and whether it opens in the evening. Read over a horizon of five weeks from today, so that a monthly rule
// ("le jeudi de la 3e semaine", Th[3]) is seen once, and temporary closures and exceptional hours count as the
// partner published them (a service closed for the whole horizon opens no day). Uses the hours engine's cached
// (string, day) intervals: a few map look-ups per service and day, no parsing here.

import { daysFrom, instantOf, parisDay, wallOfDay, weekdayOf } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import type { ServiceHours } from '../hours/schedule.ts';
import { planOn } from '../hours/temporary.ts';

/** Days read from today: five weeks show every "n-th weekday of the month" rule at least once. */
export const HORIZON_DAYS = 35;
/** "Open in the evening": open at some time after 18:00, Paris time. */
export const EVENING_FROM_MINUTES = 18 * 60;
/** Bits of `WeekProfile.days` for Saturday and Sunday (bit 0 is Monday). */
export const WEEKEND_MASK = (1 << 5) | (1 << 6);

export interface WeekProfile {
  /** Bit i set: open at least once on ISO weekday i (0 Monday … 6 Sunday) within the horizon. */
  days: number;
  evening: boolean;
}

/** The Paris days of the horizon starting on the day of `now`. */
export function horizonDays(now: number): string[] {
  return daysFrom(parisDay(now), HORIZON_DAYS);
}

/**
 * The week of a service; null when its hours cannot be known (none published, or a string the library rejects)
 * on any day of the horizon.
 */
export function weekProfile(engine: HoursEngine, hours: ServiceHours, days: readonly string[]): WeekProfile | null {
  let known = false;
  let mask = 0;
  let evening = false;
  for (const day of days) {
    const plan = planOn(hours.temporary, day);
    if (plan.kind === 'closed') {
      known = true;
      continue;
    }
    const value = plan.kind === 'exceptional' ? plan.horaires : hours.regular;
    if (value === null) continue;
    const intervals = engine.day(value, day);
    if (intervals === null) continue;
    known = true;
    if (intervals.length === 0) continue;
    mask |= 1 << weekdayOf(day);
    if (!evening) {
      const eveningStart = instantOf(wallOfDay(day) + EVENING_FROM_MINUTES * 60_000);
      evening = intervals.some((i) => i.end > eveningStart);
    }
  }
  return known ? { days: mask, evening } : null;
}

/** Number of set bits of a 7-day mask. */
export function dayCount(mask: number): number {
  let n = 0;
  for (let i = 0; i < 7; i++) if (mask & (1 << i)) n++;
  return n;
}
