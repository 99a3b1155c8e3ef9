// Every reason of the matcher (src/matching/reasons.ts: a code and typed parameters) as one plain French
// sentence. The switch is exhaustive: a code added to the matcher without a sentence here fails to compile
// (`unreachable`). Labels of enumerations come from vocabulary.ts; sentences from strings.ts (amounts' from
// strings-profile.ts, a lazy module).
import { communeByCode, LYON } from '../../domain/communes.ts';
import { PRICE_WORDS_FR, priceText } from '../../domain/price-words.ts';
import type { Tarif } from '../../domain/service.ts';
import {
  BESOINS,
  CANAUX_LIAISON,
  GENRES_ACCUEILLIS,
  JUSTIFICATIFS,
  LANGUES,
  MOBILITES,
  REGIMES,
  RESSOURCES,
  SATURATION,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_FAMILIALES,
  TARIFS,
  URGENCES,
} from '../../domain/vocabulary.ts';
import { PUBLICS } from '../../domain/vocabulary-data-inclusion.ts';
import type { Opening } from '../../matching/hours/schedule.ts';
import type { Reason } from '../../matching/reasons.ts';
import { and, capitalised, date, distance, inSentence, or, time, when } from './fr-format.ts';
import { frFood, QUALITES_LABELS } from './strings-food.ts';
import { frProfile } from './strings-profile.ts';
import { frReasons } from './strings-reasons.ts';

export interface ReasonContext {
  /** The instant of the orientation: "demain" is relative to it. */
  now: number;
  /** The result's openings (current and next): a start found there gets its end ("demain … de 9h à 12h"). */
  openings?: readonly Opening[];
  /** The service's price: its amounts say more than the matcher's reason (« Panier à 7 € au lieu de 18 € »). */
  tarif?: Tarif;
}

const R = frReasons;
const A = frProfile.reasons;

function unreachable(value: never): never {
  throw new Error(`Motif sans phrase : ${JSON.stringify(value)}`);
}

function labels<K extends string>(table: Readonly<Record<K, string>>, values: readonly K[]): string[] {
  return values.map((v) => table[v] ?? v);
}

function communeName(code: string): string {
  if (code === LYON) return 'Lyon';
  const commune = communeByCode(code);
  return commune ? commune.nom.replace(/ Arrondissement$/, '') : code;
}

function places(communes: readonly string[], qpv: readonly string[]): string {
  return and([...communes.map(communeName), ...qpv.map(R.zoneQpv)]);
}

/** "demain mercredi 4 novembre de 9h à 12h" when the opening starting at `at` is known, else "… à 9h". */
function slot(at: number, ctx: ReasonContext): string {
  const o = ctx.openings?.find((x) => x.start === at);
  return when(at, ctx.now, o?.end);
}

/** The price as the listing says it; from the reason alone (kind, share of the shop price) without it. */
function price(reason: Extract<Reason, { code: 'free' | 'solidarity_price' | 'paid' }>, ctx: ReasonContext): string {
  if (ctx.tarif) return priceText(ctx.tarif);
  if (reason.code !== 'solidarity_price' || (reason.params.min === null && reason.params.max === null)) {
    return TARIFS[reason.code === 'free' ? 'gratuit' : reason.code === 'paid' ? 'payant' : 'solidaire'];
  }
  return PRICE_WORDS_FR.share(reason.params.min ?? undefined, reason.params.max ?? undefined);
}

export function reasonText(reason: Reason, ctx: ReasonContext): string {
  switch (reason.code) {
    case 'listing_not_validated':
      return R.listing_not_validated;
    case 'covers_needs':
      return R.covers_needs(and(reason.params.needs.map((n) => BESOINS[n].label)));
    case 'secondary_answer':
      return R.secondary_answer(
        reason.params.needs.length > 0 ? and(reason.params.needs.map((n) => BESOINS[n].label)) : null,
      );
    case 'needs_cooking':
      return R.needs_cooking(reason.params.inferred);
    case 'ready_to_eat':
      return R.ready_to_eat;
    case 'age_min':
      return R.age_min(reason.params.min);
    case 'age_max':
      return R.age_max(reason.params.max);
    case 'age_unknown':
      return R.age_unknown(R.ageRange(reason.params.min, reason.params.max));
    case 'age_match':
      return R.age_match(R.ageRange(reason.params.min, reason.params.max));
    case 'gender_reserved':
      return R.gender_reserved(GENRES_ACCUEILLIS[reason.params.genre]);
    case 'gender_unknown':
      return R.gender_unknown(GENRES_ACCUEILLIS[reason.params.genre]);
    case 'gender_match':
      return R.gender_match(GENRES_ACCUEILLIS[reason.params.genre]);
    case 'family_situation':
      return R.family_situation(or(labels(SITUATIONS_FAMILIALES, reason.params.accepted)));
    case 'family_unknown':
      return R.family_unknown(or(labels(SITUATIONS_FAMILIALES, reason.params.accepted)));
    case 'family_match':
      return R.family_match(SITUATIONS_FAMILIALES[reason.params.situation], reason.params.inferred);
    case 'young_child':
      return R.young_child(reason.params.age);
    case 'no_young_child':
      return R.no_young_child;
    case 'young_child_unknown':
      return R.young_child_unknown;
    case 'administrative_situation':
      return R.administrative_situation(or(labels(SITUATIONS_ADMINISTRATIVES, reason.params.accepted)));
    case 'administrative_unknown':
      return R.administrative_unknown(or(labels(SITUATIONS_ADMINISTRATIVES, reason.params.accepted)));
    case 'administrative_match':
      return R.administrative_match(SITUATIONS_ADMINISTRATIVES[reason.params.situation]);
    case 'resources_not_accepted':
      return R.resources_not_accepted(or(labels(RESSOURCES, reason.params.accepted)));
    case 'resources_unknown':
      return R.resources_unknown(or(labels(RESSOURCES, reason.params.accepted)));
    case 'resources_match':
      return R.resources_match(RESSOURCES[reason.params.ressources]);
    case 'zone_outside':
      return R.zone_outside(places(reason.params.communes, reason.params.qpv));
    case 'zone_unknown':
      return R.zone_unknown(places(reason.params.communes, reason.params.qpv));
    case 'zone_no_fixed_address':
      return R.zone_no_fixed_address(places(reason.params.communes, reason.params.qpv));
    case 'zone_match':
      return R.zone_match(
        reason.params.qpv
          ? R.zoneQpv(reason.params.qpv)
          : reason.params.commune
            ? communeName(reason.params.commune)
            : '',
      );
    case 'public_exclusive':
      return R.public_exclusive(and(labels(PUBLICS, reason.params.publics)));
    case 'public_preferred':
      return R.public_preferred(and(labels(PUBLICS, reason.params.publics)));
    case 'public_exclusive_mismatch':
      return R.public_exclusive_mismatch(or(labels(PUBLICS, reason.params.publics)));
    case 'public_exclusive_unverified':
      return R.public_exclusive_unverified(or(labels(PUBLICS, reason.params.publics)));
    case 'unconditional':
      return R.unconditional;
    case 'needs_referral':
      return R.needs_referral(reason.params.fiche, or(labels(CANAUX_LIAISON, reason.params.canaux).map(inSentence)));
    case 'needs_appointment':
      return R.needs_appointment;
    case 'needs_registration':
      return R.needs_registration;
    case 'direct_access':
      return R.direct_access;
    case 'documents_required':
      return R.documents_required(and(labels(JUSTIFICATIFS, reason.params.documents).map(inSentence)));
    case 'document_may_be_missing':
      return R.document_may_be_missing(inSentence(JUSTIFICATIFS[reason.params.document]));
    case 'slow_access_for_urgency':
      return R.slow_access_for_urgency(inSentence(URGENCES[reason.params.urgence]));
    case 'diet_supported':
      return R.diet_supported(and(labels(REGIMES, reason.params.regimes).map(inSentence)));
    case 'diet_not_declared':
      return R.diet_not_declared(capitalised(and(labels(REGIMES, reason.params.regimes).map(inSentence))));
    case 'food_quality':
      return frFood.reasons.food_quality(and(labels(QUALITES_LABELS, reason.params.qualites)));
    case 'food_quality_not_declared':
      return frFood.reasons.food_quality_not_declared;
    case 'language_spoken':
      return R.language_spoken(and(labels(LANGUES, reason.params.langues)));
    case 'language_not_spoken':
      return R.language_not_spoken(and(labels(LANGUES, reason.params.langues)));
    case 'distance_beyond_max':
      return R.distance_beyond_max(distance(reason.params.km), distance(reason.params.max));
    case 'distance_beyond_mobility':
      return R.distance_beyond_mobility(
        distance(reason.params.km),
        reason.params.mode ? inSentence(MOBILITES[reason.params.mode]) : null,
      );
    case 'remote_possible':
      return R.remote_possible;
    case 'free':
    case 'solidarity_price':
    case 'paid':
      return price(reason, ctx);
    case 'closed_until':
      return R.closed_until(reason.params.until ? date(reason.params.until, ctx.now) : null);
    case 'exceptional_hours':
      return R.exceptional_hours(reason.params.until ? date(reason.params.until, ctx.now) : null);
    case 'open_now':
      return R.open_now(time(reason.params.until));
    case 'opens_today':
      return R.opens_today(slot(reason.params.at, ctx));
    case 'opens_this_week':
      return R.opens_this_week(slot(reason.params.at, ctx));
    case 'not_open_today':
      return R.not_open_today(reason.params.next === null ? null : slot(reason.params.next, ctx));
    case 'not_open_this_week':
      return R.not_open_this_week(reason.params.next === null ? null : slot(reason.params.next, ctx));
    case 'no_opening_soon':
      return R.no_opening_soon;
    case 'opening_in_availability':
      return R.opening_in_availability(slot(reason.params.at, ctx));
    case 'no_opening_in_availability':
      return R.no_opening_in_availability;
    case 'hours_unknown':
      return R.hours_unknown;
    case 'hours_to_confirm':
      return R.hours_to_confirm(reason.params.comment);
    case 'verified_recently':
      return R.verified_recently(reason.params.months);
    case 'verification_due':
      return R.verification_due(reason.params.months);
    case 'listing_obsolete':
      return R.listing_obsolete(reason.params.months);
    case 'never_verified':
      return R.never_verified(reason.params.months_since_change);
    case 'places_available':
      return SATURATION.disponible;
    case 'places_limited':
      return SATURATION.limite;
    case 'waiting_list':
      return SATURATION.complet;
    case 'moved_for_diversity':
      return R.moved_for_diversity;
    case 'mdm_recommended':
      return R.mdm_recommended(communeName(reason.params.commune));
    case 'colleague_criteria':
      return R.colleague_criteria(reason.params.criteres.join(', '));
    case 'amount_match': {
      const { indicator, value, estimated, max } = reason.params;
      return A.match(A.figure(indicator, value, estimated), max);
    }
    case 'amount_above':
      return A.above(A.figure(reason.params.indicator, reason.params.value, false), reason.params.max);
    case 'amount_above_estimate':
      return A.aboveEstimate(A.figure(reason.params.indicator, reason.params.value, true), reason.params.max);
    case 'amount_unknown':
      return A.unknown(A.ceiling(reason.params.indicator, reason.params.max));
    default:
      return unreachable(reason);
  }
}
