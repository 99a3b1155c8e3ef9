// The coordinators' statistics over HTTP (server/http/stats-routes.ts): protected aggregates only, asked when a
// screen opens and online; nothing is kept on the device. Their CSV are written from the same answers, with
// the « < 5 » the server wrote.
import {
  type Evaluation,
  evaluationSchema,
  type OrientationStats,
  orientationStatsSchema,
} from '../../domain/evaluation.ts';
import { type CsvCell, FRENCH_SPREADSHEET, toCsv } from '../../interop/csv.ts';
import { type ApiRequestOptions, apiRequester } from '../../sync/referral-transport.ts';

export function statsClient(options: ApiRequestOptions) {
  const request = apiRequester(options);
  return {
    orientations: (): Promise<OrientationStats> => request(orientationStatsSchema, '/api/v1/stats/orientations'),
    evaluation: (months: number): Promise<Evaluation> =>
      request(evaluationSchema, `/api/v1/stats/evaluation?mois=${months}`),
  };
}

export type StatsClient = ReturnType<typeof statsClient>;

export type Cell = OrientationStats['cells'][number];

/** A protected count for sorting: « < 5 » below every shown count. */
export const rankOf = (n: number | string) => (typeof n === 'number' ? n : -1);

export function demandCsv(
  cells: readonly Cell[],
  header: readonly string[],
  names: { territory: (code: string | null) => string; need: (need: string) => string },
): string {
  const rows: CsvCell[][] = cells.map((c) => [
    c.commune,
    names.territory(c.commune),
    names.need(c.need),
    c.month,
    c.orientations,
    c.sans_reponse,
  ]);
  return toCsv([[...header], ...rows], FRENCH_SPREADSHEET);
}
