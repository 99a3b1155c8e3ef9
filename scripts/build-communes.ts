// Derives src/domain/communes.json from reference/geo/: INSEE code, name, postal codes, population and a centre
// (area-weighted centroid of the commune's outline; for Lyon's arrondissements, their town-hall point).
// Run with `npm run reference:communes` after refreshing reference/geo/.
import { readFileSync, writeFileSync } from 'node:fs';

type Ring = [number, number][];
interface Feature {
  properties: { code_insee: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i] ?? `c${i}`, v])));
}

function centroid(polygons: Ring[][]): { latitude: number; longitude: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    const outer = polygon[0] ?? [];
    for (let i = 0; i < outer.length - 1; i++) {
      const [x0, y0] = outer[i] as [number, number];
      const [x1, y1] = outer[i + 1] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return { longitude: round(cx / (3 * area)), latitude: round(cy / (3 * area)) };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

const communes = parseCsv(readFileSync('reference/geo/metropole_de_lyon_communes.csv', 'utf8'));
const arrondissements = parseCsv(readFileSync('reference/geo/lyon_arrondissements_points.csv', 'utf8'));
const geo = JSON.parse(readFileSync('reference/geo/metropole_de_lyon_communes.geojson', 'utf8')) as {
  features: Feature[];
};
const centres = new Map<string, { latitude: number; longitude: number }>();
for (const f of geo.features) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  centres.set(f.properties.code_insee, centroid(polygons));
}
for (const a of arrondissements) {
  centres.set(a.code_insee ?? '', { latitude: Number(a.latitude), longitude: Number(a.longitude) });
}

const out = communes.map((c) => {
  const centre = centres.get(c.code_insee ?? '');
  if (!centre) throw new Error(`No outline or point for ${c.code_insee}`);
  return {
    code_insee: c.code_insee,
    nom: c.nom,
    codes_postaux: (c.codes_postaux ?? '').split(/[ ;|]/).filter(Boolean),
    population: Number(c.population),
    arrondissement: c.type === 'arrondissement-municipal',
    centre,
  };
});
writeFileSync('src/domain/communes.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} communes and arrondissements written to src/domain/communes.json`);
