// « Criteria defined by the MDM themselves », as matching hints: what professionals know about a partner
// that its listing does not say moves it up, with the reason said — never an exclusion (the Annuaire's filters
// are where they exclude).
// - The MDM of the person's commune recommends the partner (`recommandee_pour` on the structure, curated by
//   coordinators): « Recommandé par la MDM de Vénissieux ». Lyon is one commune for the person who only said
//   « Lyon » (69123): a recommendation for any of its arrondissements counts, and the reverse.
// - The worker selected some of colleagues' own criteria (`criteres` on services: « bon accueil des familles
//   monoparentales »): each one the service carries is a bonus (at most two count), « Critère de collègues : … ».
// Both fields reach professionals only (server/sync/visibility.ts), so a public orientation never sees them.
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, explaining } from './criterion.ts';

const LYON = '69123';
const inLyon = (code: string) => code === LYON || /^6938[1-9]$/.test(code);

/** Whether a recommendation for `communes` speaks for a person living in `commune`. */
export function recommendedFor(communes: readonly string[], commune: string): string | undefined {
  if (communes.includes(commune)) return commune;
  if (commune === LYON) return communes.find(inLyon);
  if (inLyon(commune) && communes.includes(LYON)) return LYON;
  return undefined;
}

export const recommendationsCriterion: Criterion = {
  name: 'recommendations',
  concerns: TRAIT.hints,
  prepare(person, ctx) {
    const commune = person.commune;
    const wanted = new Set(ctx.criteres);
    if (commune === null && wanted.size === 0) return null;
    return (entry, ev) => {
      const by = commune !== null ? recommendedFor(entry.recommandeePour, commune) : undefined;
      if (by !== undefined) {
        if (!explaining(ev)) ev.score += POINTS.mdmRecommended;
        else adjust(ev, POINTS.mdmRecommended, 'mdm_recommended', { commune: by });
      }
      const tags = entry.criteres;
      if (wanted.size === 0) return;
      const matching = tags.filter((t) => wanted.has(t));
      if (matching.length === 0) return;
      const points = POINTS.colleagueCriterion * Math.min(matching.length, POINTS.colleagueCriteriaMax);
      if (!explaining(ev)) ev.score += points;
      else adjust(ev, points, 'colleague_criteria', { criteres: matching });
    };
  },
};
