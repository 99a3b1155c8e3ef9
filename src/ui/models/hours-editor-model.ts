// State of the hours editor: the simple week (days, one or two ranges, public holidays) when the stored string can
// be read that way, else the OSM string itself in an "advanced" text field, kept as it is unless the person
// chooses to start a simple week. `validate` is the only way out: it writes the OSM string and checks it with the
// hours library when it is loaded (the domain schema only checks the string's shape).
import { computed, signal } from '@preact/signals';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { fr } from '../strings.ts';
import {
  checkWeek,
  DAYS,
  type Day,
  emptyWeek,
  MAX_RANGES_PER_DAY,
  osmToWeek,
  type TimeRange,
  type WeekHours,
  weekToOsm,
} from './osm-hours.ts';

export type HoursMode = 'simple' | 'advanced';
export interface HoursErrors {
  days?: Partial<Record<Day, string>>;
  /** About the whole string (advanced text, or rejected by the library). */
  value?: string;
}
export type HoursResult = { ok: true; value: string | undefined } | { ok: false };

const DEFAULT_MORNING: TimeRange = { from: '09:00', to: '12:00' };
const DEFAULT_AFTERNOON: TimeRange = { from: '14:00', to: '17:00' };

export function createHoursEditor(initial: string | undefined) {
  const parsed = initial ? osmToWeek(initial) : emptyWeek();
  const mode = signal<HoursMode>(parsed ? 'simple' : 'advanced');
  const week = signal<WeekHours>(parsed ?? emptyWeek());
  const raw = signal(initial ?? '');
  const errors = signal<HoursErrors>({});

  const value = computed(() => (mode.value === 'simple' ? weekToOsm(week.value) : raw.value.trim() || null));

  function updateDay(day: Day, ranges: TimeRange[]) {
    week.value = { ...week.value, days: { ...week.value.days, [day]: ranges } };
    const current = errors.value;
    if (current.days?.[day] || current.value) {
      errors.value = { days: Object.fromEntries(Object.entries(current.days ?? {}).filter(([d]) => d !== day)) };
    }
  }

  return {
    mode,
    week,
    raw,
    errors,
    /** The OSM string as it stands (null: no hours), whether valid or not: what the preview shows. */
    value,
    setOpen(day: Day, open: boolean) {
      if (!open) return updateDay(day, []);
      // A day opened takes the hours of the closest open day before it: most weeks repeat one pattern.
      const index = DAYS.indexOf(day);
      const before = [...DAYS.slice(0, index)].reverse().find((d) => week.value.days[d].length > 0);
      updateDay(day, before ? week.value.days[before].map((r) => ({ ...r })) : [{ ...DEFAULT_MORNING }]);
    },
    setRange(day: Day, index: number, end: keyof TimeRange, time: string) {
      updateDay(
        day,
        week.value.days[day].map((r, i) => (i === index ? { ...r, [end]: time } : r)),
      );
    },
    addRange(day: Day) {
      const ranges = week.value.days[day];
      if (ranges.length >= MAX_RANGES_PER_DAY) return;
      updateDay(day, [...ranges, { ...DEFAULT_AFTERNOON }]);
    },
    removeRange(day: Day, index: number) {
      updateDay(
        day,
        week.value.days[day].filter((_, i) => i !== index),
      );
    },
    /** Monday's hours on every weekday (Tuesday to Friday). */
    copyToWeekdays(day: Day) {
      const ranges = week.value.days[day];
      const days = { ...week.value.days };
      for (const d of ['Tu', 'We', 'Th', 'Fr'] as const) if (d !== day) days[d] = ranges.map((r) => ({ ...r }));
      week.value = { ...week.value, days };
      errors.value = {};
    },
    setHolidaysClosed(closed: boolean) {
      week.value = { ...week.value, holidaysClosed: closed };
    },
    setRaw(text: string) {
      raw.value = text;
      if (errors.value.value) errors.value = {};
    },
    /** Leaves the advanced text for the simple week: read from the text when possible, else an empty week. */
    useSimple() {
      week.value = osmToWeek(raw.value) ?? emptyWeek();
      mode.value = 'simple';
      errors.value = {};
    },
    useAdvanced() {
      raw.value = weekToOsm(week.value) ?? '';
      mode.value = 'advanced';
      errors.value = {};
    },
    /**
     * The string to save (undefined: no hours), or false with messages next to the days or the text. Without the
     * library (not loaded yet) only the shape is checked, by the domain schema at save.
     */
    validate(engine: HoursEngine | null): HoursResult {
      if (mode.value === 'simple') {
        const problems = checkWeek(week.value);
        const days: Partial<Record<Day, string>> = {};
        for (const day of DAYS) {
          const problem = problems[day];
          if (problem) days[day] = fr.hoursEditor.problems[problem];
        }
        if (Object.keys(days).length > 0) {
          errors.value = { days };
          return { ok: false };
        }
      }
      const osm = value.value;
      if (osm !== null && engine && !engine.isValid(osm)) {
        errors.value = { value: fr.hoursEditor.rejected };
        return { ok: false };
      }
      errors.value = {};
      return { ok: true, value: osm ?? undefined };
    },
  };
}

export type HoursEditor = ReturnType<typeof createHoursEditor>;
