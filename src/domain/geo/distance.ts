// Great-circle distance between two WGS84 points. "As the crow flies": the matcher compares it with what a person
// can walk or ride, so a few percent of error against the real route is accepted on purpose.

export interface LatLon {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Haversine distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  return distanceKmRaw(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** The same on bare numbers, for hot loops over thousands of services (no object per call). */
export function distanceKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
