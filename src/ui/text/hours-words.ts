// Opening hours in words for the person's sheet: the next openings ("demain de 9h à 12h"), the regular week
// explained ("Du lundi au vendredi : de 9h à 12h et de 14h à 17h", "Certains jeudis : de 14h à 16h" for a
// monthly session) and the temporary closures or exceptional hours still to come. Read from the hours engine
// (src/matching/hours): the OSM string itself is never shown to the person.
import type { InfoTemporaire } from '../../domain/service.ts';
import type { DayInterval, HoursEngine } from '../../matching/hours/hours-engine.ts';
import { daysFrom, parisDay, weekdayOf } from '../../matching/hours/paris-time.ts';
import { computeSchedule, type Opening } from '../../matching/hours/schedule.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';
import { fr } from '../strings.ts';
import { and, capitalised, date, relativeDay, time, weekdayName } from './fr-format.ts';

const H = fr.handout;
/** Weeks looked at to tell a weekly rule from an occasional one (a monthly session shows once or twice). */
const WEEKS = 4;

function slots(intervals: readonly { start: number; end: number; comment: string | null }[]): string {
  return and(intervals.map((i) => `${H.slot(time(i.start), time(i.end))}${i.comment ? ` (${i.comment})` : ''}`));
}

/** "demain de 9h à 12h". */
export function openingInWords(o: Opening, now: number): string {
  return `${relativeDay(o.day, now)} ${slots([o])}`;
}

/** The next openings of a service (temporary closures and exceptional hours applied), at most `count`. */
export function nextOpenings(engine: HoursEngine, entry: ServiceEntry, now: number, count = 3): Opening[] {
  const schedule = computeSchedule(
    engine,
    { regular: entry.hours, temporary: entry.temporary },
    { now, days: daysFrom(parisDay(now), 92) },
    count,
  );
  return [...(schedule.current ? [schedule.current] : []), ...schedule.next_openings].slice(0, count);
}

/**
 * The regular week, one line per run of consecutive weekdays with the same hours. A weekday open on at least
 * three of the next four weeks at the same times is a weekly rule (one week may be a public holiday); fewer is
 * "certains jeudis". Empty when the hours are unknown or never open.
 */
export function regularWeek(engine: HoursEngine, hours: string | null, now: number): string[] {
  if (hours === null || !engine.isValid(hours)) return [];
  const byWeekday: Map<string, number>[] = Array.from({ length: 7 }, () => new Map());
  const sample = new Map<string, readonly DayInterval[]>();
  for (const day of daysFrom(parisDay(now), 7 * WEEKS)) {
    const intervals = engine.day(hours, day);
    if (!intervals || intervals.length === 0) continue;
    const key = slots(intervals);
    const counts = byWeekday[weekdayOf(day)] as Map<string, number>;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    sample.set(key, intervals);
  }
  // For each weekday: its most frequent hours, and whether they are weekly.
  const week = byWeekday.map((counts) => {
    let best: [string, number] | null = null;
    for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
    return best === null ? null : { key: best[0], weekly: best[1] >= WEEKS - 1 };
  });
  const lines: string[] = [];
  for (let d = 0; d < 7; d++) {
    const here = week[d];
    if (!here) continue;
    let last = d;
    while (here.weekly) {
      const next = week[last + 1];
      if (!next?.weekly || next.key !== here.key) break;
      last++;
    }
    const days = !here.weekly
      ? H.someDays(weekdayName(d))
      : last > d
        ? H.dayRange(weekdayName(d), weekdayName(last))
        : H.oneDay(weekdayName(d));
    lines.push(H.weekly(capitalised(days), here.key));
    d = last;
  }
  return lines;
}

/** Closures and exceptional hours that are current or still to come, in words. */
export function temporaryInWords(infos: readonly InfoTemporaire[], now: number): string[] {
  const today = parisDay(now);
  const out: string[] = [];
  for (const info of infos) {
    if (info.fin !== undefined && info.fin < today) continue;
    const from = date(info.debut, now);
    const to = info.fin === undefined ? null : date(info.fin, now);
    if (info.type === 'fermeture') out.push(H.closedFromTo(from, to));
    else if (info.type === 'horaires-exceptionnels') out.push(H.exceptionalFromTo(from, to));
    if (info.message) out.push(info.message);
  }
  return out;
}
