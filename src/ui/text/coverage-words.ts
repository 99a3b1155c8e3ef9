// The coverage figures in words, for the map's accessible names, the legend, the table and the exports. The pure
// module gives codes and numbers; every word comes from strings.ts.
import { communeByCode, LYON } from '../../domain/communes.ts';
import type { CoverageCell } from '../../matching/coverage/coverage.ts';
import type { GapCode, GapRules } from '../../matching/coverage/gaps.ts';
import { type Measure, type MeasureClass, measureValue } from '../../matching/coverage/measures.ts';
import { frCoverage } from '../coverage/strings-coverage.ts';
import { distance } from './fr-format.ts';

const C = frCoverage;
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const formatNumber = (n: number): string => number.format(n);

/** "Vénissieux", "Lyon 8e Arrondissement", and Lyon as a whole named so that it is not taken for one place. */
export function territoryName(code: string): string {
  if (code === LYON) return C.lyonTotal;
  return communeByCode(code)?.nom ?? code;
}

export function gapText(gap: GapCode, rules: GapRules): string {
  return gap === 'trop-loin' ? C.gaps[gap](formatNumber(rules.maxDistanceKm)) : C.gaps[gap];
}

export function gapsText(gaps: readonly GapCode[], rules: GapRules): string {
  return gaps.map((g) => gapText(g, rules)).join(', ');
}

/** The value of a measure for a territory, as a phrase ("3 services", "rien le week-end", "horaires inconnus"). */
export function valueText(cell: CoverageCell, measure: Measure): string {
  const value = measureValue(cell, measure);
  switch (measure) {
    case 'services':
      return C.value.services(cell.services);
    case 'inconditionnels':
      return C.value.inconditionnels(cell.unconditional);
    case 'pour10000':
      return C.value.pour10000(formatNumber(value ?? 0));
    case 'distance':
      return value === null ? C.value.noneAnywhere : C.value.distance(distance(value));
    case 'jours':
      if (cell.services === 0) return C.value.services(0);
      return value === null ? C.value.unknown : C.value.jours(value);
    case 'weekend':
    case 'soir':
      if (cell.services === 0) return C.value.services(0);
      return value === null ? C.value.unknown : C.value[measure](value === 1);
  }
}

/** A class of the legend in words ("de 2 à 3", "moins de 1 km", "oui"). */
export function classText(measure: Measure, c: MeasureClass): string {
  const min = c.min ?? 0;
  switch (measure) {
    case 'services':
    case 'inconditionnels':
      return min === 0 && c.max === 1 ? C.classes.zero : C.classes.count(min, c.max);
    case 'jours':
      return min === 0 && c.max === 1 ? C.classes.zero : C.classes.days(min, c.max);
    case 'pour10000':
      if (c.max !== null && c.max < 0.001) return C.classes.zero;
      return C.classes.rate(formatNumber(min < 0.001 ? 0 : min), c.max === null ? null : formatNumber(c.max));
    case 'distance':
      return c.max === null ? C.classes.far(formatNumber(min)) : C.classes.near(formatNumber(min), formatNumber(c.max));
    case 'weekend':
    case 'soir':
      return c.index === 0 ? C.classes.no : C.classes.yes;
  }
}
