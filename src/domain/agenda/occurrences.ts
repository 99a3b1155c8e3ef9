// When an action takes place: its occurrences between two instants, in Europe/Paris whatever the device's or the
// server's time zone. The RRULE is expanded in "floating" time — wall-clock times encoded as UTC, the way rrule
// recommends — so "every Tuesday at 14:00" stays at 14:00 across the change to summer time; each wall time is
// then turned into an instant with the Paris offset of that day (src/domain/time/paris-time.ts). Days listed in
// `exceptions`, days past `jusqu_au` and, when `sauf_jours_feries` is set, French public holidays are skipped.
import type { Calendrier } from '../action.ts';
import { isFrenchPublicHoliday } from '../time/french-holidays.ts';
import { DAY_MS, instantOf, wallOf } from '../time/paris-time.ts';
import { RRule } from './rrule-lib.ts';

const MINUTE = 60_000;

export interface Occurrence {
  /** Instants (epoch ms). */
  start: number;
  end: number;
  /** Paris calendar day of the start, `YYYY-MM-DD`. */
  day: string;
  /** Paris wall-clock start, `HH:mm`. */
  time: string;
}

/** Wall time (Paris clock encoded as UTC ms) of `YYYY-MM-DDTHH:mm`. */
export function wallOfLocal(local: string): number {
  return Date.UTC(
    Number(local.slice(0, 4)),
    Number(local.slice(5, 7)) - 1,
    Number(local.slice(8, 10)),
    Number(local.slice(11, 13)),
    Number(local.slice(14, 16)),
  );
}

function occurrenceAt(wall: number, durationMinutes: number): Occurrence {
  const start = instantOf(wall);
  const iso = new Date(wall).toISOString();
  return { start, end: start + durationMinutes * MINUTE, day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Start wall times of the series whose start falls in [fromWall, toWall], before skipping any day. */
function startWalls(calendrier: Calendrier, fromWall: number, toWall: number): number[] {
  // Expanded over whole days and kept for the series' object: a screen asks again at each render with `now` a
  // little later, and expanding a rule is what an agenda's render spends most on. Callers filter exact instants.
  const from = Math.floor(fromWall / DAY_MS) * DAY_MS;
  const to = Math.ceil((toWall + 1) / DAY_MS) * DAY_MS - 1;
  const kept = expanded.get(calendrier);
  if (kept?.from === from && kept.to === to) return kept.walls;
  const walls = expand(calendrier, from, to);
  expanded.set(calendrier, { from, to, walls });
  return walls;
}

const expanded = new WeakMap<Calendrier, { from: number; to: number; walls: number[] }>();

function expand(calendrier: Calendrier, fromWall: number, toWall: number): number[] {
  const first = wallOfLocal(calendrier.debut);
  if (calendrier.rrule === undefined) return first >= fromWall && first <= toWall ? [first] : [];
  const options = RRule.parseString(calendrier.rrule);
  const until = calendrier.jusqu_au === undefined ? undefined : new Date(wallOfLocal(`${calendrier.jusqu_au}T23:59`));
  const rule = new RRule({ ...options, dtstart: new Date(first), ...(until ? { until } : {}) });
  return rule.between(new Date(fromWall), new Date(toWall), true).map((d) => d.getTime());
}

/**
 * Occurrences that are still running or start in [from, to) (instants), in order. A series without an end is
 * expanded only over the asked window, so callers bound it (a week, a month, a year for a calendar feed).
 */
export function occurrencesBetween(calendrier: Calendrier, from: number, to: number): Occurrence[] {
  const duration = calendrier.duree_minutes * MINUTE;
  // Wall-clock bounds with a day's margin: an offset is at most 2 h, and the exact instants are checked below.
  const walls = startWalls(calendrier, wallOf(from) - duration - DAY_MS, wallOf(to) + DAY_MS);
  const skipped = new Set(calendrier.exceptions ?? []);
  const out: Occurrence[] = [];
  for (const wall of walls) {
    const occurrence = occurrenceAt(wall, calendrier.duree_minutes);
    if (occurrence.end <= from || occurrence.start >= to) continue;
    if (skipped.has(occurrence.day)) continue;
    if (calendrier.sauf_jours_feries && isFrenchPublicHoliday(occurrence.day)) continue;
    out.push(occurrence);
  }
  return out;
}

/** The next occurrence running at or starting after `now`, looking `horizonDays` ahead; undefined when none. */
export function nextOccurrence(calendrier: Calendrier, now: number, horizonDays = 62): Occurrence | undefined {
  return occurrencesBetween(calendrier, now, now + horizonDays * DAY_MS)[0];
}

/** Days of the series, over [from, to), that a holiday or an exception cancels: iCalendar EXDATEs. */
export function cancelledBetween(calendrier: Calendrier, from: number, to: number): Occurrence[] {
  if (calendrier.rrule === undefined) return [];
  const skipped = new Set(calendrier.exceptions ?? []);
  return startWalls(calendrier, wallOf(from) - DAY_MS, wallOf(to) + DAY_MS)
    .map((wall) => occurrenceAt(wall, calendrier.duree_minutes))
    .filter((o) => o.start >= from && o.start < to)
    .filter((o) => skipped.has(o.day) || (calendrier.sauf_jours_feries && isFrenchPublicHoliday(o.day)));
}
