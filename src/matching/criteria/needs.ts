// How well the service answers the person's needs: the share of needs covered (points), and whether it is a first
// answer to one of them or only a second one (a rank tier, needs.ts FIRST_ANSWERS). Whether the person can use it
// matters too: someone who cannot cook (declared, or assumed without a fixed address) is better served by a meal
// than by a colis or an épicerie, and is not sent first to raw food or to a cooking workshop they did not ask for.
// Services answering none of the needs are not candidates at all (see orient.ts).
import { countBits, maskOfNeeds, needsCooking, needsOfMask, readyToEat } from '../needs.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining, info, NONE } from './criterion.ts';

const COOKING = maskOfNeeds(['cuisiner']);

export const needsCriterion: Criterion = {
  name: 'needs',
  prepare(person) {
    const wanted = person.needsMask;
    const total = countBits(wanted);
    const cannotCook = person.canCook === false;
    const inferred = person.cookingInferred;
    const workshopWanted = (wanted & COOKING) !== 0;
    return (entry, ev) => {
      const covered = entry.needsMask & wanted;
      if (covered !== 0) {
        const points = Math.round((POINTS.needsFull * countBits(covered)) / total);
        if (explaining(ev)) adjust(ev, points, 'covers_needs', { needs: needsOfMask(covered), of: total });
        else ev.score += points;
      }
      let second = total > 0 && (entry.firstNeedsMask & wanted) === 0;
      if (cannotCook) {
        const category = entry.category;
        if (needsCooking(category)) {
          ev.secondary = true;
          adjust(ev, POINTS.needsCooking, 'needs_cooking', { inferred });
        } else if (readyToEat(category)) adjust(ev, POINTS.readyToEat, 'ready_to_eat', NONE);
        else if (category === 'cooking_workshop' && !workshopWanted) second = true;
      }
      if (second) {
        ev.secondary = true;
        if (explaining(ev)) info(ev, 'secondary_answer', { needs: needsOfMask(covered) });
      }
    };
  },
};
