// Distance against the person's mobility. Beyond an explicit maximum (mobilite.distance_max_km) the service is
// excluded: a limit, not a hint. Otherwise travel counts in minutes by the person's mode (travel.ts; public
// transport when the mode is not given), one point per minute, so that a bonus of a few points never outweighs
// a trip several kilometres longer; beyond the mode's usual reach (30 min on foot, 45 by public transport, 40 by
// car) the service drops to a lower rank tier, with a reason. A service also offered at a distance needs no
// travel. The km go to the evaluation for the result (distance_km); without a location on either side the
// distance is unknown and counts as a middle trip.
import { distanceKmRaw } from '../../domain/geo/distance.ts';
import { POINTS } from '../scoring.ts';
import { travelTime } from '../travel.ts';
import { adjust, type Criterion, exclude, explaining, info, NONE } from './criterion.ts';

const round1 = (km: number) => Math.round(km * 10) / 10;

export const distanceCriterion: Criterion = {
  name: 'distance',
  prepare(person) {
    const { latitude, longitude, maxKm, typicalKm, mobility, travelMode } = person;
    const minutes = travelTime(travelMode);
    return (entry, ev) => {
      if (latitude === null || longitude === null || entry.latitude === null || entry.longitude === null) {
        ev.score += POINTS.travelUnknown;
        return;
      }
      const km = round1(distanceKmRaw(latitude, longitude, entry.latitude, entry.longitude));
      ev.distanceKm = km;
      if (entry.remotePossible) {
        info(ev, 'remote_possible', NONE);
        return;
      }
      if (maxKm !== null && km > maxKm) {
        exclude(ev, 'distance_beyond_max', { km, max: maxKm });
        return;
      }
      ev.score += POINTS.perTravelMinute * minutes(km);
      if (km <= typicalKm) return;
      ev.beyondReach = true;
      if (explaining(ev)) adjust(ev, 0, 'distance_beyond_mobility', { km, mode: mobility, typical_km: typicalKm });
    };
  },
};
