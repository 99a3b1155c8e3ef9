// The scoring pass: every relevant service through every check, with one reused Evaluation and the outcome in
// typed arrays indexed by entry — no object per service, so 50,000 services cost no garbage collection.
import { EXCLUDED, newEvaluation } from '../criteria/criterion.ts';
import { maskOfNeeds } from '../needs.ts';
import type { Person } from '../person.ts';
import type { ProfileField } from '../reasons.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { Evaluator } from './explain.ts';
import { MAX_SERVICES, tiersOf } from './rank-key.ts';

/** Needs for which a baby parcel is suggested when the household has a child under 2. */
const FOOD_NEEDS = maskOfNeeds(['aide-alimentaire', 'epicerie-solidaire', 'repas', 'bebe']);

export interface Scan {
  /** Place indices (snapshot.ts `entryAt`), in directory order. */
  candidates: Int32Array;
  excluded: Int32Array;
  /** By place index (only meaningful for scanned places). */
  score: Float64Array;
  level: Uint8Array;
  blocks: Uint8Array;
  /** Rank tiers (rank-key.ts `tiersOf`); the hours phase adds the lateness (hours-phase.ts). */
  tiers: Uint8Array;
  /** 1: eligible with an action (a professional sends the fiche de liaison). */
  action: Uint8Array;
  /** NaN when unknown. */
  distance: Float64Array;
  missing: Map<number, ProfileField[]>;
  notRelevant: number;
}

export function scan(snapshot: DirectorySnapshot, person: Person, ev8r: Evaluator, publicOnly: boolean): Scan {
  const places = snapshot.places;
  const n = places.length;
  if (n > MAX_SERVICES) throw new RangeError(`At most ${MAX_SERVICES} services per directory (${n})`);
  const score = new Float64Array(n);
  const level = new Uint8Array(n);
  const blocks = new Uint8Array(n);
  const tiers = new Uint8Array(n);
  const action = new Uint8Array(n);
  const distance = new Float64Array(n);
  const candidates = new Int32Array(n);
  const excluded = new Int32Array(n);
  const missing = new Map<number, ProfileField[]>();
  let nc = 0;
  let nx = 0;
  let notRelevant = 0;
  const wanted = person.needsMask;
  const suggestBaby = person.youngChild === true && (wanted & FOOD_NEEDS) !== 0;
  const ev = newEvaluation(false);
  const { needsMasks, babyParcel, itinerant } = snapshot;
  const services = snapshot.entries.length;

  for (let i = 0; i < n; i++) {
    // A service that moves is a candidate at its stops, not at its structure's address.
    if (itinerant[i] === 1) continue;
    // Only the services count in `notRelevant`, not their stops.
    const service = i < services;
    // The needs are compared in a compact array: the entries of the places answering none are not touched.
    const relevant = wanted === 0 || ((needsMasks[i] as number) & wanted) !== 0 || (suggestBaby && babyParcel[i] === 1);
    if (!relevant) {
      if (service) notRelevant++;
      continue;
    }
    const entry = places[i];
    if (entry === undefined) continue;
    if (publicOnly && entry.professionalOnly) {
      if (service) notRelevant++;
      continue;
    }
    ev8r.evaluate(entry, ev);
    score[i] = ev.score;
    level[i] = ev.level;
    blocks[i] = ev.blocks;
    tiers[i] = tiersOf(0, ev.beyondReach, ev.secondary);
    if (ev.action) action[i] = 1;
    distance[i] = ev.distanceKm ?? Number.NaN;
    if (ev.missing !== null) missing.set(i, ev.missing);
    if (ev.level === EXCLUDED) excluded[nx++] = i;
    else candidates[nc++] = i;
  }
  return {
    candidates: candidates.subarray(0, nc),
    excluded: excluded.subarray(0, nx),
    score,
    level,
    blocks,
    tiers,
    action,
    distance,
    missing,
    notRelevant,
  };
}
