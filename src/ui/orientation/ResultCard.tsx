import { FOOD_CATEGORIES } from '../../domain/vocabulary.ts';
import type { ActionHint } from '../../matching/agenda/hints.ts';
import type { ServiceResult } from '../../matching/orient/types.ts';
import type { Mobility, Reason, ReasonCode, ReasonKind } from '../../matching/reasons.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';
import { FoodOffer } from '../components/FoodOffer.tsx';
import { ItineraryLink } from '../components/ItineraryLink.tsx';
import { fr } from '../strings.ts';
import { actionHintText } from '../text/action-hint-text.ts';
import { distance } from '../text/fr-format.ts';
import { reasonText } from '../text/reason-text.ts';
import { placeOf, stopPlaceOf } from '../text/share-links.ts';
import { nextStopText } from '../text/stop-text.ts';
import { travelText } from '../text/travel-text.ts';
import type { RecapModel } from './recap-model.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation;
/** Order of reasons on a card: what decides first, then what helps, then what weighs against, then the rest. */
const ORDER: Record<ReasonKind, number> = { excludes: 0, to_check: 1, action: 1, plus: 2, minus: 3, info: 4 };
/** When it opens comes right after how far it is: the two things a person asks first. */
const HOURS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'closed_until',
  'exceptional_hours',
  'open_now',
  'opens_today',
  'opens_this_week',
  'not_open_today',
  'not_open_this_week',
  'no_opening_soon',
  'opening_in_availability',
  'no_opening_in_availability',
  'hours_unknown',
  'hours_to_confirm',
]);
const rankOf = (r: Reason) => (HOURS.has(r.code) ? -1 : ORDER[r.kind]);

interface Props {
  result: ServiceResult;
  entry: ServiceEntry;
  recap: RecapModel;
  now: number;
  /** The person's mobility, for the trip time (null: not given). */
  mobility: Mobility | null;
  /** The partner's next action that fits the person. */
  hint?: ActionHint;
}

/**
 * One partner service in the results: why it fits (or must be checked, or was excluded), how far and how long the
 * trip, "Ajouter", and for a service on referral the action that gets the person in: send the fiche de liaison.
 */
export function ResultCard({ result, entry, recap, now, mobility, hint }: Props) {
  const { service, structure } = entry;
  const name = structure?.nom ?? service.nom;
  const place = service.lieu ?? structure;
  const ctx = {
    now,
    openings: result.current_opening ? [result.current_opening, ...result.next_openings] : result.next_openings,
    tarif: service.tarif,
  };
  const decisiveKind = result.verdict === 'excluded' ? 'excludes' : 'to_check';
  const decisive = result.reasons.filter((r) => r.kind === decisiveKind);
  const todo = result.action !== null ? result.reasons.filter((r) => r.kind === 'action') : [];
  const others =
    result.verdict === 'excluded'
      ? []
      : result.reasons
          .filter((r) => r.kind !== 'to_check' && r.kind !== 'action')
          .sort((a, b) => rankOf(a) - rankOf(b));
  const where =
    result.distance_km === null ? null : T.distance(distance(result.distance_km), result.distance_approximate);
  const referral = `/orientations/nouvelle/${encodeURIComponent(service.id)}`;
  const category = service.categorie ? FOOD_CATEGORIES[service.categorie].label : null;
  const selected = recap.has(service.id);
  const nextStop = nextStopText(result, now);
  // The itinerary leads where the person will meet the service: the stop proposed, for a service that moves.
  const arret = result.stop ? service.arrets?.find((a) => a.id === result.stop?.id) : undefined;
  const itinerary = arret ? stopPlaceOf(entry, arret) : place ? placeOf(entry) : null;
  const headingId = `r-${result.rank}`;
  const sentences = (reasons: readonly Reason[]) =>
    reasons.map((r, i) => (
      <li key={i} class={`reason ${r.kind}`}>
        {reasonText(r, ctx)}
      </li>
    ));
  return (
    <li class={`result-card ${result.verdict}`} data-testid="result">
      <h4 id={headingId}>{name}</h4>
      <p class="service-name">
        {service.nom}
        {category && category !== service.nom ? ` · ${category}` : ''}
      </p>
      {nextStop !== null ? (
        <p class="address next-stop" data-testid="result-next-stop">
          {nextStop}
        </p>
      ) : (
        place && (
          <p class="address">
            {place.adresse}, {place.code_postal} {place.commune}
          </p>
        )
      )}
      <FoodOffer produits={entry.produits} choix={entry.choix} />
      {itinerary && (
        <p class="itinerary">
          <ItineraryLink place={itinerary} />
        </p>
      )}
      {decisive.length > 0 && (
        <>
          <p class="decisive">{result.verdict === 'excluded' ? T.excludedBecause : T.toCheckLabel}</p>
          <ul class="reasons">{sentences(decisive)}</ul>
        </>
      )}
      {todo.length > 0 && (
        <div class="todo" data-testid="result-action">
          <p class="decisive">{T.actionLabel}</p>
          <ul class="reasons">{sentences(todo)}</ul>
        </div>
      )}
      <ul class="reasons">
        {where !== null && (
          <li class="reason info" data-testid="result-distance">
            {result.travel_min ? T.distanceAndTravel(where, travelText(result.travel_min, mobility)) : where}
          </li>
        )}
        {sentences(others)}
        {hint && (
          <li class="reason plus" data-testid="action-hint">
            {actionHintText(hint, now)}
          </li>
        )}
      </ul>
      <div class="actions">
        {result.verdict !== 'excluded' && (
          <button
            type="button"
            class={selected ? 'button selected' : 'button primary'}
            aria-label={selected ? T.removeNamed(name) : T.addNamed(name)}
            onClick={() =>
              recap.toggle({
                serviceId: service.id,
                structureId: entry.structureId,
                distanceKm: result.distance_km,
                distanceApproximate: result.distance_approximate,
                ...(result.stop ? { stopId: result.stop.id } : {}),
              })
            }
          >
            {selected ? T.remove : T.add}
          </button>
        )}
        {result.verdict !== 'excluded' &&
          (result.action === 'fiche_liaison' ? (
            <a class="button action" href={referral}>
              {T.sendReferral}
              <span class="visually-hidden"> : {name}</span>
            </a>
          ) : (
            <a class="button" href={referral}>
              {fr.referral.orient}
              <span class="visually-hidden"> : {name}</span>
            </a>
          ))}
        <a class="button" href={`/partenaires/${encodeURIComponent(entry.structureId)}`}>
          {T.openSheet}
          <span class="visually-hidden"> : {name}</span>
        </a>
      </div>
    </li>
  );
}
