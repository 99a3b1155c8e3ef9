// "Prochain atelier cuisine jeudi 14h à 800 m": the next action of a partner that fits the person being oriented,
// shown on that partner's result card. Pure: the person (src/matching/person.ts), the actions and structures the
// device holds, and `now`. An action fits when its kind answers one of the person's needs, it is open to the
// public or to a public the worker may check, and it takes place soon (two weeks) and near (the person's typical
// distance, 5 km when unknown). Explanations are data; the sentence is written by the UI.
import type { Action, TypeAction } from '../../domain/action.ts';
import { nextOccurrence } from '../../domain/agenda/occurrences.ts';
import { placeOf } from '../../domain/agenda/place.ts';
import { distanceKm } from '../../domain/geo/distance.ts';
import type { Structure } from '../../domain/structure.ts';
import { DAY_MS } from '../../domain/time/paris-time.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { Person } from '../person.ts';

/** Which kinds of action answer which need of the orientation's needs step. */
export const ACTIONS_FOR_NEED: Readonly<Record<NeedValue, readonly TypeAction[]>> = {
  'aide-alimentaire': ['distribution'],
  'epicerie-solidaire': ['marche'],
  repas: ['repas-partage'],
  'fruits-legumes': ['marche', 'jardinage'],
  cuisiner: ['atelier-cuisine'],
  bebe: ['atelier-cuisine', 'sensibilisation'],
  budget: ['sensibilisation', 'atelier-cuisine'],
  'lien-social': ['repas-partage', 'atelier-cuisine', 'jardinage', 'visite'],
  jardiner: ['jardinage'],
  eau: [],
};

export interface ActionHint {
  action_id: string;
  type: TypeAction;
  titre: string;
  /** Instant of the next occurrence, its Paris day and time. */
  start: number;
  day: string;
  time: string;
  /** From the person, null when either position is unknown. */
  distance_km: number | null;
  inscription_requise: boolean;
}

export interface HintOptions {
  horizonDays?: number;
  /** Farther than this, no hint (default: the person's typical distance). */
  maxDistanceKm?: number;
}

/** For each organising partner, the soonest fitting action, computed once per orientation. */
export function actionHintsByStructure(
  person: Pick<Person, 'needs' | 'latitude' | 'longitude' | 'typicalKm' | 'maxKm'>,
  actions: readonly Action[],
  structureOf: (id: string) => Structure | undefined,
  now: number,
  options: HintOptions = {},
): Map<string, ActionHint> {
  const kinds = new Set(person.needs.flatMap((need) => ACTIONS_FOR_NEED[need] ?? []));
  const out = new Map<string, ActionHint>();
  if (kinds.size === 0) return out;
  const horizon = (options.horizonDays ?? 14) * DAY_MS;
  const maxKm = options.maxDistanceKm ?? person.maxKm ?? Math.max(person.typicalKm, 5);
  for (const action of actions) {
    if (!kinds.has(action.type)) continue;
    const next = nextOccurrence(action.calendrier, now, horizon / DAY_MS);
    if (!next) continue;
    const place = placeOf(action, structureOf);
    const distance =
      place?.latitude !== undefined &&
      place.longitude !== undefined &&
      person.latitude !== null &&
      person.longitude !== null
        ? distanceKm(
            { latitude: person.latitude, longitude: person.longitude },
            { latitude: place.latitude, longitude: place.longitude },
          )
        : null;
    if (distance !== null && distance > maxKm) continue;
    const hint: ActionHint = {
      action_id: action.id,
      type: action.type,
      titre: action.titre,
      start: next.start,
      day: next.day,
      time: next.time,
      distance_km: distance,
      inscription_requise: action.inscription.requise,
    };
    for (const organiser of action.organisateurs) {
      const known = out.get(organiser);
      if (!known || hint.start < known.start) out.set(organiser, hint);
    }
  }
  return out;
}
