// The simple week a non-technical person edits — each day closed or open with one or two time ranges, and
// "fermé les jours fériés" — and its OSM `opening_hours` string. Pure, no library: writing is always possible,
// reading back only works for strings of that simple shape (anything richer — months, nth weekday, comments,
// 24/7 — returns null and the editor keeps the string as it is, in its advanced mode).
//
// OSM semantics kept: rules separated by `;` apply in order and a later rule replaces the earlier ones for the days
// it names; `PH off` is only read as "closed on public holidays" when it comes last (a later day rule would
// override it on holidays falling on those days).
import type { JOURS } from '../../domain/vocabulary.ts';

export type Day = keyof typeof JOURS;
export const DAYS: readonly Day[] = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** `HH:MM` (24 h), what `<input type="time">` gives. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface WeekHours {
  /** Ranges of each day, in order; empty = closed. */
  days: Record<Day, TimeRange[]>;
  holidaysClosed: boolean;
}

export const MAX_RANGES_PER_DAY = 2;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function emptyWeek(holidaysClosed = true): WeekHours {
  return {
    days: { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] },
    holidaysClosed,
  };
}

const signature = (ranges: readonly TimeRange[]) => ranges.map((r) => `${r.from}-${r.to}`).join(',');

/** `Mo-Fr`, `Mo,We,Fr`, `Mo,Tu,Th-Sa`: runs of three days or more as ranges, shorter runs listed. */
function daySelector(indices: readonly number[]): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= indices.length; i++) {
    if (i < indices.length && (indices[i] as number) === (indices[i - 1] as number) + 1) continue;
    const run = indices.slice(start, i).map((d) => DAYS[d] as Day);
    parts.push(run.length >= 3 ? `${run[0]}-${run[run.length - 1]}` : run.join(','));
    start = i;
  }
  return parts.join(',');
}

/** The OSM string of a week; null when no day is open (no hours to publish). Days with equal ranges are grouped. */
export function weekToOsm(week: WeekHours): string | null {
  const groups = new Map<string, number[]>();
  DAYS.forEach((day, index) => {
    const ranges = week.days[day];
    if (ranges.length === 0) return;
    const key = signature(ranges);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  if (groups.size === 0) return null;
  const rules = [...groups].map(([ranges, indices]) => `${daySelector(indices)} ${ranges}`);
  if (week.holidaysClosed) rules.push('PH off');
  return rules.join('; ');
}

function parseDays(selector: string): number[] | null {
  const out: number[] = [];
  for (const part of selector.split(',')) {
    const [a, b, ...rest] = part.split('-');
    if (rest.length > 0) return null;
    const from = DAYS.indexOf(a as Day);
    const to = b === undefined ? from : DAYS.indexOf(b as Day);
    if (from < 0 || to < 0) return null;
    // Fr-Mo wraps over the weekend, as in OSM.
    for (let i = from; ; i = (i + 1) % 7) {
      out.push(i);
      if (i === to) break;
    }
  }
  return out;
}

function parseRanges(text: string): TimeRange[] | null {
  const ranges: TimeRange[] = [];
  for (const part of text.split(/\s*,\s*/)) {
    const [from, to, ...rest] = part.split('-');
    if (rest.length > 0 || !from || !to || !TIME.test(from) || !TIME.test(to)) return null;
    ranges.push({ from, to });
  }
  return ranges.length <= MAX_RANGES_PER_DAY ? ranges : null;
}

/** The simple week an OSM string describes, or null when it says more than the simple editor can show. */
export function osmToWeek(value: string): WeekHours | null {
  const week = emptyWeek(false);
  const rules = value
    .trim()
    .split(/\s*;\s*/)
    .filter((r) => r !== '');
  if (rules.length === 0) return null;
  for (const [i, rule] of rules.entries()) {
    if (rule === 'PH off') {
      if (i !== rules.length - 1) return null;
      week.holidaysClosed = true;
      continue;
    }
    const match = /^([A-Za-z,-]+)\s+(.+)$/.exec(rule);
    if (!match) return null;
    const days = parseDays(match[1] as string);
    const ranges = match[2] === 'off' || match[2] === 'closed' ? [] : parseRanges(match[2] as string);
    if (!days || !ranges) return null;
    for (const d of days) week.days[DAYS[d] as Day] = ranges.map((r) => ({ ...r }));
  }
  return week;
}

export type RangeProblem = 'incomplete' | 'order' | 'overlap';

/** What is wrong with each day's ranges (an empty object when the week can be written). */
export function checkWeek(week: WeekHours): Partial<Record<Day, RangeProblem>> {
  const problems: Partial<Record<Day, RangeProblem>> = {};
  for (const day of DAYS) {
    const ranges = week.days[day];
    if (ranges.some((r) => !TIME.test(r.from) || !TIME.test(r.to))) problems[day] = 'incomplete';
    else if (ranges.some((r) => r.from >= r.to)) problems[day] = 'order';
    else if (ranges.some((r, i) => i > 0 && r.from < (ranges[i - 1] as TimeRange).to)) problems[day] = 'overlap';
  }
  return problems;
}
