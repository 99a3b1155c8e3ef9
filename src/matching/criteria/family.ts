// Family situation (eligibilite.situations_familiales) and baby food. A "famille" service takes single parents
// too. The situation may be inferred from the household (1 adult with children: monoparentale), and the reason
// says so. A baby parcel (colis bébé) is for a child under 2 or a pregnancy: known absent excludes it.
import type { FamilySituation } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, info, NONE, toCheck } from './criterion.ts';

const SCORING_ONLY = Object.freeze({ accepted: [] });

function accepts(accepted: readonly FamilySituation[], situation: FamilySituation): boolean {
  return accepted.includes(situation) || (situation === 'monoparentale' && accepted.includes('famille'));
}

export const familyCriterion: Criterion = {
  name: 'family',
  concerns: TRAIT.family,
  prepare(person) {
    const { family, familyInferred, youngChild, youngestChild } = person;
    const match = family === null ? null : { situation: family, inferred: familyInferred };
    const child = { age: youngestChild };
    return (entry, ev) => {
      const accepted = entry.families;
      if (accepted !== null) {
        const params = explaining(ev) ? { accepted } : SCORING_ONLY;
        if (family === null || match === null) toCheck(ev, 'family_unknown', params, 'situation_familiale');
        else if (!accepts(accepted, family)) exclude(ev, 'family_situation', params);
        else info(ev, 'family_match', match);
      }
      if (entry.category === 'baby_parcel') {
        if (youngChild === true) adjust(ev, POINTS.babyMatch, 'young_child', child);
        else if (youngChild === false) exclude(ev, 'no_young_child', NONE);
        else toCheck(ev, 'young_child_unknown', NONE, 'foyer');
      }
    };
  },
};
