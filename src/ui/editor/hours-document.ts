// What the hours editor shows a person, and its OSM `opening_hours` string. A document is the regular week (any
// number of ranges a day), the nth weekdays of the month (« 1er et 3e mardi »), seasons with their own week,
// dated periods (closed, or open with other hours: once, with a year, or every year), and « fermé les jours
// fériés ». Pure, no library.
//
// The string is written in one order — week; nth weekdays; seasons; periods; `PH off` — because OSM rules apply
// in order, a later one replacing the earlier ones on the days it names: the nth weekday replaces that week's day,
// a season replaces the week in its months (`Nov-Mar off; Nov-Mar Mo-Sa 08:00-16:00`, its closed days included),
// a period replaces everything on its dates, and public holidays are closed whatever the rest says. Reading
// accepts exactly the strings of that shape and order (what the editor and the French converter write); anything
// else is null, and the editor keeps the string as it is, read only.

export type Day = 'Mo' | 'Tu' | 'We' | 'Th' | 'Fr' | 'Sa' | 'Su';
export const DAYS: readonly Day[] = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** `HH:MM`; an end of `24:00` is midnight at the end of the day. */
export interface TimeRange {
  from: string;
  to: string;
}
export type Week = Record<Day, TimeRange[]>;

/** « le 1er et le 3e mardi du mois »: ranks 1 to 5, -1 for the last. */
export interface MonthlyDay {
  day: Day;
  n: number[];
  ranges: TimeRange[];
}

/** Months of the year, `MM-DD` to `MM-DD` (« du 1er novembre au 31 mars »). */
export interface Season {
  from: string;
  to: string;
  week: Week;
}

/** Dates: `YYYY-MM-DD` once, `MM-DD` every year. Closed, or open with these hours only. */
export interface Period {
  from: string;
  to: string;
  ranges: TimeRange[];
}

export interface HoursDocument {
  week: Week;
  monthly: MonthlyDay[];
  seasons: Season[];
  periods: Period[];
  holidaysClosed: boolean;
}

export const RANKS = [1, 2, 3, 4, 5, -1] as const;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function emptyWeek(): Week {
  return { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] };
}
export function emptyDocument(holidaysClosed = true): HoursDocument {
  return { week: emptyWeek(), monthly: [], seasons: [], periods: [], holidaysClosed };
}

// --- Writing ------------------------------------------------------------------------------------------------

const rangesText = (ranges: readonly TimeRange[]) =>
  ranges.length === 0 ? 'off' : ranges.map((r) => `${r.from}-${r.to}`).join(',');

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

/** Rules of a week, days with equal ranges grouped; closed days are not written. */
function weekRules(week: Week, prefix = ''): string[] {
  const groups = new Map<string, number[]>();
  DAYS.forEach((day, index) => {
    if (week[day].length === 0) return;
    const key = rangesText(week[day]);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  return [...groups].map(([ranges, indices]) => `${prefix}${daySelector(indices)} ${ranges}`);
}

const monthDay = (mmdd: string) => {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${String(d).padStart(2, '0')}`;
};

/** `Nov-Mar` for whole months, else `Nov 15-Mar 10`; `Aug` for one whole month. */
export function monthsSelector(from: string, to: string): string {
  const [fm, fd] = from.split('-').map(Number) as [number, number];
  const [tm, td] = to.split('-').map(Number) as [number, number];
  if (fd === 1 && td === MONTH_DAYS[tm - 1]) {
    return fm === tm ? (MONTHS[fm - 1] as string) : `${MONTHS[fm - 1]}-${MONTHS[tm - 1]}`;
  }
  return `${monthDay(from)}-${monthDay(to)}`;
}

function dateSelector(date: string): string {
  if (date.length === 5) return monthDay(date);
  return `${date.slice(0, 4)} ${monthDay(date.slice(5))}`;
}

function periodSelector(p: Period): string {
  if (p.from.length === 5 && p.to.length === 5 && p.from !== p.to) return monthsSelector(p.from, p.to);
  return p.from === p.to ? dateSelector(p.from) : `${dateSelector(p.from)}-${dateSelector(p.to)}`;
}

/** The OSM string of a document; null when it opens nothing (no hours to publish). */
export function documentToOsm(doc: HoursDocument): string | null {
  const rules = [
    ...weekRules(doc.week),
    ...doc.monthly.map((m) => `${m.day}[${m.n.join(',')}] ${rangesText(m.ranges)}`),
    ...doc.seasons.flatMap((s) => {
      const months = monthsSelector(s.from, s.to);
      return [`${months} off`, ...weekRules(s.week, `${months} `)];
    }),
    ...doc.periods.map((p) => `${periodSelector(p)} ${rangesText(p.ranges)}`),
  ];
  if (rules.length === 0) return null;
  if (doc.holidaysClosed) rules.push('PH off');
  return rules.join('; ');
}

// --- Reading ------------------------------------------------------------------------------------------------

const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const RANGES = new RegExp(`^(?:off|(?:${TIME}-(?:${TIME}|24:00))(?:,${TIME}-(?:${TIME}|24:00))*)$`);
const DAY_SEL =
  /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?)*$/;
const MONTHLY = /^(Mo|Tu|We|Th|Fr|Sa|Su)\[(-1|[1-5])((?:,(?:-1|[1-5]))*)\]$/;
const M = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const MONTH_SPAN = new RegExp(`^${M}(?:-${M})?$`);
const MONTH_DAY_SPAN = new RegExp(`^${M} (\\d{2})-${M} (\\d{2})$`);
const DATE = `(?:(\\d{4}) )?${M} (\\d{2})`;
const DATE_SPAN = new RegExp(`^${DATE}(?:-${DATE})?$`);

function parseRanges(text: string): TimeRange[] | null {
  if (!RANGES.test(text)) return null;
  if (text === 'off') return [];
  return text.split(',').map((r) => {
    const [from, to] = r.split('-') as [string, string];
    return { from, to };
  });
}

function parseDays(selector: string): number[] | null {
  if (!DAY_SEL.test(selector)) return null;
  const out: number[] = [];
  for (const part of selector.split(',')) {
    const [a, b] = part.split('-');
    const from = DAYS.indexOf(a as Day);
    const to = b === undefined ? from : DAYS.indexOf(b as Day);
    for (let i = from; ; i = (i + 1) % 7) {
      out.push(i);
      if (i === to) break;
    }
  }
  return out;
}

const mmdd = (month: string, day: number) =>
  `${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const validDay = (month: string, day: number) => day >= 1 && day <= (MONTH_DAYS[MONTHS.indexOf(month)] ?? 0);

/** `Nov-Mar`, `Aug`, `Nov 15-Mar 10` as `MM-DD` bounds. */
function parseMonths(selector: string): { from: string; to: string } | null {
  const whole = MONTH_SPAN.exec(selector);
  if (whole) {
    const [, a, b = a] = whole as unknown as [string, string, string | undefined];
    return { from: mmdd(a, 1), to: mmdd(b, MONTH_DAYS[MONTHS.indexOf(b)] as number) };
  }
  const days = MONTH_DAY_SPAN.exec(selector);
  if (!days) return null;
  const [, a, da, b, db] = days as unknown as [string, string, string, string, string];
  if (!validDay(a, Number(da)) || !validDay(b, Number(db))) return null;
  const from = mmdd(a, Number(da));
  const to = mmdd(b, Number(db));
  return monthsSelector(from, to) === selector && from !== to ? { from, to } : null;
}

function parseDates(selector: string): { from: string; to: string } | null {
  const months = parseMonths(selector);
  if (months) return months;
  const m = DATE_SPAN.exec(selector);
  if (!m) return null;
  const [, y1, m1, d1, y2, m2, d2] = m as unknown as [
    string,
    string | undefined,
    string,
    string,
    ...(string | undefined)[],
  ];
  const date = (y: string | undefined, mo: string, d: string) => (y ? `${y}-` : '') + mmdd(mo, Number(d));
  if (!validDay(m1, Number(d1)) || (m2 !== undefined && !validDay(m2, Number(d2)))) return null;
  const from = date(y1, m1, d1);
  const to = m2 === undefined ? from : date(y2, m2, d2 as string);
  // Both once or both every year, in order, written as the editor writes them.
  if (from.length !== to.length || (from.length === 10 && to < from)) return null;
  const period = { from, to, ranges: [] };
  return periodSelector(period) === selector ? { from, to } : null;
}

const STAGES = ['week', 'monthly', 'season', 'period', 'holidays'] as const;

/** The document an OSM string describes, or null when it says more (or in another order) than the editor shows. */
export function osmToDocument(value: string): HoursDocument | null {
  const rules = value
    .trim()
    .split(/\s*;\s*/)
    .filter((r) => r !== '');
  if (rules.length === 0) return null;
  const doc = emptyDocument(false);
  let stage = 0;
  const at = (s: (typeof STAGES)[number]) => {
    const index = STAGES.indexOf(s);
    if (index < stage) return false;
    stage = index;
    return true;
  };
  let lastBare = -2;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as string;
    if (rule === '24/7' && i === 0) {
      for (const d of DAYS) doc.week[d] = [{ from: '00:00', to: '24:00' }];
      continue;
    }
    if (rule === 'PH off') {
      if (i !== rules.length - 1) return null;
      doc.holidaysClosed = true;
      continue;
    }
    const space = rule.lastIndexOf(' ');
    if (space < 0) return null;
    const head = rule.slice(0, space);
    const ranges = parseRanges(rule.slice(space + 1));
    if (!ranges) return null;
    const days = parseDays(head);
    if (days) {
      if (!at('week')) return null;
      for (const d of days) doc.week[DAYS[d] as Day] = ranges.map((r) => ({ ...r }));
      continue;
    }
    const monthly = MONTHLY.exec(head);
    if (monthly) {
      if (!at('monthly')) return null;
      const n = [monthly[2], ...(monthly[3] ?? '').split(',').slice(1)].map(Number);
      if (new Set(n).size !== n.length || n.join() !== sortRanks(n).join()) return null;
      doc.monthly.push({ day: monthly[1] as Day, n, ranges });
      continue;
    }
    const season = ranges.length === 0 ? readSeason(rules, i) : null;
    if (season) {
      if (!at('season')) return null;
      doc.seasons.push(season.season);
      i = season.last;
      continue;
    }
    const bare = readBareSeason(doc, head, ranges, lastBare === i - 1);
    if (bare !== undefined) {
      if (bare === null || !at('season')) return null;
      lastBare = i;
      continue;
    }
    const dates = parseDates(head);
    if (!dates || !at('period')) return null;
    doc.periods.push({ ...dates, ranges });
  }
  return doc;
}

export function sortRanks(n: readonly number[]): number[] {
  return [...n].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b));
}

const BARE_SEASON = /^(.+?):? ((?:Mo|Tu|We|Th|Fr|Sa|Su)[-,A-Za-z]*)$/;

/** Days of the year (leap year) a `MM-DD` to `MM-DD` span covers, across the year's end. */
function daysOfYear(from: string, to: string): Set<number> {
  const index = (mmdd: string) => {
    const [m, d] = mmdd.split('-').map(Number) as [number, number];
    return MONTH_DAYS.slice(0, m - 1).reduce((a, b) => a + b, 0) + d - 1;
  };
  const out = new Set<number>();
  for (let i = index(from); ; i = (i + 1) % 366) {
    out.add(i);
    if (i === index(to)) break;
  }
  return out;
}

/**
 * `Nov-Mar: Mo-Su 19:00-21:00` without `Nov-Mar off` before it: the same as a season only when nothing else is
 * open in those months (no week, no nth weekday, no other season over them); then it is read as one, else the
 * string is not the editor's (null). undefined: not such a rule. `continues`: the rule just before was one.
 */
function readBareSeason(
  doc: HoursDocument,
  head: string,
  ranges: TimeRange[],
  continues: boolean,
): null | undefined | true {
  const m = BARE_SEASON.exec(head);
  const bounds = m ? parseMonths(m[1] as string) : null;
  const days = m ? parseDays(m[2] as string) : null;
  if (!m || !bounds || !days) return undefined;
  const last = doc.seasons[doc.seasons.length - 1];
  let season = continues && last && last.from === bounds.from && last.to === bounds.to ? last : undefined;
  if (!season) {
    if (DAYS.some((d) => doc.week[d].length > 0) || doc.monthly.length > 0 || doc.periods.length > 0) return null;
    const span = daysOfYear(bounds.from, bounds.to);
    if (doc.seasons.some((s) => [...daysOfYear(s.from, s.to)].some((d) => span.has(d)))) return null;
    season = { ...bounds, week: emptyWeek() };
    doc.seasons.push(season);
  }
  for (const d of days) season.week[DAYS[d] as Day] = ranges.map((r) => ({ ...r }));
  return true;
}

/** `Nov-Mar off` followed by `Nov-Mar <days> <ranges>` rules: a season with its week. */
function readSeason(rules: readonly string[], first: number): { season: Season; last: number } | null {
  const head = (rules[first] as string).slice(0, -' off'.length);
  const bounds = parseMonths(head);
  if (!bounds) return null;
  const week = emptyWeek();
  let last = first;
  for (let j = first + 1; j < rules.length; j++) {
    const rule = rules[j] as string;
    if (!rule.startsWith(`${head} `)) break;
    const rest = rule.slice(head.length + 1);
    const space = rest.lastIndexOf(' ');
    const days = space > 0 ? parseDays(rest.slice(0, space)) : null;
    const ranges = space > 0 ? parseRanges(rest.slice(space + 1)) : null;
    if (!days || !ranges) break;
    for (const d of days) week[DAYS[d] as Day] = ranges.map((r) => ({ ...r }));
    last = j;
  }
  if (last === first) return null;
  return { season: { ...bounds, week }, last };
}

// --- Checking -----------------------------------------------------------------------------------------------

export type RangeProblem = 'incomplete' | 'order' | 'overlap';
export type PartProblem = RangeProblem | 'noRank' | 'noDay' | 'dates' | 'datesOrder' | 'past';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const endOf = (to: string) => (to === '00:00' || to === '24:00' ? '24:00' : to);

/** What is wrong with ranges, in order of the day: incomplete, end before start, overlapping. */
export function rangesProblem(ranges: readonly TimeRange[]): RangeProblem | null {
  if (ranges.some((r) => !TIME_RE.test(r.from) || !(TIME_RE.test(r.to) || r.to === '24:00'))) return 'incomplete';
  if (ranges.some((r) => r.from >= endOf(r.to))) return 'order';
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  if (sorted.some((r, i) => i > 0 && r.from < endOf((sorted[i - 1] as TimeRange).to))) return 'overlap';
  return null;
}

const DATE_RE = /^(\d{4}-)?(\d{2})-(\d{2})$/;
function validDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (MONTH_DAYS[month - 1] as number);
}

/**
 * Problems by place in the document: `week.Mo`, `monthly.0`, `season.1` / `season.1.Tu`, `period.0`. `today`
 * (`YYYY-MM-DD`) flags a dated period already over.
 */
export function checkDocument(doc: HoursDocument, today: string): Record<string, PartProblem> {
  const out: Record<string, PartProblem> = {};
  const week = (w: Week, at: string) => {
    for (const day of DAYS) {
      const p = rangesProblem(w[day]);
      if (p) out[`${at}${day}`] = p;
    }
  };
  week(doc.week, 'week.');
  doc.monthly.forEach((m, i) => {
    const p = m.n.length === 0 ? 'noRank' : rangesProblem(m.ranges);
    if (p) out[`monthly.${i}`] = p;
  });
  doc.seasons.forEach((s, i) => {
    if (!validDate(s.from) || !validDate(s.to) || s.from.length !== 5 || s.to.length !== 5 || s.from === s.to) {
      out[`season.${i}`] = 'dates';
    } else if (DAYS.every((d) => s.week[d].length === 0)) out[`season.${i}`] = 'noDay';
    week(s.week, `season.${i}.`);
  });
  doc.periods.forEach((p, i) => {
    let problem: PartProblem | null = null;
    if (!validDate(p.from) || !validDate(p.to) || p.from.length !== p.to.length) problem = 'dates';
    else if (p.from.length === 10 && p.to < p.from) problem = 'datesOrder';
    else if (p.to.length === 10 && p.to < today) problem = 'past';
    else problem = rangesProblem(p.ranges);
    if (problem) out[`period.${i}`] = problem;
  });
  return out;
}
