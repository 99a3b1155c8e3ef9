// Services that move (a maraude, an épicerie mobile, a bus solidaire) are found where they stop: each stop is
// weighed as a place of its own, and the person is shown the service once, at the stop that suits them — « the
// nearest next stop wins over a farther fixed place when the person cannot travel far ». Tuesday 3 November 2026
// at 10:00, Paris; a hand-built corner of the Métropole (Vaulx-en-Velin, Villeurbanne, Lyon 3e).
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Arret, Service } from '../../domain/service.ts';
import { stopPassagesBetween } from '../agenda/stop-passages.ts';
import { computeCoverage } from '../coverage/coverage.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { search } from '../search/search.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { Orientation, ServiceResult } from './types.ts';

const TUESDAY_10H = Date.parse('2026-11-03T10:00:00+01:00');
const hours = createHoursEngine(opening_hours);

const stop = (id: string, nom: string, code_insee: string, commune: string, lat: number, lon: number, h: string) =>
  ({ id, nom, commune, code_insee, latitude: lat, longitude: lon, horaires: h }) satisfies Arret;

/** Stops of the evening maraude: a square of Vaulx tomorrow, place Guichard tonight, the Buers on Friday. */
const MAS_DU_TAUREAU = stop(
  'mas',
  'Parvis du Mas du Taureau',
  '69256',
  'Vaulx-en-Velin',
  45.78,
  4.929,
  'We 18:30-20:00',
);
const GUICHARD = stop('guichard', 'Place Guichard', '69383', 'Lyon 3e', 45.7597, 4.8475, 'Tu 18:30-20:00');
const BUERS = stop('buers', 'Square des Buers', '69266', 'Villeurbanne', 45.7785, 4.9105, 'Fr 18:30-20:00');

const structures = [
  aStructure(1, { nom: 'Maraude du soir', code_insee: '69383', commune: 'Lyon', latitude: 45.76, longitude: 4.85 }),
  aStructure(2, { nom: 'Restaurant solidaire de Villeurbanne', code_insee: '69266', commune: 'Villeurbanne' }),
  aStructure(3, { nom: 'Restaurant du Village', code_insee: '69256', commune: 'Vaulx-en-Velin' }),
];
structures[1] = { ...(structures[1] as (typeof structures)[number]), latitude: 45.766, longitude: 4.884 };
structures[2] = { ...(structures[2] as (typeof structures)[number]), latitude: 45.7785, longitude: 4.9225 };

const meal = (n: number, overrides: Partial<Service>): Service =>
  aService(n, 1, {
    nom: 'Repas chaud',
    categorie: 'solidarity_restaurant',
    horaires_accueil: 'Mo-Sa 11:45-13:30',
    ...overrides,
  });
const maraude = (arrets: Arret[]) =>
  aService(1, 1, { nom: 'Maraude : repas chauds', categorie: 'food_distribution', arrets });

function orientIn(services: Service[], profile: Profile, now = TUESDAY_10H): Orientation {
  const snapshot = prepareDirectory(structures, services);
  return orient(profile, snapshot, now, { hours });
}
const onFootAt = (latitude: number, longitude: number, extra: Partial<Profile> = {}): Profile => ({
  lieu: { code_insee: '69256', position: { latitude, longitude } },
  mobilite: { mode: 'pied' },
  besoins: ['repas'],
  ...extra,
});
const ids = (o: Orientation) => o.results.map((r) => r.service_id);
const the = (o: Orientation, id: string): ServiceResult => {
  const r = o.results.find((x) => x.service_id === id);
  if (!r) throw new Error(`${id} not among the results`);
  return r;
};
const dayOf = (instant: number | undefined) =>
  instant === undefined
    ? ''
    : new Date(instant).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long' });

describe('a person on foot in Vaulx-en-Velin, a hot meal', () => {
  // 300 m from the Mas du Taureau stop; the restaurant of Villeurbanne is 3.6 km away.
  const person = onFootAt(45.7785, 4.9265);
  const farRestaurant = meal(2, {});

  test('the maraude’s stop tomorrow nearby comes above a farther fixed restaurant', () => {
    const o = orientIn([maraude([GUICHARD, MAS_DU_TAUREAU, BUERS]), farRestaurant], person);
    expect(ids(o)).toEqual(['test--s1-1', 'test--s2-1']);
    const r = the(o, 'test--s1-1');
    expect(r.stop).toMatchObject({ id: 'mas', nom: 'Parvis du Mas du Taureau', code_insee: '69256' });
    expect(r.distance_km).toBeLessThan(0.6);
    expect(dayOf(r.next_openings[0]?.start)).toBe('mercredi');
    expect(the(o, 'test--s2-1').distance_km).toBeGreaterThan(3);
  });

  test('the service is shown once, at that stop, never once per stop', () => {
    const o = orientIn([maraude([GUICHARD, MAS_DU_TAUREAU, BUERS]), farRestaurant], person);
    expect([...o.results, ...o.excluded].filter((r) => r.service_id === 'test--s1-1')).toHaveLength(1);
  });

  test('a maraude whose stops are all far away stays below a fixed restaurant within walking distance', () => {
    const nearRestaurant = meal(3, {});
    const o = orientIn([maraude([GUICHARD]), nearRestaurant], person);
    expect(ids(o)).toEqual(['test--s3-1', 'test--s1-1']);
    const r = the(o, 'test--s1-1');
    expect(r.stop?.id).toBe('guichard');
    expect(r.distance_km).toBeGreaterThan(5);
    expect(r.reasons.map((x) => x.code)).toContain('distance_beyond_mobility');
  });

  test('needing a meal today, the stop passing tonight wins over a nearer one on Friday', () => {
    const tonight = { ...BUERS, id: 'tonight', horaires: 'Tu 18:30-20:00' };
    const friday = { ...MAS_DU_TAUREAU, id: 'friday', horaires: 'Fr 18:30-20:00' };
    const o = orientIn([maraude([friday, tonight])], onFootAt(45.7785, 4.9265, { urgence: 'aujourdhui' }));
    expect(the(o, 'test--s1-1').stop?.id).toBe('tonight');
    expect(dayOf(the(o, 'test--s1-1').next_openings[0]?.start)).toBe('mardi');
  });

  test('with a stated maximum of 1 km, a maraude with no stop within it is excluded, once', () => {
    const o = orientIn(
      [maraude([GUICHARD, BUERS])],
      onFootAt(45.7785, 4.9265, { mobilite: { mode: 'pied', distance_max_km: 1 } }),
    );
    expect(ids(o)).toEqual([]);
    expect(o.excluded.map((r) => r.service_id)).toEqual(['test--s1-1']);
    expect(o.excluded[0]?.reasons.map((x) => x.code)).toContain('distance_beyond_max');
  });

  test('a stop within the maximum keeps the service among the results, its far stops left aside', () => {
    const o = orientIn(
      [maraude([GUICHARD, MAS_DU_TAUREAU])],
      onFootAt(45.7785, 4.9265, { mobilite: { mode: 'pied', distance_max_km: 1 } }),
    );
    expect(the(o, 'test--s1-1').stop?.id).toBe('mas');
    expect(o.excluded).toEqual([]);
  });
});

describe('search and coverage find a service that moves where it stops', () => {
  const snapshot = prepareDirectory(structures, [
    maraude([GUICHARD, MAS_DU_TAUREAU, { ...MAS_DU_TAUREAU, id: 'mas-2', horaires: 'Sa 12:00-13:00' }]),
  ]);

  test('the Annuaire’s commune filter finds it in each commune it stops in, not only at its structure', () => {
    const inVaulx = search(snapshot, '', { commune: '69256' }, TUESDAY_10H);
    expect(inVaulx.hits.map((h) => h.service_id)).toEqual(['test--s1-1']);
    expect(search(snapshot, '', { commune: '69266' }, TUESDAY_10H).total).toBe(0);
  });

  test('« ouvert cette semaine » reads the stops’ hours', () => {
    expect(search(snapshot, '', { ouvert: 'semaine' }, TUESDAY_10H, { hours }).total).toBe(1);
  });

  test('coverage counts it once in each commune it stops in, with the days of all its stops there', () => {
    const matrix = computeCoverage(snapshot, TUESDAY_10H, { hours });
    const cells = matrix.byNeed.get('repas') ?? [];
    const cell = (code: string) => cells.find((c) => c.code === code);
    expect(cell('69256')?.services).toBe(1);
    expect(cell('69256')?.days).toBe(2);
    expect(cell('69383')?.services).toBe(1);
    expect(cell('69123')?.services).toBe(1);
  });
});

describe('the agenda lists the passages of services that move', () => {
  const snapshot = prepareDirectory(structures, [maraude([GUICHARD, MAS_DU_TAUREAU, BUERS]), meal(2, {})]);
  const weekEnd = Date.parse('2026-11-08T23:59:00+01:00');

  test('each stop’s passages this week in time order, the fixed restaurant not among them', () => {
    const passages = stopPassagesBetween(snapshot, hours, TUESDAY_10H, weekEnd);
    expect(passages.map((p) => [p.stop.stop?.id, dayOf(p.opening.start)])).toEqual([
      ['guichard', 'mardi'],
      ['mas', 'mercredi'],
      ['buers', 'vendredi'],
    ]);
    expect(passages.every((p) => p.stop.id === 'test--s1-1')).toBe(true);
  });

  test('by commune: only the stops there', () => {
    const inVaulx = stopPassagesBetween(snapshot, hours, TUESDAY_10H, weekEnd, { code_insee: '69256' });
    expect(inVaulx.map((p) => p.stop.stop?.id)).toEqual(['mas']);
    const inLyon = stopPassagesBetween(snapshot, hours, TUESDAY_10H, weekEnd, { code_insee: '69123' });
    expect(inLyon.map((p) => p.stop.stop?.id)).toEqual(['guichard']);
  });
});
