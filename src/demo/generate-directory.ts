// A deterministic, realistic but fictional directory of the Métropole de Lyon for the demo and the benchmarks:
// the same options give the same records byte for byte (seeded PRNG, fixed reference date, no clock, no I/O).
// Names, addresses, phone numbers (04 00 …) and e-mails (example.org) are invented; communes are real and QPV
// codes are placeholders (see qpv.ts). Every record is valid for the domain schemas (see the tests).

import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { FOOD_CATEGORIES } from '../domain/vocabulary.ts';
import { type Archetype, deCommune, fill, type NameParts } from './archetype.ts';
import { COMMUNITY } from './archetypes-community.ts';
import { FOOD_AID } from './archetypes-food-aid.ts';
import { SHELTER } from './archetypes-shelter.ts';
import { SHORT_CIRCUIT } from './archetypes-short-circuit.ts';
import { SOCIAL } from './archetypes-social.ts';
import { buildService } from './build-service.ts';
import { withFoodOffer } from './food-offers.ts';
import { dated, type Freshness, pickFreshness } from './freshness.ts';
import { HOURS, HOURS_NOTES } from './hours.ts';
import { withMovingServices } from './moving-services.ts';
import { addressIn, fictionalEmail, fictionalPhone, mdmLabel, type Place, pickPlace, slug } from './places.ts';
import { Rng, weightedPicker } from './random.ts';
import {
  AMAP_NAMES,
  ASSOCIATION_WORDS,
  DAY_SHELTER_NAMES,
  EPICERIE_NAMES,
  GARDEN_NAMES,
  RESTAURANT_NAMES,
} from './words.ts';

export const DEMO_SOURCE = 'boussole-demo';
/** The reference "now" of the demo: freshness and temporary information are relative to it. */
export const DEMO_NOW = '2026-11-01T09:00:00+01:00';
const DEFAULT_SEED = 20190326;
const DEFAULT_SERVICES = 600;

export interface DemoOptions {
  seed?: number;
  /** Number of services; structures are about half as many. */
  services?: number;
  /** ISO instant the demo's dates are relative to (default DEMO_NOW). */
  now?: string;
}

export interface DemoDirectory {
  structures: Structure[];
  services: Service[];
}

const ARCHETYPES: readonly Archetype[] = [...FOOD_AID, ...SOCIAL, ...SHELTER, ...COMMUNITY, ...SHORT_CIRCUIT];
const pickArchetype = weightedPicker(ARCHETYPES, (a) => a.weight);

const EXTRA_LANGUAGES: readonly Structure['langues'][number][] = [
  'en',
  'ar',
  'es',
  'tr',
  'ru',
  'ro',
  'sq',
  'hy',
  'ka',
  'fa',
  'pt',
  'it',
  'uk',
  'lsf',
];
const NAME_LISTS = {
  epicerie: EPICERIE_NAMES,
  restaurant: RESTAURANT_NAMES,
  jardin: GARDEN_NAMES,
  asso: ASSOCIATION_WORDS,
  amap: AMAP_NAMES,
  abri: DAY_SHELTER_NAMES,
} as const;

export function generateDirectory(options: DemoOptions = {}): DemoDirectory {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.services ?? DEFAULT_SERVICES;
  const nowMs = Date.parse(options.now ?? DEMO_NOW);
  if (!Number.isInteger(target) || target < 0) throw new RangeError(`services: entier positif attendu (${target})`);
  if (Number.isNaN(nowMs)) throw new RangeError(`now: date ISO attendue (${options.now})`);

  const rng = new Rng(seed);
  const structures: Structure[] = [];
  const services: Service[] = [];
  const nameCounts = new Map<string, number>();
  const archetypeOf = new Map<string, string>();

  while (services.length < target) {
    const n = structures.length + 1;
    // Two structures of every archetype first, so that even a small directory covers every category.
    const archetype =
      n <= 2 * ARCHETYPES.length ? (ARCHETYPES[(n - 1) % ARCHETYPES.length] as Archetype) : pickArchetype(rng);
    const place = pickPlace(rng, archetype.exponent, archetype.qpvChance, archetype.communes);
    const parts = nameParts(rng, place);
    const structureId = `${DEMO_SOURCE}--s${String(n).padStart(4, '0')}`;
    const nom = uniqueName(fill(rng.pick(archetype.noms), parts), nameCounts);
    const nameSlug = slug(nom);
    const freshness = pickFreshness(rng);
    const verifiers = ['Partenaire', 'Partenaire', mdmLabel(place.commune), 'Coordination Métropole'];
    const structure = buildStructure(rng, archetype, {
      id: structureId,
      nom,
      place,
      nameSlug,
      nowMs,
      freshness,
      verifiers,
    });
    structures.push(structure);
    archetypeOf.set(structureId, archetype.key);

    const templates = archetype.services.filter((t) => rng.chance(t.chance ?? 1));
    if (templates.length === 0 && archetype.services[0]) templates.push(archetype.services[0]);
    for (const [i, template] of templates.slice(0, target - services.length).entries()) {
      services.push(
        buildService(template, `${structureId}-${i + 1}`, {
          rng,
          nowMs,
          source: DEMO_SOURCE,
          structureId,
          structureHasHours: structure.horaires_accueil !== undefined,
          structureLangues: structure.langues,
          place,
          parts,
          nameSlug,
          freshness,
          verifiers,
        }),
      );
    }
  }
  return withMovingServices(
    { structures, services: services.map((s) => withFoodOffer(seed, archetypeOf.get(s.structure_id) ?? '', s)) },
    seed,
  );
}

function nameParts(rng: Rng, place: Place): NameParts {
  const { commune, label } = place;
  const n = commune.arrondissement ? commune.code_insee.slice(-1) : '';
  const ordinal = n === '' ? '' : n === '1' ? '1er' : `${n}e`;
  return {
    commune: label,
    quartier: place.quartier,
    deCommune: deCommune(label),
    ccas: ordinal ? `CCAS de Lyon – antenne du ${ordinal} arrondissement` : `CCAS ${deCommune(label)}`,
    mairie: ordinal ? `Mairie du ${ordinal} arrondissement de Lyon` : `Mairie ${deCommune(label)}`,
    pick: (list) => rng.pick(NAME_LISTS[list]),
  };
}

function uniqueName(name: string, counts: Map<string, number>): string {
  const seen = (counts.get(name) ?? 0) + 1;
  counts.set(name, seen);
  return seen === 1 ? name : `${name} – site ${seen}`;
}

interface StructureInput {
  id: string;
  nom: string;
  place: Place;
  nameSlug: string;
  nowMs: number;
  freshness: Freshness;
  verifiers: readonly string[];
}

function buildStructure(rng: Rng, archetype: Archetype, input: StructureInput): Structure {
  const { id, nom, place, nameSlug, nowMs, freshness, verifiers } = input;
  const hasHours = archetype.hours !== undefined && rng.chance(archetype.hoursChance ?? 0.9);
  const extraLanguages = rng.chance(0.45) ? rng.sample(EXTRA_LANGUAGES, rng.int(1, 3)) : [];
  const { date_maj, verification } = dated(rng, nowMs, freshness, 6, verifiers);
  const pmr = rng.chance(0.6) ? rng.chance(0.7) : undefined;
  return {
    id,
    source: DEMO_SOURCE,
    nom,
    ...(rng.chance(0.9) ? { description: rng.pick(archetype.descriptions) } : {}),
    ...addressIn(rng, place),
    ...(rng.chance(0.9) ? { telephone: fictionalPhone(rng) } : {}),
    ...(rng.chance(0.8) ? { courriel: fictionalEmail('contact', nameSlug) } : {}),
    ...(rng.chance(0.3) ? { site_web: `https://example.org/${nameSlug}` } : {}),
    ...(hasHours && archetype.hours ? { horaires_accueil: rng.pick(HOURS[archetype.hours]) } : {}),
    ...(rng.chance(0.1) ? { horaires_note: rng.pick(HOURS_NOTES) } : {}),
    ...(pmr === undefined
      ? {}
      : {
          accessibilite: pmr
            ? { pmr }
            : { pmr, note: 'Marche à l’entrée ; accueil possible au rez-de-chaussée sur demande' },
        }),
    langues: ['fr', ...extraLanguages],
    reseaux_porteurs: [...rng.pick(archetype.reseaux)],
    visibilite: rng.chance(0.05) ? 'professionnels' : 'public',
    statut: rng.chance(0.03) ? 'proposee' : 'publiee',
    date_maj,
    verification,
    version: 1,
  };
}

/** Food categories in FOOD_CATEGORIES order with their number of services, for reports. */
export function countByCategory(services: readonly Service[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(FOOD_CATEGORIES).map((k) => [k, 0]));
  for (const s of services)
    counts[s.categorie ?? 'sans-categorie'] = (counts[s.categorie ?? 'sans-categorie'] ?? 0) + 1;
  return counts;
}
