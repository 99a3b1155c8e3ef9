// Situations across the Métropole as a social worker would try them, on one hand-built directory
// (tests/fixtures/metropole-directory.ts), each with what an experienced worker expects of the first results —
// never a replay of the scores: « the first result is an épicerie within 2 km open this week », « no basket
// subscription above the first épicerie », « nothing beyond the stated maximum distance ».
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { metropoleDirectory, SUNDAY_19H, TUESDAY_10H } from '../../../tests/fixtures/metropole-directory.ts';
import type { Profile } from '../../domain/profile.ts';
import { serviceSchema } from '../../domain/service.ts';
import type { FoodCategoryValue } from '../../domain/vocabulary.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { readyToEat } from '../needs.ts';
import { prepareDirectory } from '../snapshot.ts';
import { reachKm } from '../travel.ts';
import { orient } from './orient.ts';
import type { Orientation, OrientOptions, ServiceResult } from './types.ts';

const directory = metropoleDirectory();
const snapshot = prepareDirectory(directory.structures, directory.services);
const hours = createHoursEngine(opening_hours);
const WEEK = 7 * 86_400_000;

function orientFor(profile: Profile, at = TUESDAY_10H, options: OrientOptions = {}): Orientation {
  return orient(profile, snapshot, Date.parse(at), { hours, audience: 'professionnel', ...options });
}
const id = (r: ServiceResult | undefined) => r?.service_id.replace('metro--', '');
const names = (o: Orientation) => o.results.map(id);
const categoryOf = (r: ServiceResult): FoodCategoryValue | null => snapshot.byId.get(r.service_id)?.category ?? null;
const communeOf = (r: ServiceResult) => snapshot.byId.get(r.service_id)?.communeCode;
/** Place in the results, 1-based; Infinity when not among them (excluded or not relevant). */
const placeOf = (o: Orientation, name: string) => {
  const i = o.results.findIndex((r) => id(r) === name);
  return i < 0 ? Number.POSITIVE_INFINITY : i + 1;
};
const find = (o: Orientation, name: string): ServiceResult => {
  const r = [...o.results, ...o.excluded].find((x) => id(x) === name);
  if (!r) throw new Error(`${name} not in the answer`);
  return r;
};
const opensWithin = (r: ServiceResult, at: string, ms: number) =>
  r.current_opening !== null || (r.next_openings[0] !== undefined && r.next_openings[0].start < Date.parse(at) + ms);
const codes = (r: ServiceResult) => r.reasons.map((x) => x.code);
const first = (o: Orientation): ServiceResult => {
  const r = o.results[0];
  if (!r) throw new Error('no result');
  return r;
};

test('the fixture directory is valid data, as partners would publish it', () => {
  for (const s of directory.services) expect(serviceSchema.safeParse(s).success, s.id).toBe(true);
});

describe('Mme K., two children of 4 and 9, Vaulx-en-Velin, RSA, no car, halal, cheap shopping this week', () => {
  const profile: Profile = {
    lieu: { code_insee: '69256' },
    genre: 'femme',
    foyer: { adultes: 1, ages_enfants: [4, 9] },
    ressources: 'minima-sociaux',
    mobilite: { mode: 'transports' },
    regimes: ['halal'],
    urgence: 'semaine',
    besoins: ['epicerie-solidaire'],
  };
  const o = orientFor(profile);

  test('the first result is the épicerie of Vaulx, within 2 km, open this week', () => {
    const r = first(o);
    expect(id(r)).toBe('vaulx-epicerie');
    expect(r.distance_km).toBeLessThanOrEqual(2);
    expect(opensWithin(r, TUESDAY_10H, WEEK)).toBe(true);
  });

  test('for the worker it is eligible, with one thing to do: send the fiche de liaison', () => {
    expect(id(o.results.find((r) => r.verdict === 'eligible'))).toBe('vaulx-epicerie');
    const r = find(o, 'vaulx-epicerie');
    expect(r.verdict).toBe('eligible');
    expect(r.action).toBe('fiche_liaison');
    expect(r.reasons.filter((x) => x.kind === 'to_check')).toEqual([]);
  });

  test('no basket subscription above the first épicerie; the Givors basket below all within reach open this week', () => {
    const firstShop = o.results.findIndex((r) => categoryOf(r) === 'social_grocery_stores');
    expect(o.results.slice(0, firstShop).filter((r) => categoryOf(r) === 'solidarity_basket')).toEqual([]);
    const givors = placeOf(o, 'givors-amap');
    const reachable = o.results.filter(
      (r) => r.distance_km !== null && r.distance_km <= reachKm('transports') && opensWithin(r, TUESDAY_10H, WEEK),
    );
    expect(reachable.length).toBeGreaterThan(3);
    for (const r of reachable) expect(placeOf(o, id(r) ?? ''), id(r)).toBeLessThan(givors);
  });

  test('the monthly buying group with no session this week comes after what opens this week', () => {
    const vrac = placeOf(o, 'vaulx-vrac');
    const openThisWeek = o.results.filter((r) => opensWithin(r, TUESDAY_10H, WEEK)).map((r) => placeOf(o, id(r) ?? ''));
    expect(Math.max(...openThisWeek)).toBeLessThan(vrac);
  });

  test('the trip is estimated by public transport, as she has no car', () => {
    const r = find(o, 'vaulx-epicerie');
    expect(o.travel.counted_as).toBe('transports');
    expect(r.travel_min?.transports).toBeGreaterThanOrEqual(10);
    expect(r.travel_min?.transports).toBeLessThanOrEqual(25);
  });

  test('looking by herself, the same épicerie stays « à vérifier »: the referral is for a professional to send', () => {
    const self = orientFor(profile, TUESDAY_10H, { audience: 'public' });
    const r = find(self, 'vaulx-epicerie');
    expect(r.verdict).toBe('to_check');
    expect(r.action).toBeNull();
    expect(codes(r)).toContain('needs_referral');
  });
});

describe('a family of five in Vénissieux on minima sociaux, food this week', () => {
  const o = orientFor({
    lieu: { code_insee: '69259' },
    foyer: { adultes: 2, ages_enfants: [1, 6, 9] },
    ressources: 'minima-sociaux',
    mobilite: { mode: 'transports' },
    urgence: 'semaine',
    besoins: ['aide-alimentaire', 'epicerie-solidaire'],
  });

  test('the first result is within 2 km and open this week', () => {
    expect(first(o).distance_km).toBeLessThanOrEqual(2);
    expect(opensWithin(first(o), TUESDAY_10H, WEEK)).toBe(true);
  });

  test('the CCAS vouchers 200 m away rank above a monthly buying group 7 km away', () => {
    expect(find(o, 'venissieux-ccas-bons').distance_km).toBeLessThan(0.5);
    expect(placeOf(o, 'venissieux-ccas-bons')).toBeLessThan(placeOf(o, 'gratte-ciel-vrac'));
  });

  test('the épicerie of Bron is for Bron’s residents: excluded, with the reason', () => {
    expect(find(o, 'bron-epicerie').verdict).toBe('excluded');
    expect(codes(find(o, 'bron-epicerie'))).toContain('zone_outside');
  });
});

test('a woman in Vénissieux on a low income, cheap groceries this week: the épicerie before the basket next door', () => {
  const o = orientFor({
    lieu: { code_insee: '69259' },
    ressources: 'bas-revenus',
    mobilite: { mode: 'transports' },
    urgence: 'semaine',
    besoins: ['epicerie-solidaire'],
  });
  expect(find(o, 'minguettes-panier').distance_km).toBeLessThan(0.3);
  expect(categoryOf(first(o))).toBe('social_grocery_stores');
  const firstShop = o.results.findIndex((r) => categoryOf(r) === 'social_grocery_stores');
  expect(o.results.slice(0, firstShop).filter((r) => categoryOf(r) === 'solidarity_basket')).toEqual([]);
});

test('a housed woman of 30 in Villeurbanne, food aid: the colis open to all next door before the women’s shelter', () => {
  const o = orientFor({
    age: 30,
    genre: 'femme',
    lieu: { position: { latitude: 45.766, longitude: 4.8905 } },
    besoins: ['aide-alimentaire'],
  });
  expect(placeOf(o, 'villeurbanne-colis')).toBeLessThan(placeOf(o, 'abri-femmes'));
  expect(find(o, 'abri-femmes').reasons).toContainEqual({
    code: 'public_exclusive',
    kind: 'info',
    params: { publics: ['femmes'] },
  });
});

test('a woman of 80 on foot at the Croix-Rousse, a meal: the first is within a 30-minute walk', () => {
  const o = orientFor({
    age: 80,
    genre: 'femme',
    lieu: { position: { latitude: 45.778, longitude: 4.835 } },
    mobilite: { mode: 'pied' },
    besoins: ['repas'],
  });
  expect(first(o).travel_min?.pied).toBeLessThanOrEqual(30);
  expect(codes(find(o, 'vaise-restaurant-seniors'))).toContain('distance_beyond_mobility');
});

describe('a woman in Lyon 3e who needs food aid, nothing else said', () => {
  const o = orientFor({ genre: 'femme', lieu: { code_insee: '69383' }, besoins: ['aide-alimentaire'] });

  test('the women-only day shelter in Villeurbanne does not come first; the first is within 2 km', () => {
    expect(id(first(o))).not.toBe('abri-femmes');
    expect(first(o).distance_km).toBeLessThanOrEqual(2);
  });

  test('living in Vénissieux, the shelter 7 km away is not among her first three', () => {
    const south = orientFor({ genre: 'femme', lieu: { code_insee: '69259' }, besoins: ['aide-alimentaire'] });
    expect(placeOf(south, 'abri-femmes')).toBeGreaterThan(3);
  });
});

test('a woman of 34 with no fixed address near Gratte-Ciel, a meal today: the women’s shelter among the first two', () => {
  const o = orientFor({
    age: 34,
    genre: 'femme',
    sans_domicile_fixe: true,
    urgence: 'aujourdhui',
    lieu: { position: { latitude: 45.771, longitude: 4.889 } },
    besoins: ['repas'],
  });
  expect(placeOf(o, 'abri-femmes')).toBeLessThanOrEqual(2);
  expect(find(o, 'abri-femmes').verdict).toBe('eligible');
});

describe('a 19-year-old in Lyon 7e looking for cheap groceries', () => {
  test('resources not said: the épicerie for all comes first, the student-only one is « à vérifier », below it', () => {
    const o = orientFor({ age: 19, lieu: { code_insee: '69387' }, besoins: ['epicerie-solidaire'] });
    expect(id(first(o))).toBe('guillotiere-epicerie');
    expect(first(o).verdict).toBe('eligible');
    const students = find(o, 'gerland-epicerie-etudiante');
    expect(students.verdict).toBe('to_check');
    expect(students.missing).toContain('ressources');
  });

  test('near the Gerland campus, resources not said: the épicerie open to all before the students’ one next door', () => {
    const o = orientFor({
      age: 19,
      lieu: { position: { latitude: 45.735, longitude: 4.836 } },
      besoins: ['epicerie-solidaire'],
    });
    expect(find(o, 'gerland-epicerie-etudiante').distance_km).toBeLessThan(
      find(o, 'guillotiere-epicerie').distance_km ?? 0,
    );
    expect(placeOf(o, 'guillotiere-epicerie')).toBeLessThan(placeOf(o, 'gerland-epicerie-etudiante'));
  });

  test('not a student (no resources): the students’ épicerie is not offered at all', () => {
    const o = orientFor({
      age: 19,
      ressources: 'sans-ressources',
      lieu: { code_insee: '69387' },
      besoins: ['epicerie-solidaire'],
    });
    expect(find(o, 'gerland-epicerie-etudiante').verdict).toBe('excluded');
    expect(id(first(o))).toBe('guillotiere-epicerie');
  });

  test('a student: the students’ épicerie made for them comes first', () => {
    const o = orientFor({
      age: 20,
      ressources: 'etudiant',
      lieu: { code_insee: '69387' },
      besoins: ['epicerie-solidaire'],
    });
    expect(id(first(o))).toBe('gerland-epicerie-etudiante');
  });
});

test('a man of 78 in Caluire who walks, at most 1 km: the seniors’ restaurant first, nothing beyond 1 km', () => {
  const o = orientFor({
    age: 78,
    ressources: 'retraite',
    lieu: { position: { latitude: 45.7975, longitude: 4.8516 } },
    mobilite: { mode: 'pied', distance_max_km: 1 },
    besoins: ['repas'],
  });
  expect(id(first(o))).toBe('caluire-seniors');
  expect(o.results.every((r) => r.distance_km !== null && r.distance_km <= 1)).toBe(true);
  expect(find(o, 'caluire-repas-partage').verdict).toBe('excluded');
});

test('an isolated man of 82 in Vaise, on foot, no rush, a meal and company: a meal within a walk comes first', () => {
  const o = orientFor({
    age: 82,
    genre: 'homme',
    lieu: { code_insee: '69389' },
    mobilite: { mode: 'pied' },
    urgence: 'pas-presse',
    besoins: ['repas', 'lien-social'],
  });
  const r = first(o);
  expect(['vaise-restaurant-seniors', 'vaise-repas-partage']).toContain(id(r));
  expect(r.travel_min?.pied).toBeLessThanOrEqual(30);
  expect(o.results.slice(0, 3).every((x) => (x.travel_min?.pied ?? 0) <= 30)).toBe(true);
});

describe('a man with no papers and no fixed address at the Guillotière, food today', () => {
  const o = orientFor({
    genre: 'homme',
    situation_administrative: 'sans-titre',
    sans_domicile_fixe: true,
    urgence: 'aujourdhui',
    lieu: { position: { latitude: 45.753, longitude: 4.842 } },
    besoins: ['repas', 'aide-alimentaire'],
  });

  test('the first result is a meal served today within a walk', () => {
    const r = first(o);
    expect(readyToEat(categoryOf(r))).toBe(true);
    expect(opensWithin(r, TUESDAY_10H, 14 * 3_600_000)).toBe(true);
    expect(r.distance_km).toBeLessThanOrEqual(1.5);
  });

  test('no colis or épicerie among the first three; nothing asking for papers above the first meal', () => {
    const raw: (FoodCategoryValue | null)[] = ['food_packages', 'social_grocery_stores', 'buying_group'];
    expect(o.results.slice(0, 3).filter((r) => raw.includes(categoryOf(r)))).toEqual([]);
    expect(find(o, 'lyon3-colis-papiers').verdict).toBe('excluded');
    expect(placeOf(o, 'lyon7-colis')).toBeGreaterThan(3);
  });
});

describe('« un repas chaud aujourd’hui » in Mermoz (Lyon 8e), no kitchen', () => {
  const o = orientFor({
    urgence: 'aujourdhui',
    peut_cuisiner: false,
    lieu: { position: { latitude: 45.734, longitude: 4.88 } },
    besoins: ['repas'],
  });

  test('the restaurant solidaire 300 m away, open at lunch today, comes first', () => {
    expect(id(first(o))).toBe('mermoz-restaurant');
    expect(first(o).distance_km).toBeLessThanOrEqual(0.5);
  });

  test('the monthly neighbourhood meal, next week or later, ranks below it', () => {
    expect(placeOf(o, 'mermoz-repas-quartier')).toBeGreaterThan(placeOf(o, 'mermoz-restaurant'));
    expect(codes(find(o, 'mermoz-repas-quartier'))).toContain('not_open_today');
  });

  test('the canteen closed for works this week is not offered, and says until when', () => {
    expect(find(o, 'etats-unis-cantine').verdict).toBe('excluded');
    expect(find(o, 'etats-unis-cantine').reasons).toContainEqual({
      code: 'closed_until',
      kind: 'excludes',
      params: { until: '2026-11-08' },
    });
  });
});

test('an asylum-seeking family speaking Arabic in Lyon 7e: the exiles’ meal where Arabic is spoken comes first', () => {
  const o = orientFor({
    situation_administrative: 'demandeur-asile',
    langues: ['ar'],
    foyer: { adultes: 2, ages_enfants: [3, 7] },
    lieu: { code_insee: '69387' },
    mobilite: { mode: 'transports' },
    besoins: ['aide-alimentaire'],
  });
  expect(id(first(o))).toBe('guillotiere-exiles');
  expect(codes(first(o))).toContain('language_spoken');
  expect(find(o, 'lyon3-colis-papiers').verdict).toBe('excluded');
});

test('in Givors, RSA, no car, cheap groceries: Givors first, nothing in Lyon above what Givors offers', () => {
  const o = orientFor({
    lieu: { code_insee: '69091' },
    ressources: 'minima-sociaux',
    mobilite: { mode: 'transports' },
    besoins: ['epicerie-solidaire'],
  });
  expect(id(first(o))).toBe('givors-epicerie');
  const lastGivors = Math.max(...o.results.filter((r) => communeOf(r) === '69091').map((r) => placeOf(o, id(r) ?? '')));
  expect(o.results.slice(0, lastGivors).every((r) => communeOf(r) === '69091')).toBe(true);
});

test('a family in Rillieux with a car, groceries and fresh vegetables: their épicerie first, the garden below', () => {
  const o = orientFor({
    lieu: { code_insee: '69286' },
    foyer: { adultes: 2, ages_enfants: [5, 8] },
    ressources: 'bas-revenus',
    mobilite: { mode: 'voiture' },
    besoins: ['epicerie-solidaire', 'fruits-legumes'],
  });
  expect(id(first(o))).toBe('rillieux-epicerie');
  expect(first(o).action).toBe('fiche_liaison');
  expect(placeOf(o, 'rillieux-jardin')).toBeGreaterThan(1);
});

test('Meyzieu, only the commune known, food aid: the first result is in Meyzieu', () => {
  const o = orientFor({ lieu: { code_insee: '69282' }, besoins: ['aide-alimentaire'] });
  expect(communeOf(first(o))).toBe('69282');
});

test('a single mother with a six-month-old in Lyon 2e, halal: baby food among the first two, halal above not said', () => {
  const o = orientFor({
    genre: 'femme',
    foyer: { adultes: 1, ages_enfants: [0] },
    lieu: { code_insee: '69382' },
    regimes: ['halal'],
    besoins: ['bebe', 'aide-alimentaire'],
  });
  expect(placeOf(o, 'lyon2-bebe')).toBeLessThanOrEqual(2);
  expect(placeOf(o, 'lyon2-colis-halal')).toBeLessThan(placeOf(o, 'lyon2-colis'));
});

test('a man in Vénissieux who can go 3 km at most: nothing beyond 3 km, the first within 2 km', () => {
  const o = orientFor({
    lieu: { code_insee: '69259' },
    mobilite: { mode: 'transports', distance_max_km: 3 },
    besoins: ['aide-alimentaire', 'epicerie-solidaire'],
  });
  expect(o.results.length).toBeGreaterThan(0);
  expect(o.results.every((r) => r.distance_km !== null && r.distance_km <= 3)).toBe(true);
  expect(first(o).distance_km).toBeLessThanOrEqual(2);
});

test('a person in a hotel room in Villeurbanne (cannot cook): ready-to-eat first, no colis above the first meal', () => {
  const o = orientFor({
    lieu: { code_insee: '69266' },
    peut_cuisiner: false,
    besoins: ['aide-alimentaire', 'repas'],
  });
  const firstMeal = o.results.findIndex((r) => readyToEat(categoryOf(r)));
  expect(firstMeal).toBe(0);
  expect(o.results.slice(0, 3).filter((r) => categoryOf(r) === 'food_packages')).toEqual([]);
});

test('a man in a hostel with no kitchen at the Croix-Rousse, wanting company: a shared meal before a cooking workshop', () => {
  const o = orientFor({
    genre: 'homme',
    peut_cuisiner: false,
    lieu: { position: { latitude: 45.78, longitude: 4.8352 } },
    besoins: ['lien-social'],
  });
  expect(find(o, 'croix-rousse-atelier').distance_km).toBeLessThan(0.1);
  expect(categoryOf(first(o))).toBe('shared_meal');
  expect(placeOf(o, 'croix-rousse-repas-partage')).toBeLessThan(placeOf(o, 'croix-rousse-atelier'));
});

test('someone who wants to learn to cook, free on Thursday afternoons, in Lyon 4e: the Thursday workshop first', () => {
  const o = orientFor({
    lieu: { code_insee: '69384' },
    disponibilites: { jours: ['Th'], creneaux: ['apres-midi'] },
    besoins: ['cuisiner'],
  });
  expect(id(first(o))).toBe('croix-rousse-atelier');
  expect(codes(first(o))).toContain('opening_in_availability');
});

test('a person looking by themselves in Vénissieux: no listing reserved to professionals, the referral to check', () => {
  const o = orientFor(
    {
      lieu: { code_insee: '69259' },
      ressources: 'minima-sociaux',
      besoins: ['aide-alimentaire', 'epicerie-solidaire'],
    },
    TUESDAY_10H,
    { audience: 'public' },
  );
  expect(names(o)).not.toContain('minguettes-commission');
  expect(o.results.every((r) => r.action === null)).toBe(true);
  expect(find(o, 'minguettes-epicerie').verdict).toBe('to_check');
  const pro = orientFor({ lieu: { code_insee: '69259' }, besoins: ['aide-alimentaire'] });
  expect(names(pro)).toContain('minguettes-commission');
});

test('Sunday 7 pm in Lyon 3e, food tonight: the evening distribution open now first, the 24/7 fridge next', () => {
  const o = orientFor(
    { urgence: 'aujourdhui', lieu: { code_insee: '69383' }, besoins: ['repas', 'aide-alimentaire'] },
    SUNDAY_19H,
  );
  expect(id(first(o))).toBe('lyon3-maraude');
  expect(first(o).open_now).toBe(true);
  expect(o.results.slice(0, 3).map(id)).toContain('lyon3-frigo');
  expect(o.results.slice(0, 3).every((r) => r.open_now === true)).toBe(true);
});

test('a family in Saint-Priest with a car, no rush, budget and fresh produce: a buying group first, not a garden', () => {
  const o = orientFor({
    lieu: { code_insee: '69290' },
    foyer: { adultes: 2, ages_enfants: [10, 13] },
    mobilite: { mode: 'voiture' },
    urgence: 'pas-presse',
    besoins: ['budget', 'fruits-legumes'],
  });
  expect(id(first(o))).toBe('saint-priest-vrac');
  expect(placeOf(o, 'saint-priest-jardin')).toBeGreaterThan(1);
});
