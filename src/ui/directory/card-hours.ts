import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { SearchEntry } from '../../matching/search/search-entry.ts';
import { type HoursStatus, hoursStatus } from '../text/hours-status.ts';

/** What a card's hours are worked out from: all the page sends to the hours worker (src/ui/hours/). */
export type CardHoursEntry = Pick<SearchEntry, 'id' | 'hours' | 'temporary' | 'stopHours'>;

/** Open now or when next; for a service that moves, at its stop passing soonest (its structure's hours are not it). */
export function cardHours(engine: HoursEngine, entry: CardHoursEntry, now: number): HoursStatus {
  if (entry.stopHours === null)
    return hoursStatus(engine, { regular: entry.hours, temporary: entry.temporary }, now, 1);
  let best: HoursStatus | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const regular of entry.stopHours) {
    const status = hoursStatus(engine, { regular, temporary: entry.temporary }, now, 1);
    const at = status.open ? Number.NEGATIVE_INFINITY : (status.next[0]?.start ?? Number.POSITIVE_INFINITY);
    if (best === null || at < bestAt) {
      best = status;
      bestAt = at;
    }
  }
  return best ?? hoursStatus(engine, { regular: null, temporary: entry.temporary }, now, 1);
}
