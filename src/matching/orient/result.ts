// A result as returned to the UI. Every field is plain data computed at once, except `reasons` — built on first
// read (replaying the checks, explain.ts) for results past the first places, then kept — and `travel_min`, worked
// out when read (thousands of results and excluded services are never shown). JSON.stringify includes them
// (`toJSON`); to send results to a worker or store them, go through JSON or `toJSON()`.
import type { Opening, Schedule } from '../hours/schedule.ts';
import type { ProfileField, Reason } from '../reasons.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { type TravelMinutes, travelByMode } from '../travel.ts';
import type { Evaluator } from './explain.ts';
import type { ResultAction, ServiceResult, StopResult, Verdict } from './types.ts';

const NO_FIELDS: readonly ProfileField[] = Object.freeze([]);
const NO_OPENINGS: readonly Opening[] = Object.freeze([]);

export interface ResultFields {
  id: string;
  structureId: string;
  /** The service's location is a commune centre. */
  locationApprox: boolean;
  verdict: Verdict;
  action: ResultAction | null;
  rank: number;
  score: number;
  /** NaN when unknown. */
  distance: number;
  /** The person's position is a commune centre. */
  approx: boolean;
  missing: ProfileField[] | undefined;
  schedule: Schedule | undefined;
  moved: boolean;
}

export class OrientResult implements ServiceResult {
  readonly service_id: string;
  readonly structure_id: string;
  readonly verdict: Verdict;
  readonly action: ResultAction | null;
  readonly rank: number;
  readonly score: number;
  readonly missing: ProfileField[];
  readonly distance_km: number | null;
  readonly distance_approximate: boolean;
  readonly hours_computed: boolean;
  readonly open_now: boolean | null;
  readonly current_opening: Opening | null;
  readonly next_openings: Opening[];
  readonly stop: StopResult | null;
  #reasons: Reason[] | null = null;
  readonly #entry: ServiceEntry;
  readonly #schedule: Schedule | undefined;
  readonly #moved: boolean;
  readonly #evaluator: Evaluator;

  constructor(entry: ServiceEntry, f: ResultFields, evaluator: Evaluator, eager: boolean) {
    this.service_id = f.id;
    this.structure_id = f.structureId;
    this.verdict = f.verdict;
    this.action = f.action;
    this.rank = f.rank;
    this.score = Math.round(f.score * 10) / 10;
    this.missing = (f.missing ?? NO_FIELDS) as ProfileField[];
    this.distance_km = Number.isNaN(f.distance) ? null : f.distance;
    this.distance_approximate = this.distance_km !== null && (f.approx || f.locationApprox);
    this.hours_computed = f.schedule !== undefined;
    this.open_now = f.schedule?.open_now ?? null;
    this.current_opening = f.schedule?.current ?? null;
    this.next_openings = (f.schedule?.next_openings ?? NO_OPENINGS) as Opening[];
    const stop = entry.stop;
    this.stop =
      stop === null
        ? null
        : {
            id: stop.id,
            nom: stop.nom ?? null,
            adresse: stop.adresse ?? null,
            commune: entry.communeName,
            code_insee: stop.code_insee,
          };
    this.#entry = entry;
    this.#schedule = f.schedule;
    this.#moved = f.moved;
    this.#evaluator = evaluator;
    if (eager) this.#reasons = this.#explain();
  }

  #explain(): Reason[] {
    return this.#evaluator.explain(this.#entry, this.#schedule, this.#moved).reasons ?? [];
  }

  get reasons(): Reason[] {
    this.#reasons ??= this.#explain();
    return this.#reasons;
  }

  /** Worked out on each read (a few multiplications): no field to fill for the thousands never read. */
  get travel_min(): TravelMinutes | null {
    return this.distance_km === null ? null : travelByMode(this.distance_km);
  }

  toJSON(): ServiceResult {
    return { ...this, reasons: this.reasons, travel_min: this.travel_min };
  }
}
