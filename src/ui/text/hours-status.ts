// Hours in the words people use: "Ouvert jusqu'à 12h", "Ouvre demain mercredi 4 mars à 9h", "jeudi 5 mars, 9h –
// 12h et 14h – 17h" (a day always with its date: src/ui/text/fr-format.ts). Computed by the matching engine (src/matching/hours, Europe/Paris whatever the device's zone, temporary
// closures and exceptional hours applied over the regular ones); only the wording is here.
import type { InfoTemporaire } from '../../domain/service.ts';
import { daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import { JOURS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { computeSchedule, type Opening, type ServiceHours } from '../../matching/hours/schedule.ts';
import { closedUntil, planOn, temporaryPeriods } from '../../matching/hours/temporary.ts';
import { DAYS, osmToDocument } from '../editor/hours-document.ts';
import { frHours } from '../editor/strings-hours.ts';
import { dayMonthYear, relativeDay, time, weekdayDate } from './fr-format.ts';
import { osmSentence } from './osm-sentence.ts';
import { frHoursShown } from './strings-hours-shown.ts';

/** Days looked ahead for the next openings: a monthly session (`Th[3]`) shows up. */
export const HORIZON_DAYS = 35;

/** "4 mars 2026": a date of a notice or a record. */
export function dateWords(day: string): string {
  return dayMonthYear(day);
}

/** "9h – 12h et 14h – 17h". */
export function rangesWords(intervals: ReadonlyArray<{ start: number; end: number }>): string {
  return intervals.map((i) => frHoursShown.range(time(i.start), time(i.end))).join(frHoursShown.and);
}

export function serviceHours(regular: string | undefined | null, infos: readonly InfoTemporaire[]): ServiceHours {
  return { regular: regular ?? null, temporary: temporaryPeriods(infos) };
}

export interface HoursStatus {
  /** Open now; null when today's hours are unknown. */
  open: boolean | null;
  text: string;
  next: Opening[];
}

/** Open now or not in words, and the next openings. */
export function hoursStatus(engine: HoursEngine, hours: ServiceHours, now: number, count = 3): HoursStatus {
  const today = parisDay(now);
  const schedule = computeSchedule(engine, hours, { now, days: daysFrom(today, HORIZON_DAYS) }, count);
  const next = schedule.next_openings;
  const current = schedule.current;
  if (schedule.open_now && current) {
    // Open round the clock (24/7, a fridge): the opening runs past the week looked at.
    if (current.end - now > 7 * 86_400_000) return { open: true, text: frHoursShown.openNonStop, next };
    const endDay = parisDay(current.end - 1);
    const until = time(current.end);
    const text =
      endDay === today ? frHoursShown.openUntil(until) : frHoursShown.openUntilDay(relativeDay(endDay, now), until);
    return { open: true, text: current.uncertain ? `${text} ${frHoursShown.toConfirm}` : text, next };
  }
  const closed = closedUntil(hours.temporary, today);
  if (closed !== undefined) {
    const text = closed === null ? frHoursShown.closedIndefinitely : frHoursShown.closedUntil(weekdayDate(closed));
    return { open: false, text, next };
  }
  const first = next[0];
  if (first) {
    return {
      open: schedule.open_now,
      text: frHoursShown.opensAt(relativeDay(first.day, now), time(first.start)),
      next,
    };
  }
  if (schedule.open_now === null) return { open: null, text: frHoursShown.unknown, next };
  return { open: false, text: frHoursShown.noOpeningSoon, next };
}

/** "demain mercredi 5 mars, 14h – 17h30 (horaires exceptionnels)": the day always with its date. */
export function openingWords(o: Opening, now: number): string {
  const notes = [
    o.exceptional ? frHoursShown.exceptional : '',
    o.uncertain ? frHoursShown.toConfirm : '',
    o.comment ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return frHoursShown.opening(relativeDay(o.day, now), frHoursShown.range(time(o.start), time(o.end)), notes);
}

export type DayKind = 'open' | 'closed' | 'temporary-closure' | 'exceptional' | 'unknown';
export interface DayLine {
  day: string;
  label: string;
  text: string;
  kind: DayKind;
}

/** The next `count` days one by one, temporary information applied: the regular week as people read it. */
export function weekWords(engine: HoursEngine, hours: ServiceHours, now: number, count = 7): DayLine[] {
  const today = parisDay(now);
  return daysFrom(today, count).map((day) => {
    const label = relativeDay(day, now);
    const plan = planOn(hours.temporary, day);
    if (plan.kind === 'closed') return { day, label, text: frHoursShown.closedTemporarily, kind: 'temporary-closure' };
    const value = plan.kind === 'exceptional' ? plan.horaires : hours.regular;
    const intervals = value === null ? null : engine.day(value, day);
    if (intervals === null) return { day, label, text: frHoursShown.unknownDay, kind: 'unknown' };
    if (intervals.length === 0) return { day, label, text: frHoursShown.closed, kind: 'closed' };
    const text = rangesWords(intervals);
    return plan.kind === 'exceptional'
      ? { day, label, text: `${text} (${frHoursShown.exceptional})`, kind: 'exceptional' }
      : { day, label, text, kind: 'open' };
  });
}

/** True when the string closes on public holidays, to say it once rather than on each holiday. */
export function closesOnHolidays(value: string | null): boolean {
  return value !== null && /(^|;)\s*PH\s+(off|closed)\s*(;|$)/.test(value);
}

/** "9h30" for `09:30`. */
export function clockWords(hhmm: string): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  return `${Number(h)}h${m === '00' ? '' : m}`;
}

/** A week's OSM string day by day ("mardi : 10h – 12h"); richer strings in French sentences, never as OSM. */
export function weekSummary(osm: string): string[] {
  const doc = osmToDocument(osm);
  if (!doc || doc.monthly.length + doc.seasons.length + doc.periods.length > 0) {
    return [osmSentence(osm) ?? frHours.particular];
  }
  return DAYS.flatMap((day) => {
    const ranges = doc.week[day];
    if (ranges.length === 0) return [];
    const text = ranges.map((r) => frHoursShown.range(clockWords(r.from), clockWords(r.to))).join(frHoursShown.and);
    return [`${JOURS[day]} : ${text}`];
  });
}
