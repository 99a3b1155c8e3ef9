// The evaluation's figures as the screen and its CSV read them: one series per indicator and team over the months,
// each value a number, « < 5 » (a protected count) or null (not computed). Pure, tested beside the screen.
import type { Evaluation, EvaluationRow } from '../../domain/evaluation.ts';
import { MOTIFS_REFUS_ORIENTATION } from '../../domain/vocabulary.ts';
import { type CsvCell, FRENCH_SPREADSHEET, toCsv } from '../../interop/csv.ts';

export const INDICATORS = [
  'orientations',
  'orientations_sans_reponse',
  'fiches_envoyees',
  'fiches_acceptees',
  'fiches_refusees',
  'delai_reponse_median_jours',
  'fiches_verifiees_6_mois',
  'campagnes_completion',
  'signalements_ouverts',
  'signalements_clos',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export type Value = number | '< 5' | null;
export interface Point {
  month: string;
  value: Value;
}

/** Indicators given for the whole Métropole only (a listing or a campaign belongs to no team). */
export const METROPOLE_ONLY: ReadonlySet<Indicator> = new Set(['fiches_verifiees_6_mois', 'campagnes_completion']);

export function teamsOf(evaluation: Evaluation): Array<{ id: string | null; name: string }> {
  const seen = new Map<string | null, string>();
  for (const row of evaluation.lignes) if (!seen.has(row.equipe_id)) seen.set(row.equipe_id, row.equipe);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function series(evaluation: Evaluation, team: string | null, indicator: Indicator): Point[] {
  return evaluation.lignes
    .filter((row) => row.equipe_id === team)
    .map((row) => ({ month: row.mois, value: row[indicator] as Value }));
}

/** The tallest bar's value: protected counts are drawn at 4 at most (their true value is under 5). */
export function scaleOf(points: readonly Point[]): number {
  return Math.max(4, ...points.map((p) => (typeof p.value === 'number' ? p.value : 0)));
}

function motifCells(row: EvaluationRow): CsvCell[][] {
  return Object.entries(row.motifs_refus).map(([motif, n]) => [
    row.equipe,
    row.mois,
    `Refusées : ${MOTIFS_REFUS_ORIENTATION[motif as keyof typeof MOTIFS_REFUS_ORIENTATION] ?? motif}`,
    n,
  ]);
}

/** One line per team, month and indicator (refusals by reason included), as the screen shows them. */
export function evaluationCsv(evaluation: Evaluation, header: readonly string[], label: (i: Indicator) => string) {
  const rows: CsvCell[][] = [];
  for (const row of evaluation.lignes) {
    for (const indicator of INDICATORS) {
      const value = row[indicator] as Value;
      if (value === null && METROPOLE_ONLY.has(indicator) && row.equipe_id !== null) continue;
      rows.push([row.equipe, row.mois, label(indicator), value]);
    }
    rows.push(...motifCells(row));
  }
  return toCsv([[...header], ...rows], FRENCH_SPREADSHEET);
}
