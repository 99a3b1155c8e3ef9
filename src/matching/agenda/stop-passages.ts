// The passages of services that move between two instants: each stop's openings (its own hours, the service's
// closures and exceptional hours applied), for the agenda beside the programme's actions. Pure; computed on the
// device from the directory snapshot, so it works offline. Listings awaiting validation are left out.
import { zoneCovers } from '../../domain/communes.ts';
import { DAY_MS, daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { computeSchedule, type Opening } from '../hours/schedule.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';

export interface StopPassage {
  /** The stop (snapshot.ts `stops`): its service, its place and its hours. */
  stop: ServiceEntry;
  opening: Opening;
}

/** A passage is listed from `from` (one in progress too) until it starts at `to` or later. */
export function stopPassagesBetween(
  snapshot: DirectorySnapshot,
  engine: HoursEngine,
  from: number,
  to: number,
  filters: { code_insee?: string } = {},
): StopPassage[] {
  const days = daysFrom(parisDay(from), Math.ceil((to - from) / DAY_MS) + 1);
  const out: StopPassage[] = [];
  for (const stop of snapshot.stops) {
    if (!stop.published || stop.hours === null) continue;
    if (filters.code_insee !== undefined && !zoneCovers(filters.code_insee, stop.communeCode)) continue;
    const window = { now: from, days };
    const s = computeSchedule(engine, { regular: stop.hours, temporary: stop.temporary }, window, days.length * 4);
    for (const opening of s.current ? [s.current, ...s.next_openings] : s.next_openings) {
      if (opening.start < to) out.push({ stop, opening });
    }
  }
  return out.sort((a, b) => a.opening.start - b.opening.start || a.stop.nom.localeCompare(b.stop.nom, 'fr'));
}
