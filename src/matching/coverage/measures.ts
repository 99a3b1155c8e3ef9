// The measures a coverage map can show, each as a value of a cell and a class among a few fixed steps. Fixed
// steps (not quantiles of the data) keep a colour meaning the same thing from one need or one sync to the next.
// Class 0 is always the worst case (nothing, or nothing known to be near), so the map can mark it with a pattern.
import type { CoverageCell } from './coverage.ts';
import type { GapCode } from './gaps.ts';

export const MEASURES = ['services', 'inconditionnels', 'jours', 'pour10000', 'distance', 'weekend', 'soir'] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureClass {
  /** 0 is the worst. */
  index: number;
  /** Lower bound included, upper bound excluded; null for an open end. For yes/no measures: 0 no, 1 yes. */
  min: number | null;
  max: number | null;
}

/** Bounds between classes, ascending; for distance, the classes run from far (worst) to near. */
const STEPS: Record<Exclude<Measure, 'weekend' | 'soir'>, readonly number[]> = {
  services: [1, 2, 4, 7],
  inconditionnels: [1, 2, 4, 7],
  jours: [1, 3, 5, 7],
  pour10000: [Number.MIN_VALUE, 1, 2, 5],
  distance: [1, 2, 5],
};

/**
 * The gaps a map of each measure marks with a pattern. All of them at once would hatch nearly the whole Métropole
 * (the distance rule alone fires in most communes outside Lyon): each map marks the gaps its measure is about, the
 * shapes' accessible names and the table list them all.
 */
export const GAPS_SHOWN: Record<Measure, readonly GapCode[]> = {
  services: ['aucun-service'],
  inconditionnels: ['aucun-service', 'aucun-inconditionnel'],
  jours: ['aucun-service'],
  pour10000: ['aucun-service'],
  distance: ['trop-loin'],
  weekend: ['aucun-service', 'pas-le-week-end'],
  soir: ['aucun-service'],
};

/** The value a measure shows for a cell; null when it is unknown (hours not known, no service anywhere…). */
export function measureValue(cell: CoverageCell, measure: Measure): number | null {
  switch (measure) {
    case 'services':
      return cell.services;
    case 'inconditionnels':
      return cell.unconditional;
    // No service at all: no day, no weekend, no evening (not "unknown").
    case 'jours':
      return cell.services === 0 ? 0 : cell.days;
    case 'pour10000':
      return cell.per10k;
    case 'distance':
      return cell.nearestKm;
    case 'weekend':
      return cell.services === 0 ? 0 : cell.weekend === null ? null : cell.weekend ? 1 : 0;
    case 'soir':
      return cell.services === 0 ? 0 : cell.evening === null ? null : cell.evening ? 1 : 0;
  }
}

/** The classes of a measure, worst first. */
export function measureClasses(measure: Measure): MeasureClass[] {
  if (measure === 'weekend' || measure === 'soir') {
    return [
      { index: 0, min: 0, max: 1 },
      { index: 1, min: 1, max: null },
    ];
  }
  const steps = STEPS[measure];
  const bounds = [0, ...steps];
  const classes = bounds.map((min, i) => ({ index: i, min, max: steps[i] ?? null }));
  if (measure !== 'distance') return classes;
  // Distance: far is worse. Classes from "farther than the last step" down to "under the first step".
  return bounds
    .map((_, i) => ({
      min: bounds[bounds.length - 1 - i] ?? 0,
      max: i === 0 ? null : (bounds[bounds.length - i] ?? null),
    }))
    .map((c, i) => ({ index: i, min: c.min, max: c.max }));
}

/** The class of a value; null when the value is unknown. A territory with no service anywhere near is class 0. */
export function classOf(measure: Measure, value: number | null): number | null {
  if (value === null) return measure === 'distance' ? 0 : null;
  for (const c of measureClasses(measure)) {
    if ((c.min === null || value >= c.min) && (c.max === null || value < c.max)) return c.index;
  }
  return null;
}
