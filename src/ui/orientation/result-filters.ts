// Filters that refine the results of an orientation without running it again: they only hide results, never
// change a verdict or a rank. Opening filters read the hours the matcher computed for a result, or ask the hours
// engine for results past the first ones; without the engine they cannot apply (the UI says so).

import { daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { openDuring } from '../../matching/hours/schedule.ts';
import { maskOfNeeds } from '../../matching/needs.ts';
import type { ServiceResult } from '../../matching/orient/types.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';

export interface ResultFilters {
  besoin: NeedValue | null;
  ouvert: 'maintenant' | 'semaine' | null;
  prix: 'gratuit' | 'solidaire' | null;
  sansOrientation: boolean;
  maxKm: number | null;
}

export const NO_FILTERS: ResultFilters = Object.freeze({
  besoin: null,
  ouvert: null,
  prix: null,
  sansOrientation: false,
  maxKm: null,
});

const WEEK_MS = 7 * 86_400_000;

export function filtersActive(f: ResultFilters): boolean {
  return f.besoin !== null || f.ouvert !== null || f.prix !== null || f.sansOrientation || f.maxKm !== null;
}

/** A predicate over results; `entry` gives the service's data (undefined: the service left the directory). */
export function resultFilter(
  f: ResultFilters,
  entry: (serviceId: string) => ServiceEntry | undefined,
  now: number,
  engine: HoursEngine | null,
): (r: ServiceResult) => boolean {
  const need = f.besoin ? maskOfNeeds([f.besoin]) : 0;
  const until = f.ouvert === 'maintenant' ? now + 1 : now + WEEK_MS;
  const days = f.ouvert && engine ? daysFrom(parisDay(now), f.ouvert === 'maintenant' ? 1 : 8) : [];
  return (r) => {
    const e = entry(r.service_id);
    if (!e) return false;
    if (need && (e.needsMask & need) === 0) return false;
    if (f.prix === 'gratuit' && e.tarif !== 'gratuit') return false;
    if (f.prix === 'solidaire' && !e.affordable) return false;
    if (f.sansOrientation && !e.directAccess) return false;
    if (f.maxKm !== null && (r.distance_km === null || r.distance_km > f.maxKm)) return false;
    if (f.ouvert && engine) {
      if (r.hours_computed) {
        if (f.ouvert === 'maintenant') return r.open_now === true;
        return r.current_opening !== null || r.next_openings.some((o) => o.start < until);
      }
      return openDuring(engine, { regular: e.hours, temporary: e.temporary }, now, until, days);
    }
    return true;
  };
}
