// Properties of the orientation over the demo directory and random profiles (fast-check; a failure prints its
// seed and path: pin it as `{ seed, path }` in the fc.assert options of a regression test). Each property states
// a promise to the worker: same answer for the same question, excluded services never above eligible ones,
// hard constraints never broken, and more information never sneaking an excluded service back in.
import fc from 'fast-check';
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { DEMO_NOW, generateDirectory } from '../../demo/generate-directory.ts';
import { DEMO_QPV } from '../../demo/qpv.ts';
import { ADDRESSABLE_COMMUNES, LYON, zoneCovers } from '../../domain/communes.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Service } from '../../domain/service.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import {
  BESOINS,
  CRENEAUX,
  GENRES,
  JOURS,
  LANGUES,
  MOBILITES,
  REGIMES,
  RESSOURCES,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_FAMILIALES,
  URGENCES,
  valuesOf,
} from '../../domain/vocabulary.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { closedUntil, temporaryPeriods } from '../hours/temporary.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { Orientation, ServiceResult } from './types.ts';

const demo = generateDirectory({ services: 300 });
const snapshot = prepareDirectory(demo.structures, demo.services);
const serviceById = new Map(demo.services.map((s) => [s.id, s]));
const hours = createHoursEngine(opening_hours);
const DAY = 86_400_000;
const demoNow = Date.parse(DEMO_NOW);

const pick = <T extends Readonly<Record<string, unknown>>>(table: T) => fc.constantFrom(...valuesOf(table));
const someOf = <T extends Readonly<Record<string, unknown>>>(table: T) => fc.subarray(valuesOf(table));

/** Every top-level field of a profile, each optional: the arbitrary draws any subset. */
const fields = {
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
  age: fc.integer({ min: 0, max: 100 }),
  genre: pick(GENRES),
  foyer: fc.record({
    adultes: fc.integer({ min: 1, max: 4 }),
    ages_enfants: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 5 }),
  }),
  situation_familiale: pick(SITUATIONS_FAMILIALES),
  situation_administrative: pick(SITUATIONS_ADMINISTRATIVES),
  sans_domicile_fixe: fc.boolean(),
  ressources: pick(RESSOURCES),
  mobilite: fc.record(
    { mode: pick(MOBILITES), distance_max_km: fc.double({ min: 0.5, max: 40, noNaN: true }) },
    { requiredKeys: ['mode'] },
  ),
  langues: someOf(LANGUES),
  regimes: someOf(REGIMES),
  peut_cuisiner: fc.boolean(),
  alimentation_qualite: fc.boolean(),
  disponibilites: fc.record({ jours: someOf(JOURS), creneaux: someOf(CRENEAUX) }),
  urgence: pick(URGENCES),
};
type Field = keyof typeof fields;
const FIELD_NAMES = Object.keys(fields) as Field[];

const besoins = fc.subarray(valuesOf(BESOINS), { minLength: 1, maxLength: 3 });
const profileArb: fc.Arbitrary<Profile> = fc
  .record({ ...fields, besoins }, { requiredKeys: ['besoins'] })
  .map((p) => p as Profile);
/**
 * An instant within two weeks of the demo's reference date, at one of a few times of day (morning, noon,
 * afternoon, evening, night): few distinct days, so the hours engine's cache stays warm and runs stay fast.
 */
const nowArb = fc
  .record({ day: fc.integer({ min: -7, max: 7 }), minutes: fc.constantFrom(0, 90, 210, 420, 600, 840) })
  .map(({ day, minutes }) => demoNow + day * DAY + minutes * 60_000);

const all = (o: Orientation) => [...o.results, ...o.excluded];
const json = (o: Orientation) => JSON.stringify(all(o));

// Each property runs ~1 s on an idle machine; the timeout leaves room for a loaded CI runner.
describe('orientation properties over the demo directory', { timeout: 30_000 }, () => {
  test('determinism: the same profile and instant give the same answer, whatever the input order', () => {
    const shuffled = prepareDirectory([...demo.structures].reverse(), [...demo.services].reverse());
    fc.assert(
      fc.property(profileArb, nowArb, (profile, now) => {
        const a = orient(profile, snapshot, now, { hours });
        const b = orient(profile, shuffled, now, { hours });
        expect(json(b)).toBe(json(a));
        expect(b.missing_info).toEqual(a.missing_info);
      }),
      { numRuns: 40 },
    );
  });

  test('an excluded service never ranks above an eligible one; ranks are 1..n; verdicts agree with reasons', () => {
    fc.assert(
      fc.property(profileArb, nowArb, (profile, now) => {
        const o = orient(profile, snapshot, now, { hours });
        expect(o.results.every((r) => r.verdict !== 'excluded')).toBe(true);
        expect(o.excluded.every((r) => r.verdict === 'excluded')).toBe(true);
        expect(all(o).map((r) => r.rank)).toEqual(all(o).map((_, i) => i + 1));
        for (const r of all(o)) {
          const kinds = new Set(r.reasons.map((x) => x.kind));
          expect(kinds.has('excludes'), r.service_id).toBe(r.verdict === 'excluded');
          if (r.verdict === 'to_check') expect(kinds.has('to_check'), r.service_id).toBe(true);
          if (r.verdict === 'eligible') expect(kinds.has('to_check'), r.service_id).toBe(false);
          if (r.verdict !== 'excluded') expect(kinds.has('action'), r.service_id).toBe(r.action !== null);
        }
        const shown = Math.min(50, o.results.length);
        expect(o.results.slice(0, shown).every((r) => r.hours_computed)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test('among the first places, a service with no opening in the coming week never ranks above one open within it', () => {
    const WEEK = 7 * DAY;
    fc.assert(
      fc.property(profileArb, nowArb, (profile, now) => {
        const o = orient(profile, snapshot, now, { hours });
        const first = o.results.slice(0, 50);
        const openWeek = (r: ServiceResult) =>
          r.current_opening !== null || (r.next_openings[0] !== undefined && r.next_openings[0].start < now + WEEK);
        const closedWeek = (r: ServiceResult) => r.open_now !== null && !openWeek(r);
        const lastOpen = first.findLastIndex(openWeek);
        const firstClosed = first.findIndex(closedWeek);
        if (lastOpen >= 0 && firstClosed >= 0)
          expect(firstClosed, first[firstClosed]?.service_id).toBeGreaterThan(lastOpen);
      }),
      { numRuns: 100 },
    );
  });

  test('hard constraints are never violated by a result (age, gender, resources, papers, zone, distance, closure)', () => {
    fc.assert(
      fc.property(profileArb, nowArb, (profile, now) => {
        const o = orient(profile, snapshot, now, { hours });
        for (const r of o.results) expect(violations(profile, r, now), r.service_id).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test('adding information never turns an excluded service eligible (nor "to check" without its reason)', () => {
    // A complete profile, and the part of it known first: the rest is the information added.
    const complete = fc.record({ ...fields, besoins }).map((p) => p as Profile);
    const known = fc.subarray(FIELD_NAMES);
    fc.assert(
      fc.property(complete, known, nowArb, (full, kept, now) => {
        const profile: Profile = { besoins: full.besoins };
        for (const k of kept) (profile as Record<string, unknown>)[k] = full[k];
        // A declared family situation would override the one inferred from the household: not "more" information.
        const richer: Profile =
          kept.includes('foyer') && !kept.includes('situation_familiale')
            ? { ...full, situation_familiale: undefined }
            : full;
        if (richer.situation_familiale === undefined) delete richer.situation_familiale;
        const before = orient(profile, snapshot, now, { hours });
        const after = new Map(all(orient(richer, snapshot, now, { hours })).map((r) => [r.service_id, r]));
        for (const x of before.excluded) {
          const r = after.get(x.service_id);
          expect(r?.verdict, x.service_id).not.toBe('eligible');
          if (r?.verdict === 'to_check') {
            expect(richer.sans_domicile_fixe && !profile.sans_domicile_fixe, x.service_id).toBe(true);
            expect(r.reasons.map((y) => y.code)).toContain('zone_no_fixed_address');
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** The hard rules a result must satisfy, checked on the raw record (independently of the criteria's code). */
function violations(p: Profile, r: ServiceResult, now: number): string[] {
  const s = serviceById.get(r.service_id) as Service;
  const e = s.eligibilite;
  const out: string[] = [];
  if (p.age !== undefined && e.age_min !== undefined && p.age < e.age_min) out.push('age_min');
  if (p.age !== undefined && e.age_max !== undefined && p.age > e.age_max) out.push('age_max');
  if (e.genre === 'femmes' && p.genre === 'homme') out.push('genre');
  if (e.genre === 'hommes' && p.genre === 'femme') out.push('genre');
  if (e.ressources?.length && p.ressources && !e.ressources.includes(p.ressources)) out.push('ressources');
  const admin = e.situations_administratives;
  if (admin?.length && p.situation_administrative && !admin.includes(p.situation_administrative)) out.push('papers');
  const commune = p.lieu?.code_insee;
  if (e.zone && commune && commune !== LYON && !p.sans_domicile_fixe) {
    const inQpv = p.lieu?.code_qpv !== undefined && e.zone.qpv.includes(p.lieu.code_qpv);
    const inCommune = e.zone.communes.some((c) => zoneCovers(c, commune));
    if (!inQpv && !inCommune && (e.zone.qpv.length === 0 || p.lieu?.code_qpv)) out.push('zone');
  }
  const max = p.mobilite?.distance_max_km;
  const remote = s.modes_accueil.includes('a-distance');
  if (max !== undefined && r.distance_km !== null && !remote && r.distance_km > max) out.push('distance');
  if (closedUntil(temporaryPeriods(s.infos_temporaires), parisDay(now)) === null) out.push('closed');
  return out;
}
