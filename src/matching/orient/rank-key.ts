// Orders as numbers: a candidate's rank key packs (primary, score, entry index) into one float64, so ranking
// thousands of services is one numeric sort of a Float64Array (no comparator, no object per service). Scores are
// kept to 1/1000 of a point (see `quantize`): two services closer than that tie, and the tie goes to the entry
// index, which is the order of service ids (snapshot.ts sorts them). Holds up to 2^20 services per directory.

const INDEX_SPACE = 2 ** 20;
const SCORE_OFFSET = 1_000_000;
const PRIMARY_SPACE = 2 ** 42;

export const MAX_SERVICES = INDEX_SPACE;

/** Scores at 1/1000 of a point: the precision ranks are decided at, identical in every pass. */
export function quantize(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Ascending keys give: lower `primary` first, then higher score, then lower index. */
export function rankKey(primary: number, score: number, index: number): number {
  return primary * PRIMARY_SPACE + (SCORE_OFFSET - Math.round(score * 1000)) * INDEX_SPACE + index;
}

export function indexOfKey(key: number): number {
  return key % INDEX_SPACE;
}

/**
 * A candidate's rank tiers as one primary (lower first), each deciding before the next and all before the score:
 * lateness against the urgency (0–2, criteria/hours.ts), beyond the mode's reach (criteria/distance.ts), only a
 * second answer to the needs (criteria/needs.ts). Without an hours engine every lateness is 0; orient/hours-phase.ts
 * says when it is known.
 */
export function tiersOf(lateness: number, beyondReach: boolean, secondary: boolean): number {
  return withLateness((beyondReach ? 2 : 0) + (secondary ? 1 : 0), lateness);
}

/** Tiers made with lateness 0, once the lateness is known. */
export function withLateness(tiers: number, lateness: number): number {
  return tiers + lateness * 4;
}
