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
