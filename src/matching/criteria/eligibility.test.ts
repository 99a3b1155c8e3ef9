// Who a service takes: one row per eligibility rule, a profile and one service, the verdict and the reason (with
// its parameters) the matcher must give. Each row builds its own one-service directory, so it reads on its own.
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Service } from '../../domain/service.ts';
import type { Structure } from '../../domain/structure.ts';
import { orient } from '../orient/orient.ts';
import type { ServiceResult, Verdict } from '../orient/types.ts';
import type { ReasonCode } from '../reasons.ts';
import { prepareDirectory } from '../snapshot.ts';

const NOW = Date.parse('2026-11-03T10:00:00+01:00'); // a Tuesday
const BASE = aService(1, 1).eligibilite;

type Overrides = Partial<Omit<Service, 'eligibilite'>> & { eligibilite?: Partial<Service['eligibilite']> };

function only(profile: Partial<Profile>, overrides: Overrides, structure: Partial<Structure> = {}): ServiceResult {
  const service = aService(1, 1, {
    ...overrides,
    eligibilite: { ...BASE, ...overrides.eligibilite },
  } as Partial<Service>);
  const snapshot = prepareDirectory([aStructure(1, structure)], [service]);
  const o = orient({ besoins: [], ...profile }, snapshot, NOW);
  const r = [...o.results, ...o.excluded][0];
  if (!r) throw new Error('no result');
  return r;
}

type Row = [string, Partial<Profile>, Overrides, Verdict, ReasonCode, object?];

const rows: Row[] = [
  ['age below the minimum excludes', { age: 17 }, { eligibilite: { age_min: 18 } }, 'excluded', 'age_min', { min: 18 }],
  ['age above the maximum excludes', { age: 26 }, { eligibilite: { age_max: 25 } }, 'excluded', 'age_max', { max: 25 }],
  [
    'an unknown age is to check',
    {},
    { eligibilite: { age_min: 18, age_max: 25 } },
    'to_check',
    'age_unknown',
    { min: 18, max: 25 },
  ],
  ['an age in range matches', { age: 20 }, { eligibilite: { age_min: 18, age_max: 25 } }, 'eligible', 'age_match'],
  [
    'a women-only service excludes a man',
    { genre: 'homme' },
    { eligibilite: { genre: 'femmes' } },
    'excluded',
    'gender_reserved',
    { genre: 'femmes' },
  ],
  [
    'a women-only service takes a woman',
    { genre: 'femme' },
    { eligibilite: { genre: 'femmes' } },
    'eligible',
    'gender_match',
  ],
  [
    'gender "autre" is to check, not a refusal',
    { genre: 'autre' },
    { eligibilite: { genre: 'femmes' } },
    'to_check',
    'gender_unknown',
  ],
  [
    'outside the residence zone excludes',
    { lieu: { code_insee: '69029' } },
    { eligibilite: { zone: { communes: ['69259'], qpv: [] } } },
    'excluded',
    'zone_outside',
    { communes: ['69259'], qpv: [] },
  ],
  [
    'Lyon as a zone covers an arrondissement',
    { lieu: { code_insee: '69387' } },
    { eligibilite: { zone: { communes: ['69123'], qpv: [] } } },
    'eligible',
    'zone_match',
    { commune: '69123', qpv: null },
  ],
  [
    'an unknown commune is to check',
    {},
    { eligibilite: { zone: { communes: ['69259'], qpv: [] } } },
    'to_check',
    'zone_unknown',
  ],
  [
    '"Lyon" without arrondissement is to check against an arrondissement zone',
    { lieu: { code_insee: '69123' } },
    { eligibilite: { zone: { communes: ['69388'], qpv: [] } } },
    'to_check',
    'zone_unknown',
  ],
  [
    'a QPV zone takes its residents',
    { lieu: { code_insee: '69259', code_qpv: 'QNDEMO01' } },
    { eligibilite: { zone: { communes: [], qpv: ['QNDEMO01'] } } },
    'eligible',
    'zone_match',
    { commune: null, qpv: 'QNDEMO01' },
  ],
  [
    'a QPV zone with the QPV unknown is to check',
    { lieu: { code_insee: '69259' } },
    { eligibilite: { zone: { communes: [], qpv: ['QNDEMO01'] } } },
    'to_check',
    'zone_unknown',
  ],
  [
    'no fixed address: a residence zone is to check',
    { lieu: { code_insee: '69029' }, sans_domicile_fixe: true },
    { eligibilite: { zone: { communes: ['69259'], qpv: [] } } },
    'to_check',
    'zone_no_fixed_address',
  ],
  [
    'a family-only service excludes a single person',
    { situation_familiale: 'isole' },
    { eligibilite: { situations_familiales: ['famille'] } },
    'excluded',
    'family_situation',
    { accepted: ['famille'] },
  ],
  [
    'a single parent is a family',
    { foyer: { adultes: 1, ages_enfants: [4] } },
    { eligibilite: { situations_familiales: ['famille'] } },
    'eligible',
    'family_match',
    { situation: 'monoparentale', inferred: true },
  ],
  [
    'a baby parcel without a young child excludes',
    { foyer: { adultes: 2, ages_enfants: [7] } },
    { categorie: 'baby_parcel' },
    'excluded',
    'no_young_child',
  ],
  [
    'a baby parcel with a child under 2 is a plus',
    { foyer: { adultes: 2, ages_enfants: [1, 7] } },
    { categorie: 'baby_parcel' },
    'eligible',
    'young_child',
    { age: 1 },
  ],
  [
    'an administrative restriction excludes others',
    { situation_administrative: 'sans-titre' },
    { eligibilite: { situations_administratives: ['en-regle'] } },
    'excluded',
    'administrative_situation',
  ],
  [
    'an unknown administrative situation is to check',
    {},
    { eligibilite: { situations_administratives: ['demandeur-asile'] } },
    'to_check',
    'administrative_unknown',
  ],
  [
    'resources outside the list exclude',
    { ressources: 'retraite' },
    { eligibilite: { ressources: ['minima-sociaux'] } },
    'excluded',
    'resources_not_accepted',
    { accepted: ['minima-sociaux'] },
  ],
  [
    'undeclared resources are to check',
    {},
    { eligibilite: { ressources: ['minima-sociaux'] } },
    'to_check',
    'resources_unknown',
  ],
  [
    'an exclusive public with every public decided against excludes',
    { age: 40, genre: 'homme' },
    { eligibilite: { accueil: 'exclusif', publics: ['seniors', 'femmes'] } },
    'excluded',
    'public_exclusive_mismatch',
  ],
  [
    'an exclusive public the profile cannot decide is to check',
    {},
    { eligibilite: { accueil: 'exclusif', publics: ['demandeurs-emploi'] } },
    'to_check',
    'public_exclusive_unverified',
  ],
  [
    'an exclusive reception for the person’s public is a plus',
    { ressources: 'minima-sociaux' },
    { eligibilite: { accueil: 'exclusif', publics: ['beneficiaires-des-minimas-sociaux'] } },
    'eligible',
    'public_exclusive',
  ],
  ['an unconditional reception is said', {}, {}, 'eligible', 'unconditional'],
  // Employment and disability decide the publics data·inclusion names after them.
  [
    'a service for job seekers takes a job seeker',
    { emploi: 'demandeur-emploi' },
    { eligibilite: { accueil: 'exclusif', publics: ['demandeurs-emploi'] } },
    'eligible',
    'public_exclusive',
    { publics: ['demandeurs-emploi'] },
  ],
  [
    'a service for job seekers excludes a person in work',
    { emploi: 'en-emploi' },
    { eligibilite: { accueil: 'exclusif', publics: ['demandeurs-emploi'] } },
    'excluded',
    'public_exclusive_mismatch',
  ],
  [
    'a service for people in work takes a person in work',
    { emploi: 'en-emploi' },
    { eligibilite: { accueil: 'preferentiel', publics: ['actifs'] } },
    'eligible',
    'public_preferred',
    { publics: ['actifs'] },
  ],
  [
    'a recognition (RQTH) makes a person of the disability public',
    { reconnaissances_handicap: ['rqth'] },
    { eligibilite: { accueil: 'exclusif', publics: ['personnes-en-situation-de-handicap'] } },
    'eligible',
    'public_exclusive',
    { publics: ['personnes-en-situation-de-handicap'] },
  ],
  [
    'a service for disabled people excludes a person without a disability',
    { handicap: false },
    { eligibilite: { accueil: 'exclusif', publics: ['personnes-en-situation-de-handicap'] } },
    'excluded',
    'public_exclusive_mismatch',
  ],
  [
    'a retired person is of the seniors public whatever the age given',
    { emploi: 'retraite' },
    { eligibilite: { accueil: 'exclusif', publics: ['seniors'] } },
    'eligible',
    'public_exclusive',
  ],
  [
    'a person in studies is of the students public',
    { emploi: 'etudes' },
    { eligibilite: { accueil: 'exclusif', publics: ['etudiants'] } },
    'eligible',
    'public_exclusive',
  ],
];

describe('each eligibility rule gives its verdict and its reason', () => {
  test.each(rows)('%s', (_label, profile, overrides, verdict, code, params) => {
    const r = only(profile, overrides);
    expect(r.verdict).toBe(verdict);
    const reason = r.reasons.find((x) => x.code === code);
    expect(reason, `reasons: ${r.reasons.map((x) => x.code).join(', ')}`).toBeDefined();
    if (params) expect(reason?.params).toEqual(params);
  });
  test('a public of workers, job seekers or disabled people asks for the employment or the disability', () => {
    const employment = only({}, { eligibilite: { accueil: 'exclusif', publics: ['actifs', 'demandeurs-emploi'] } });
    expect(employment.verdict).toBe('to_check');
    expect(employment.missing).toEqual(['emploi']);
    const disability = only(
      {},
      { eligibilite: { accueil: 'exclusif', publics: ['personnes-en-situation-de-handicap'] } },
    );
    expect(disability.missing).toEqual(['handicap']);
  });

  test('a structure proposed and not yet validated is excluded with the reason', () => {
    const r = only({}, {}, { statut: 'proposee' });
    expect(r.verdict).toBe('excluded');
    expect(r.reasons.map((x) => x.code)).toContain('listing_not_validated');
  });

  test('a listing for professionals only is hidden from the public audience, shown to workers', () => {
    const snapshot = prepareDirectory([aStructure(1)], [aService(1, 1, { visibilite: 'professionnels' })]);
    expect(orient({ besoins: [] }, snapshot, NOW, { audience: 'public' }).results).toHaveLength(0);
    expect(orient({ besoins: [] }, snapshot, NOW).results).toHaveLength(1);
  });
});
