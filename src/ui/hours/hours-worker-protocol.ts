import type { HoursTable } from '../../matching/hours/table-engine.ts';
import type { CardHoursEntry } from '../directory/card-hours.ts';
import type { HoursStatus } from '../text/hours-status.ts';

/**
 * The page's questions to the hours worker: the Annuaire cards' hours, or a table of strings over days (a partner
 * sheet's hours, src/matching/hours/table-engine.ts).
 */
export type HoursWorkerRequest =
  | { id: number; kind: 'cards'; now: number; entries: CardHoursEntry[] }
  | { id: number; kind: 'table'; values: string[]; days: string[] };

/** Its answers (`failed`: it could not work them out; the page then loads the library itself). */
export type HoursWorkerReply =
  | { id: number; statuses: Array<[string, HoursStatus]> }
  | { id: number; table: HoursTable }
  | { id: number; failed: string };
