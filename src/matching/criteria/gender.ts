// Services reserved to one gender (eligibilite.genre). "Autre ou non précisé" is not a refusal: to check.
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, toCheck } from './criterion.ts';

const PARAMS = {
  femmes: Object.freeze({ genre: 'femmes' as const }),
  hommes: Object.freeze({ genre: 'hommes' as const }),
};

export const genderCriterion: Criterion = {
  name: 'gender',
  concerns: TRAIT.gender,
  prepare(person) {
    const genre = person.profile.genre ?? null;
    return (entry, ev) => {
      const reserved = entry.genre;
      if (reserved === null) return;
      const params = PARAMS[reserved];
      const expected = reserved === 'femmes' ? 'femme' : 'homme';
      if (genre === expected) return adjust(ev, POINTS.targetedMatch, 'gender_match', params);
      if (genre === 'femme' || genre === 'homme') return exclude(ev, 'gender_reserved', params);
      toCheck(ev, 'gender_unknown', params, genre === null ? 'genre' : null);
    };
  },
};
