// How long getting to a service takes, by mode, from the distance as the crow flies: the route is longer than the
// straight line (a detour factor), each mode has an average door-to-door speed in the Métropole, and public
// transport adds a fixed time to walk to the stop and wait. For short trips walking beats the bus, so "by public
// transport" is the quicker of the two. Estimates, said as such (« ≈ 15 min à pied »): no network, no timetable.
// The ranking counts travel in minutes, and a mode's reach (what a person usually accepts) in minutes too.
import type { Mobility } from './reasons.ts';

export interface TravelModel {
  /** Route length ÷ straight-line distance. */
  detour: number;
  /** Average speed once moving, km/h. */
  speed_kmh: Readonly<Record<Mobility, number>>;
  /** Added to every trip: walking to and waiting for public transport; parking a car. */
  fixed_min: Readonly<Record<Mobility, number>>;
  /** Beyond this, a service is out of the person's usual reach for the mode. */
  reach_min: Readonly<Record<Mobility, number>>;
  /** Assumed when the mobility is not given: public transport, as most people oriented have no car. */
  assumed_mode: Mobility;
}

export const TRAVEL_MODEL: TravelModel = Object.freeze({
  detour: 1.3,
  speed_kmh: Object.freeze({ pied: 4.5, transports: 18, voiture: 30 }),
  fixed_min: Object.freeze({ pied: 0, transports: 10, voiture: 5 }),
  reach_min: Object.freeze({ pied: 30, transports: 45, voiture: 40 }),
  assumed_mode: 'transports',
});

export type TravelMinutes = Record<Mobility, number>;

/** Minutes to cover `km` (as the crow flies) by `mode`, as a function made once (it runs for every candidate). */
export function travelTime(mode: Mobility, m: TravelModel = TRAVEL_MODEL): (km: number) => number {
  const perKm = (mode: Mobility) => (m.detour / m.speed_kmh[mode]) * 60;
  const fixed = m.fixed_min[mode];
  const slope = perKm(mode);
  if (mode !== 'transports') return (km) => fixed + km * slope;
  // By public transport, walking when it is quicker.
  const walkFixed = m.fixed_min.pied;
  const walk = perKm('pied');
  return (km) => Math.min(fixed + km * slope, walkFixed + km * walk);
}

const MODES = {
  pied: travelTime('pied'),
  transports: travelTime('transports'),
  voiture: travelTime('voiture'),
} as const;

/** Every mode's estimate, rounded to the minute, for the UI. */
export function travelByMode(km: number): TravelMinutes {
  return {
    pied: Math.round(MODES.pied(km)),
    transports: Math.round(MODES.transports(km)),
    voiture: Math.round(MODES.voiture(km)),
  };
}

/** The straight-line distance a mode's reach covers (1.7 km on foot, 8.1 km by public transport, 13.5 km by car). */
export function reachKm(mode: Mobility, m: TravelModel = TRAVEL_MODEL): number {
  const moving = Math.max(0, m.reach_min[mode] - m.fixed_min[mode]);
  return Math.round(((moving / 60) * m.speed_kmh[mode] * 10) / m.detour) / 10;
}
