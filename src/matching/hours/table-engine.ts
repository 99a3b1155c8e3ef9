// Hours worked out elsewhere — by the hours worker, which holds the opening_hours library — for a few strings and
// days, answered on the page as an engine: a partner sheet draws its hours without compiling the library's 700 kB
// on the page's thread. A question the table was not made for (another string, a day outside it) is answered as
// unknown and reported, so that the caller loads the real engine and draws again.
import type { DayInterval, HoursEngine } from './hours-engine.ts';

/** Per string: accepted by the library, and its open intervals on each Paris day of the table. */
export type HoursTable = Array<
  [value: string, valid: boolean, days: Array<[day: string, intervals: DayInterval[] | null]>]
>;

/** The table of `values` over `days`, made with a real engine (in the hours worker). */
export function hoursTable(engine: HoursEngine, values: readonly string[], days: readonly string[]): HoursTable {
  return [...new Set(values)].map((value) => {
    const valid = engine.isValid(value);
    return [value, valid, valid ? days.map((day) => [day, engine.day(value, day) as DayInterval[] | null]) : []];
  });
}

export function tableEngine(table: HoursTable, onMiss: () => void): HoursEngine {
  const byValue = new Map(table.map(([value, valid, days]) => [value, { valid, days: new Map(days) }]));
  let missed = false;
  const miss = () => {
    if (!missed) onMiss();
    missed = true;
  };
  return {
    isValid(value) {
      const entry = byValue.get(value);
      if (!entry) miss();
      return entry?.valid ?? true;
    },
    day(value, day) {
      const entry = byValue.get(value);
      if (!entry?.valid) {
        if (!entry) miss();
        return null;
      }
      const intervals = entry.days.get(day);
      if (intervals === undefined) {
        miss();
        return null;
      }
      return intervals;
    },
    stats() {
      return { parsed: byValue.size, evaluatedDays: 0 };
    },
    knows(value) {
      const known = byValue.has(value);
      if (!known) miss();
      return known;
    },
  };
}
