// Resource conditions (eligibilite.ressources: minima sociaux, low income, none…). The person's declared
// situation must be listed; not declared makes the service "to check".
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, toCheck } from './criterion.ts';

export const resourcesCriterion: Criterion = {
  name: 'resources',
  concerns: TRAIT.resources,
  prepare(person) {
    const ressources = person.profile.ressources ?? null;
    const match = ressources === null ? null : { ressources };
    return (entry, ev) => {
      const accepted = entry.resources;
      if (accepted === null) return;
      const params = explaining(ev) ? { accepted } : SCORING_ONLY;
      if (ressources === null || match === null) return toCheck(ev, 'resources_unknown', params, 'ressources');
      if (!accepted.includes(ressources)) return exclude(ev, 'resources_not_accepted', params);
      adjust(ev, POINTS.targetedMatch, 'resources_match', match);
    };
  },
};

const SCORING_ONLY = Object.freeze({ accepted: [] });
