// Quality food, when the worker asks to favour it for the person: a food service that declares fresh fruit and
// vegetables, organic or local produce, or a choice of products (rather than a set parcel) moves up, by so many
// minutes of travel per trait (src/domain/food-offer.ts `qualitesOf`). Only what the partner declared counts —
// nothing is inferred from the category — and a service that says nothing about its food is told as such, without
// a penalty: many good partners have not filled it in yet. It never excludes, nor outranks a tier (timeliness,
// reach, relevance to the need decide first).
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, info } from './criterion.ts';

const MAX_TRAITS = 3;

export const foodQualityCriterion: Criterion = {
  name: 'food-quality',
  prepare(person) {
    if (person.profile.alimentation_qualite !== true) return null;
    return (entry, ev) => {
      if (entry.category === null || entry.category === 'fountain' || entry.category === 'food_voucher') return;
      const { qualites } = entry;
      if (qualites.length === 0) {
        if (entry.service.offre_alimentaire === undefined) info(ev, 'food_quality_not_declared', {});
        return;
      }
      adjust(ev, POINTS.foodQualityPerTrait * Math.min(qualites.length, MAX_TRAITS), 'food_quality', { qualites });
    };
  },
};
