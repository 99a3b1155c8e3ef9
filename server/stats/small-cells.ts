// Counts that could point at a person are never shown under a threshold: in a commune, a need and a month, two
// orientations are two families a neighbour may know. Every count under SMALL_CELL (zero included, so that « none »
// and « a few » look alike) is written « < 5 » on screen, in CSV and over HTTP.
export const SMALL_CELL = 5;
export const SUPPRESSED = '< 5';
export type Protected = number | typeof SUPPRESSED;

export function protect(n: number): Protected {
  return n < SMALL_CELL ? SUPPRESSED : n;
}

/**
 * Which communes a reader may see figures for: null is the whole Métropole (coordinators today). A coordinator's
 * territory (a set of communes and arrondissements) plugs in here, and every statistics route goes through it.
 */
export type Territory = ReadonlySet<string> | null;

export function inTerritory(territory: Territory, commune: string | null | undefined): boolean {
  if (territory === null) return true;
  return commune !== null && commune !== undefined && territory.has(commune);
}
