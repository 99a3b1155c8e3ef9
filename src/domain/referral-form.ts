// The form a referral fills: the partner's fiche de liaison fields, or Boussole's default form when the partner
// defined none, always opened by who the person is (name required, phone optional). A referral carries a copy of
// the form it was written against (the partner may change its form while a referral waits offline) and answers
// for those fields only: anything else is refused, so no more than what the partner asks ever leaves the device.
import type { ChampLiaison, FicheLiaison } from './service.ts';
import type { Problem } from './validation.ts';

/** Who the person is: every referral form starts with these. */
export const IDENTITY_FIELDS: readonly ChampLiaison[] = [
  { id: 'personne_nom', libelle: 'Nom et prénom de la personne', type: 'texte', requis: true },
  { id: 'personne_telephone', libelle: 'Téléphone de la personne', type: 'texte', requis: false },
];

/** Boussole's default fiche de liaison, for partners that did not define their own. */
export const DEFAULT_FIELDS: readonly ChampLiaison[] = [
  { id: 'commune', libelle: 'Commune de résidence', type: 'texte', requis: false },
  {
    id: 'composition_foyer',
    libelle: 'Composition du foyer (adultes, enfants et leurs âges)',
    type: 'texte',
    requis: false,
  },
  { id: 'situation', libelle: 'Situation et demande, en quelques mots', type: 'texte', requis: true },
  { id: 'regime', libelle: 'Régime alimentaire ou allergies', type: 'texte', requis: false },
  { id: 'urgence', libelle: 'Situation d’urgence (sans rien à manger ce jour)', type: 'oui-non', requis: false },
];

/** The fields a referral to this partner asks for, in order. */
export function referralForm(fiche: FicheLiaison): ChampLiaison[] {
  const own = fiche.champs.length > 0 ? fiche.champs : DEFAULT_FIELDS;
  const identity = new Set(IDENTITY_FIELDS.map((f) => f.id));
  return [...IDENTITY_FIELDS, ...own.filter((f) => !identity.has(f.id))].map((f) =>
    f.options ? { ...f, options: [...f.options] } : { ...f },
  );
}

export type AnswerValue = string | number | boolean;
export type Answers = Record<string, AnswerValue>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why `value` does not fit `field`, or undefined. Messages never quote the value (it describes a person). */
function valueProblem(field: ChampLiaison, value: AnswerValue): string | undefined {
  switch (field.type) {
    case 'texte':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'Texte attendu';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'Date attendue (AAAA-MM-JJ)';
    case 'nombre':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'Nombre attendu';
    case 'choix':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? undefined : 'Choix hors liste';
    case 'oui-non':
      return typeof value === 'boolean' ? undefined : 'Oui ou non attendu';
  }
}

/** Answers checked against their form: only asked fields, of the right type, every required one given. */
export function answerProblems(form: readonly ChampLiaison[], answers: Readonly<Answers>): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(form.map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(answers)) {
    const field = byId.get(id);
    if (!field) problems.push({ path: `reponses.${id}`, message: 'Champ non demandé par la fiche de liaison' });
    else {
      const problem = valueProblem(field, value);
      if (problem) problems.push({ path: `reponses.${id}`, message: problem });
    }
  }
  for (const field of form) {
    if (field.requis && answers[field.id] === undefined) {
      problems.push({ path: `reponses.${field.id}`, message: 'Champ obligatoire' });
    }
  }
  return problems;
}
