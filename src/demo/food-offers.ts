// What the demo's services say about their food (src/domain/food-offer.ts), realistic per kind of partner: an
// AMAP's basket is fresh, local and often organic but composed by the farmer; an épicerie solidaire lets people
// choose on its shelves; a Restos du Cœur colis is composed for them; a restaurant cooks meals. About one partner
// in eight has not filled it in, as in real directories.
//
// Each service draws from its own generator, seeded by the demo seed and the service id, so the offers never
// shift the main stream of the directory (adding them left every other field byte for byte the same).
import type { ChoixProduits, ModeRemise, OffreAlimentaire, ProduitAlimentaire } from '../domain/food-offer.ts';
import type { Service } from '../domain/service.ts';
import type { FoodCategoryValue } from '../domain/vocabulary.ts';
import { Rng } from './random.ts';

/** Each product or mode with its chance; a choice picked by weight. */
interface OfferPool {
  produits: Partial<Record<ProduitAlimentaire, number>>;
  choix?: Partial<Record<ChoixProduits, number>>;
  modes?: Partial<Record<ModeRemise, number>>;
}

const GROCERY: OfferPool = {
  produits: { 'fruits-legumes-frais': 0.85, local: 0.35, bio: 0.15, vrac: 0.25 },
  choix: { libre: 0.7, accompagne: 0.3 },
  modes: { 'libre-service': 0.85, commande: 0.15 },
};
const PACKAGE: OfferPool = {
  produits: { 'fruits-legumes-frais': 0.45 },
  choix: { 'colis-compose': 0.7, accompagne: 0.3 },
};
const MEALS: OfferPool = {
  produits: { 'plats-prepares': 1, 'fruits-legumes-frais': 0.3 },
  choix: { 'colis-compose': 1 },
};
const RESTAURANT: OfferPool = {
  produits: { 'plats-prepares': 1, 'fruits-legumes-frais': 0.6, local: 0.45, bio: 0.2 },
  choix: { libre: 0.6, 'colis-compose': 0.4 },
};
const BASKET: OfferPool = {
  produits: { 'fruits-legumes-frais': 1, local: 1, bio: 0.65 },
  choix: { 'colis-compose': 1 },
  modes: { panier: 1, commande: 0.3 },
};

const BY_CATEGORY: Partial<Record<FoodCategoryValue, OfferPool>> = {
  social_grocery_stores: GROCERY,
  food_packages: PACKAGE,
  baby_parcel: { produits: {}, choix: { 'colis-compose': 0.8, accompagne: 0.2 } },
  food_distribution: MEALS,
  solidarity_restaurant: RESTAURANT,
  solidarity_basket: BASKET,
  buying_group: {
    produits: { 'fruits-legumes-frais': 0.6, local: 0.55, bio: 0.4, vrac: 0.5 },
    choix: { libre: 1 },
    modes: { commande: 1 },
  },
  solidarity_fridge: {
    produits: { 'fruits-legumes-frais': 0.7, 'plats-prepares': 0.5 },
    choix: { libre: 1 },
    modes: { 'libre-service': 1 },
  },
  community_garden: { produits: { 'fruits-legumes-frais': 1, local: 1, bio: 0.6 } },
  cooking_workshop: { produits: { 'fruits-legumes-frais': 0.8, local: 0.4, bio: 0.3 } },
  shared_meal: { produits: { 'plats-prepares': 0.5, 'fruits-legumes-frais': 0.4, local: 0.3 } },
};

/** Partners whose offer differs from their category's usual one. */
const BY_ARCHETYPE: Readonly<Record<string, Partial<Record<FoodCategoryValue, OfferPool>>>> = {
  vrac: {
    buying_group: {
      produits: { vrac: 1, bio: 0.8, local: 0.6, 'fruits-legumes-frais': 0.4 },
      choix: { libre: 1 },
      modes: { commande: 1 },
    },
  },
  'paniers-qpv': {
    solidarity_basket: { ...BASKET, produits: { 'fruits-legumes-frais': 1, local: 0.85, bio: 0.3 } },
  },
  'epicerie-etudiante': {
    social_grocery_stores: { ...GROCERY, produits: { 'fruits-legumes-frais': 0.7, vrac: 0.35, bio: 0.25 } },
  },
  'secours-populaire': {
    social_grocery_stores: { ...GROCERY, choix: { accompagne: 0.6, libre: 0.4 } },
  },
};

const UNDECLARED = 0.12;

/** FNV-1a of the seed and the id: an independent, stable stream per service. */
function seedOf(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function weighted<T extends string>(rng: Rng, table: Partial<Record<T, number>>): T | undefined {
  const entries = Object.entries(table) as Array<[T, number]>;
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let target = rng.next() * total;
  for (const [value, w] of entries) {
    target -= w;
    if (target < 0) return value;
  }
  return entries.at(-1)?.[0];
}

/** The offer a demo service declares, or undefined (not filled in, or nothing to say for its category). */
export function demoFoodOffer(seed: number, archetypeKey: string, service: Service): OffreAlimentaire | undefined {
  if (service.categorie === undefined) return undefined;
  const pool = BY_ARCHETYPE[archetypeKey]?.[service.categorie] ?? BY_CATEGORY[service.categorie];
  if (pool === undefined) return undefined;
  const rng = new Rng(seedOf(seed, service.id));
  if (rng.chance(UNDECLARED)) return undefined;
  const produits = (Object.entries(pool.produits) as Array<[ProduitAlimentaire, number]>)
    .filter(([, p]) => rng.chance(p))
    .map(([v]) => v);
  const choix = pool.choix ? weighted(rng, pool.choix) : undefined;
  const modes = (Object.entries(pool.modes ?? {}) as Array<[ModeRemise, number]>)
    .filter(([, p]) => rng.chance(p))
    .map(([v]) => v);
  const offre: OffreAlimentaire = { produits, modes, ...(choix === undefined ? {} : { choix }) };
  return produits.length + modes.length === 0 && choix === undefined ? undefined : offre;
}

/** The service with its offer, when it declares one (the record is otherwise unchanged). */
export function withFoodOffer(seed: number, archetypeKey: string, service: Service): Service {
  const offre = demoFoodOffer(seed, archetypeKey, service);
  return offre === undefined ? service : { ...service, offre_alimentaire: offre };
}
