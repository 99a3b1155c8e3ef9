// Languages: only when the person does not speak French. A team speaking one of the person's languages is a
// strong plus; none is a minus (an interpreter or a relative may help), never an exclusion.
import type { Language } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining } from './criterion.ts';

export const languageCriterion: Criterion = {
  name: 'language',
  prepare(person) {
    const spoken = person.langues;
    if (spoken === null || person.speaksFrench) return null;
    const notSpoken = { langues: spoken };
    return (entry, ev) => {
      const langues = entry.langues;
      let shared = false;
      for (let i = 0; i < spoken.length && !shared; i++) shared = langues.includes(spoken[i] as Language);
      if (!shared) adjust(ev, POINTS.languageNotSpoken, 'language_not_spoken', notSpoken);
      else if (!explaining(ev)) ev.score += POINTS.languageSpoken;
      else {
        const common: Language[] = spoken.filter((l) => entry.langues.includes(l));
        adjust(ev, POINTS.languageSpoken, 'language_spoken', { langues: common });
      }
    };
  },
};
