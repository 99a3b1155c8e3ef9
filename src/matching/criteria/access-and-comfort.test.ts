// How to get there and how well it suits: one row per rule (access steps, documents, distance, diet, language,
// cooking, price, closures, saturation, freshness), a profile and one service, the verdict and the reason.
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

type Audience = 'professionnel' | 'public';

function only(
  profile: Partial<Profile>,
  overrides: Overrides,
  structure: Partial<Structure> = {},
  audience: Audience = 'professionnel',
): ServiceResult {
  const service = aService(1, 1, {
    ...overrides,
    eligibilite: { ...BASE, ...overrides.eligibilite },
  } as Partial<Service>);
  const snapshot = prepareDirectory([aStructure(1, structure)], [service]);
  const o = orient({ besoins: [], ...profile }, snapshot, NOW, { audience });
  const r = [...o.results, ...o.excluded][0];
  if (!r) throw new Error('no result');
  return r;
}

type Row = [string, Partial<Profile>, Overrides, Verdict, ReasonCode, object?, Audience?];

const ON_REFERRAL: Overrides = {
  eligibilite: { sur_orientation: true, sur_rendez_vous: true },
  fiche_liaison: { requise: true, canaux: ['courriel'], champs: [], courriel: 'a@example.org' },
};

const rows: Row[] = [
  [
    'for a person looking by themselves, a referral makes it to check, with the fiche',
    {},
    ON_REFERRAL,
    'to_check',
    'needs_referral',
    { fiche: true, canaux: ['courriel'] },
    'public',
  ],
  [
    'for a professional, a referral (and the appointment it arranges) leaves it eligible, with the fiche to send',
    {},
    ON_REFERRAL,
    'eligible',
    'needs_referral',
    { fiche: true, canaux: ['courriel'] },
  ],
  ['an appointment makes it to check', {}, { eligibilite: { sur_rendez_vous: true } }, 'to_check', 'needs_appointment'],
  [
    'a registration makes it to check',
    {},
    { eligibilite: { sur_inscription: true } },
    'to_check',
    'needs_registration',
  ],
  [
    'no papers: an identity document is to check',
    { situation_administrative: 'sans-titre' },
    { eligibilite: { justificatifs: ['piece-identite'] } },
    'to_check',
    'document_may_be_missing',
    { document: 'piece-identite' },
  ],
  [
    'required documents are listed',
    {},
    { eligibilite: { justificatifs: ['attestation-caf'] } },
    'eligible',
    'documents_required',
    { documents: ['attestation-caf'] },
  ],
  [
    'beyond the explicit maximum distance excludes',
    { lieu: { code_insee: '69266' }, mobilite: { mode: 'voiture', distance_max_km: 3 } },
    {},
    'excluded',
    'distance_beyond_max',
  ],
  [
    'beyond the usual walking distance is a penalty',
    { lieu: { code_insee: '69266' }, mobilite: { mode: 'pied' } },
    {},
    'eligible',
    'distance_beyond_mobility',
  ],
  [
    'a service also at a distance needs no travel',
    { lieu: { code_insee: '69266' }, mobilite: { mode: 'pied', distance_max_km: 1 } },
    { modes_accueil: ['en-presentiel', 'a-distance'] },
    'eligible',
    'remote_possible',
  ],
  [
    'a declared diet is a plus',
    { regimes: ['halal'] },
    { regimes: ['halal'] },
    'eligible',
    'diet_supported',
    { regimes: ['halal'] },
  ],
  [
    'halal food is pork-free',
    { regimes: ['sans-porc'] },
    { regimes: ['halal'] },
    'eligible',
    'diet_supported',
    { regimes: ['sans-porc'] },
  ],
  ['an undeclared diet is a minus, not an exclusion', { regimes: ['vegetarien'] }, {}, 'eligible', 'diet_not_declared'],
  [
    'a team speaking the person’s language is a plus',
    { langues: ['ar'] },
    { langues: ['fr', 'ar'] },
    'eligible',
    'language_spoken',
    { langues: ['ar'] },
  ],
  [
    'no common language is a minus, not an exclusion',
    { langues: ['ti'] },
    {},
    'eligible',
    'language_not_spoken',
    { langues: ['ti'] },
  ],
  ['cannot cook: a colis is a minus', { peut_cuisiner: false }, {}, 'eligible', 'needs_cooking', { inferred: false }],
  [
    'cannot cook: a meal is a plus',
    { peut_cuisiner: false },
    { categorie: 'solidarity_restaurant' },
    'eligible',
    'ready_to_eat',
  ],
  ['a paid service says so', {}, { tarif: { type: 'payant' } }, 'eligible', 'paid'],
  [
    'a closure until further notice excludes',
    {},
    { infos_temporaires: [{ id: 'f', type: 'fermeture', debut: '2026-10-01', message: 'Travaux' }] },
    'excluded',
    'closed_until',
    { until: null },
  ],
  [
    'a closure ending later is a penalty without urgency',
    {},
    { infos_temporaires: [{ id: 'f', type: 'fermeture', debut: '2026-11-01', fin: '2026-11-05', message: 'Travaux' }] },
    'eligible',
    'closed_until',
    { until: '2026-11-05' },
  ],
  [
    'a closure today excludes for today’s urgency',
    { urgence: 'aujourdhui' },
    {
      infos_temporaires: [{ id: 'f', type: 'fermeture', debut: '2026-11-03', fin: '2026-11-03', message: 'Formation' }],
    },
    'excluded',
    'closed_until',
    { until: '2026-11-03' },
  ],
  [
    'exceptional hours today are mentioned',
    {},
    {
      infos_temporaires: [
        {
          id: 'e',
          type: 'horaires-exceptionnels',
          debut: '2026-11-01',
          fin: '2026-11-10',
          horaires: 'We 14:00-16:00',
          message: 'Vacances',
        },
      ],
    },
    'eligible',
    'exceptional_hours',
    { until: '2026-11-10' },
  ],
  ['a full service says there is a waiting list', {}, { capacite: { etat: 'complet' } }, 'eligible', 'waiting_list'],
  [
    'a listing verified two years ago is obsolete',
    {},
    { verification: { le: '2024-10-01T10:00:00Z', par: 'Partenaire' } },
    'eligible',
    'listing_obsolete',
    { months: 25 },
  ],
  [
    'a never-verified listing says so',
    {},
    { date_maj: '2026-05-01' },
    'eligible',
    'never_verified',
    { months_since_change: 6 },
  ],
];

describe('each access and comfort rule gives its verdict and its reason', () => {
  test.each(rows)('%s', (_label, profile, overrides, verdict, code, params, audience) => {
    const r = only(profile, overrides, {}, audience);
    expect(r.verdict).toBe(verdict);
    const reason = r.reasons.find((x) => x.code === code);
    expect(reason, `reasons: ${r.reasons.map((x) => x.code).join(', ')}`).toBeDefined();
    if (params) expect(reason?.params).toEqual(params);
  });
});

describe('a service on referral, by who orients', () => {
  test('a professional gets the action « send the fiche de liaison », and no doubt to check', () => {
    const r = only({}, ON_REFERRAL);
    expect(r.action).toBe('fiche_liaison');
    expect(r.reasons.filter((x) => x.kind === 'to_check')).toEqual([]);
    expect(r.reasons.filter((x) => x.kind === 'action').map((x) => x.code)).toEqual([
      'needs_referral',
      'needs_appointment',
    ]);
  });

  test('the public gets no action: the referral and the appointment are to check', () => {
    const r = only({}, ON_REFERRAL, {}, 'public');
    expect(r.action).toBeNull();
    expect(r.reasons.filter((x) => x.kind === 'to_check').map((x) => x.code)).toEqual([
      'needs_referral',
      'needs_appointment',
    ]);
  });

  test('a doubt stays a doubt beside the action: no papers, an identity document asked', () => {
    const r = only(
      { situation_administrative: 'sans-titre' },
      { ...ON_REFERRAL, eligibilite: { sur_orientation: true, justificatifs: ['piece-identite'] } },
    );
    expect(r.verdict).toBe('to_check');
    expect(r.action).toBe('fiche_liaison');
  });
});
