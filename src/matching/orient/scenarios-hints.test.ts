// What professionals know becomes a matching hint — the MDM of the person's commune recommends a
// partner, colleagues tagged a service with a criterion the worker selected. Each a bonus with its reason, never an
// exclusion; on hand-built directories whose expected order can be read off the fixtures.
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Service } from '../../domain/service.ts';
import type { Structure } from '../../domain/structure.ts';
import { recommendedFor } from '../criteria/recommendations.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { Orientation, OrientOptions, ServiceResult } from './types.ts';

const hours = createHoursEngine(opening_hours);
const TUESDAY_10H = '2026-11-03T10:00:00+01:00';
const VENISSIEUX = {
  code_insee: '69259',
  commune: 'Vénissieux',
  code_postal: '69200',
  latitude: 45.6975,
  longitude: 4.8857,
};

/** Two identical épiceries next door to each other (ids test--s1-1 and test--s2-1), differing by `extra`. */
function twins(first: Partial<Structure>, firstService: Partial<Service> = {}, secondService: Partial<Service> = {}) {
  const service = (n: number, extra: Partial<Service>) =>
    aService(n, 1, {
      categorie: 'social_grocery_stores',
      verification: { le: '2026-09-15T10:00:00Z', par: 'Partenaire' },
      ...extra,
    });
  return {
    structures: [aStructure(1, { ...VENISSIEUX, ...first }), aStructure(2, VENISSIEUX)],
    services: [service(1, firstService), service(2, secondService)],
  };
}

function run(profile: Profile, directory: ReturnType<typeof twins>, options: OrientOptions = {}): Orientation {
  return orient(profile, prepareDirectory(directory.structures, directory.services), Date.parse(TUESDAY_10H), {
    hours,
    ...options,
  });
}
const byId = (o: Orientation, id: string): ServiceResult => {
  const r = [...o.results, ...o.excluded].find((x) => x.service_id === id);
  if (!r) throw new Error(`${id} not in the answer`);
  return r;
};
const codes = (r: ServiceResult) => r.reasons.map((x) => x.code);
const order = (o: Orientation) => o.results.map((r) => r.service_id);

const person: Profile = { lieu: { code_insee: '69259' }, besoins: ['epicerie-solidaire'] };

describe('a partner the MDM of the person’s commune recommends', () => {
  test('comes first among equals, with « Recommandé par la MDM de Vénissieux »', () => {
    // s2 would win the tie on its id; the recommendation puts s1 first.
    const o = run(person, twins({ recommandee_pour: ['69259'] }));
    expect(order(o).slice(0, 2)).toEqual(['test--s1-1', 'test--s2-1']);
    const reason = byId(o, 'test--s1-1').reasons.find((r) => r.code === 'mdm_recommended');
    expect(reason).toMatchObject({ kind: 'plus', params: { commune: '69259' } });
    expect(byId(o, 'test--s1-1').score - byId(o, 'test--s2-1').score).toBe(5);
  });

  test('says nothing for a person of another commune, and never excludes', () => {
    const o = run({ ...person, lieu: { code_insee: '69029' } }, twins({ recommandee_pour: ['69259'] }));
    expect(codes(byId(o, 'test--s1-1'))).not.toContain('mdm_recommended');
    expect(byId(o, 'test--s1-1').score).toBe(byId(o, 'test--s2-1').score);
  });

  test('counts across Lyon: « Lyon » said by the person, an arrondissement recommended, and the reverse', () => {
    expect(recommendedFor(['69387'], '69123')).toBe('69387');
    expect(recommendedFor(['69123'], '69383')).toBe('69123');
    expect(recommendedFor(['69259'], '69383')).toBeUndefined();
  });
});

describe('criteria colleagues gave services', () => {
  const tagged = twins({}, { criteres: ['bon accueil des familles monoparentales', 'halal'] });

  test('move a service up when the worker selects one, with « Critère de collègues : … »', () => {
    const o = run(person, tagged, { criteres: ['halal'] });
    expect(order(o)[0]).toBe('test--s1-1');
    expect(byId(o, 'test--s1-1').reasons.find((r) => r.code === 'colleague_criteria')).toMatchObject({
      kind: 'plus',
      params: { criteres: ['halal'] },
    });
  });

  test('count at most two matching criteria, and nothing without a selection', () => {
    const three = twins({}, { criteres: ['a-b', 'c-d', 'e-f'] });
    const o = run(person, three, { criteres: ['a-b', 'c-d', 'e-f'] });
    expect(byId(o, 'test--s1-1').score - byId(o, 'test--s2-1').score).toBe(8);
    const none = run(person, tagged);
    expect(codes(byId(none, 'test--s1-1'))).not.toContain('colleague_criteria');
  });

  test('never exclude a service that lacks the criterion', () => {
    const o = run(person, tagged, { criteres: ['halal'] });
    expect(byId(o, 'test--s2-1').verdict).not.toBe('excluded');
  });
});
