// How well the service answers the person's needs (the share of needs covered), and whether the person can use
// it: someone who cannot cook (declared, or assumed without a fixed address) is better served by a meal than by a
// colis or an épicerie. Services answering none of the needs are not candidates at all (see orient.ts).
import { countBits, needsCooking, needsOfMask, readyToEat } from '../needs.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining, NONE } from './criterion.ts';

export const needsCriterion: Criterion = {
  name: 'needs',
  prepare(person) {
    const wanted = person.needsMask;
    const total = countBits(wanted);
    const cannotCook = person.canCook === false;
    const inferred = person.cookingInferred;
    return (entry, ev) => {
      if (total > 0) {
        const covered = entry.needsMask & wanted;
        if (covered !== 0) {
          const points = Math.round((POINTS.needsFull * countBits(covered)) / total);
          if (explaining(ev)) adjust(ev, points, 'covers_needs', { needs: needsOfMask(covered), of: total });
          else ev.score += points;
        }
      }
      if (cannotCook) {
        const category = entry.category;
        if (needsCooking(category)) adjust(ev, POINTS.needsCooking, 'needs_cooking', { inferred });
        else if (readyToEat(category)) adjust(ev, POINTS.readyToEat, 'ready_to_eat', NONE);
      }
    };
  },
};
