// The coordinator's exports: the coverage matrix (every territory × every need, with the gaps under the current
// distance threshold) and the actors per territory, as CSV text for French spreadsheets (src/interop/csv.ts says
// why `;` and a BOM, and how no partner's name can run as a formula).
import { communeByCode, LYON } from '../../domain/communes.ts';
import { BESOINS } from '../../domain/vocabulary.ts';
import { type CsvCell, FRENCH_SPREADSHEET, toCsv } from '../../interop/csv.ts';
import type { Actor } from '../../matching/coverage/actors.ts';
import type { CoverageCell, CoverageMatrix } from '../../matching/coverage/coverage.ts';
import { type GapRules, gapsOf } from '../../matching/coverage/gaps.ts';
import { gapText, territoryName } from '../text/coverage-words.ts';
import { frCoverage } from './strings-coverage.ts';

const C = frCoverage;

const yesNo = (v: boolean | null): CsvCell => (v === null ? null : v ? C.yes : C.no);
const round = (n: number | null, digits: number): number | null =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

function matrixRow(cell: CoverageCell, rules: GapRules): CsvCell[] {
  const commune = communeByCode(cell.code);
  return [
    cell.code,
    territoryName(cell.code),
    commune?.population ?? null,
    BESOINS[cell.need].label,
    cell.services,
    cell.unconditional,
    cell.inQpv,
    cell.hoursKnown,
    cell.days,
    yesNo(cell.weekend),
    yesNo(cell.evening),
    round(cell.nearestKm, 1),
    round(cell.per10k, 2),
    gapsOf(cell, rules)
      .map((g) => gapText(g, rules))
      .join(', '),
  ];
}

/** One line per territory and need, territories in the reference order, needs in the vocabulary's order. */
export function coverageCsv(matrix: CoverageMatrix, rules: GapRules): string {
  const rows: CsvCell[][] = [];
  for (const [i, territory] of matrix.territories.entries()) {
    for (const need of matrix.needs) {
      const cell = matrix.byNeed.get(need)?.[i];
      if (cell && cell.code === territory.code_insee) rows.push(matrixRow(cell, rules));
    }
  }
  return toCsv([C.csv.matrix, ...rows], FRENCH_SPREADSHEET);
}

/**
 * One line per territory and partner working there. Lyon as a whole is left out: its arrondissements are listed,
 * and repeating their actors under Lyon would count them twice in a spreadsheet.
 */
export function actorsCsv(actors: ReadonlyMap<string, readonly Actor[]>, order: readonly string[]): string {
  const rows: CsvCell[][] = [];
  for (const code of order) {
    if (code === LYON) continue;
    for (const a of actors.get(code) ?? []) {
      rows.push([
        code,
        territoryName(code),
        a.nom,
        a.structureId,
        a.needs.map((n) => BESOINS[n].label).join(', '),
        a.services,
        a.unconditional ? C.yes : C.no,
        territoryName(a.homeCommune),
        a.telephone,
        a.courriel,
      ]);
    }
  }
  return toCsv([C.csv.actors, ...rows], FRENCH_SPREADSHEET);
}
