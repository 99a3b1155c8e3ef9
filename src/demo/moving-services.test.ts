// The demo directory carries services that move — a maraude, an épicerie mobile, a bus solidaire — with rounds of
// real places across the Métropole, each stop valid OSM hours, made from the same fixed seed as the rest.
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { communeByCode } from '../domain/communes.ts';
import { serviceSchema } from '../domain/service.ts';
import { generateDirectory } from './generate-directory.ts';

const demo = generateDirectory();
const moving = demo.services.filter((s) => (s.arrets?.length ?? 0) > 0);

describe('services that move in the demo directory', () => {
  test('a maraude, an épicerie mobile and a bus solidaire, each with several stops', () => {
    expect(moving.map((s) => s.nom).sort()).toEqual([
      'Bus solidaire : colis et accueil itinérant',
      'Maraude du soir : repas chauds et boissons',
      'Épicerie mobile : le camion solidaire',
    ]);
    for (const s of moving) expect(s.arrets?.length, s.nom).toBeGreaterThanOrEqual(5);
  });

  test('their stops spread over several communes of the Métropole, each a valid place with readable hours', () => {
    const communes = new Set(moving.flatMap((s) => s.arrets?.map((a) => a.code_insee) ?? []));
    expect(communes.size).toBeGreaterThanOrEqual(12);
    for (const s of moving) {
      expect(serviceSchema.safeParse(s).success, s.id).toBe(true);
      for (const a of s.arrets ?? []) {
        const commune = communeByCode(a.code_insee);
        expect(commune?.codes_postaux, a.id).toContain(a.code_postal);
        // Within 4 km of the commune's centre: a place in that commune, not a typo in a coordinate.
        const dLat = (a.latitude ?? 0) - (commune?.centre.latitude ?? 0);
        const dLon = ((a.longitude ?? 0) - (commune?.centre.longitude ?? 0)) * 0.7;
        expect(Math.hypot(dLat, dLon) * 111, a.id).toBeLessThan(4);
        expect(new opening_hours(a.horaires, null, 0).getWarnings(), a.horaires).toEqual([]);
      }
    }
  });

  test('the same seed gives the same services that move; the counts stay the generator’s', () => {
    expect(generateDirectory().services.filter((s) => s.arrets)).toEqual(moving);
    expect(demo.services).toHaveLength(600);
    const small = generateDirectory({ services: 100 });
    expect(small.services).toHaveLength(100);
  });
});
