// The Métropole's 58 communes as SVG paths, from the simplified outlines already in the app
// (src/domain/communes-outlines.json, from IGN Admin Express via reference/geo/). Equirectangular projection,
// longitudes scaled by the cosine of the mean latitude: over 30 km the distortion is far below what the eye
// sees, and no projection library is needed. Computed once, when the first map's chunk loads; the coverage map and
// the results map (src/ui/map/) share it, so points fall where the outlines say.
import { COMMUNES } from '../../domain/communes.ts';
import outlines from '../../domain/communes-outlines.json';

export interface CommuneShape {
  /** INSEE code; Lyon is one shape (69123), its arrondissements have no outline. */
  code: string;
  /** SVG path data in the map's user units. */
  d: string;
}

/** Where a territory's name is written, in map units, and how much it matters when names compete for room. */
export interface CommuneName {
  code: string;
  name: string;
  x: number;
  y: number;
  population: number;
  /** A Lyon arrondissement: no outline of its own, named only where a map is zoomed in enough. */
  arrondissement: boolean;
}

export interface CommuneMap {
  width: number;
  height: number;
  shapes: readonly CommuneShape[];
  names: readonly CommuneName[];
  /** A WGS84 position in the map's user units (the projection the outlines are drawn with). */
  project(longitude: number, latitude: number): { x: number; y: number };
}

/** Width of the map in SVG user units; the height follows the Métropole's proportions. */
const WIDTH = 600;
const MARGIN = 4;

/** Area-weighted centre of a closed ring (shoelace): inside every commune's outline, unlike some town halls. */
function centroid(points: ReadonlyArray<{ x: number; y: number }>): { x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
    const a = points[j] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    const cross = a.x * b.y - b.x * a.y;
    area += cross;
    cx += (a.x + b.x) * cross;
    cy += (a.y + b.y) * cross;
  }
  return area === 0 ? (points[0] ?? { x: 0, y: 0 }) : { x: cx / (3 * area), y: cy / (3 * area) };
}

/** "Lyon 3e Arrondissement" → "Lyon 3e": the arrondissement's name as it fits on a map. */
const shortName = (nom: string) => nom.replace(/ Arrondissement$/, '');

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
  const project = (lon: number, lat: number) => ({
    x: MARGIN + (lon - minLon) * kx * scale,
    y: MARGIN + (maxLat - lat) * scale,
  });
  const centres = new Map<string, { x: number; y: number }>();
  const shapes = rings.map(([code, ring]) => {
    const points: Array<{ x: number; y: number }> = [];
    for (let i = 0; i < ring.length; i += 2) points.push(project(ring[i] as number, ring[i + 1] as number));
    centres.set(code, centroid(points));
    return { code, d: `M${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('L')}Z` };
  });
  const names = COMMUNES.flatMap((c): CommuneName[] => {
    const at = c.arrondissement ? project(c.centre.longitude, c.centre.latitude) : centres.get(c.code_insee);
    if (!at) return [];
    const name = c.arrondissement ? shortName(c.nom) : c.nom;
    return [{ code: c.code_insee, name, ...at, population: c.population, arrondissement: c.arrondissement }];
  });
  return { width: WIDTH, height, shapes, names, project };
}
