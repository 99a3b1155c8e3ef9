import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { type Service, serviceSchema } from '../domain/service.ts';
import { structureSchema } from '../domain/structure.ts';
import { describeProblems, parse } from '../domain/validation.ts';
import { BESOINS, FOOD_CATEGORIES } from '../domain/vocabulary.ts';
import { TYPES_SERVICE } from '../domain/vocabulary-data-inclusion.ts';
import { DEMO_NOW, generateDirectory } from './generate-directory.ts';
import { DEMO_QPV } from './qpv.ts';

// One default directory for the whole file: generating it is the thing under test, not the cost of each test.
const demo = generateDirectory();
const nowMs = Date.parse(DEMO_NOW);
const today = DEMO_NOW.slice(0, 10);
const DAY = 86_400_000;

/**
 * Evaluating `PH` needs a country: with `null` the library silently uses German holidays. The typings want numbers
 * for lat/lon but opening_hours 3.15.0 only reads strings: with numbers, sunrise/sunset silently become 06:00/18:00
 * (the demo has no sunrise rules). The third argument is the mode (0: time ranges), the form the typings accept.
 */
const LYON_LOCATION = { lat: 45.76, lon: 4.84, address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } };

function firstProblems(records: readonly { id: string }[], schema: typeof structureSchema | typeof serviceSchema) {
  const failures: string[] = [];
  for (const record of records) {
    const parsed = parse(schema, record);
    if (!parsed.ok && failures.length < 5) failures.push(`${record.id}: ${describeProblems(parsed.problems)}`);
  }
  return failures;
}

function allHours(): string[] {
  const hours = new Set<string>();
  for (const s of demo.structures) if (s.horaires_accueil) hours.add(s.horaires_accueil);
  for (const s of demo.services) {
    if (s.horaires_accueil) hours.add(s.horaires_accueil);
    for (const info of s.infos_temporaires) if (info.horaires) hours.add(info.horaires);
  }
  return [...hours].sort();
}

type FreshnessState = 'fresh' | 'due' | 'obsolete' | 'never';
function freshnessOf(s: Service): FreshnessState | 'other' {
  if (s.verification === null) return 'never';
  const ageDays = (nowMs - Date.parse(s.verification.le)) / DAY;
  if (ageDays > 730) return 'obsolete';
  if (ageDays > s.frequence_maj_mois * 31) return 'due';
  if (ageDays < Math.min(s.frequence_maj_mois * 28, 181)) return 'fresh';
  return 'other';
}

describe('default demo directory', () => {
  test('every structure and every service parses with the domain schemas', () => {
    expect(firstProblems(demo.structures, structureSchema)).toEqual([]);
    expect(firstProblems(demo.services, serviceSchema)).toEqual([]);
  });

  test('has about 300 structures and exactly 600 services, with unique ids', () => {
    expect(demo.services).toHaveLength(600);
    expect(demo.structures.length).toBeGreaterThan(250);
    expect(demo.structures.length).toBeLessThan(380);
    expect(new Set(demo.structures.map((s) => s.id)).size).toBe(demo.structures.length);
    expect(new Set(demo.services.map((s) => s.id)).size).toBe(demo.services.length);
    expect(demo.structures[0]?.id).toBe('boussole-demo--s0001');
    expect(demo.services[0]?.id).toBe('boussole-demo--s0001-1');
  });

  test('every service belongs to an existing structure, and every structure offers a service', () => {
    const ids = new Set(demo.structures.map((s) => s.id));
    expect(demo.services.filter((s) => !ids.has(s.structure_id)).map((s) => s.id)).toEqual([]);
    const offering = new Set(demo.services.map((s) => s.structure_id));
    expect(demo.structures.filter((s) => !offering.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  test('every food category is present several times', () => {
    for (const category of Object.keys(FOOD_CATEGORIES)) {
      expect(demo.services.filter((s) => s.categorie === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  test('every need of the orientation can be answered by at least 3 services', () => {
    for (const [need, { categories, thematiques }] of Object.entries(BESOINS)) {
      const answering = demo.services.filter(
        (s) =>
          (s.categorie !== undefined && (categories as readonly string[]).includes(s.categorie)) ||
          s.thematiques.some((t) => (thematiques as readonly string[]).includes(t)),
      );
      expect(answering.length, need).toBeGreaterThanOrEqual(3);
    }
  });

  test('every data·inclusion service type is used', () => {
    const used = new Set(demo.services.map((s) => s.type));
    expect([...used].sort()).toEqual(Object.keys(TYPES_SERVICE).sort());
  });

  test('eligibility, referral and visibility vary as in real listings', () => {
    const e = demo.services.map((s) => s.eligibilite);
    expect(new Set(e.map((x) => x.accueil))).toEqual(new Set(['inconditionnel', 'preferentiel', 'exclusif']));
    expect(e.some((x) => x.age_min === 18 && x.age_max === 25)).toBe(true);
    expect(e.some((x) => x.age_min !== undefined && x.age_min >= 60)).toBe(true);
    expect(e.some((x) => x.genre === 'femmes')).toBe(true);
    expect(e.some((x) => x.situations_administratives?.includes('sans-titre'))).toBe(true);
    expect(e.some((x) => x.zone && x.zone.qpv.length > 0)).toBe(true);
    expect(e.some((x) => x.zone?.communes.includes('69123'))).toBe(true);
    const fiches = demo.services.map((s) => s.fiche_liaison).filter((f) => f.requise);
    const types = new Set(fiches.flatMap((f) => f.champs.map((c) => c.type)));
    expect(types).toEqual(new Set(['texte', 'date', 'nombre', 'choix', 'oui-non']));
    expect(new Set(fiches.flatMap((f) => f.canaux))).toEqual(
      new Set(['application', 'courriel', 'telephone', 'sur-place']),
    );
    const epiceries = demo.services.filter(
      (s) => s.categorie === 'social_grocery_stores' && s.eligibilite.sur_orientation,
    );
    expect(epiceries.filter((s) => s.fiche_liaison.requise).length / epiceries.length).toBeGreaterThan(0.6);
    expect(new Set(demo.services.map((s) => s.tarif.type))).toEqual(new Set(['gratuit', 'solidaire', 'payant']));
    expect(new Set(demo.services.flatMap((s) => (s.capacite ? [s.capacite.etat] : [])))).toEqual(
      new Set(['disponible', 'limite', 'complet']),
    );
    expect(demo.services.some((s) => s.visibilite === 'professionnels')).toBe(true);
    expect(demo.structures.some((s) => s.statut === 'proposee')).toBe(true);
    expect(demo.services.some((s) => s.lieu && s.lieu.code_insee !== structureOf(s)?.code_insee)).toBe(true);
  });

  test('most prices that are not free carry amounts, in every shape a listing has', () => {
    const priced = demo.services.flatMap((s) => (s.tarif.type === 'gratuit' ? [] : [s.tarif]));
    const withAmounts = priced.filter((t) => t.montant !== undefined || t.adhesion !== undefined);
    expect(withAmounts.length / priced.length).toBeGreaterThan(0.5);
    expect(priced.some((t) => t.montant !== undefined && t.montant_reference !== undefined)).toBe(true);
    expect(priced.some((t) => t.montant !== undefined && !Number.isInteger(t.montant))).toBe(true);
    expect(new Set(priced.flatMap((t) => (t.unite ? [t.unite] : [])))).toEqual(
      new Set(['panier', 'repas', 'colis', 'passage']),
    );
    expect(new Set(priced.flatMap((t) => (t.adhesion ? [t.adhesion.periode] : [])))).toEqual(new Set(['an', 'mois']));
    // Some keep only the share of the shop price, some only the partner's sentence.
    expect(
      priced.some((t) => t.type === 'solidaire' && t.montant === undefined && t.pourcentage_min !== undefined),
    ).toBe(true);
    expect(priced.some((t) => t.montant === undefined && t.adhesion === undefined && !('pourcentage_min' in t))).toBe(
      true,
    );
  });

  test('addresses lie in their commune, Lyon by arrondissement, some in the demo QPV', () => {
    const qpvCodes = new Set(DEMO_QPV.map((q) => q.code));
    expect(demo.structures.some((s) => s.code_qpv && qpvCodes.has(s.code_qpv))).toBe(true);
    expect(demo.structures.some((s) => /^6938[1-9]$/.test(s.code_insee))).toBe(true);
    expect(demo.structures.some((s) => s.code_insee === '69123')).toBe(false);
    const byCommune = new Map<string, number>();
    for (const s of demo.structures) byCommune.set(s.commune, (byCommune.get(s.commune) ?? 0) + 1);
    // Weighted by population: Villeurbanne (≈164,000) has more partners than Albigny-sur-Saône (≈3,000).
    expect(byCommune.get('Villeurbanne') ?? 0).toBeGreaterThan(byCommune.get('Albigny-sur-Saône') ?? 0);
  });
});

function structureOf(s: Service) {
  return demo.structures.find((x) => x.id === s.structure_id);
}

describe('hours of the default demo', () => {
  const hours = allHours();

  test('every hours string is accepted by opening_hours without warnings and evaluates over a year', () => {
    const rejected: string[] = [];
    for (const value of hours) {
      try {
        const oh = new opening_hours(value, LYON_LOCATION, 0);
        if (oh.getWarnings().length > 0) rejected.push(`${value}: ${oh.getWarnings().join(' ')}`);
        oh.getOpenIntervals(new Date(nowMs - 180 * DAY), new Date(nowMs + 365 * DAY));
      } catch (error) {
        rejected.push(`${value}: ${String(error)}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  test('the hard cases are present: split day, PH off, nth weekday, month-ranged season', () => {
    expect(hours.some((h) => /\d{2}:\d{2}-\d{2}:\d{2},\d{2}:\d{2}-\d{2}:\d{2}/.test(h))).toBe(true);
    expect(hours.some((h) => h.includes('PH off'))).toBe(true);
    expect(hours.some((h) => /\b(Mo|Tu|We|Th|Fr|Sa|Su)\[3\]/.test(h))).toBe(true);
    expect(hours.some((h) => /\b[A-Z][a-z]{2}-[A-Z][a-z]{2}: /.test(h) && h.includes('; '))).toBe(true);
    expect(
      demo.services.some((s) => s.horaires_accueil && s.horaires_accueil !== structureOf(s)?.horaires_accueil),
    ).toBe(true);
    expect(demo.services.some((s) => s.horaires_note)).toBe(true);
  });
});

describe('freshness and temporary information relative to the fixed now', () => {
  test('fresh, due, obsolete and never-verified listings are all present', () => {
    const counts = new Map<string, number>();
    for (const s of demo.services) counts.set(freshnessOf(s), (counts.get(freshnessOf(s)) ?? 0) + 1);
    for (const state of ['fresh', 'due', 'obsolete', 'never'])
      expect(counts.get(state) ?? 0, state).toBeGreaterThan(10);
    expect(demo.structures.some((s) => s.verification === null)).toBe(true);
  });

  test('verification instants are in the past and content changes never follow them', () => {
    for (const s of [...demo.structures, ...demo.services]) {
      expect(s.date_maj <= today, s.id).toBe(true);
      if (s.verification) expect(s.date_maj <= s.verification.le.slice(0, 10), s.id).toBe(true);
    }
  });

  test('closures in the past, now and to come, exceptional hours and messages are present', () => {
    const infos = demo.services.flatMap((s) => s.infos_temporaires);
    const closures = infos.filter((i) => i.type === 'fermeture');
    expect(closures.some((i) => i.fin !== undefined && i.fin < today)).toBe(true);
    expect(closures.some((i) => i.debut <= today && (i.fin === undefined || i.fin >= today))).toBe(true);
    expect(closures.some((i) => i.debut > today)).toBe(true);
    expect(infos.some((i) => i.type === 'horaires-exceptionnels' && i.horaires)).toBe(true);
    expect(infos.some((i) => i.type === 'message')).toBe(true);
  });
});

describe('determinism and scale', () => {
  test('the same options give the same directory; another seed gives another', () => {
    expect(generateDirectory()).toEqual(demo);
    expect(JSON.stringify(generateDirectory({ seed: 20190326 }))).toBe(JSON.stringify(demo));
    expect(generateDirectory({ seed: 7 }).structures[0]).not.toEqual(demo.structures[0]);
  });

  test('a small directory still covers every food category', () => {
    const small = generateDirectory({ services: 100 });
    expect(small.services).toHaveLength(100);
    expect(new Set(small.services.map((s) => s.categorie).filter(Boolean)).size).toBe(
      Object.keys(FOOD_CATEGORIES).length,
    );
  });

  test('scale mode: 10,000 services, about half as many structures, a sample of 500 parses', () => {
    const big = generateDirectory({ services: 10_000 });
    expect(big.services).toHaveLength(10_000);
    expect(big.structures.length).toBeGreaterThan(4_000);
    expect(big.structures.length).toBeLessThan(6_500);
    const sample = big.services.filter((_, i) => i % 20 === 0);
    expect(sample).toHaveLength(500);
    expect(firstProblems(sample, serviceSchema)).toEqual([]);
    expect(firstProblems(big.structures.slice(-100), structureSchema)).toEqual([]);
  });
});
