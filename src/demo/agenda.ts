// The demo's programme of actions (src/domain/action.ts): weekly and monthly ateliers cuisine, distributions,
// repas partagés, garden mornings, a monthly market and a farm visit, organised by demo partners whose services
// fit (a centre social that runs a cooking workshop gives the atelier), spread over as many communes as possible.
//
// Deterministic for a seed and a day: its own generator (seeded from the demo seed), so the directory is the
// same with or without it. Unlike the directory, it is placed around `now`: a series began a few weeks ago and
// goes on (so the Agenda, the « Prochain atelier » hints and every .ics show upcoming dates for as long as the
// demo database lives), and the one-off events fall in the coming weeks.
import type { Action, Calendrier, TypeAction } from '../domain/action.ts';
import { communeByCode } from '../domain/communes.ts';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { addDays, dayOfWall, parisDay, weekdayOf } from '../domain/time/paris-time.ts';
import type { FoodCategoryValue } from '../domain/vocabulary.ts';
import type { DemoDirectory } from './generate-directory.ts';
import { fictionalPhone, jitter } from './places.ts';
import { Rng } from './random.ts';

export const DEMO_AGENDA_SOURCE = 'boussole-demo';
const PROGRAMME_SALT = 0x6a9e11da;

export interface AgendaOptions {
  seed?: number;
  /** ISO instant the programme is placed around (the server passes the moment it seeds). */
  now: string;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type Day = (typeof DAYS)[number];

interface Plan {
  type: TypeAction;
  /** Organisers are partners with a public service of one of these categories. */
  from: readonly FoodCategoryValue[];
  count: number;
  /** `weekly` on a day, `monthly` on the nth weekday (-1: the last). */
  recurrence:
    | { kind: 'weekly'; days: readonly Day[] }
    | { kind: 'monthly'; nth: readonly number[]; days: readonly Day[] };
  times: readonly string[];
  minutes: number;
  titles: readonly string[];
  descriptions: readonly string[];
  publics: readonly Action['publics'][number][];
  registration: boolean;
  tarif: 'gratuit' | 'solidaire';
}

const PLANS: readonly Plan[] = [
  {
    type: 'atelier-cuisine',
    from: ['cooking_workshop'],
    count: 8,
    recurrence: { kind: 'weekly', days: ['TU', 'WE', 'TH', 'FR'] },
    times: ['09:30', '14:00', '14:30'],
    minutes: 150,
    titles: [
      'Atelier cuisine de saison',
      'Cuisiner les légumes du marché',
      'Atelier cuisine parents-enfants',
      'Petits plats à petit prix',
    ],
    descriptions: [
      'On cuisine ensemble un repas complet avec des produits de saison, puis on le partage. Recettes à emporter.',
      'Des recettes simples et économiques avec les fruits et légumes de la semaine. Tablier fourni.',
    ],
    publics: ['tous-publics'],
    registration: true,
    tarif: 'gratuit',
  },
  {
    type: 'atelier-cuisine',
    from: ['cooking_workshop', 'nutrition_awareness', 'social_grocery_stores'],
    count: 6,
    recurrence: { kind: 'monthly', nth: [1, 2, 3], days: ['TU', 'WE', 'TH', 'SA'] },
    times: ['10:00', '14:00', '18:00'],
    minutes: 180,
    titles: ['Atelier cuisine du mois', 'Cuisine du monde', 'Atelier anti-gaspi', 'Batch cooking pour la semaine'],
    descriptions: [
      'Une fois par mois, un atelier pour apprendre à cuisiner sans gaspiller, avec une diététicienne.',
      'Chacun apporte une recette de chez soi ; on la cuisine ensemble avec les produits de l’épicerie.',
    ],
    publics: ['tous-publics'],
    registration: true,
    tarif: 'solidaire',
  },
  {
    type: 'distribution',
    from: ['food_packages', 'food_distribution', 'solidarity_basket', 'solidarity_fridge'],
    count: 8,
    recurrence: { kind: 'weekly', days: ['MO', 'WE', 'TH', 'FR', 'SA'] },
    times: ['09:00', '10:00', '14:00', '17:30'],
    minutes: 120,
    titles: ['Distribution de fruits et légumes', 'Distribution alimentaire de la semaine', 'Distribution de paniers'],
    descriptions: [
      'Fruits et légumes frais d’invendus et de producteurs locaux, à emporter (prévoir un sac).',
      'Distribution hebdomadaire de denrées, sans rendez-vous, dans la limite des stocks.',
    ],
    publics: ['tous-publics'],
    registration: false,
    tarif: 'gratuit',
  },
  {
    type: 'repas-partage',
    from: ['shared_meal', 'solidarity_restaurant'],
    count: 6,
    recurrence: { kind: 'monthly', nth: [1, 3, -1], days: ['TH', 'FR', 'SA', 'SU'] },
    times: ['12:00', '19:00'],
    minutes: 150,
    titles: ['Repas partagé du quartier', 'Grande tablée solidaire', 'Déjeuner partagé'],
    descriptions: [
      'Chacun apporte un plat, ou vient simplement : un repas pour se rencontrer entre voisins.',
      'Un repas cuisiné par les bénévoles et les habitants, à prix libre.',
    ],
    publics: ['tous-publics'],
    registration: false,
    tarif: 'gratuit',
  },
  {
    type: 'jardinage',
    from: ['community_garden'],
    count: 4,
    recurrence: { kind: 'weekly', days: ['WE', 'SA'] },
    times: ['09:30', '14:00'],
    minutes: 180,
    titles: ['Matinée au jardin', 'Jardinage collectif'],
    descriptions: ['Semis, récoltes et partage des légumes du jardin. Aucune expérience demandée.'],
    publics: ['tous-publics'],
    registration: false,
    tarif: 'gratuit',
  },
  {
    type: 'sensibilisation',
    from: ['nutrition_awareness'],
    count: 3,
    recurrence: { kind: 'monthly', nth: [2, 4], days: ['TU', 'TH'] },
    times: ['14:00', '18:00'],
    minutes: 90,
    titles: ['Bien manger avec un petit budget', 'Lire les étiquettes'],
    descriptions: ['Un temps d’échange avec une diététicienne, suivi d’une dégustation.'],
    publics: ['tous-publics'],
    registration: true,
    tarif: 'gratuit',
  },
];

interface Organiser {
  structure: Structure;
  services: Service[];
}

/** The day of weekday `d` in the week `weeksBack` weeks before `today`'s. */
function weeklyStart(today: string, d: Day, weeksBack: number): string {
  return addDays(today, DAYS.indexOf(d) - weekdayOf(today) - 7 * weeksBack);
}

/** The nth weekday of a month (n = -1: the last). */
function nthWeekday(year: number, month0: number, n: number, d: Day): string {
  const target = DAYS.indexOf(d);
  if (n > 0) {
    const first = dayOfWall(Date.UTC(year, month0, 1));
    return addDays(first, ((target - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = dayOfWall(Date.UTC(year, month0 + 1, 0));
  return addDays(last, -((weekdayOf(last) - target + 7) % 7));
}

function calendrierOf(plan: Plan, rng: Rng, today: string): Calendrier {
  const time = rng.pick(plan.times);
  const day = rng.pick(plan.recurrence.days);
  if (plan.recurrence.kind === 'weekly') {
    return {
      debut: `${weeklyStart(today, day, rng.int(2, 6))}T${time}`,
      duree_minutes: plan.minutes,
      rrule: `FREQ=WEEKLY;BYDAY=${day}`,
      sauf_jours_feries: true,
    };
  }
  const nth = rng.pick(plan.recurrence.nth);
  const [y, m] = today.split('-').map(Number) as [number, number];
  return {
    // Two months back: the series' first date is a real occurrence of its rule, already past.
    debut: `${nthWeekday(y, m - 3, nth, day)}T${time}`,
    duree_minutes: plan.minutes,
    rrule: `FREQ=MONTHLY;BYDAY=${nth}${day}`,
    sauf_jours_feries: true,
  };
}

/** Partners able to run a kind of action, shuffled, one per commune first so the programme covers the map. */
function organisersFor(rng: Rng, candidates: readonly Organiser[], used: Set<string>): Organiser[] {
  const shuffled = candidates
    .filter((o) => !used.has(o.structure.id))
    .map((o) => ({ o, key: rng.next() }))
    .sort((a, b) => a.key - b.key)
    .map(({ o }) => o);
  const seen = new Set<string>();
  const first: Organiser[] = [];
  const rest: Organiser[] = [];
  for (const o of shuffled) {
    const commune = o.structure.code_insee;
    if (seen.has(commune)) rest.push(o);
    else {
      seen.add(commune);
      first.push(o);
    }
  }
  return [...first, ...rest];
}

function base(
  id: string,
  today: string,
  fields: Omit<Action, 'id' | 'source' | 'visibilite' | 'date_maj' | 'version'>,
): Action {
  return { id, source: DEMO_AGENDA_SOURCE, ...fields, visibilite: 'public', date_maj: today, version: 1 };
}

function inscription(rng: Rng, required: boolean): Action['inscription'] {
  if (!required) return { requise: false };
  return {
    requise: true,
    modes: rng.chance(0.5) ? ['telephone'] : ['telephone', 'sur-place'],
    contact: fictionalPhone(rng),
    capacite: rng.int(8, 14),
  };
}

/** The programme of a demo directory, placed around `now`. */
export function generateAgenda(directory: DemoDirectory, options: AgendaOptions): Action[] {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now: date ISO attendue (${options.now})`);
  const rng = new Rng(((options.seed ?? 20190326) ^ PROGRAMME_SALT) >>> 0);
  const today = parisDay(nowMs);

  const servicesOf = new Map<string, Service[]>();
  for (const s of directory.services) {
    if (s.visibilite !== 'public') continue;
    const list = servicesOf.get(s.structure_id) ?? [];
    list.push(s);
    servicesOf.set(s.structure_id, list);
  }
  const organisers: Organiser[] = directory.structures
    .filter((s) => s.statut === 'publiee' && s.visibilite === 'public' && servicesOf.has(s.id))
    .map((structure) => ({ structure, services: servicesOf.get(structure.id) ?? [] }));

  const actions: Action[] = [];
  const used = new Set<string>();
  let n = 0;
  const nextId = () => `${DEMO_AGENDA_SOURCE}--a${String(++n).padStart(3, '0')}`;

  for (const plan of PLANS) {
    const able = organisers.filter((o) => o.services.some((s) => s.categorie && plan.from.includes(s.categorie)));
    for (const o of organisersFor(rng, able, used).slice(0, plan.count)) {
      used.add(o.structure.id);
      actions.push(
        base(nextId(), today, {
          type: plan.type,
          titre: rng.pick(plan.titles),
          description: rng.pick(plan.descriptions),
          organisateurs: [o.structure.id],
          lieu: { type: 'structure', structure_id: o.structure.id },
          calendrier: calendrierOf(plan, rng, today),
          publics: [...plan.publics],
          inscription: inscription(rng, plan.registration),
          tarif:
            plan.tarif === 'gratuit'
              ? { type: 'gratuit' }
              : { type: 'solidaire', montant: 2, unite: 'seance', precisions: '2 € la séance, ingrédients compris' },
        }),
      );
    }
  }

  const growers = organisers.filter((o) =>
    o.services.some((s) => s.categorie === 'solidarity_basket' || s.categorie === 'buying_group'),
  );
  const shops = organisers.filter((o) => o.services.some((s) => s.categorie === 'social_grocery_stores'));
  const [grower] = organisersFor(rng, growers, new Set());
  const [shop] = organisersFor(rng, shops, new Set(grower ? [grower.structure.id] : []));
  if (grower) {
    const host = shop ?? grower;
    const commune = communeByCode(host.structure.code_insee);
    const point = commune ? jitter(rng, commune.centre, 100, 400) : undefined;
    const [y, m] = today.split('-').map(Number) as [number, number];
    actions.push(
      base(nextId(), today, {
        type: 'marche',
        titre: 'Marché solidaire de producteurs',
        description:
          'Des maraîchers et producteurs de la Métropole vendent en direct ; les adhérents des épiceries solidaires paient un prix réduit.',
        organisateurs: shop ? [grower.structure.id, shop.structure.id] : [grower.structure.id],
        lieu: {
          type: 'adresse',
          adresse: 'Place du Marché',
          precisions: 'sous la halle',
          commune: host.structure.commune,
          code_postal: host.structure.code_postal,
          code_insee: host.structure.code_insee,
          ...(point ?? {}),
        },
        calendrier: {
          debut: `${nthWeekday(y, m - 3, 1, 'SA')}T08:30`,
          duree_minutes: 240,
          rrule: 'FREQ=MONTHLY;BYDAY=1SA',
          sauf_jours_feries: true,
        },
        publics: ['tous-publics'],
        inscription: { requise: false },
        tarif: { type: 'gratuit', precisions: 'Entrée libre ; produits à prix solidaire pour les adhérents' },
      }),
    );
    const farm = communeByCode('69163') ?? commune;
    const visitDay = addDays(today, 10 + rng.int(0, 10));
    actions.push(
      base(nextId(), today, {
        type: 'visite',
        titre: 'Visite d’une ferme maraîchère partenaire',
        description:
          'Découvrir d’où viennent les légumes des paniers, rencontrer le maraîcher et cueillir ensemble. Départ en car depuis l’association.',
        organisateurs: [grower.structure.id],
        lieu: {
          type: 'adresse',
          adresse: 'Chemin des Maraîchers',
          commune: farm?.nom ?? grower.structure.commune,
          ...(farm ? { code_insee: farm.code_insee, ...jitter(rng, farm.centre, 500, 1500) } : {}),
        },
        calendrier: { debut: `${visitDay}T09:30`, duree_minutes: 240, sauf_jours_feries: true },
        publics: ['tous-publics'],
        inscription: inscription(rng, true),
        tarif: { type: 'gratuit' },
      }),
    );
  }
  return actions;
}
