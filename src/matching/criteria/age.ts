// Age limits of the service (eligibilite.age_min / age_max): out of range excludes, an unknown age makes the
// service "to check", a match is a small plus (a service made for this age group).
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, toCheck } from './criterion.ts';

const SCORING_ONLY = Object.freeze({ min: null, max: null });

export const ageCriterion: Criterion = {
  name: 'age',
  concerns: TRAIT.age,
  prepare(person) {
    const age = person.age;
    return (entry, ev) => {
      const min = entry.ageMin;
      const max = entry.ageMax;
      if (min === null && max === null) return;
      const range = explaining(ev) ? { min, max } : SCORING_ONLY;
      if (age === null) return toCheck(ev, 'age_unknown', range, 'age');
      if (min !== null && age < min) return exclude(ev, 'age_min', { min });
      if (max !== null && age > max) return exclude(ev, 'age_max', { max });
      adjust(ev, POINTS.targetedMatch, 'age_match', range);
    };
  },
};
