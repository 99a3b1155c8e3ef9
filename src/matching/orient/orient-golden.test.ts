// The full answer of an orientation — every result and excluded service with its rank, verdict, score, reasons,
// distance and hours, plus the questions to ask next — over the generated 10k directory, for a spread of
// profiles, instants and options, recorded in orient-golden.json. The engine's shortcuts (checks skipped for
// services they cannot concern, hours computed only where they decide, reasons built on read) must never change
// what a worker sees: any change to this answer shows here. After a deliberate change to the ranking or the
// reasons, review the scenario tests first, then record the new answers with `npx vitest run -u` on this file.
import { createHash } from 'node:crypto';
import opening_hours from 'opening_hours';
import { expect, test } from 'vitest';
import { DEMO_NOW, generateDirectory } from '../../demo/generate-directory.ts';
import { DEMO_QPV } from '../../demo/qpv.ts';
import { ADDRESSABLE_COMMUNES, LYON } from '../../domain/communes.ts';
import type { Profile } from '../../domain/profile.ts';
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
} from '../../domain/vocabulary.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { orient } from './orient.ts';
import type { OrientOptions } from './types.ts';

const CRITERES = ['accueil familles monoparentales', 'sans justificatif', 'parle arabe'];

/** A small seeded generator (mulberry32): the same profiles on every run and every fast-check version. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const chance = (p: number) => next() < p;
  const one = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const out: T[] = [];
    const n = 1 + int(max);
    for (let i = 0; i < n; i++) {
      const x = one(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  return { next, int, chance, one, some };
}

function directory() {
  const demo = generateDirectory({ services: 10_000 });
  // The demo carries no professionals' hints: add some, so that recommendations and colleagues' criteria count.
  const r = prng(7);
  const communes = ADDRESSABLE_COMMUNES.map((c) => c.code_insee);
  const structures = demo.structures.map((s) =>
    r.chance(0.15) ? { ...s, recommandee_pour: r.some([...communes, LYON], 3) } : s,
  );
  const services = demo.services.map((s) => (r.chance(0.1) ? { ...s, criteres: r.some(CRITERES, 2) } : s));
  return prepareDirectory(structures, services);
}

function profileOf(seed: number): Profile {
  const r = prng(seed);
  const p: Profile = { besoins: r.some(valuesOf(BESOINS), 3) };
  if (r.chance(0.85)) {
    const lieu: NonNullable<Profile['lieu']> = {};
    if (r.chance(0.8)) lieu.code_insee = r.one([LYON, ...ADDRESSABLE_COMMUNES.map((c) => c.code_insee)]);
    if (r.chance(0.3)) lieu.code_qpv = r.one(DEMO_QPV).code;
    if (r.chance(0.3)) lieu.position = { latitude: 45.65 + r.next() * 0.2, longitude: 4.75 + r.next() * 0.25 };
    p.lieu = lieu;
  }
  if (r.chance(0.5)) p.age = r.int(95);
  if (r.chance(0.4)) p.genre = r.one(valuesOf(GENRES));
  if (r.chance(0.4))
    p.foyer = { adultes: 1 + r.int(2), ages_enfants: r.chance(0.5) ? [] : r.some([0, 1, 3, 7, 12], 3) };
  if (r.chance(0.3)) p.situation_familiale = r.one(valuesOf(SITUATIONS_FAMILIALES));
  if (r.chance(0.4)) p.situation_administrative = r.one(valuesOf(SITUATIONS_ADMINISTRATIVES));
  if (r.chance(0.2)) p.sans_domicile_fixe = r.chance(0.7);
  if (r.chance(0.5)) p.ressources = r.one(valuesOf(RESSOURCES));
  if (r.chance(0.25)) {
    p.budget = {
      ressources: { salaires: r.int(1500), prestations_caf: r.int(600) },
      charges: { loyer: r.int(700), energie: r.int(150) },
    };
  }
  if (r.chance(0.3)) p.emploi = r.one(valuesOf(SITUATIONS_EMPLOI));
  if (r.chance(0.15)) p.handicap = r.chance(0.5);
  if (r.chance(0.1)) p.reconnaissances_handicap = [r.one(valuesOf(RECONNAISSANCES_HANDICAP))];
  if (r.chance(0.5)) {
    p.mobilite = { mode: r.one(valuesOf(MOBILITES)) };
    if (r.chance(0.4)) p.mobilite.distance_max_km = 0.5 + r.int(15);
  }
  if (r.chance(0.3)) p.langues = r.some(valuesOf(LANGUES), 2);
  if (r.chance(0.3)) p.regimes = r.some(valuesOf(REGIMES), 2);
  if (r.chance(0.3)) p.peut_cuisiner = r.chance(0.5);
  if (r.chance(0.2)) p.alimentation_qualite = true;
  if (r.chance(0.3)) p.disponibilites = { jours: r.some(valuesOf(JOURS), 3), creneaux: r.some(valuesOf(CRENEAUX), 2) };
  if (r.chance(0.5)) p.urgence = r.one(valuesOf(URGENCES));
  return p;
}

const DAY = 86_400_000;
const demoNow = Date.parse(DEMO_NOW);
/** Instants around the demo's reference date: a weekday morning, an evening, a Sunday night. */
const INSTANTS = [demoNow, demoNow + 3 * DAY + 10 * 3_600_000, demoNow - 4 * DAY + 15 * 3_600_000];

interface Case {
  profile: Profile;
  now: number;
  options: Omit<OrientOptions, 'hours'> & { hours: boolean };
}

function cases(): Case[] {
  const out: Case[] = [];
  for (let seed = 1; seed <= 36; seed++) {
    const r = prng(1000 + seed);
    const options: Case['options'] = { hours: seed % 12 !== 0 };
    if (r.chance(0.2)) options.audience = 'public';
    if (r.chance(0.25)) options.criteres = r.some(CRITERES, 2);
    if (r.chance(0.15)) options.withHours = 20;
    out.push({ profile: profileOf(seed), now: INSTANTS[seed % INSTANTS.length] as number, options });
  }
  out.push({ profile: { besoins: [] }, now: demoNow, options: { hours: true } });
  return out;
}

test('the full answer of 37 orientations over the 10k directory is the recorded one', {
  timeout: 120_000,
}, async () => {
  const snapshot = directory();
  const engine = createHoursEngine(opening_hours);
  const answers = cases().map(({ profile, now, options }, i) => {
    const { hours, ...rest } = options;
    const o = orient(profile, snapshot, now, hours ? { ...rest, hours: engine } : rest);
    const text = JSON.stringify(o);
    return {
      case: i + 1,
      results: o.results.length,
      excluded: o.excluded.length,
      first: o.results.slice(0, 5).map((r) => `${r.service_id} ${r.verdict} ${r.score}`),
      sha256: createHash('sha256').update(text).digest('hex'),
    };
  });
  await expect(`${JSON.stringify(answers, null, 2)}\n`).toMatchFileSnapshot('./orient-golden.json');
});
