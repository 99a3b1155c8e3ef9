// The orientation: from a person's profile, the prepared directory and `now`, every relevant service with its
// verdict, score, rank, reasons, distance and hours. Pure and deterministic: the same inputs give the same output
// (no clock, no randomness; ties broken by service id). A service answering none of the person's needs is not a
// candidate (counted in `not_relevant`); when the needs are empty, every service is.
//
// Cost: one pass scores every candidate without building reasons (scan.ts); exact hours are computed for the
// candidates that can reach the first places (hours-phase.ts); reasons are built for the first places at once
// and for the others when read (result.ts).
import type { Profile } from '../../domain/profile.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { type OrientContext, prepareChecks } from '../criteria/criterion.ts';
import { availabilityFilter } from '../criteria/hours.ts';
import { derivePerson } from '../person.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import { TRAVEL_MODEL } from '../travel.ts';
import { CRITERIA } from './criteria-list.ts';
import { diversify } from './diversity.ts';
import { evaluator } from './explain.ts';
import { orderWithHours } from './hours-phase.ts';
import { missingInfo } from './missing-info.ts';
import { indexOfKey, rankKey } from './rank-key.ts';
import { OrientResult } from './result.ts';
import { scan } from './scan.ts';
import { firstStopOfEachService } from './stops.ts';
import type { Orientation, OrientOptions, Verdict } from './types.ts';

/** Places after the guaranteed ones that diversity may pull up. */
const DIVERSITY_SLACK = 10;
const VERDICTS: readonly Verdict[] = ['eligible', 'to_check', 'excluded'];

export function orient(
  profile: Profile,
  snapshot: DirectorySnapshot,
  now: number,
  options: OrientOptions = {},
): Orientation {
  const withHours = options.withHours ?? 50;
  const person = derivePerson(profile);
  const audience = options.audience ?? 'professionnel';
  const ctx: OrientContext = { now, today: parisDay(now), criteres: options.criteres ?? [], audience };
  const ev8r = evaluator(prepareChecks(CRITERIA, person, ctx), person, ctx, availabilityFilter(person) !== undefined);
  const s = scan(snapshot, person, ev8r, audience === 'public');

  const eager = withHours + DIVERSITY_SLACK;
  const ordered = orderWithHours(s, snapshot, person, ctx, ev8r, options.hours, {
    need: eager,
    openings: options.openings ?? 3,
    horizonDays: options.horizonDays ?? 92,
  });
  const moving = snapshot.stops.length > 0;
  const shown = new Set<string>();
  const once = moving ? firstStopOfEachService(ordered.order, snapshot, shown) : ordered.order;
  const { order, moved } = diversify(once, snapshot, s.tiers);

  const xKeys = new Float64Array(s.excluded.length);
  for (let i = 0; i < xKeys.length; i++) {
    const idx = s.excluded[i] as number;
    xKeys[i] = rankKey(s.blocks[idx] as number, s.score[idx] as number, idx);
  }
  xKeys.sort();
  const xOrder = Array.from(xKeys, indexOfKey);

  const approx = person.positionApprox;
  const { missing, level, action, score, distance } = s;
  const { schedules } = ordered;
  const make = (idx: number, rank: number, explainNow: boolean, excluded: boolean) => {
    const entry = snapshot.places[idx];
    if (entry === undefined) throw new Error(`No entry ${idx}`);
    const verdict = VERDICTS[level[idx] as number] as Verdict;
    const fields = {
      id: snapshot.ids[idx] as string,
      structureId: snapshot.structureIds[idx] as string,
      locationApprox: snapshot.locationApprox[idx] === 1,
      verdict,
      action: action[idx] === 1 && verdict !== 'excluded' ? ('fiche_liaison' as const) : null,
      rank,
      score: score[idx] as number,
      distance: distance[idx] as number,
      approx,
      missing: missing.size === 0 ? undefined : missing.get(idx),
      // Hours are computed and services moved for diversity among the results only.
      schedule: excluded ? undefined : schedules.get(idx),
      moved: !excluded && moved.size > 0 && moved.has(idx),
    };
    return new OrientResult(entry, fields, ev8r, explainNow);
  };
  const results = order.map((idx, i) => make(idx, i + 1, i < eager, false));
  const xShown = moving ? firstStopOfEachService(xOrder, snapshot, shown) : xOrder;
  const excluded = xShown.map((idx, i) => make(idx, results.length + i + 1, false, true));
  return {
    results,
    excluded,
    missing_info: missingInfo(order, s.missing, person, withHours, s.level),
    not_relevant: s.notRelevant,
    location: {
      commune: person.commune,
      source: person.communeSource,
      approximate: person.latitude !== null && person.positionApprox,
    },
    hours: options.hours ? 'computed' : 'not_loaded',
    travel: { mode: person.mobility, counted_as: person.travelMode, model: TRAVEL_MODEL },
  };
}
