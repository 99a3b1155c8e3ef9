// Administrative situations a service is limited to (eligibilite.situations_administratives). Most food aid asks
// for none; when one is listed, the person's must be in it.
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, toCheck } from './criterion.ts';

const SCORING_ONLY = Object.freeze({ accepted: [] });

export const administrativeCriterion: Criterion = {
  name: 'administrative',
  concerns: TRAIT.administrative,
  prepare(person) {
    const situation = person.profile.situation_administrative ?? null;
    const match = situation === null ? null : { situation };
    return (entry, ev) => {
      const accepted = entry.administrative;
      if (accepted === null) return;
      const params = explaining(ev) ? { accepted } : SCORING_ONLY;
      if (situation === null || match === null) {
        return toCheck(ev, 'administrative_unknown', params, 'situation_administrative');
      }
      if (!accepted.includes(situation)) return exclude(ev, 'administrative_situation', params);
      adjust(ev, POINTS.targetedMatch, 'administrative_match', match);
    };
  },
};
