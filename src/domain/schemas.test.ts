// Each kind of invalid record is rejected with the path of the faulty field and a French message, so that forms
// can show it next to the field and import reports can name it; valid minimal records pass.
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { osmOpeningHours } from './primitives.ts';
import { type Profile, profileSchema } from './profile.ts';
import { type Arret, type Service, serviceSchema } from './service.ts';
import { type Structure, structureSchema } from './structure.ts';
import { type Problem, parse } from './validation.ts';

const structure: Structure = aStructure(1, {
  nom: 'Épicerie solidaire du quartier',
  adresse: '12 rue des Tilleuls',
  code_postal: '69008',
  commune: 'Lyon',
  code_insee: '69388',
  latitude: 45.735,
  longitude: 4.869,
});

const service: Service = aService(1, 1, {
  nom: 'Colis alimentaires',
  description: 'Colis alimentaires chaque semaine.',
});
delete service.categorie;

const profile: Profile = { besoins: [] };

/** A stop of a maraude on a square of Lyon 3e. */
function stop(overrides: Partial<Arret> = {}): Arret {
  return {
    id: 'guichard',
    nom: 'Place Guichard',
    adresse: 'Place Guichard',
    code_postal: '69003',
    commune: 'Lyon 3e Arrondissement',
    code_insee: '69383',
    latitude: 45.7597,
    longitude: 4.8475,
    horaires: 'Tu 18:30-20:00',
    ...overrides,
  };
}

/** A deep copy of `valid` with `patch` applied: keys are dotted paths ("eligibilite.age_min"), values replace. */
function variant(valid: object, patch: Readonly<Record<string, unknown>>): unknown {
  const draft = structuredClone(valid) as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target = draft;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    target[last] = value;
  }
  return draft;
}

function problemsOf(schema: Parameters<typeof parse>[0], input: unknown): Problem[] {
  const parsed = parse(schema, input);
  return parsed.ok ? [] : parsed.problems;
}

/** French, for a person: a capitalised sentence, none of zod's English defaults. */
function expectFrenchMessage(message: string) {
  expect(message.trim().length).toBeGreaterThan(5);
  expect(message).toMatch(/^[A-ZÀ-ÖØ-Þ«]/u);
  expect(message).not.toMatch(/\b(Invalid|Expected|expected|received|Too (big|small)|must|should)\b/);
}

describe('valid minimal records pass', () => {
  test('a minimal structure, service and profile parse unchanged', () => {
    expect(parse(structureSchema, structure)).toEqual({ ok: true, value: structure });
    expect(parse(serviceSchema, service)).toEqual({ ok: true, value: service });
    expect(parse(profileSchema, profile)).toEqual({ ok: true, value: profile });
  });
});

/** [what is wrong, the change that makes it wrong, the path the problem must name] */
type Case = [string, Record<string, unknown>, string];

const structureCases: Case[] = [
  ['a code INSEE that is not 5 characters', { code_insee: '6938' }, 'code_insee'],
  ['a name ending with a full stop', { nom: 'Épicerie solidaire.' }, 'nom'],
  ['an invalid e-mail', { courriel: 'accueil@' }, 'courriel'],
  ['an unknown language', { langues: ['klingon'] }, 'langues[0]'],
  ['a network listed twice', { reseaux_porteurs: ['fcsf', 'fcsf'] }, 'reseaux_porteurs'],
  ['a postal code with letters', { code_postal: '69OO8' }, 'code_postal'],
  ['a QPV code of another shape', { code_qpv: 'QP069001' }, 'code_qpv'],
  ['hours that are not OSM', { horaires_accueil: 'lundi 9h–12h' }, 'horaires_accueil'],
  ['a verification without its author', { verification: { le: '2026-10-01T09:00:00Z', par: '' } }, 'verification.par'],
  ['a version 0', { version: 0 }, 'version'],
];

const serviceCases: Case[] = [
  ['a minimum age above the maximum', { 'eligibilite.age_min': 30, 'eligibilite.age_max': 25 }, 'eligibilite.age_max'],
  ['no public', { 'eligibilite.publics': [] }, 'eligibilite.publics'],
  ['an unknown food category', { categorie: 'pizzeria' }, 'categorie'],
  ['a solidarity price without precisions', { tarif: { type: 'solidaire', pourcentage_min: 10 } }, 'tarif.precisions'],
  [
    'a price paid above the usual price',
    { tarif: { type: 'payant', montant: 20, montant_reference: 18, unite: 'panier' } },
    'tarif.montant',
  ],
  ['a usual price without the price paid', { tarif: { type: 'payant', montant_reference: 18 } }, 'tarif.montant'],
  ['an amount below the cent', { tarif: { type: 'payant', montant: 2.555 } }, 'tarif.montant'],
  ['a negative amount', { tarif: { type: 'payant', montant: -1 } }, 'tarif.montant'],
  ['an unknown price unit', { tarif: { type: 'payant', montant: 2, unite: 'bocal' } }, 'tarif.unite'],
  [
    'a membership without its period',
    { tarif: { type: 'solidaire', adhesion: { montant: 2 }, precisions: 'Adhésion' } },
    'tarif.adhesion.periode',
  ],
  [
    'a fiche de liaison sent by e-mail without an address',
    { fiche_liaison: { requise: true, canaux: ['courriel'], champs: [] } },
    'fiche_liaison.courriel',
  ],
  [
    'a fiche de liaison by phone without a number',
    { fiche_liaison: { requise: true, canaux: ['telephone'], champs: [] } },
    'fiche_liaison.telephone',
  ],
  [
    'a choice field without options',
    { 'fiche_liaison.champs': [{ id: 'duree', libelle: 'Durée demandée', type: 'choix', requis: true }] },
    'fiche_liaison.champs[0].options',
  ],
  [
    'two fields with the same id',
    {
      'fiche_liaison.champs': [
        { id: 'motif', libelle: 'Motif', type: 'texte', requis: true },
        { id: 'motif', libelle: 'Autre motif', type: 'texte', requis: false },
      ],
    },
    'fiche_liaison.champs',
  ],
  [
    'temporary information ending before it starts',
    { infos_temporaires: [{ id: 'i1', type: 'fermeture', debut: '2026-12-20', fin: '2026-12-01' }] },
    'infos_temporaires[0].fin',
  ],
  [
    'exceptional hours without hours',
    { infos_temporaires: [{ id: 'i1', type: 'horaires-exceptionnels', debut: '2026-12-20' }] },
    'infos_temporaires[0].horaires',
  ],
  [
    'a message without text',
    { infos_temporaires: [{ id: 'i1', type: 'message', debut: '2026-12-20' }] },
    'infos_temporaires[0].message',
  ],
  ['a verification frequency that is not offered', { frequence_maj_mois: 2 }, 'frequence_maj_mois'],
  ['an empty residence zone', { 'eligibilite.zone': { communes: [], qpv: [] } }, 'eligibilite.zone'],
  ['no way of receiving people', { modes_accueil: [] }, 'modes_accueil'],
  ['a structure id without its source', { structure_id: 's1' }, 'structure_id'],
  ['a stop without hours', { arrets: [{ ...stop(), horaires: undefined }] }, 'arrets[0].horaires'],
  [
    'a stop with hours that are not OSM',
    { arrets: [{ ...stop(), horaires: 'mardi 18h30–20h' }] },
    'arrets[0].horaires',
  ],
  ['a stop outside any commune code', { arrets: [{ ...stop(), code_insee: '693' }] }, 'arrets[0].code_insee'],
  ['a stop with a latitude alone', { arrets: [{ ...stop(), longitude: null }] }, 'arrets[0].longitude'],
  [
    'a stop with neither address, name nor position',
    { arrets: [{ ...stop(), adresse: undefined, nom: undefined, latitude: null, longitude: null }] },
    'arrets[0].adresse',
  ],
  ['two stops with the same id', { arrets: [stop(), stop()] }, 'arrets'],
];

const profileCases: Case[] = [
  ['an age of 200', { age: 200 }, 'age'],
  ['an unknown need', { besoins: ['pizza'] }, 'besoins[0]'],
  ['a household without adults', { foyer: { adultes: 0, ages_enfants: [] } }, 'foyer.adultes'],
];

describe.each([
  ['structure', structureSchema, structure, structureCases],
  ['service', serviceSchema, service, serviceCases],
  ['profile', profileSchema, profile, profileCases],
] as const)('%s', (_, schema, valid, cases) => {
  test.each(cases)('rejects %s at its path', (_label, patch, path) => {
    const problems = problemsOf(schema, variant(valid, patch));
    expect(problems.map((p) => p.path)).toEqual([path]);
    expectFrenchMessage(problems[0]?.message ?? '');
  });
});

describe('opening hours shape', () => {
  test('French in a quoted comment is accepted, as the OSM grammar allows', () => {
    for (const hours of [
      'Mo-Fr 09:00-12:00 "l’après-midi sur rendez-vous"',
      'Mo 14:00-16:00 "salle n°3, 1 € la séance"',
    ]) {
      expect(parse(osmOpeningHours, hours).ok, hours).toBe(true);
    }
  });

  test('an unclosed comment and characters outside the grammar are rejected', () => {
    for (const hours of ['Tu 10:00-12:00 "sur rendez-vous', 'Mo-Fr 9h–12h', 'Mo 10:00-12:00 €']) {
      expect(parse(osmOpeningHours, hours).ok, hours).toBe(false);
    }
  });
});

describe('prices with amounts', () => {
  // The price model before the amounts, as apps from before them parse the directory feed.
  const tarifBefore = z.discriminatedUnion('type', [
    z.object({ type: z.literal('gratuit'), precisions: z.optional(z.string()) }),
    z.object({
      type: z.literal('solidaire'),
      pourcentage_min: z.optional(z.number()),
      pourcentage_max: z.optional(z.number()),
      precisions: z.string(),
    }),
    z.object({ type: z.literal('payant'), precisions: z.optional(z.string()) }),
  ]);
  const withAmounts: Service['tarif'] = {
    type: 'solidaire',
    montant: 7,
    montant_reference: 18,
    unite: 'panier',
    adhesion: { montant: 2.5, periode: 'mois' },
    precisions: 'Panier à 7 € au lieu de 18 €. Adhésion 2,50 € par mois',
  };

  test('records stored before the amounts still parse, unchanged', () => {
    for (const tarif of [
      { type: 'gratuit' },
      { type: 'solidaire', pourcentage_min: 10, pourcentage_max: 30, precisions: '10 à 30 % du prix en magasin' },
      { type: 'payant', precisions: 'Adhésion annuelle de 5 €' },
    ]) {
      expect(parse(serviceSchema, { ...service, tarif })).toEqual({ ok: true, value: { ...service, tarif } });
    }
  });

  test('amounts parse and are kept', () => {
    expect(parse(serviceSchema, { ...service, tarif: withAmounts })).toEqual({
      ok: true,
      value: { ...service, tarif: withAmounts },
    });
    const paid = { type: 'payant', montant: 8, unite: 'repas' } as const;
    expect(parse(serviceSchema, { ...service, tarif: paid })).toMatchObject({ ok: true, value: { tarif: paid } });
  });

  test('an app from before the amounts still reads a price with amounts, precisions included', () => {
    const parsed = tarifBefore.safeParse(withAmounts);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ type: 'solidaire', precisions: withAmounts.precisions });
  });
});

describe('services that move: stops', () => {
  test('a service stored before stops parses unchanged, and one with stops keeps them', () => {
    expect(parse(serviceSchema, service)).toEqual({ ok: true, value: service });
    const arrets = [stop(), stop({ id: 'vaulx-marche', nom: undefined, latitude: null, longitude: null })];
    expect(parse(serviceSchema, { ...service, arrets })).toEqual({ ok: true, value: { ...service, arrets } });
  });

  test('a place by position alone is a place', () => {
    const arrets = [stop({ nom: undefined, adresse: undefined, code_postal: undefined })];
    expect(parse(serviceSchema, { ...service, arrets }).ok).toBe(true);
  });

  test('an app from before stops reads a service with stops, without them', () => {
    const before = z.object({ id: z.string(), nom: z.string() });
    const parsed = before.safeParse({ ...service, arrets: [stop()] });
    expect(parsed.data).toEqual({ id: service.id, nom: service.nom });
  });
});
