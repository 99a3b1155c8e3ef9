// The contract of a criterion: once per orientation, `prepare` looks at the person (and the options) and returns
// the check to run on each service — or null when the profile gives it nothing to do. A check only appends to
// the service's Evaluation: it can exclude, make "to check", move the score, and give reasons. Criteria never see
// each other's results: the verdict is the worst one, the score the sum, so their order does not matter.
import type { Person } from '../person.ts';
import type { ProfileField, Reason, ReasonCode, ReasonParams } from '../reasons.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';

export const ELIGIBLE = 0;
export const TO_CHECK = 1;
export const EXCLUDED = 2;
export type VerdictLevel = typeof ELIGIBLE | typeof TO_CHECK | typeof EXCLUDED;

/**
 * What the checks of one service produce. During the scoring pass one Evaluation is reused for every service
 * (`resetEvaluation`) and its outcome copied out, so scoring 50,000 services allocates almost nothing.
 */
export interface Evaluation {
  level: VerdictLevel;
  /** Sum of the criteria's points (see scoring.ts for the scale). */
  score: number;
  /**
   * The reasons, when explaining; null when only scoring. An orientation first scores every candidate without
   * building reasons (most are never shown), then replays the same checks to explain the results it returns —
   * so a check must do the same to `level`, `score` and `missing` in both modes, and should build costly
   * reason parameters only when `explaining(ev)`.
   */
  reasons: Reason[] | null;
  /** Profile fields whose value could change this verdict; null while none (a fresh array when set). */
  missing: ProfileField[] | null;
  /** Number of excluding reasons (kept in both modes: the excluded are ordered by it). */
  blocks: number;
  /** As the crow flies, set by the distance criterion; null when unknown. */
  distanceKm: number | null;
  /** "To check" for a doubt (information not given, a document that may be missing), not only for a step. */
  doubt: boolean;
  /** Eligible with an action the user takes: a professional sends the partner's fiche de liaison. */
  action: boolean;
  /** Rank tiers (orient/rank-key.ts `tiersOf`): beyond the mode's usual reach; only a secondary answer. */
  beyondReach: boolean;
  secondary: boolean;
}

export function newEvaluation(explain: boolean): Evaluation {
  // One literal with every field (the same shape as resetEvaluation leaves): the checks read and write these
  // fields for every candidate, in-object properties keep that cheap.
  return {
    level: ELIGIBLE,
    score: 0,
    reasons: explain ? [] : null,
    missing: null,
    blocks: 0,
    distanceKm: null,
    doubt: false,
    action: false,
    beyondReach: false,
    secondary: false,
  };
}

/** Makes a reused evaluation blank again (scoring mode). */
export function resetEvaluation(ev: Evaluation): void {
  ev.level = ELIGIBLE;
  ev.score = 0;
  ev.missing = null;
  ev.blocks = 0;
  ev.distanceKm = null;
  ev.doubt = false;
  ev.action = false;
  ev.beyondReach = false;
  ev.secondary = false;
}

/** Shared parameters of reasons that have none (frozen: never mutate reason parameters). */
export const NONE: Record<string, never> = Object.freeze({});

export interface OrientContext {
  /** The instant of the orientation (epoch ms) and its Paris calendar day. */
  now: number;
  today: string;
  /** Professionals' own criteria the worker selected: hints for the ranking, never filters. */
  criteres: readonly string[];
  /** Who orients (OrientOptions.audience): a professional sends fiches de liaison. */
  audience: 'professionnel' | 'public';
}

export type Check = (entry: ServiceEntry, ev: Evaluation) => void;

export interface Criterion {
  name: string;
  /**
   * When the criterion acts only on services with some condition or fact (a zone, an age limit, temporary
   * information…): those traits (snapshot-entry.ts `TRAIT`). Its check is then not run on a service with none of
   * them, in either mode. Absent: it is run on every service.
   */
  concerns?: number;
  prepare(person: Person, ctx: OrientContext): Check | null;
}

/** The checks of one orientation, each with the traits it is run for (`concerns`; 0: every service). */
export interface PreparedChecks {
  checks: readonly Check[];
  concerns: readonly number[];
}

export function prepareChecks(criteria: readonly Criterion[], person: Person, ctx: OrientContext): PreparedChecks {
  const checks: Check[] = [];
  const concerns: number[] = [];
  for (const c of criteria) {
    const check = c.prepare(person, ctx);
    if (check === null) continue;
    checks.push(check);
    concerns.push(c.concerns ?? 0);
  }
  return { checks, concerns };
}

/** True when reasons are being collected: build costly parameters only then. */
export function explaining(ev: Evaluation): boolean {
  return ev.reasons !== null;
}

export function exclude<C extends ReasonCode>(ev: Evaluation, code: C, params: ReasonParams[C]): void {
  ev.level = EXCLUDED;
  ev.blocks++;
  ev.reasons?.push({ code, kind: 'excludes', params } as Reason);
}

/** Eligibility is in doubt: it depends on `field`, which the profile does not give (null: on something else). */
export function toCheck<C extends ReasonCode>(
  ev: Evaluation,
  code: C,
  params: ReasonParams[C],
  field: ProfileField | null,
): void {
  if (ev.level === ELIGIBLE) ev.level = TO_CHECK;
  ev.doubt = true;
  ev.reasons?.push({ code, kind: 'to_check', params } as Reason);
  if (field !== null) markMissing(ev, field);
}

/** Access needs a step the person cannot be sure of taking from here (referral, appointment, registration). */
export function step<C extends ReasonCode>(ev: Evaluation, code: C, params: ReasonParams[C]): void {
  if (ev.level === ELIGIBLE) ev.level = TO_CHECK;
  ev.reasons?.push({ code, kind: 'to_check', params } as Reason);
}

/** Eligible, with an action the user takes (kind `action`): the verdict does not change. */
export function action<C extends ReasonCode>(ev: Evaluation, code: C, params: ReasonParams[C]): void {
  ev.action = true;
  ev.reasons?.push({ code, kind: 'action', params } as Reason);
}

/** Records one more field that could change the verdict, without a reason of its own. */
export function markMissing(ev: Evaluation, field: ProfileField): void {
  if (ev.missing === null) ev.missing = [field];
  else if (!ev.missing.includes(field)) ev.missing.push(field);
}

/** Moves the score by `points` with a reason (`plus` when positive, `minus` otherwise). */
export function adjust<C extends ReasonCode>(ev: Evaluation, points: number, code: C, params: ReasonParams[C]): void {
  ev.score += points;
  ev.reasons?.push({ code, kind: points > 0 ? 'plus' : 'minus', params } as Reason);
}

export function info<C extends ReasonCode>(ev: Evaluation, code: C, params: ReasonParams[C]): void {
  ev.reasons?.push({ code, kind: 'info', params } as Reason);
}
