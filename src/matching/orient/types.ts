// What an orientation returns. Everything is data for the UI: verdicts, ranks, reason codes with parameters
// (reasons.ts), distances in km, instants in epoch ms and dates as Paris calendar days.
import type { HoursEngine } from '../hours/hours-engine.ts';
import type { Opening } from '../hours/schedule.ts';
import type { Mobility, ProfileField, Reason } from '../reasons.ts';
import type { TravelMinutes, TravelModel } from '../travel.ts';

export type Verdict = 'eligible' | 'to_check' | 'excluded';
/** What the user does to get the person in: `fiche_liaison`, send the partner's referral form. */
export type ResultAction = 'fiche_liaison';

export interface ServiceResult {
  service_id: string;
  structure_id: string;
  verdict: Verdict;
  /**
   * For a professional audience, a service on referral: the action to take (its reason has kind `action`). With
   * verdict `eligible` it is "eligible with an action": nothing to check, a fiche to send.
   */
  action: ResultAction | null;
  /** 1-based; results first, then the excluded services (which never rank above a result). */
  rank: number;
  /** Sum of the criteria's points, rounded to one decimal (see scoring.ts); comparable within one orientation. */
  score: number;
  reasons: Reason[];
  /** Profile fields that, given, could change this verdict (a "to check" becoming eligible or excluded). */
  missing: ProfileField[];
  /** As the crow flies; null without a location for the person or the service. */
  distance_km: number | null;
  /** One side is a commune centre rather than a position or a geocoded address. */
  distance_approximate: boolean;
  /** Estimated minutes by each mode from `distance_km` (Orientation.travel says how); null with no distance. */
  travel_min: TravelMinutes | null;
  /** Hours were computed for this result (the first `withHours` results at least, when an engine is given). */
  hours_computed: boolean;
  /** null when not computed or unknown (no published hours, rejected string). */
  open_now: boolean | null;
  current_opening: Opening | null;
  next_openings: Opening[];
  /**
   * A service that moves: the stop this result is about, its best for the person (distance, travel and openings
   * are the stop's); null for a fixed place.
   */
  stop: StopResult | null;
}

/** Where a service that moves stops: enough to say « place Guichard, Lyon 3e ». */
export interface StopResult {
  id: string;
  nom: string | null;
  adresse: string | null;
  commune: string;
  code_insee: string;
}

export interface MissingInfo {
  field: ProfileField;
  /** `verdict`: would decide "to check" services; `ranking`: would only reorder them. */
  effect: 'verdict' | 'ranking';
  /** Results it concerns. */
  services: number;
  /** Of which among the first `withHours` results. */
  in_top: number;
}

export interface Orientation {
  /** Eligible and "to check" services, ranked (stable tie-break by id), diverse on the first page. */
  results: ServiceResult[];
  /** Excluded services, nearest misses first (fewest excluding reasons, then score). */
  excluded: ServiceResult[];
  /** Most useful first. */
  missing_info: MissingInfo[];
  /** Services answering none of the needs (or hidden from this audience): not evaluated. */
  not_relevant: number;
  /** Where distances start from. */
  location: { commune: string | null; source: 'given' | 'position' | null; approximate: boolean };
  /** `not_loaded`: no hours engine was given, so open_now and openings are all null. */
  hours: 'computed' | 'not_loaded';
  /**
   * How travel times are estimated (straight line × detour ÷ speed + fixed time; travel.ts) and the mode the
   * ranking counted: the person's (`mode`), else the model's assumption.
   */
  travel: { mode: Mobility | null; counted_as: Mobility; model: TravelModel };
}

export interface OrientOptions {
  /** The hours engine (createHoursEngine); without it the orientation works, without hours. */
  hours?: HoursEngine;
  /**
   * Who orients. `professionnel` (default; a signed-in account): sees listings reserved to professionals, and a
   * service on referral is eligible with the action of sending the fiche de liaison. `public`: a person looking
   * by themselves, who does not see those listings and for whom a referral stays "to check".
   */
  audience?: 'professionnel' | 'public';
  /** Results guaranteed to have exact hours and an exact rank (default 50). */
  withHours?: number;
  /** Next openings per result (default 3). */
  openings?: number;
  /** Days scanned for openings (default 92: a monthly Th[3] shows its next three sessions). */
  horizonDays?: number;
  /** Professionals' own criteria to favour (`criteres` on services): a bonus and a reason, no filter. */
  criteres?: readonly string[];
}
