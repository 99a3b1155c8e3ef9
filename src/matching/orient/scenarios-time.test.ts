// Named situations where language, time and freshness decide: each on a small hand-built directory of otherwise
// identical services, so that the one difference explains the order.
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Service } from '../../domain/service.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { Orientation, ServiceResult } from './types.ts';

const hours = createHoursEngine(opening_hours);
const FRESH = { le: '2026-10-01T10:00:00Z', par: 'Partenaire' };

/** One structure per service (so diversity plays no part), service `test--s{n}-1`. */
function run(profile: Profile, at: string, ...services: Partial<Service>[]): Orientation {
  const records = services.map((s, i) => aService(i + 1, 1, { verification: FRESH, ...s }));
  const snapshot = prepareDirectory(
    services.map((_, i) => aStructure(i + 1)),
    records,
  );
  return orient(profile, snapshot, Date.parse(at), { hours });
}
const find = (o: Orientation, n: number): ServiceResult => {
  const r = [...o.results, ...o.excluded].find((x) => x.service_id === `test--s${n}-1`);
  if (!r) throw new Error(`service ${n} not in the answer`);
  return r;
};
const codes = (r: ServiceResult) => r.reasons.map((x) => x.code);
const order = (o: Orientation) => o.results.map((r) => Number(r.service_id.split('--s')[1]?.split('-')[0]));

test('a person speaking only Arabic: the team that speaks Arabic comes first, the other stays, lower', () => {
  const o = run(
    { langues: ['ar'], besoins: ['aide-alimentaire'] },
    '2026-11-03T10:00:00+01:00',
    {},
    { langues: ['fr', 'ar'] },
  );
  expect(order(o)).toEqual([2, 1]);
  expect(find(o, 2).reasons).toContainEqual({ code: 'language_spoken', kind: 'plus', params: { langues: ['ar'] } });
  expect(find(o, 1).verdict).toBe('eligible');
  expect(codes(find(o, 1))).toContain('language_not_spoken');
});

describe('Sunday evening, food needed today', () => {
  const o = run(
    { urgence: 'aujourdhui', besoins: ['repas', 'aide-alimentaire'] },
    '2026-11-08T19:00:00+01:00',
    { categorie: 'food_distribution', horaires_accueil: 'Mo-Fr 11:30-13:30' },
    { categorie: 'food_distribution', horaires_accueil: 'Mo-Su 12:00-13:30' },
    { categorie: 'food_distribution', horaires_accueil: 'Nov-Mar: Mo-Su 18:30-20:00' },
    { categorie: 'solidarity_fridge', horaires_accueil: '24/7' },
  );

  test('what is open right now comes first: the evening meal, the 24/7 fridge', () => {
    expect(order(o).slice(0, 2).sort()).toEqual([3, 4]);
    expect(find(o, 3).open_now).toBe(true);
    expect(codes(find(o, 3))).toContain('open_now');
    expect(find(o, 3).current_opening?.end).toBe(Date.parse('2026-11-08T20:00:00+01:00'));
  });

  test('lunchtime services are not open again today and say when they next open', () => {
    const monday = find(o, 1);
    expect(monday.open_now).toBe(false);
    expect(monday.reasons).toContainEqual({
      code: 'not_open_today',
      kind: 'minus',
      params: { next: Date.parse('2026-11-09T11:30:00+01:00') },
    });
    expect(order(o).slice(2)).toEqual(expect.arrayContaining([1, 2]));
  });
});

describe('a service closed for the holidays this week', () => {
  const closed: Partial<Service> = {
    horaires_accueil: 'Mo-Fr 09:00-12:00',
    infos_temporaires: [
      { id: 'f1', type: 'fermeture', debut: '2026-12-19', fin: '2027-01-04', message: 'Fermeture des fêtes' },
    ],
  };
  const open: Partial<Service> = { horaires_accueil: 'Mo-Fr 09:00-12:00' };
  const at = '2026-12-22T10:00:00+01:00';

  test('needing food this week, it is excluded, with the day it reopens after', () => {
    const o = run({ urgence: 'semaine', besoins: ['aide-alimentaire'] }, at, closed, open);
    expect(find(o, 1).verdict).toBe('excluded');
    expect(find(o, 1).reasons).toContainEqual({
      code: 'closed_until',
      kind: 'excludes',
      params: { until: '2027-01-04' },
    });
  });

  test('with no rush, it stays, below the open one, and its next opening is after the closure', () => {
    const o = run({ urgence: 'pas-presse', besoins: ['aide-alimentaire'] }, at, closed, open);
    expect(order(o)).toEqual([2, 1]);
    expect(find(o, 1).open_now).toBe(false);
    expect(find(o, 1).next_openings[0]?.day).toBe('2027-01-05');
  });
});

describe('a Th[3] workshop (third Thursday of the month)', () => {
  const workshop: Partial<Service> = { categorie: 'cooking_workshop', horaires_accueil: 'Th[3] 14:00-16:30' };

  test('its next sessions are the third Thursdays, with their exact times', () => {
    const o = run({ besoins: ['cuisiner'] }, '2026-11-01T09:00:00+01:00', workshop);
    expect(find(o, 1).next_openings.map((x) => x.day)).toEqual(['2026-11-19', '2026-12-17', '2027-01-21']);
    expect(find(o, 1).next_openings[0]?.start).toBe(Date.parse('2026-11-19T14:00:00+01:00'));
  });

  test('it fits someone free on Thursday afternoons, and not someone in a hurry this week', () => {
    const free = run(
      { besoins: ['cuisiner'], disponibilites: { jours: ['Th'], creneaux: ['apres-midi'] } },
      '2026-11-01T09:00:00+01:00',
      workshop,
    );
    expect(codes(find(free, 1))).toContain('opening_in_availability');
    const mornings = run(
      { besoins: ['cuisiner'], disponibilites: { jours: ['Th'], creneaux: ['matin'] } },
      '2026-11-01T09:00:00+01:00',
      workshop,
    );
    expect(codes(find(mornings, 1))).toContain('no_opening_in_availability');
    const hurry = run({ besoins: ['cuisiner'], urgence: 'semaine' }, '2026-11-01T09:00:00+01:00', workshop);
    expect(codes(find(hurry, 1))).toContain('not_open_this_week');
  });
});

test('a listing stale for two years ranks below an identical fresh one and says so', () => {
  const o = run(
    { besoins: ['aide-alimentaire'] },
    '2026-11-03T10:00:00+01:00',
    { verification: { le: '2024-10-15T10:00:00Z', par: 'Partenaire' } },
    {},
  );
  expect(order(o)).toEqual([2, 1]);
  expect(find(o, 1).verdict).toBe('eligible');
  expect(find(o, 1).reasons).toContainEqual({ code: 'listing_obsolete', kind: 'minus', params: { months: 24 } });
  expect(codes(find(o, 2))).toContain('verified_recently');
});

test('one structure does not fill the first page: at most 2 of its services in the first 10, the rest moved down', () => {
  const big = Array.from({ length: 6 }, (_, i) =>
    aService(1, i + 1, { verification: FRESH, tarif: { type: 'gratuit' } }),
  );
  const others = Array.from({ length: 10 }, (_, i) =>
    aService(i + 2, 1, { verification: FRESH, tarif: { type: 'payant' } }),
  );
  const snapshot = prepareDirectory(
    Array.from({ length: 11 }, (_, i) => aStructure(i + 1)),
    [...big, ...others],
  );
  const o = orient({ besoins: ['aide-alimentaire'] }, snapshot, Date.parse('2026-11-03T10:00:00+01:00'), { hours });
  const firstPage = o.results.slice(0, 10).map((r) => r.structure_id);
  expect(firstPage.filter((s) => s === 'test--s1')).toHaveLength(2);
  expect(o.results.slice(10, 14).every((r) => r.structure_id === 'test--s1')).toBe(true);
  expect(codes(o.results[10] as ServiceResult)).toContain('moved_for_diversity');
});

test('diversity never pushes a nearby service open this week below one closed all week', () => {
  const open = (n: number) => aService(1, n, { verification: FRESH, horaires_accueil: 'Mo-Fr 09:00-12:00' });
  const closed = aService(2, 1, {
    verification: FRESH,
    tarif: { type: 'payant' },
    horaires_accueil: 'Mo-Fr 09:00-12:00',
    infos_temporaires: [{ id: 'f', type: 'fermeture', debut: '2026-11-01', fin: '2026-11-15', message: 'Congés' }],
  });
  const snapshot = prepareDirectory([aStructure(1), aStructure(2)], [open(1), open(2), open(3), closed]);
  const o = orient({ besoins: ['aide-alimentaire'] }, snapshot, Date.parse('2026-11-03T10:00:00+01:00'), { hours });
  expect(o.results.map((r) => r.service_id)).toEqual(['test--s1-1', 'test--s1-2', 'test--s1-3', 'test--s2-1']);
  expect(find(o, 2).next_openings[0]?.day).toBe('2026-11-16');
});

test('missing information is listed by how many results it would decide', () => {
  const o = run(
    { besoins: ['aide-alimentaire'] },
    '2026-11-03T10:00:00+01:00',
    { eligibilite: { ...aService(0, 0).eligibilite, age_min: 18 } },
    { eligibilite: { ...aService(0, 0).eligibilite, age_max: 25 } },
    { eligibilite: { ...aService(0, 0).eligibilite, ressources: ['minima-sociaux'] } },
  );
  expect(o.missing_info.slice(0, 2)).toEqual([
    { field: 'age', effect: 'verdict', services: 2, in_top: 2 },
    { field: 'ressources', effect: 'verdict', services: 1, in_top: 1 },
  ]);
  expect(o.missing_info.filter((m) => m.effect === 'ranking').map((m) => m.field)).toContain('lieu');
  expect(find(o, 1).missing).toEqual(['age']);
});
