// Diet (halal, sans porc, végétarien, bébé…) where the partner chooses the food (colis, distribution, épicerie,
// restaurant, baby parcel). A diet the service declares is a plus; one it does not declare is a small minus (to
// ask on the spot), never an exclusion: many partners cope without saying so. Halal, casher and végétarien food
// is pork-free; a baby parcel is baby food.
import { dietRelevant } from '../needs.ts';
import type { Diet } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining } from './criterion.ts';

const SATISFIED_BY: Partial<Record<Diet, readonly Diet[]>> = {
  'sans-porc': ['halal', 'casher', 'vegetarien'],
};

export const dietCriterion: Criterion = {
  name: 'diet',
  prepare(person) {
    const wanted = person.profile.regimes;
    if (!wanted || wanted.length === 0) return null;
    const meets = (d: Diet, regimes: readonly Diet[], categorie: string | null) =>
      regimes.includes(d) ||
      (SATISFIED_BY[d]?.some((alt) => regimes.includes(alt)) ?? false) ||
      (d === 'bebe' && categorie === 'baby_parcel');
    return (entry, ev) => {
      const { category: categorie, regimes } = entry;
      if (!dietRelevant(categorie)) return;
      if (!explaining(ev)) {
        // Only the counts matter while scoring: no arrays for the thousands of services never explained.
        let supported = 0;
        for (const d of wanted) if (meets(d, regimes, categorie)) supported++;
        if (supported > 0) ev.score += POINTS.dietPerRegime * supported;
        if (supported < wanted.length) ev.score += POINTS.dietNotDeclared;
        return;
      }
      const supported: Diet[] = [];
      const missing: Diet[] = [];
      for (const d of wanted) (meets(d, regimes, categorie) ? supported : missing).push(d);
      if (supported.length > 0)
        adjust(ev, POINTS.dietPerRegime * supported.length, 'diet_supported', { regimes: supported });
      if (missing.length > 0) adjust(ev, POINTS.dietNotDeclared, 'diet_not_declared', { regimes: missing });
    };
  },
};
