// Coverage of the Métropole, territory by need: how many services answer a need in each commune (and in each of
// Lyon's arrondissements, Lyon as a whole adding them up), how many with an unconditional welcome, on which days
// of the week and whether in the evening, the distance from the commune's centre to the nearest one, and services
// per 10,000 inhabitants. A pure function of the directory snapshot and `now` (the hours horizon starts today),
// computed on the device from what the last sync brought: the coordinator's screen works offline.
//
// QPV: the directory records a QPV code on some addresses, but the official QPV list (names, outlines,
// populations) is not in reference/, so a QPV without any service cannot be listed; cells only count services
// located in a QPV (`inQpv`).
import { COMMUNES, type Commune, LYON } from '../../domain/communes.ts';
import { distanceKmRaw } from '../../domain/geo/distance.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { NEED_KEYS, needsOfMask } from '../needs.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { dayCount, horizonDays, WEEKEND_MASK, type WeekProfile, weekProfile } from './week-profile.ts';

export interface CoverageCell {
  code: string;
  need: NeedValue;
  /** Services answering the need located in the territory (published partners only). */
  services: number;
  /** Of which with an unconditional welcome (accueil inconditionnel). */
  unconditional: number;
  /** Of which located in a QPV (the address carries a QPV code). */
  inQpv: number;
  /** Of which hours could be read (published and valid for the horizon). */
  hoursKnown: number;
  /** Days of the week at least one of them opens (0–7); null when no hours are known or the engine is absent. */
  days: number | null;
  /** Bit i: some service opens on ISO weekday i (0 Monday); 0 when unknown. */
  dayMask: number;
  weekend: boolean | null;
  evening: boolean | null;
  /** From the territory's centre to the nearest service of the need, wherever it is; null when there is none. */
  nearestKm: number | null;
  /** Services per 10,000 inhabitants; null when the population is unknown. */
  per10k: number | null;
}

export interface CoverageMatrix {
  /** Every commune of the Métropole, Lyon as a whole (69123) and its 9 arrondissements, in the reference order. */
  territories: readonly Commune[];
  needs: readonly NeedValue[];
  /** Cells of a need, one per territory, in the order of `territories`. */
  byNeed: ReadonlyMap<NeedValue, readonly CoverageCell[]>;
  /** Whether the hours figures were computed (the hours engine is loaded lazily by the app). */
  hours: 'computed' | 'not_loaded';
  /** First Paris day of the hours horizon. */
  from: string;
}

interface Accumulator {
  services: number;
  unconditional: number;
  inQpv: number;
  hoursKnown: number;
  dayMask: number;
  evening: boolean;
}

const ARRONDISSEMENT = /^6938[1-9]$/;

/** Territories a service located in `code` counts for: its own, and Lyon for an arrondissement. */
function territoriesOf(code: string): string[] {
  return ARRONDISSEMENT.test(code) ? [code, LYON] : [code];
}

export function computeCoverage(
  snapshot: DirectorySnapshot,
  now: number,
  options: { hours?: HoursEngine } = {},
): CoverageMatrix {
  const engine = options.hours;
  const days = horizonDays(now);
  const known = new Set(COMMUNES.map((c) => c.code_insee));
  const acc = new Map<string, Accumulator>();
  const positions = new Map<NeedValue, number[]>(NEED_KEYS.map((n) => [n, []]));
  // Most services have no temporary information: their week depends on their hours string alone.
  const weeks = new Map<string, WeekProfile | null>();

  // A service that moves counts where it stops, once per territory, with the days of all its stops there.
  const stopCounted = new Set<string>();
  for (const entry of [...snapshot.entries, ...snapshot.stops]) {
    if (!entry.published || entry.needsMask === 0 || entry.itinerant) continue;
    const needs = needsOfMask(entry.needsMask);
    if (entry.latitude !== null && entry.longitude !== null) {
      for (const need of needs) positions.get(need)?.push(entry.latitude, entry.longitude);
    }
    if (!known.has(entry.communeCode)) continue;
    const week = engine ? profileOf(engine, entry, days, weeks) : null;
    for (const code of territoriesOf(entry.communeCode)) {
      let first = true;
      if (entry.stop !== null) {
        const key = `${entry.id}|${code}`;
        first = !stopCounted.has(key);
        stopCounted.add(key);
      }
      for (const need of needs) add(acc, `${code}|${need}`, entry, week, first);
    }
  }

  const byNeed = new Map<NeedValue, CoverageCell[]>();
  for (const need of NEED_KEYS) {
    const points = positions.get(need) ?? [];
    byNeed.set(
      need,
      COMMUNES.map((commune) => cellOf(commune, need, acc.get(`${commune.code_insee}|${need}`), points, !!engine)),
    );
  }
  return {
    territories: COMMUNES,
    needs: NEED_KEYS,
    byNeed,
    hours: engine ? 'computed' : 'not_loaded',
    from: days[0] ?? '',
  };
}

function profileOf(
  engine: HoursEngine,
  entry: ServiceEntry,
  days: readonly string[],
  cache: Map<string, WeekProfile | null>,
): WeekProfile | null {
  if (entry.temporary.length > 0 || entry.hours === null) {
    return weekProfile(engine, { regular: entry.hours, temporary: entry.temporary }, days);
  }
  let week = cache.get(entry.hours);
  if (week === undefined) {
    week = weekProfile(engine, { regular: entry.hours, temporary: [] }, days);
    cache.set(entry.hours, week);
  }
  return week;
}

/** `counted` false: another stop of a service already counted here, which only adds its days. */
function add(
  acc: Map<string, Accumulator>,
  key: string,
  entry: ServiceEntry,
  week: WeekProfile | null,
  counted: boolean,
): void {
  let a = acc.get(key);
  if (!a) {
    a = { services: 0, unconditional: 0, inQpv: 0, hoursKnown: 0, dayMask: 0, evening: false };
    acc.set(key, a);
  }
  if (counted) {
    a.services++;
    if (entry.accueil === 'inconditionnel') a.unconditional++;
    if (entry.qpv !== null) a.inQpv++;
  }
  if (week) {
    if (counted) a.hoursKnown++;
    a.dayMask |= week.days;
    a.evening ||= week.evening;
  }
}

function cellOf(
  commune: Commune,
  need: NeedValue,
  a: Accumulator | undefined,
  points: readonly number[],
  withHours: boolean,
): CoverageCell {
  const services = a?.services ?? 0;
  const hoursKnown = a?.hoursKnown ?? 0;
  const knownHours = withHours && hoursKnown > 0;
  const dayMask = knownHours ? (a?.dayMask ?? 0) : 0;
  return {
    code: commune.code_insee,
    need,
    services,
    unconditional: a?.unconditional ?? 0,
    inQpv: a?.inQpv ?? 0,
    hoursKnown,
    days: knownHours ? dayCount(dayMask) : null,
    dayMask,
    weekend: knownHours ? (dayMask & WEEKEND_MASK) !== 0 : null,
    evening: knownHours ? (a?.evening ?? false) : null,
    nearestKm: nearest(commune, points),
    per10k: commune.population > 0 ? (services / commune.population) * 10_000 : null,
  };
}

/** Longitude degrees shrink by the cosine of the latitude; at the Métropole's (45.75°) the factor barely moves. */
const LON_SCALE = Math.cos((45.75 * Math.PI) / 180);

/**
 * Points are flat [lat, lon, lat, lon…], so the loop allocates nothing over thousands of services. The nearest is
 * found on planar squared distances (the same order as great-circle ones over a few tens of kilometres, and ten
 * times cheaper), then measured with the haversine.
 */
function nearest(commune: Commune, points: readonly number[]): number | null {
  const { latitude, longitude } = commune.centre;
  let best = -1;
  let bestSquared = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i += 2) {
    const dy = (points[i] as number) - latitude;
    const dx = ((points[i + 1] as number) - longitude) * LON_SCALE;
    const squared = dx * dx + dy * dy;
    if (squared < bestSquared) {
      bestSquared = squared;
      best = i;
    }
  }
  if (best < 0) return null;
  return distanceKmRaw(latitude, longitude, points[best] as number, points[best + 1] as number);
}
