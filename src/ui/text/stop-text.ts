// « Prochain passage demain mercredi 4 novembre à 18h30, place Guichard (Lyon 3e), à 600 m »: where and when a
// service that moves can be met, from an orientation's result (its best stop for the person).
import type { ServiceResult } from '../../matching/orient/types.ts';
import { distance, relativeDay, time } from './fr-format.ts';
import { frStops as A } from './strings-stops.ts';

/** How people name a stop: its name, else its address, with the commune. */
export function stopPlace(stop: { nom: string | null; adresse: string | null; commune: string }): string {
  const label = stop.nom ?? stop.adresse ?? stop.commune;
  return label === stop.commune ? label : A.placeWithCommune(label, stop.commune);
}

/** The sentence for a result at a stop; null for a fixed place. */
export function nextStopText(result: ServiceResult, now: number): string | null {
  const { stop } = result;
  if (stop === null) return null;
  const away = result.distance_km === null ? '' : A.distanceSuffix(distance(result.distance_km));
  const place = `${stopPlace(stop)}${away}`;
  if (result.current_opening) return A.passingNowAt(time(result.current_opening.end), place);
  const next = result.next_openings[0];
  if (next) return A.nextPassage(`${relativeDay(next.day, now)} à ${time(next.start)}`, place);
  return A.stopsAt(place);
}
