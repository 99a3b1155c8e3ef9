// Épiceries sociales decide on amounts: a ceiling on the reste à vivre per person per day
// (eligibilite.reste_a_vivre_max) or on the CAF quotient familial (eligibilite.quotient_familial_max), compared with
// the figures computed from the profile's resources and charges (src/domain/budget.ts: formulas and sources).
// A service stating both needs both. Per ceiling:
// - the figure is at most the ceiling: eligible, « reste à vivre 6,20 € (plafond 8 €) »;
// - above it: excluded — except a QF estimated on the device, which only makes the service "to check" (the CAF's own
//   QF, on the person's attestation, may differ and is the one the épicerie reads);
// - the figure cannot be computed: "to check", missing the amounts (`budget`), or the household (`foyer`) when the
//   amounts are there but the number of persons is not.
import { budgetFigures } from '../../domain/budget.ts';
import type { AmountIndicator, ProfileField } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Check, type Criterion, type Evaluation, exclude, explaining, toCheck } from './criterion.ts';

interface Figure {
  value: number | null;
  estimated: boolean;
  /** The field that would give the figure when it is null. */
  field: ProfileField;
}

function judge(ev: Evaluation, indicator: AmountIndicator, max: number, f: Figure) {
  const explain = explaining(ev);
  if (f.value === null) return toCheck(ev, 'amount_unknown', explain ? { indicator, max } : SCORING_ONLY, f.field);
  const value = f.value;
  if (value > max) {
    const params = explain ? { indicator, max, value } : SCORING_ONLY;
    if (f.estimated) return toCheck(ev, 'amount_above_estimate', params, 'budget');
    return exclude(ev, 'amount_above', params);
  }
  if (!explain) ev.score += POINTS.targetedMatch;
  else adjust(ev, POINTS.targetedMatch, 'amount_match', { indicator, max, value, estimated: f.estimated });
}

export const amountsCriterion: Criterion = {
  name: 'amounts',
  concerns: TRAIT.amounts,
  prepare(person): Check {
    const { budget, foyer } = person.profile;
    const figures = budgetFigures(budget, foyer);
    const typed = figures.ressources !== null || budget?.revenus_imposables_annuels !== undefined;
    // Amounts typed but no household: the household is what is missing.
    const missing: ProfileField = typed && foyer === undefined ? 'foyer' : 'budget';
    const rav: Figure = { value: figures.resteAVivre, estimated: false, field: missing };
    const qf: Figure = {
      value: figures.qf?.value ?? null,
      estimated: figures.qf?.source === 'estimation',
      field: missing,
    };
    return (entry, ev) => {
      if (entry.resteAVivreMax !== null) judge(ev, 'reste_a_vivre', entry.resteAVivreMax, rav);
      if (entry.quotientFamilialMax !== null) judge(ev, 'quotient_familial', entry.quotientFamilialMax, qf);
    };
  },
};

/** Parameters while only scoring (never read). */
const SCORING_ONLY = Object.freeze({ indicator: 'reste_a_vivre' as const, max: 0, value: 0 });
