// Scoring and explaining with the same checks. Scoring every candidate builds no reason objects (most are never
// shown); the reasons of a result are built by replaying the checks in explaining mode, then its hours and its
// diversity move. The replay gives the same verdict and score as the scoring pass (a test checks it).
import {
  type Check,
  type Evaluation,
  info,
  newEvaluation,
  type OrientContext,
  type PreparedChecks,
  resetEvaluation,
  TO_CHECK,
} from '../criteria/criterion.ts';
import { scoreHours } from '../criteria/hours.ts';
import type { Schedule } from '../hours/schedule.ts';
import type { Person } from '../person.ts';
import { POINTS } from '../scoring.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { quantize } from './rank-key.ts';

export interface Evaluator {
  /** Runs the checks on `ev` (reset first); the score is quantized (rank-key.ts). */
  evaluate(entry: ServiceEntry, ev: Evaluation): void;
  /** Adds the hours' points of a schedule to an evaluated `ev`. */
  addHours(ev: Evaluation, schedule: Schedule): void;
  /** The full explanation of a service: its checks, its hours, its diversity move. */
  explain(entry: ServiceEntry, schedule: Schedule | undefined, moved: boolean): Evaluation;
}

export function evaluator(prepared: PreparedChecks, person: Person, ctx: OrientContext, avail: boolean): Evaluator {
  const { checks, concerns } = prepared;
  const n = checks.length;
  const evaluate = (entry: ServiceEntry, ev: Evaluation): void => {
    resetEvaluation(ev);
    const traits = entry.traits;
    for (let k = 0; k < n; k++) {
      const c = concerns[k] as number;
      if (c === 0 || (c & traits) !== 0) (checks[k] as Check)(entry, ev);
    }
    // "To check" services move down: a little for a step, more for a doubt on eligibility.
    if (ev.level === TO_CHECK) ev.score += ev.doubt ? POINTS.doubt : POINTS.toCheck;
    ev.score = quantize(ev.score);
  };
  const addHours = (ev: Evaluation, schedule: Schedule): void => {
    scoreHours(ev, schedule, person, ctx, avail);
    ev.score = quantize(ev.score);
  };
  return {
    evaluate,
    addHours,
    explain(entry, schedule, moved) {
      const ev = newEvaluation(true);
      evaluate(entry, ev);
      if (schedule) addHours(ev, schedule);
      if (moved) info(ev, 'moved_for_diversity', { structure_id: entry.structureId });
      return ev;
    },
  };
}
