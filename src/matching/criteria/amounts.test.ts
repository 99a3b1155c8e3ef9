// Épiceries' ceilings on the reste à vivre and the quotient familial: one row per case, a profile and one service,
// the verdict, the reason (with its parameters) and the field the worker is asked for.
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Eligibilite } from '../../domain/service.ts';
import { orient } from '../orient/orient.ts';
import type { ServiceResult, Verdict } from '../orient/types.ts';
import type { ProfileField, ReasonCode } from '../reasons.ts';
import { prepareDirectory } from '../snapshot.ts';

const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const BASE = aService(1, 1).eligibilite;

function only(profile: Partial<Profile>, eligibilite: Partial<Eligibilite>): ServiceResult {
  const service = aService(1, 1, { eligibilite: { ...BASE, ...eligibilite } });
  const o = orient({ besoins: [], ...profile }, prepareDirectory([aStructure(1)], [service]), NOW);
  const r = [...o.results, ...o.excluded][0];
  if (!r) throw new Error('no result');
  return r;
}

/** A single parent with two children: (1 250 − 692) / 3 / 30 = 6,20 € a day; QF estimated (900 + 350) / 3 = 417. */
const family: Partial<Profile> = {
  foyer: { adultes: 1, ages_enfants: [4, 9] },
  budget: {
    ressources: { salaires: 900, prestations_caf: 350 },
    charges: { loyer: 520, energie: 90, assurances: 32, autres: 50 },
  },
};
const withCafQf = (qf: number): Partial<Profile> => ({
  ...family,
  budget: { ressources: {}, charges: {}, quotient_familial_caf: qf },
});

type Row = [string, Partial<Profile>, Partial<Eligibilite>, Verdict, ReasonCode, object, ProfileField?];

const rows: Row[] = [
  [
    'a reste à vivre under the ceiling is eligible, with the figure',
    family,
    { reste_a_vivre_max: 8 },
    'eligible',
    'amount_match',
    { indicator: 'reste_a_vivre', max: 8, value: 6.2, estimated: false },
  ],
  [
    'a reste à vivre equal to the ceiling is eligible (≤)',
    family,
    { reste_a_vivre_max: 6.2 },
    'eligible',
    'amount_match',
    { indicator: 'reste_a_vivre', max: 6.2, value: 6.2, estimated: false },
  ],
  [
    'a reste à vivre above the ceiling excludes',
    family,
    { reste_a_vivre_max: 5 },
    'excluded',
    'amount_above',
    { indicator: 'reste_a_vivre', max: 5, value: 6.2 },
  ],
  [
    'no amount typed is to check, asking for the amounts',
    { foyer: { adultes: 1, ages_enfants: [4, 9] } },
    { reste_a_vivre_max: 8 },
    'to_check',
    'amount_unknown',
    { indicator: 'reste_a_vivre', max: 8 },
    'budget',
  ],
  [
    'amounts without the household are to check, asking for the household',
    { budget: family.budget },
    { reste_a_vivre_max: 8 },
    'to_check',
    'amount_unknown',
    { indicator: 'reste_a_vivre', max: 8 },
    'foyer',
  ],
  [
    'a QF of the CAF attestation under the ceiling is eligible',
    withCafQf(610),
    { quotient_familial_max: 700 },
    'eligible',
    'amount_match',
    { indicator: 'quotient_familial', max: 700, value: 610, estimated: false },
  ],
  [
    'a QF of the CAF attestation above the ceiling excludes',
    withCafQf(820),
    { quotient_familial_max: 700 },
    'excluded',
    'amount_above',
    { indicator: 'quotient_familial', max: 700, value: 820 },
  ],
  [
    'an estimated QF under the ceiling is eligible, said estimated',
    family,
    { quotient_familial_max: 700 },
    'eligible',
    'amount_match',
    { indicator: 'quotient_familial', max: 700, value: 417, estimated: true },
  ],
  [
    'an estimated QF above the ceiling is only to check: the attestation decides',
    family,
    { quotient_familial_max: 400 },
    'to_check',
    'amount_above_estimate',
    { indicator: 'quotient_familial', max: 400, value: 417 },
    'budget',
  ],
  [
    'no QF at all is to check',
    {},
    { quotient_familial_max: 700 },
    'to_check',
    'amount_unknown',
    { indicator: 'quotient_familial', max: 700 },
    'budget',
  ],
];

describe('amount ceilings (reste à vivre, quotient familial)', () => {
  test.each(rows)('%s', (_label, profile, eligibilite, verdict, code, params, field) => {
    const r = only(profile, eligibilite);
    expect(r.verdict).toBe(verdict);
    const reason = r.reasons.find((x) => x.code === code);
    expect(reason, `reasons: ${r.reasons.map((x) => x.code).join(', ')}`).toBeDefined();
    expect(reason?.params).toEqual(params);
    if (field) expect(r.missing).toContain(field);
  });

  test('a service stating both ceilings needs both', () => {
    expect(only(family, { reste_a_vivre_max: 8, quotient_familial_max: 700 }).verdict).toBe('eligible');
    const r = only(family, { reste_a_vivre_max: 5, quotient_familial_max: 700 });
    expect(r.verdict).toBe('excluded');
    expect(r.reasons.filter((x) => x.code.startsWith('amount_')).map((x) => x.code)).toEqual([
      'amount_above',
      'amount_match',
    ]);
  });

  test('a service without a ceiling says nothing of amounts', () => {
    const r = only(family, {});
    expect(r.reasons.some((x) => x.code.startsWith('amount_'))).toBe(false);
    expect(r.verdict).toBe('eligible');
  });

  test('the missing amounts are the question worth asking next', () => {
    const services = [1, 2, 3].map((n) => aService(1, n, { eligibilite: { ...BASE, reste_a_vivre_max: 8 } }));
    const o = orient({ besoins: [] }, prepareDirectory([aStructure(1)], services), NOW);
    expect(o.missing_info[0]).toMatchObject({ field: 'budget', effect: 'verdict', services: 3 });
  });
});
