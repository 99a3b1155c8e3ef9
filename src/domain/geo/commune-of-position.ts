// The commune (or Lyon arrondissement) of a GPS position, offline: point in polygon over the simplified outlines
// of the Métropole's 58 communes (../communes-outlines.json, derived from reference/geo/
// metropole_de_lyon_communes.geojson — its test checks it still matches), then, inside Lyon, the arrondissement
// whose town-hall point is nearest. Outlines are simplified and arrondissement points approximate (±500 m): a
// position within a few hundred metres of a border may get the neighbour. Outside the Métropole: undefined.
import { COMMUNES, LYON } from '../communes.ts';
import outlines from '../communes-outlines.json';
import { distanceKmRaw, type LatLon } from './distance.ts';

interface Outline {
  code: string;
  /** Flat ring: lon0, lat0, lon1, lat1, … (closed: the last point repeats the first). */
  ring: readonly number[];
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

const OUTLINES: readonly Outline[] = Object.entries(outlines as Record<string, number[]>).map(([code, ring]) => {
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ring.length; i += 2) {
    const lon = ring[i] as number;
    const lat = ring[i + 1] as number;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { code, ring, minLon, maxLon, minLat, maxLat };
});

const ARRONDISSEMENTS = COMMUNES.filter((c) => c.arrondissement);

/** Even-odd ray casting on a flat ring. */
function inRing(ring: readonly number[], lon: number, lat: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i] as number;
    const yi = ring[i + 1] as number;
    const xj = ring[j] as number;
    const yj = ring[j + 1] as number;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** INSEE code of the commune containing the point, Lyon as a whole (69123) included; undefined outside. */
export function communeOutlineAt(position: LatLon): string | undefined {
  const { latitude: lat, longitude: lon } = position;
  for (const o of OUTLINES) {
    if (lon < o.minLon || lon > o.maxLon || lat < o.minLat || lat > o.maxLat) continue;
    if (inRing(o.ring, lon, lat)) return o.code;
  }
  return undefined;
}

/**
 * Where a person is, as an address code: a commune's INSEE code, or in Lyon the arrondissement's (6938x), never
 * 69123. Undefined outside the Métropole.
 */
export function communeOfPosition(position: LatLon): string | undefined {
  const code = communeOutlineAt(position);
  if (code !== LYON) return code;
  let best: string | undefined;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const a of ARRONDISSEMENTS) {
    const km = distanceKmRaw(position.latitude, position.longitude, a.centre.latitude, a.centre.longitude);
    if (km < bestKm) {
      bestKm = km;
      best = a.code_insee;
    }
  }
  return best;
}
