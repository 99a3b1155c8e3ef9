// The Métropole's 58 communes as SVG paths, from the simplified outlines already in the app
// (src/domain/communes-outlines.json, from IGN Admin Express via reference/geo/). Equirectangular projection,
// longitudes scaled by the cosine of the mean latitude: over 30 km the distortion is far below what the eye
// sees, and no projection library is needed. Computed once, when the coverage screen's chunk loads.
import outlines from '../../domain/communes-outlines.json';

export interface CommuneShape {
  /** INSEE code; Lyon is one shape (69123), its arrondissements have no outline. */
  code: string;
  /** SVG path data in the map's user units. */
  d: string;
}

export interface CommuneMap {
  width: number;
  height: number;
  shapes: readonly CommuneShape[];
}

/** Width of the map in SVG user units; the height follows the Métropole's proportions. */
const WIDTH = 600;
const MARGIN = 4;

export function communeMap(): CommuneMap {
  const rings = Object.entries(outlines as Record<string, number[]>);
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const [, ring] of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      const lon = ring[i] as number;
      const lat = ring[i + 1] as number;
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (WIDTH - 2 * MARGIN) / ((maxLon - minLon) * kx);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * MARGIN);
  const x = (lon: number) => (MARGIN + (lon - minLon) * kx * scale).toFixed(1);
  const y = (lat: number) => (MARGIN + (maxLat - lat) * scale).toFixed(1);
  const shapes = rings.map(([code, ring]) => {
    const points: string[] = [];
    for (let i = 0; i < ring.length; i += 2) points.push(`${x(ring[i] as number)},${y(ring[i + 1] as number)}`);
    return { code, d: `M${points.join('L')}Z` };
  });
  return { width: WIDTH, height, shapes };
}
