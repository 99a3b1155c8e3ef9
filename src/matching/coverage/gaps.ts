// What is missing where ("repérer les manques"): the gap rules the coordinator's screen highlights, as codes the
// UI turns into words. Rules do not repeat each other: with no service at all, "none unconditional" and "none
// open at weekends" say nothing more and are left out; distance is judged on its own, since the nearest service
// may be just over the commune's border.
import type { CoverageCell } from './coverage.ts';

export const GAP_CODES = ['aucun-service', 'aucun-inconditionnel', 'trop-loin', 'pas-le-week-end'] as const;
export type GapCode = (typeof GAP_CODES)[number];

export interface GapRules {
  /** A service of the need should be within this distance of the commune's centre (km, as the crow flies). */
  maxDistanceKm: number;
}

export const DEFAULT_MAX_DISTANCE_KM = 3;

export function gapsOf(cell: CoverageCell, rules: GapRules): GapCode[] {
  const gaps: GapCode[] = [];
  if (cell.services === 0) gaps.push('aucun-service');
  else if (cell.unconditional === 0) gaps.push('aucun-inconditionnel');
  if (cell.nearestKm === null || cell.nearestKm > rules.maxDistanceKm) gaps.push('trop-loin');
  // Unknown hours (none published, or the engine not loaded yet) are not a gap: they are shown as unknown.
  if (cell.services > 0 && cell.weekend === false) gaps.push('pas-le-week-end');
  return gaps;
}
