// Distance against the person's mobility. Beyond an explicit maximum (mobilite.distance_max_km) the service is
// excluded; beyond what the mode usually allows (on foot ~2 km, public transport ~12 km, car ~30 km; 8 km when
// the mode is unknown) it is a penalty with a reason. Nearer is better, linearly to zero at twice the typical
// distance. A service also offered at a distance needs no travel. The km go to the evaluation for the result
// (distance_km); without a location on either side the distance is unknown and scores as a middle distance.
import { distanceKmRaw } from '../../domain/geo/distance.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, exclude, explaining, info, NONE } from './criterion.ts';

const round1 = (km: number) => Math.round(km * 10) / 10;

export const distanceCriterion: Criterion = {
  name: 'distance',
  prepare(person) {
    const { latitude, longitude, maxKm, typicalKm, mobility } = person;
    return (entry, ev) => {
      if (latitude === null || longitude === null || entry.latitude === null || entry.longitude === null) {
        ev.score += POINTS.distanceUnknown;
        return;
      }
      const km = round1(distanceKmRaw(latitude, longitude, entry.latitude, entry.longitude));
      ev.distanceKm = km;
      if (entry.remotePossible) {
        ev.score += POINTS.distanceMax;
        info(ev, 'remote_possible', NONE);
        return;
      }
      if (maxKm !== null && km > maxKm) {
        exclude(ev, 'distance_beyond_max', { km, max: maxKm });
        return;
      }
      ev.score += Math.max(0, POINTS.distanceMax * (1 - km / (2 * typicalKm)));
      if (km <= typicalKm) return;
      if (!explaining(ev)) ev.score += POINTS.beyondMobility;
      else adjust(ev, POINTS.beyondMobility, 'distance_beyond_mobility', { km, mode: mobility, typical_km: typicalKm });
    };
  },
};
