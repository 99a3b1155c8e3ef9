// Why a service got its verdict and its place: reasons are DATA — a code, a kind and typed parameters — never
// French sentences. The UI turns each code into words (and can switch exhaustively on `Reason['code']`); tests
// and the referral sheet read the same data. Add codes, never rename one (saved orientations may hold them).

import type { QualiteAlimentaire } from '../domain/food-quality.ts';
import type { Profile } from '../domain/profile.ts';
import type { Service } from '../domain/service.ts';
import type { NeedValue } from '../domain/vocabulary.ts';

type Eligibilite = Service['eligibilite'];
export type PublicValue = Eligibilite['publics'][number];
export type FamilySituation = NonNullable<Eligibilite['situations_familiales']>[number];
export type AdministrativeSituation = NonNullable<Eligibilite['situations_administratives']>[number];
export type ResourcesValue = NonNullable<Eligibilite['ressources']>[number];
export type Document = Eligibilite['justificatifs'][number];
export type Channel = Service['fiche_liaison']['canaux'][number];
export type Diet = Service['regimes'][number];
export type Language = NonNullable<Service['langues']>[number];
export type Mobility = NonNullable<Profile['mobilite']>['mode'];
export type Urgency = NonNullable<Profile['urgence']>;
type Empty = Record<string, never>;

/**
 * How a reason weighs: `excludes` makes the service excluded; `to_check` makes it "to check" (eligibility depends
 * on information not given, or access needs a referral, an appointment or a registration); `action` leaves it
 * eligible with a step the user takes (a professional sends the fiche de liaison: `ServiceResult.action`); `plus`
 * and `minus` moved it up or down; `info` is worth showing and changes nothing.
 */
export type ReasonKind = 'excludes' | 'to_check' | 'action' | 'plus' | 'minus' | 'info';

/**
 * Every reason code with its parameters. Instants are epoch ms; dates are Paris calendar dates `YYYY-MM-DD`.
 * Parameters may be shared between results (and with the directory's records): never mutate them.
 */
export interface ReasonParams {
  // Listing
  listing_not_validated: Empty;
  // Needs and what the person can do with the food
  covers_needs: { needs: readonly NeedValue[]; of: number };
  /** Not a first answer to any need (needs.ts FIRST_ANSWERS); `needs` may be empty (a suggestion beside them). */
  secondary_answer: { needs: readonly NeedValue[] };
  needs_cooking: { inferred: boolean };
  ready_to_eat: Empty;
  // Age, gender
  age_min: { min: number };
  age_max: { max: number };
  age_unknown: { min: number | null; max: number | null };
  age_match: { min: number | null; max: number | null };
  gender_reserved: { genre: 'femmes' | 'hommes' };
  gender_unknown: { genre: 'femmes' | 'hommes' };
  gender_match: { genre: 'femmes' | 'hommes' };
  // Family; baby food
  family_situation: { accepted: readonly FamilySituation[] };
  family_unknown: { accepted: readonly FamilySituation[] };
  family_match: { situation: FamilySituation; inferred: boolean };
  young_child: { age: number | null };
  no_young_child: Empty;
  young_child_unknown: Empty;
  // Administrative situation, resources, residence
  administrative_situation: { accepted: readonly AdministrativeSituation[] };
  administrative_unknown: { accepted: readonly AdministrativeSituation[] };
  administrative_match: { situation: AdministrativeSituation };
  resources_not_accepted: { accepted: readonly ResourcesValue[] };
  resources_unknown: { accepted: readonly ResourcesValue[] };
  resources_match: { ressources: ResourcesValue };
  zone_outside: { communes: readonly string[]; qpv: readonly string[] };
  zone_unknown: { communes: readonly string[]; qpv: readonly string[] };
  zone_no_fixed_address: { communes: readonly string[]; qpv: readonly string[] };
  zone_match: { commune: string | null; qpv: string | null };
  // Publics the service receives
  public_exclusive: { publics: readonly PublicValue[] };
  public_preferred: { publics: readonly PublicValue[] };
  public_exclusive_mismatch: { publics: readonly PublicValue[] };
  public_exclusive_unverified: { publics: readonly PublicValue[] };
  unconditional: Empty;
  // How to get in
  needs_referral: { fiche: boolean; canaux: readonly Channel[] };
  needs_appointment: Empty;
  needs_registration: Empty;
  direct_access: Empty;
  documents_required: { documents: readonly Document[] };
  document_may_be_missing: { document: Document };
  slow_access_for_urgency: { urgence: Urgency };
  // Diet, languages
  diet_supported: { regimes: readonly Diet[] };
  diet_not_declared: { regimes: readonly Diet[] };
  /** What the partner declares of its food, when the worker asks to favour quality food. */
  food_quality: { qualites: readonly QualiteAlimentaire[] };
  food_quality_not_declared: Empty;
  language_spoken: { langues: readonly Language[] };
  language_not_spoken: { langues: readonly Language[] };
  // Distance (the km themselves are in ServiceResult.distance_km)
  distance_beyond_max: { km: number; max: number };
  /** Beyond the mode's usual reach (travel.ts); `typical_km` is that reach as the crow flies. */
  distance_beyond_mobility: { km: number; mode: Mobility | null; typical_km: number };
  remote_possible: Empty;
  // Price
  free: Empty;
  solidarity_price: { min: number | null; max: number | null };
  paid: Empty;
  // Hours and temporary information
  closed_until: { until: string | null };
  exceptional_hours: { until: string | null };
  open_now: { until: number };
  opens_today: { at: number };
  opens_this_week: { at: number };
  not_open_today: { next: number | null };
  not_open_this_week: { next: number | null };
  no_opening_soon: Empty;
  opening_in_availability: { at: number };
  no_opening_in_availability: Empty;
  hours_unknown: Empty;
  hours_to_confirm: { comment: string | null };
  // Freshness, saturation
  verified_recently: { months: number };
  verification_due: { months: number };
  listing_obsolete: { months: number };
  never_verified: { months_since_change: number };
  places_available: Empty;
  places_limited: Empty;
  waiting_list: Empty;
  // Ranking
  moved_for_diversity: { structure_id: string };
  // What professionals know that the listing does not say (hints, never exclusions)
  mdm_recommended: { commune: string };
  colleague_criteria: { criteres: readonly string[] };
  // Épiceries' ceilings on the reste à vivre (€ per person per day) or the CAF quotient familial (€).
  // `value` is the person's figure; `estimated`: a QF computed on the device, not read on the CAF attestation.
  amount_above: { indicator: AmountIndicator; max: number; value: number };
  amount_above_estimate: { indicator: AmountIndicator; max: number; value: number };
  amount_unknown: { indicator: AmountIndicator; max: number };
  amount_match: { indicator: AmountIndicator; max: number; value: number; estimated: boolean };
}

export type AmountIndicator = 'reste_a_vivre' | 'quotient_familial';

export type ReasonCode = keyof ReasonParams;

/** One reason: `{ code: 'age_max', kind: 'excludes', params: { max: 25 } }`. */
export type Reason = { [C in ReasonCode]: { code: C; kind: ReasonKind; params: ReasonParams[C] } }[ReasonCode];

/**
 * Profile fields the matcher may say are missing: giving them could change a verdict. `foyer` covers the
 * children's ages, `lieu` the commune or position, `code_qpv` the QPV, `budget` the resources and charges.
 */
export type ProfileField =
  | 'lieu'
  | 'code_qpv'
  | 'age'
  | 'genre'
  | 'foyer'
  | 'situation_familiale'
  | 'situation_administrative'
  | 'ressources'
  | 'mobilite'
  | 'langues'
  | 'regimes'
  | 'peut_cuisiner'
  | 'disponibilites'
  | 'urgence'
  | 'emploi'
  | 'handicap'
  | 'budget';

export function reason<C extends ReasonCode>(code: C, kind: ReasonKind, params: ReasonParams[C]): Reason {
  return { code, kind, params } as Reason;
}
