// Opening hours as data the matcher can rank on, computed by the `opening_hours` library — which the engine does
// NOT import: the library weighs 155 kB gzip, so the app loads it lazily and hands its constructor to
// `createHoursEngine`; tests and benchmarks import it and do the same. Until then the matcher works without hours
// (open_now and next openings stay null).
//
// Time zones: the library reads local-time getters, so it is handed "library dates" whose local fields show the
// Paris wall clock (src/domain/time/paris-time.ts) and its answers are read back the same way. This is exact whenever the
// process zone has no clock change of its own on that date within the hours asked (tests: UTC, New York, Tokyo,
// around both zones' changes); on a device set to a zone whose own change falls inside opening hours, that one
// hour may shift. Devices of the Métropole's workers are set to Europe/Paris, where it is exact.
//
// Costs (figures: `npm run bench`): parsing a string costs far more than evaluating one day. So each distinct string is
// parsed once, and the open intervals of a (string, Paris day) pair are computed once and cached; a directory of 50,000
// services shares a few hundred strings, and a service's schedule is then assembled from cached days.
import { fromLibraryDate, instantOf, toLibraryDate, wallOfDay } from '../../domain/time/paris-time.ts';

/** The part of opening_hours' API the engine uses. */
export interface OpeningHoursInstance {
  getOpenIntervals(from: Date, to: Date): [Date, Date, boolean, string | undefined][];
}

/** The location argument as the library's typings declare it (numbers; see LYON_LOCATION for what it reads). */
interface TypedLocation {
  lat: number;
  lon: number;
  address: { country_code: string; state: string };
}

/** The library's constructor: `import opening_hours from 'opening_hours'` is one. */
export type OpeningHoursConstructor = new (
  value: string,
  location: TypedLocation,
  mode: number,
) => OpeningHoursInstance;

/**
 * Where the hours are evaluated: France (public holidays; `null` would silently mean Germany's), Lyon. Latitude and
 * longitude are strings because opening_hours 3.15.0 reads strings (numbers make sunrise/sunset 06:00/18:00).
 */
export const LYON_LOCATION = {
  lat: '45.76',
  lon: '4.84',
  address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' },
} as const;

/** opening_hours mode 0: time ranges (not points in time). */
const MODE_TIME_RANGES = 0;

/** An open period within one Paris day, as real instants. */
export interface DayInterval {
  start: number;
  end: number;
  /** The library says "unknown" (e.g. a rule with a comment like "sur inscription"): open, to confirm. */
  uncertain: boolean;
  comment: string | null;
}

export interface HoursEngine {
  /** False when opening_hours rejects the string: the listing's hours are then unknown. Parses at most once. */
  isValid(value: string): boolean;
  /**
   * Open intervals of `value` on the Paris day `day` (`YYYY-MM-DD`), clipped to the day, in order; null when the
   * string is rejected or cannot be evaluated. Cached per (value, day): do not mutate the result.
   */
  day(value: string, day: string): readonly DayInterval[] | null;
  /** Numbers for benchmarks and tests: distinct strings parsed, (string, day) pairs evaluated. */
  stats(): { parsed: number; evaluatedDays: number };
  /**
   * Whether the engine can say anything of `value` (absent: always). An engine made for some strings (a table,
   * table-engine.ts) cannot say whether another one is valid: an editor then waits before letting it be saved.
   */
  knows?(value: string): boolean;
}

interface Entry {
  oh: OpeningHoursInstance | null;
  days: Map<string, readonly DayInterval[] | null>;
}

/** Days kept per string before its cache is cleared (a long-running tab moves forward in time). */
const MAX_DAYS_PER_STRING = 400;

export function createHoursEngine(OpeningHours: OpeningHoursConstructor): HoursEngine {
  const entries = new Map<string, Entry>();
  let evaluatedDays = 0;

  function entryOf(value: string): Entry {
    let entry = entries.get(value);
    if (!entry) {
      let oh: OpeningHoursInstance | null = null;
      try {
        // The typings want numbers, the code reads strings: strings it is (see LYON_LOCATION).
        oh = new OpeningHours(value, LYON_LOCATION as unknown as TypedLocation, MODE_TIME_RANGES);
      } catch {
        oh = null;
      }
      entry = { oh, days: new Map() };
      entries.set(value, entry);
    }
    return entry;
  }

  function evaluate(oh: OpeningHoursInstance, day: string): readonly DayInterval[] | null {
    evaluatedDays++;
    const startWall = wallOfDay(day);
    const endWall = startWall + 86_400_000;
    let raw: [Date, Date, boolean, string | undefined][];
    try {
      raw = oh.getOpenIntervals(toLibraryDate(startWall), toLibraryDate(endWall));
    } catch {
      // e.g. school holidays (`SH`) the library has no data for: the hours cannot be known.
      return null;
    }
    const out: DayInterval[] = [];
    for (const [from, to, unknown, comment] of raw) {
      const startW = Math.max(startWall, fromLibraryDate(from));
      const endW = Math.min(endWall, fromLibraryDate(to));
      if (endW <= startW) continue;
      // Start: the first occurrence of an ambiguous autumn time; end: the last, so no open minute is lost.
      const start = instantOf(startW, 'earlier');
      const end = endW === endWall ? instantOf(endWall, 'earlier') : instantOf(endW, 'later');
      if (end > start) out.push({ start, end, uncertain: unknown, comment: comment ?? null });
    }
    return out;
  }

  return {
    isValid(value) {
      return entryOf(value).oh !== null;
    },
    day(value, day) {
      const entry = entryOf(value);
      if (entry.oh === null) return null;
      let result = entry.days.get(day);
      if (result === undefined) {
        if (entry.days.size >= MAX_DAYS_PER_STRING) entry.days.clear();
        result = evaluate(entry.oh, day);
        entry.days.set(day, result);
      }
      return result;
    },
    stats() {
      return { parsed: entries.size, evaluatedDays };
    },
  };
}
