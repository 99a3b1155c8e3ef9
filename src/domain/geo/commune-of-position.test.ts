import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { COMMUNES, LYON } from '../communes.ts';
import outlines from '../communes-outlines.json';
import { communeOfPosition, communeOutlineAt } from './commune-of-position.ts';
import { distanceKm } from './distance.ts';

interface Feature {
  properties: { code_insee: string };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

describe('commune of a GPS position, offline', () => {
  test('the bundled outlines are exactly the reference geojson (58 communes, one ring each)', () => {
    const geo = JSON.parse(readFileSync('reference/geo/metropole_de_lyon_communes.geojson', 'utf8')) as {
      features: Feature[];
    };
    const expected = Object.fromEntries(
      geo.features.map((f) => [f.properties.code_insee, (f.geometry.coordinates[0] ?? []).flat()]),
    );
    expect(geo.features.every((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length === 1)).toBe(true);
    expect(outlines).toEqual(expected);
  });

  test('every commune centre lies in its own commune', () => {
    const wrong = COMMUNES.filter((c) => !c.arrondissement && c.code_insee !== LYON)
      .filter((c) => communeOfPosition(c.centre) !== c.code_insee)
      .map((c) => c.code_insee);
    expect(wrong).toEqual([]);
  });

  test('in Lyon, a position gets the arrondissement of the nearest town hall, never 69123', () => {
    for (const a of COMMUNES.filter((c) => c.arrondissement)) {
      expect(communeOfPosition(a.centre), a.nom).toBe(a.code_insee);
    }
    // Place Bellecour is in the 2e; the Part-Dieu station in the 3e; the Croix-Rousse plateau in the 4e.
    expect(communeOfPosition({ latitude: 45.7578, longitude: 4.832 })).toBe('69382');
    expect(communeOfPosition({ latitude: 45.7606, longitude: 4.8595 })).toBe('69383');
    expect(communeOfPosition({ latitude: 45.7785, longitude: 4.8275 })).toBe('69384');
    expect(communeOutlineAt({ latitude: 45.7578, longitude: 4.832 })).toBe(LYON);
  });

  test('known places fall in their commune: Minguettes in Vénissieux, Grand Parc in Villeurbanne', () => {
    expect(communeOfPosition({ latitude: 45.7065, longitude: 4.8805 })).toBe('69259');
    expect(communeOfPosition({ latitude: 45.7727, longitude: 4.8872 })).toBe('69266');
  });

  test('outside the Métropole the answer is undefined (Grenoble, Villefranche-sur-Saône, Paris)', () => {
    expect(communeOfPosition({ latitude: 45.1885, longitude: 5.7245 })).toBeUndefined();
    expect(communeOfPosition({ latitude: 45.9875, longitude: 4.7188 })).toBeUndefined();
    expect(communeOfPosition({ latitude: 48.8566, longitude: 2.3522 })).toBeUndefined();
  });
});

describe('distance', () => {
  test('Lyon Part-Dieu to Vénissieux town hall is about 6 km as the crow flies', () => {
    const km = distanceKm({ latitude: 45.7606, longitude: 4.8595 }, { latitude: 45.6975, longitude: 4.8857 });
    expect(km).toBeGreaterThan(6.5);
    expect(km).toBeLessThan(7.5);
  });
});
