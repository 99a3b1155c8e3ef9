// The named situations an orientation must get right, each on a small hand-built directory whose expected answer can be
// read off the fixtures: who is included, who is excluded and why, and in what order.
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Service } from '../../domain/service.ts';
import type { Structure } from '../../domain/structure.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { Orientation, ServiceResult } from './types.ts';

const hours = createHoursEngine(opening_hours);
const base = aService(0, 0);
type Spec = Partial<Omit<Service, 'eligibilite'>> & { eligibilite?: Partial<Service['eligibilite']> };

/** Structure n with one service per spec; the service id is `test--s{n}-{i}`. */
function partner(n: number, structure: Partial<Structure>, ...specs: Spec[]): { s: Structure; services: Service[] } {
  const services = specs.map((spec, i) =>
    aService(n, i + 1, {
      ...spec,
      eligibilite: { ...base.eligibilite, ...spec.eligibilite },
      verification: spec.verification ?? { le: '2026-09-15T10:00:00Z', par: 'Partenaire' },
    } as Partial<Service>),
  );
  return { s: aStructure(n, structure), services };
}

function run(profile: Profile, at: string, ...partners: ReturnType<typeof partner>[]): Orientation {
  const snapshot = prepareDirectory(
    partners.map((p) => p.s),
    partners.flatMap((p) => p.services),
  );
  return orient(profile, snapshot, Date.parse(at), { hours });
}

const byId = (o: Orientation, id: string): ServiceResult => {
  const r = [...o.results, ...o.excluded].find((x) => x.service_id === id);
  if (!r) throw new Error(`${id} not in the answer`);
  return r;
};
const codes = (r: ServiceResult) => r.reasons.map((x) => x.code);
const order = (o: Orientation) => o.results.map((r) => r.service_id);

const VENISSIEUX = {
  code_insee: '69259',
  commune: 'Vénissieux',
  code_postal: '69200',
  latitude: 45.6975,
  longitude: 4.8857,
};
const BRON = { code_insee: '69029', commune: 'Bron', code_postal: '69500', latitude: 45.7345, longitude: 4.9119 };
const LYON7 = { code_insee: '69387', commune: 'Lyon', code_postal: '69007', latitude: 45.7456, longitude: 4.842 };
const TUESDAY_10H = '2026-11-03T10:00:00+01:00';

describe('a family of 5 in Vénissieux on minima sociaux', () => {
  const profile: Profile = {
    lieu: { code_insee: '69259' },
    foyer: { adultes: 2, ages_enfants: [1, 6, 9] },
    ressources: 'minima-sociaux',
    mobilite: { mode: 'transports' },
    besoins: ['aide-alimentaire', 'epicerie-solidaire'],
  };
  const epicerieEligibility = {
    accueil: 'exclusif' as const,
    publics: ['beneficiaires-des-minimas-sociaux' as const, 'familles' as const],
    ressources: ['minima-sociaux' as const, 'bas-revenus' as const],
    sur_orientation: true,
  };
  const o = run(
    profile,
    TUESDAY_10H,
    partner(1, VENISSIEUX, {
      nom: 'Épicerie sociale',
      categorie: 'social_grocery_stores',
      tarif: { type: 'solidaire', pourcentage_min: 10, pourcentage_max: 30, precisions: '10 à 30 %' },
      eligibilite: { ...epicerieEligibility, zone: { communes: ['69259'], qpv: [] } },
      fiche_liaison: { requise: true, canaux: ['application'], champs: [] },
    }),
    partner(2, BRON, {
      nom: 'Épicerie sociale de Bron',
      categorie: 'social_grocery_stores',
      eligibilite: { ...epicerieEligibility, zone: { communes: ['69029'], qpv: [] } },
    }),
    partner(3, VENISSIEUX, { nom: 'Colis bébé', categorie: 'baby_parcel', eligibilite: { sur_inscription: true } }),
    partner(4, VENISSIEUX, {
      nom: 'Épicerie étudiante',
      categorie: 'social_grocery_stores',
      eligibilite: { accueil: 'exclusif', publics: ['etudiants'], ressources: ['etudiant'] },
    }),
    partner(5, VENISSIEUX, { nom: 'Jardin partagé', categorie: 'community_garden' }),
  );

  test('the épicerie of their commune is eligible, for their public, in their zone: the worker sends the fiche', () => {
    const r = byId(o, 'test--s1-1');
    expect(r.verdict).toBe('eligible');
    expect(r.action).toBe('fiche_liaison');
    expect(codes(r)).toEqual(
      expect.arrayContaining(['zone_match', 'resources_match', 'public_exclusive', 'needs_referral']),
    );
  });

  test("the neighbouring commune's épicerie is excluded for its zone, the students' for its resources", () => {
    expect(byId(o, 'test--s2-1').reasons).toContainEqual({
      code: 'zone_outside',
      kind: 'excludes',
      params: { communes: ['69029'], qpv: [] },
    });
    expect(byId(o, 'test--s4-1').verdict).toBe('excluded');
    expect(codes(byId(o, 'test--s4-1'))).toContain('resources_not_accepted');
  });

  test('the baby parcel is suggested for the one-year-old although not asked for; the garden is not relevant', () => {
    expect(codes(byId(o, 'test--s3-1'))).toContain('young_child');
    expect(order(o)).not.toContain('test--s5-1');
    expect(o.not_relevant).toBe(1);
  });
});

describe('a 19-year-old student in Lyon 7e', () => {
  const profile: Profile = {
    age: 19,
    ressources: 'etudiant',
    lieu: { code_insee: '69387' },
    besoins: ['epicerie-solidaire'],
  };
  const o = run(
    profile,
    TUESDAY_10H,
    partner(1, LYON7, {
      nom: 'Épicerie étudiante',
      categorie: 'social_grocery_stores',
      eligibilite: {
        accueil: 'exclusif',
        publics: ['etudiants', 'jeunes'],
        age_min: 18,
        age_max: 28,
        ressources: ['etudiant'],
      },
    }),
    partner(2, LYON7, { nom: 'Épicerie pour tous', categorie: 'social_grocery_stores' }),
    partner(3, LYON7, { nom: 'Épicerie seniors', categorie: 'social_grocery_stores', eligibilite: { age_min: 60 } }),
    partner(4, LYON7, {
      nom: 'Épicerie lyonnaise',
      categorie: 'social_grocery_stores',
      eligibilite: { zone: { communes: ['69123'], qpv: [] } },
    }),
    partner(5, LYON7, {
      nom: 'Épicerie du 8e',
      categorie: 'social_grocery_stores',
      eligibilite: { zone: { communes: ['69388'], qpv: [] } },
    }),
  );

  test('the student épicerie made for them ranks first, above the unconditional one', () => {
    expect(order(o)[0]).toBe('test--s1-1');
    expect(codes(byId(o, 'test--s1-1'))).toEqual(
      expect.arrayContaining(['age_match', 'resources_match', 'public_exclusive']),
    );
    expect(order(o).indexOf('test--s1-1')).toBeLessThan(order(o).indexOf('test--s2-1'));
  });

  test('a seniors’ service is excluded for age; Lyon’s zone covers the 7e, the 8e’s does not', () => {
    expect(byId(o, 'test--s3-1').reasons).toContainEqual({ code: 'age_min', kind: 'excludes', params: { min: 60 } });
    expect(byId(o, 'test--s4-1').verdict).toBe('eligible');
    expect(byId(o, 'test--s5-1').verdict).toBe('excluded');
  });
});

describe('an undocumented person with no fixed address who needs food today', () => {
  const profile: Profile = {
    situation_administrative: 'sans-titre',
    sans_domicile_fixe: true,
    urgence: 'aujourdhui',
    lieu: { code_insee: '69259' },
    besoins: ['repas', 'aide-alimentaire'],
  };
  const o = run(
    profile,
    TUESDAY_10H,
    partner(1, VENISSIEUX, {
      nom: 'Repas chaud',
      categorie: 'food_distribution',
      horaires_accueil: 'Mo-Fr 11:30-13:30',
    }),
    partner(2, VENISSIEUX, {
      nom: 'Colis sur inscription',
      horaires_accueil: 'Tu 14:00-16:00',
      eligibilite: { sur_inscription: true, justificatifs: ['piece-identite', 'justificatif-domicile'] },
    }),
    partner(3, VENISSIEUX, {
      nom: 'Colis réservé',
      eligibilite: { situations_administratives: ['en-regle', 'refugie'] },
    }),
    partner(4, VENISSIEUX, {
      nom: 'Colis du CCAS',
      horaires_accueil: 'Tu 14:00-16:00',
      eligibilite: { zone: { communes: ['69259'], qpv: [] } },
    }),
    partner(5, VENISSIEUX, {
      nom: 'Repas du jeudi',
      categorie: 'food_distribution',
      horaires_accueil: 'Th 11:30-13:30',
    }),
  );

  test('an unconditional meal open today comes first', () => {
    expect(order(o)[0]).toBe('test--s1-1');
    expect(codes(byId(o, 'test--s1-1'))).toEqual(
      expect.arrayContaining(['unconditional', 'opens_today', 'ready_to_eat']),
    );
  });

  test('documents they probably lack and a registration make a colis "to check", far down', () => {
    const r = byId(o, 'test--s2-1');
    expect(r.verdict).toBe('to_check');
    expect(r.reasons.filter((x) => x.code === 'document_may_be_missing').map((x) => x.params)).toEqual([
      { document: 'piece-identite' },
      { document: 'justificatif-domicile' },
    ]);
    expect(codes(r)).toEqual(expect.arrayContaining(['slow_access_for_urgency', 'needs_cooking']));
  });

  test('a service reserved to people with papers is excluded; a residence zone is to check, not refused', () => {
    expect(codes(byId(o, 'test--s3-1'))).toContain('administrative_situation');
    expect(byId(o, 'test--s4-1').verdict).toBe('to_check');
    expect(codes(byId(o, 'test--s4-1'))).toContain('zone_no_fixed_address');
  });

  test('a meal open only on Thursday is kept but ranks below today’s', () => {
    expect(codes(byId(o, 'test--s5-1'))).toContain('not_open_today');
    expect(order(o).indexOf('test--s5-1')).toBeGreaterThan(order(o).indexOf('test--s1-1'));
  });
});

describe('a senior in Caluire who cannot travel far', () => {
  const CALUIRE = { code_insee: '69034', commune: 'Caluire-et-Cuire', code_postal: '69300' };
  const profile: Profile = {
    age: 78,
    ressources: 'retraite',
    lieu: { position: { latitude: 45.7975, longitude: 4.8516 } },
    mobilite: { mode: 'pied', distance_max_km: 1 },
    besoins: ['repas'],
  };
  const o = run(
    profile,
    TUESDAY_10H,
    partner(
      1,
      { ...CALUIRE, latitude: 45.7995, longitude: 4.8536 },
      {
        nom: 'Restaurant seniors',
        categorie: 'solidarity_restaurant',
        eligibilite: { accueil: 'exclusif', publics: ['seniors'], age_min: 60 },
      },
    ),
    partner(
      2,
      { ...CALUIRE, latitude: 45.8148, longitude: 4.8478 },
      { nom: 'Repas partagé', categorie: 'shared_meal' },
    ),
  );

  test('the commune is found from the GPS position, offline', () => {
    expect(o.location).toEqual({ commune: '69034', source: 'position', approximate: false });
  });

  test('the seniors’ restaurant nearby is eligible; a meal 2 km away is beyond their kilometre', () => {
    expect(byId(o, 'test--s1-1').verdict).toBe('eligible');
    expect(byId(o, 'test--s1-1').distance_km).toBeLessThan(1);
    const far = byId(o, 'test--s2-1');
    expect(far.verdict).toBe('excluded');
    expect(far.reasons).toContainEqual({
      code: 'distance_beyond_max',
      kind: 'excludes',
      params: { km: far.distance_km, max: 1 },
    });
    expect(far.distance_km).toBeGreaterThan(1.5);
  });
});
