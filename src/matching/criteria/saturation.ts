// Capacity declared by the partner: a full service (waiting list) ranks lower, much lower in urgency.
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, NONE } from './criterion.ts';

export const saturationCriterion: Criterion = {
  name: 'saturation',
  concerns: TRAIT.capacity,
  prepare(person) {
    const full = person.profile.urgence === 'aujourdhui' ? POINTS.waitingListUrgent : POINTS.waitingList;
    return (entry, ev) => {
      const etat = entry.capacity;
      if (etat === 'complet') adjust(ev, full, 'waiting_list', NONE);
      else if (etat === 'limite') adjust(ev, POINTS.placesLimited, 'places_limited', NONE);
      else if (etat === 'disponible') adjust(ev, POINTS.placesAvailable, 'places_available', NONE);
    };
  },
};
