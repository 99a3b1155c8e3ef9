// Pre-filling a referral form from the orientation profile: a field the form asks for gets the profile's answer
// when Boussole knows which part of the profile it means (by its id) and the types fit; a field the form does not
// ask for is never filled — the profile itself stays on the device, only these answers may leave it, and only
// once the worker has checked them and the person has consented.
import { budgetFigures } from './budget.ts';
import { communeByCode } from './communes.ts';
import type { Profile } from './profile.ts';
import type { Answers, AnswerValue } from './referral-form.ts';
import type { ChampLiaison } from './service.ts';
import { LANGUES, REGIMES, RESSOURCES, SITUATIONS_ADMINISTRATIVES, SITUATIONS_FAMILIALES } from './vocabulary.ts';

const list = (xs: readonly string[]) => xs.join(', ');

function household(foyer: NonNullable<Profile['foyer']>): string {
  const adults = `${foyer.adultes} ${foyer.adultes > 1 ? 'adultes' : 'adulte'}`;
  const n = foyer.ages_enfants.length;
  if (n === 0) return `${adults}, sans enfant`;
  return `${adults}, ${n} ${n > 1 ? 'enfants' : 'enfant'} (${foyer.ages_enfants.map((a) => `${a} ans`).join(', ')})`;
}

/** What the profile says for a field id, as text, number or yes/no; undefined when it says nothing. */
function profileValue(id: string, profile: Profile): AnswerValue | undefined {
  switch (id) {
    case 'commune': {
      const code = profile.lieu?.code_insee;
      return code ? communeByCode(code)?.nom : undefined;
    }
    case 'composition_foyer':
      return profile.foyer ? household(profile.foyer) : undefined;
    case 'age':
      return profile.age;
    case 'situation_familiale':
      return profile.situation_familiale ? SITUATIONS_FAMILIALES[profile.situation_familiale] : undefined;
    case 'situation_administrative':
      return profile.situation_administrative
        ? SITUATIONS_ADMINISTRATIVES[profile.situation_administrative]
        : undefined;
    case 'ressources':
      return profile.ressources ? RESSOURCES[profile.ressources] : undefined;
    case 'regime':
      return profile.regimes && profile.regimes.length > 0 ? list(profile.regimes.map((r) => REGIMES[r])) : undefined;
    case 'langues':
      return profile.langues && profile.langues.length > 0 ? list(profile.langues.map((l) => LANGUES[l])) : undefined;
    case 'urgence':
      return profile.urgence === undefined ? undefined : profile.urgence === 'aujourdhui';
    case 'sans_domicile_fixe':
      return profile.sans_domicile_fixe;
    // Épiceries' forms ask for the figures their decision rests on (the amounts themselves stay on the device).
    case 'reste_a_vivre':
      return budgetFigures(profile.budget, profile.foyer).resteAVivre ?? undefined;
    case 'ressources_mensuelles':
      return budgetFigures(profile.budget, profile.foyer).ressources ?? undefined;
    case 'quotient_familial':
      return budgetFigures(profile.budget, profile.foyer).qf?.value;
    default:
      return undefined;
  }
}

function fits(field: ChampLiaison, value: AnswerValue): AnswerValue | undefined {
  switch (field.type) {
    case 'texte':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    case 'nombre':
      return typeof value === 'number' ? value : undefined;
    case 'oui-non':
      return typeof value === 'boolean' ? value : undefined;
    case 'choix':
      return typeof value === 'string' && field.options?.includes(value) ? value : undefined;
    case 'date':
      return undefined;
  }
}

/** Answers for the asked fields the profile knows; nothing else. */
export function prefillAnswers(form: readonly ChampLiaison[], profile: Profile): Answers {
  const answers: Answers = {};
  for (const field of form) {
    const value = profileValue(field.id, profile);
    const fitted = value === undefined ? undefined : fits(field, value);
    if (fitted !== undefined) answers[field.id] = fitted;
  }
  return answers;
}
