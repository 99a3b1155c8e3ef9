import type { HoursTable } from '../../matching/hours/table-engine.ts';

/** The page's question to the hours worker: some hours strings over some Paris days (table-engine.ts). */
export interface HoursWorkerRequest {
  id: number;
  values: string[];
  days: string[];
}

/** Its answer (`failed`: it could not work them out; the page then loads the library itself). */
export type HoursWorkerReply = { id: number; table: HoursTable } | { id: number; failed: string };
