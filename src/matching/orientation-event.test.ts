// What leaves the device of an orientation: only the fields the register lists (docs/orientation-events.md),
// whatever the profile. Random profiles drawing every field of the profile schema, oriented over the demo
// directory; each event is parsed with the strict schema, scanned for every value of its profile, and compared
// with the event of a profile that differs in every other field.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEMO_NOW, generateDirectory } from '../demo/generate-directory.ts';
import { DEMO_QPV } from '../demo/qpv.ts';
import { ADDRESSABLE_COMMUNES, LYON } from '../domain/communes.ts';
import { ORIENTATION_EVENT_FIELDS, orientationEventSchema } from '../domain/orientation-event.ts';
import type { Profile } from '../domain/profile.ts';
import { parse } from '../domain/validation.ts';
import {
  BESOINS,
  CRENEAUX,
  GENRES,
  JOURS,
  LANGUES,
  MOBILITES,
  RECONNAISSANCES_HANDICAP,
  REGIMES,
  RESSOURCES,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_EMPLOI,
  SITUATIONS_FAMILIALES,
  URGENCES,
  valuesOf,
} from '../domain/vocabulary.ts';
import { orient } from './orient/orient.ts';
import { mainExclusions, orientationEvent } from './orientation-event.ts';
import { prepareDirectory } from './snapshot.ts';

const demo = generateDirectory({ services: 200 });
const snapshot = prepareDirectory(demo.structures, demo.services);
const now = Date.parse(DEMO_NOW);

const pick = <T extends Readonly<Record<string, unknown>>>(table: T) => fc.constantFrom(...valuesOf(table));
const someOf = <T extends Readonly<Record<string, unknown>>>(table: T) => fc.subarray(valuesOf(table));
const euros = fc.integer({ min: 0, max: 5000 });

/** Every field of the profile schema, each optional, besides the place, the needs and the household. */
const otherFields = {
  age: fc.integer({ min: 0, max: 120 }),
  genre: pick(GENRES),
  situation_familiale: pick(SITUATIONS_FAMILIALES),
  situation_administrative: pick(SITUATIONS_ADMINISTRATIVES),
  sans_domicile_fixe: fc.boolean(),
  ressources: pick(RESSOURCES),
  budget: fc.record({
    ressources: fc.record({ salaires: euros, pensions: euros, minima_sociaux: euros, autres: euros }),
    charges: fc.record({ loyer: euros, energie: euros, credits: euros }),
    revenus_imposables_annuels: fc.integer({ min: 0, max: 90_000 }),
    quotient_familial_caf: fc.integer({ min: 0, max: 3000 }),
  }),
  emploi: pick(SITUATIONS_EMPLOI),
  handicap: fc.boolean(),
  reconnaissances_handicap: someOf(RECONNAISSANCES_HANDICAP),
  mobilite: fc.record(
    { mode: pick(MOBILITES), distance_max_km: fc.double({ min: 0.5, max: 40, noNaN: true }) },
    { requiredKeys: ['mode'] },
  ),
  langues: someOf(LANGUES),
  regimes: someOf(REGIMES),
  peut_cuisiner: fc.boolean(),
  disponibilites: fc.record({ jours: someOf(JOURS), creneaux: someOf(CRENEAUX) }),
  urgence: pick(URGENCES),
};
const others = fc.record(otherFields, { requiredKeys: [] });
const listed = fc.record(
  {
    lieu: fc.record(
      {
        code_insee: fc.constantFrom(LYON, ...ADDRESSABLE_COMMUNES.map((c) => c.code_insee)),
        code_qpv: fc.constantFrom(...DEMO_QPV.map((q) => q.code)),
        position: fc.record({
          latitude: fc.double({ min: 45.6, max: 45.9, noNaN: true }),
          longitude: fc.double({ min: 4.7, max: 5.05, noNaN: true }),
        }),
      },
      { requiredKeys: [] },
    ),
    foyer: fc.record({
      adultes: fc.integer({ min: 1, max: 6 }),
      ages_enfants: fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 8 }),
    }),
    besoins: fc.subarray(valuesOf(BESOINS), { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['besoins'] },
);
const day = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Every leaf of a value with its path (`foyer.ages_enfants.1`). */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}
const listedPath = /^(lieu\.code_insee|lieu\.code_qpv|besoins\.\d+)$/;

describe('anonymous orientation events', { timeout: 60_000 }, () => {
  test('an event holds only the listed fields, and no other value of the profile, whatever the profile', () => {
    fc.assert(
      fc.property(listed, others, day, fc.boolean(), (place, rest, d, sent) => {
        const profile = { ...rest, ...place } as Profile;
        const orientation = orient(profile, snapshot, now);
        const event = orientationEvent({
          id: 'evt_0123456789abcdef',
          profile,
          orientation,
          day: d,
          referralSent: sent,
        });
        if (!event) throw new Error('no event for an orientation with needs');
        expect(parse(orientationEventSchema, event).ok).toBe(true);
        for (const key of Object.keys(event)) expect(ORIENTATION_EVENT_FIELDS).toContain(key);

        // Values the event may carry as they are: the place and the needs.
        const allowed = new Set(leaves(profile).flatMap(([p, v]) => (listedPath.test(p) ? [v] : [])));
        const eventLeaves = leaves(event);
        for (const [path, value] of leaves(profile)) {
          if (listedPath.test(path) || allowed.has(value)) continue;
          if (typeof value === 'string') {
            expect(
              eventLeaves.filter(([, v]) => v === value),
              `${path} = ${value}`,
            ).toEqual([]);
          }
        }
        // Numbers are counts of results only: an age, an amount, a distance or a position never travels.
        for (const [path, value] of eventLeaves) {
          if (typeof value === 'number') expect(path).toMatch(/^resultats\.(eligibles|a_verifier|exclus)$/);
        }
        expect(event.resultats.eligibles + event.resultats.a_verifier).toBe(orientation.results.length);
      }),
      { numRuns: 60 },
    );
  });

  test('every other field of the profile changes nothing in the event (same results)', () => {
    fc.assert(
      fc.property(listed, others, others, day, (place, a, b, d) => {
        const first = { ...a, ...place } as Profile;
        const second = { ...b, ...place } as Profile;
        const orientation = orient(first, snapshot, now);
        const input = { id: 'evt_0123456789abcdef', orientation, day: d, referralSent: false };
        expect(orientationEvent({ ...input, profile: second })).toEqual(orientationEvent({ ...input, profile: first }));
      }),
      { numRuns: 100 },
    );
  });

  test('the household is a band, the date a week, the reasons the most frequent codes', () => {
    const profile: Profile = {
      lieu: { code_insee: '69259' },
      foyer: { adultes: 2, ages_enfants: [3, 7, 12] },
      besoins: ['epicerie-solidaire'],
      age: 34,
    };
    const orientation = orient(profile, snapshot, now);
    const event = orientationEvent({
      id: 'evt_0123456789abcdef',
      profile,
      orientation,
      day: '2026-12-06',
      referralSent: true,
    });
    expect(event).toMatchObject({ semaine: '2026-W49', foyer: '5+', commune: '69259', orientation_envoyee: true });
    expect(event?.motifs_exclusion).toEqual(mainExclusions(orientation));
    expect(event?.motifs_exclusion.length).toBeLessThanOrEqual(3);
  });

  test('no event before any result was shown', () => {
    expect(
      orientationEvent({
        id: 'evt_0123456789abcdef',
        profile: { besoins: ['repas'] },
        orientation: null,
        day: '2026-12-06',
        referralSent: false,
      }),
    ).toBeNull();
  });
});
