// State of the hours editor. A string the table can show (hours-document.ts) is edited as the table; any other is
// kept exactly as it is and said in French, read only, until the person chooses to replace it with a table — never
// dropped on the way. The French text field fills the table through the 2019 import's converter, live. The OSM
// text itself is only an « avancé » view for coordinators. `value` is what would be saved; `problems` what stops it,
// in French, computed as the person types.
import { computed, signal } from '@preact/signals';
import { frenchHoursToOsm } from '../../interop/french-hours.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import {
  checkDocument,
  DAYS,
  type Day,
  documentToOsm,
  emptyDocument,
  emptyWeek,
  type HoursDocument,
  type MonthlyDay,
  osmToDocument,
  type Period,
  type Season,
  sortRanks,
  type TimeRange,
  type Week,
} from './hours-document.ts';
import { frHours } from './strings-hours.ts';

export type HoursMode = 'table' | 'kept' | 'advanced';
export type FrenchState = { kind: 'idle' } | { kind: 'filled' } | { kind: 'not-understood'; part: string | null };

const MORNING: TimeRange = { from: '09:00', to: '12:00' };
const AFTERNOON: TimeRange = { from: '14:00', to: '17:00' };
const copy = (ranges: readonly TimeRange[]) => ranges.map((r) => ({ ...r }));

export function createHoursEditor(initial: string | undefined) {
  const read = initial ? osmToDocument(initial) : emptyDocument();
  const mode = signal<HoursMode>(read ? 'table' : 'kept');
  const doc = signal<HoursDocument>(read ?? emptyDocument());
  /** The kept string (read only) or the coordinator's text (advanced). */
  const raw = signal(initial ?? '');
  const french = signal('');
  const frenchState = signal<FrenchState>({ kind: 'idle' });

  /** Until the person changes something, the stored string stays as it was written, character for character. */
  const edited = signal(false);
  const value = computed<string | null>(() => {
    if (!edited.value && initial) return initial;
    return mode.value === 'table' ? documentToOsm(doc.value) : raw.value.trim() || null;
  });

  const update = (next: Partial<HoursDocument>) => {
    doc.value = { ...doc.value, ...next };
    edited.value = true;
  };
  const setWeekIn = (week: Week, day: Day, ranges: TimeRange[]): Week => ({ ...week, [day]: ranges });

  /** Edits the ranges of one day of the week (`season` null) or of a season. */
  function editDay(season: number | null, day: Day, change: (ranges: TimeRange[]) => TimeRange[]) {
    if (season === null) update({ week: setWeekIn(doc.value.week, day, change(doc.value.week[day])) });
    else
      update({
        seasons: doc.value.seasons.map((s, i) =>
          i === season ? { ...s, week: setWeekIn(s.week, day, change(s.week[day])) } : s,
        ),
      });
  }
  const weekOf = (season: number | null) =>
    season === null ? doc.value.week : (doc.value.seasons[season]?.week ?? emptyWeek());

  function editList<K extends 'monthly' | 'periods'>(
    key: K,
    index: number,
    change: (item: HoursDocument[K][number]) => HoursDocument[K][number],
  ) {
    update({
      [key]: (doc.value[key] as HoursDocument[K][number][]).map((item, i) => (i === index ? change(item) : item)),
    });
  }

  return {
    mode,
    doc,
    raw,
    french,
    frenchState,
    /** The OSM string as it stands (null: no hours), valid or not. */
    value,
    /** French messages of what stops saving, by place (`week.Mo`, `monthly.0`…; `value` for the whole string). */
    problems(engine: HoursEngine | null, today: string): Record<string, string> {
      const out: Record<string, string> = {};
      if (mode.value === 'table') {
        for (const [at, p] of Object.entries(checkDocument(doc.value, today))) out[at] = frHours.problems[p];
      }
      const osm = value.value;
      if (Object.keys(out).length === 0 && osm !== null && engine) {
        // Hours the engine was not made for (typed since the form opened): not saved before they are checked.
        if (engine.knows?.(osm) === false) out.value = frHours.checking;
        else if (!engine.isValid(osm)) out.value = frHours.rejected;
      }
      return out;
    },

    setOpen(season: number | null, day: Day, open: boolean) {
      if (!open) return editDay(season, day, () => []);
      // A day opened takes the hours of the closest open day before it: most weeks repeat one pattern.
      const week = weekOf(season);
      const before = DAYS.slice(0, DAYS.indexOf(day))
        .reverse()
        .find((d) => week[d].length > 0);
      editDay(season, day, () => (before ? copy(week[before]) : [{ ...MORNING }]));
    },
    /** `<input type="time">` has no 24:00: midnight as an end is typed 00:00 and kept as 24:00. */
    setRange(season: number | null, day: Day, index: number, end: keyof TimeRange, time: string) {
      const t = end === 'to' && time === '00:00' ? '24:00' : time;
      editDay(season, day, (ranges) => ranges.map((r, i) => (i === index ? { ...r, [end]: t } : r)));
    },
    addRange(season: number | null, day: Day) {
      editDay(season, day, (ranges) => [...ranges, nextRange(ranges)]);
    },
    removeRange(season: number | null, day: Day, index: number) {
      editDay(season, day, (ranges) => ranges.filter((_, i) => i !== index));
    },
    /** Monday's hours on every weekday (Tuesday to Friday). */
    copyToWeekdays() {
      const week = { ...doc.value.week };
      for (const d of ['Tu', 'We', 'Th', 'Fr'] as const) week[d] = copy(week.Mo);
      update({ week });
    },
    setHolidaysClosed(closed: boolean) {
      update({ holidaysClosed: closed });
    },

    addMonthly() {
      const m: MonthlyDay = { day: 'Tu', n: [1, 3], ranges: [{ ...AFTERNOON }] };
      update({ monthly: [...doc.value.monthly, m] });
    },
    setMonthlyDay(index: number, day: Day) {
      editList('monthly', index, (m) => ({ ...m, day }));
    },
    setMonthlyRank(index: number, rank: number, on: boolean) {
      editList('monthly', index, (m) => ({
        ...m,
        n: sortRanks(on ? [...new Set([...m.n, rank])] : m.n.filter((r) => r !== rank)),
      }));
    },
    setMonthlyRange(index: number, range: number, end: keyof TimeRange, time: string) {
      editList('monthly', index, (m) => ({
        ...m,
        ranges: m.ranges.map((r, i) => (i === range ? { ...r, [end]: time } : r)),
      }));
    },
    addMonthlyRange(index: number) {
      editList('monthly', index, (m) => ({ ...m, ranges: [...m.ranges, nextRange(m.ranges)] }));
    },
    removeMonthlyRange(index: number, range: number) {
      editList('monthly', index, (m) => ({ ...m, ranges: m.ranges.filter((_, i) => i !== range) }));
    },
    removeMonthly(index: number) {
      update({ monthly: doc.value.monthly.filter((_, i) => i !== index) });
    },

    addSeason() {
      const s: Season = { from: '11-01', to: '03-31', week: emptyWeek() };
      update({ seasons: [...doc.value.seasons, s] });
    },
    setSeasonDate(index: number, end: 'from' | 'to', mmdd: string) {
      update({ seasons: doc.value.seasons.map((s, i) => (i === index ? { ...s, [end]: mmdd } : s)) });
    },
    removeSeason(index: number) {
      update({ seasons: doc.value.seasons.filter((_, i) => i !== index) });
    },

    addPeriod(today: string) {
      const p: Period = { from: today, to: today, ranges: [] };
      update({ periods: [...doc.value.periods, p] });
    },
    setPeriod(index: number, change: Partial<Period>) {
      editList('periods', index, (p) => ({ ...p, ...change }));
    },
    /** Once (with the year of `today`) or every year: the dates keep their day and month. */
    setPeriodEveryYear(index: number, everyYear: boolean, today: string) {
      const year = today.slice(0, 5);
      const strip = (d: string) => (everyYear ? d.slice(-5) : d.length === 5 ? `${year}${d}` : d);
      editList('periods', index, (p) => ({ ...p, from: strip(p.from), to: strip(p.to) }));
    },
    setPeriodRange(index: number, range: number, end: keyof TimeRange, time: string) {
      editList('periods', index, (p) => ({
        ...p,
        ranges: p.ranges.map((r, i) => (i === range ? { ...r, [end]: time } : r)),
      }));
    },
    removePeriod(index: number) {
      update({ periods: doc.value.periods.filter((_, i) => i !== index) });
    },

    /**
     * The French text, converted as it is typed: when every part is understood the table takes its hours (and
     * the mode becomes the table); otherwise the table is left alone and the person is told what was not understood.
     */
    setFrench(text: string, engine: HoursEngine | null) {
      french.value = text;
      if (text.trim() === '') {
        frenchState.value = { kind: 'idle' };
        return;
      }
      const converted = frenchHoursToOsm(text, (osm) => engine?.isValid(osm) ?? true);
      const next = converted.ok ? osmToDocument(converted.osm) : null;
      if (!next) {
        frenchState.value = {
          kind: 'not-understood',
          part: detailOf(converted.ok ? null : (converted.detail ?? null)),
        };
        return;
      }
      doc.value = next;
      mode.value = 'table';
      edited.value = true;
      frenchState.value = { kind: 'filled' };
    },

    /** Replaces kept hours by an empty table, on the person's request (the string is then erased on save). */
    replaceWithTable() {
      doc.value = emptyDocument();
      mode.value = 'table';
      edited.value = true;
    },
    /** The coordinator's OSM text, from what the editor holds now. */
    openAdvanced() {
      raw.value = value.value ?? '';
      mode.value = 'advanced';
    },
    /** Back from the OSM text: the table when it can show it, else kept as it is (read only). */
    closeAdvanced() {
      const next = osmToDocument(raw.value);
      if (next) doc.value = next;
      mode.value = next || raw.value.trim() === '' ? 'table' : 'kept';
      if (!next && raw.value.trim() === '') doc.value = emptyDocument();
    },
    setRaw(text: string) {
      raw.value = text;
      edited.value = true;
    },
  };
}

/** The segment the converter stopped at (lower case, without accents); not its own words for a missing part. */
function detailOf(detail: string | null): string | null {
  if (!detail || ['aucun horaire', 'jours sans horaires', 'date', 'jour ouvert et fermé'].includes(detail)) return null;
  return detail;
}

/** A new range after the day's last one: the afternoon after a morning, else an hour later. */
function nextRange(ranges: readonly TimeRange[]): TimeRange {
  const last = ranges[ranges.length - 1];
  if (!last) return { ...MORNING };
  if (last.to <= AFTERNOON.from) return { ...AFTERNOON };
  const [h] = last.to.split(':').map(Number) as [number];
  const from = Math.min(h + 1, 22);
  return { from: `${String(from).padStart(2, '0')}:00`, to: `${String(from + 1).padStart(2, '0')}:00` };
}

export type HoursEditor = ReturnType<typeof createHoursEditor>;
