// Needs as bit masks: a profile's needs and the needs a service answers are compared with one AND per service.
// A service answers a need through its food category; a service without a category answers through its
// data·inclusion thematiques (vocabulary.ts BESOINS), since nearly every food service carries the generic
// "alimentation" thematique and would otherwise answer everything.
import type { Service } from '../domain/service.ts';
import { BESOINS, FOOD_CATEGORIES, type FoodCategoryValue, type NeedValue } from '../domain/vocabulary.ts';

export const NEED_KEYS = Object.keys(BESOINS) as NeedValue[];

const bitOf = new Map<NeedValue, number>(NEED_KEYS.map((k, i) => [k, 1 << i]));

export function maskOfNeeds(needs: readonly NeedValue[]): number {
  let mask = 0;
  for (const n of needs) mask |= bitOf.get(n) ?? 0;
  return mask;
}

export function needsOfMask(mask: number): NeedValue[] {
  return NEED_KEYS.filter((_, i) => (mask & (1 << i)) !== 0);
}

export function countBits(mask: number): number {
  let m = mask;
  let n = 0;
  while (m) {
    m &= m - 1;
    n++;
  }
  return n;
}

const categoryMask = new Map<FoodCategoryValue, number>();
const thematiqueMask = new Map<string, number>();
for (const [i, key] of NEED_KEYS.entries()) {
  const need = BESOINS[key];
  for (const c of need.categories) categoryMask.set(c, (categoryMask.get(c) ?? 0) | (1 << i));
  for (const t of need.thematiques) thematiqueMask.set(t, (thematiqueMask.get(t) ?? 0) | (1 << i));
}

export function serviceNeedsMask(service: Pick<Service, 'categorie' | 'thematiques'>): number {
  if (service.categorie) return categoryMask.get(service.categorie) ?? 0;
  let mask = 0;
  for (const t of service.thematiques) mask |= thematiqueMask.get(t) ?? 0;
  return mask;
}

/**
 * What a worker sends a person to first, per need; the need's other categories (BESOINS) answer it second: a
 * weekly basket subscription for someone who wants to do their shopping at low prices, a monthly neighbourhood
 * meal for someone who needs a meal, a solidarity fridge for someone who needs food aid, a garden for fresh fruit
 * and vegetables, a restaurant to break isolation.
 */
export const FIRST_ANSWERS: Readonly<Record<NeedValue, readonly FoodCategoryValue[]>> = {
  'aide-alimentaire': ['food_packages', 'food_distribution', 'food_voucher'],
  'epicerie-solidaire': ['social_grocery_stores', 'buying_group'],
  repas: ['solidarity_restaurant', 'food_distribution'],
  'fruits-legumes': ['solidarity_basket', 'buying_group', 'social_grocery_stores'],
  cuisiner: ['cooking_workshop', 'shared_kitchen'],
  bebe: ['baby_parcel'],
  budget: ['nutrition_awareness', 'buying_group'],
  'lien-social': ['shared_meal', 'community_garden', 'cooking_workshop'],
  jardiner: ['community_garden'],
  eau: ['fountain'],
};

const firstMaskOf = new Map<FoodCategoryValue, number>();
for (const [i, key] of NEED_KEYS.entries()) {
  for (const c of FIRST_ANSWERS[key]) firstMaskOf.set(c, (firstMaskOf.get(c) ?? 0) | (1 << i));
}

/** The needs a service is a first answer to: by its category, or all it answers when it has none. */
export function serviceFirstNeedsMask(service: Pick<Service, 'categorie' | 'thematiques'>): number {
  if (service.categorie) return firstMaskOf.get(service.categorie) ?? 0;
  return serviceNeedsMask(service);
}

/** Categories that give food to cook (colis, épicerie, paniers…), as opposed to a meal or an activity. */
export function needsCooking(category: FoodCategoryValue | null | undefined): boolean {
  return category != null && FOOD_CATEGORIES[category].needsCooking;
}

const READY_TO_EAT = new Set<FoodCategoryValue>(['food_distribution', 'solidarity_restaurant', 'shared_meal']);
/** A meal served ready to eat. */
export function readyToEat(category: FoodCategoryValue | null | undefined): boolean {
  return category != null && READY_TO_EAT.has(category);
}

const DIET_RELEVANT = new Set<FoodCategoryValue>([
  'food_packages',
  'food_distribution',
  'social_grocery_stores',
  'solidarity_restaurant',
  'shared_meal',
  'baby_parcel',
  'solidarity_fridge',
]);
/** Categories where what is eaten is chosen by the partner, so a diet matters. */
export function dietRelevant(category: FoodCategoryValue | null | undefined): boolean {
  return category != null && DIET_RELEVANT.has(category);
}
