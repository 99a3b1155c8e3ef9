// Where an action takes place, resolved from the device's or the server's directory: a partner's address is read
// from its current listing (an action "at the épicerie" follows the épicerie when it moves), any other address is
// the action's own ("hors les murs"). Pure; shared by the agenda, the sheets, the orientation hint and the .ics.
import type { Action } from '../action.ts';
import type { Structure } from '../structure.ts';

export interface ActionPlace {
  /** Street address as written, with the action's precisions ("salle polyvalente") when given. */
  adresse: string;
  commune: string;
  code_insee?: string;
  latitude?: number;
  longitude?: number;
  /** The partner whose premises host it, when it is at a partner's. */
  structure?: { id: string; nom: string };
  hors_les_murs: boolean;
  precisions?: string;
}

/** undefined when the hosting partner is not in the directory this reader holds. */
export function placeOf(action: Action, structureOf: (id: string) => Structure | undefined): ActionPlace | undefined {
  const { lieu } = action;
  const precisions = lieu.precisions === undefined ? {} : { precisions: lieu.precisions };
  if (lieu.type === 'adresse') {
    return {
      adresse: lieu.adresse,
      commune: lieu.commune,
      ...(lieu.code_insee === undefined ? {} : { code_insee: lieu.code_insee }),
      ...(lieu.latitude === undefined || lieu.longitude === undefined
        ? {}
        : { latitude: lieu.latitude, longitude: lieu.longitude }),
      hors_les_murs: true,
      ...precisions,
    };
  }
  const host = structureOf(lieu.structure_id);
  if (!host) return undefined;
  return {
    adresse: host.adresse,
    commune: host.commune,
    code_insee: host.code_insee,
    ...(host.latitude === null || host.longitude === null
      ? {}
      : { latitude: host.latitude, longitude: host.longitude }),
    structure: { id: host.id, nom: host.nom },
    hors_les_murs: !action.organisateurs.includes(host.id),
    ...precisions,
  };
}

/** One line for a calendar or a card: « Épicerie du Pont, 12 rue …, Vénissieux ». */
export function placeLine(place: ActionPlace): string {
  const parts = [place.structure?.nom, place.precisions, place.adresse, place.commune].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return parts.join(', ');
}
