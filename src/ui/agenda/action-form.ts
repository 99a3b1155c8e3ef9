// The action form's state, flat as the fields are, and its translation to and from an Action: the
// frequency choices become an RRULE on the first date's weekday ("toutes les deux semaines" on a Tuesday →
// FREQ=WEEKLY;INTERVAL=2;BYDAY=TU, "chaque mois" on the 2nd Tuesday → FREQ=MONTHLY;BYDAY=2TU). The domain schema
// decides what is valid; its problems are put back on the fields that caused them. Pure.
import { type Action, actionSchema } from '../../domain/action.ts';
import { communeByCode } from '../../domain/communes.ts';
import { weekdayOf } from '../../domain/time/paris-time.ts';
import { type Problem, parse } from '../../domain/validation.ts';
import type {
  FREQUENCES_ACTION,
  MODES_INSCRIPTION,
  TARIFS,
  TYPES_ACTION,
  VISIBILITES,
} from '../../domain/vocabulary.ts';

export type Frequency = keyof typeof FREQUENCES_ACTION;

export interface ActionFormState {
  type: keyof typeof TYPES_ACTION | '';
  titre: string;
  description: string;
  organiser: string;
  coOrganisers: string[];
  atOrganiser: boolean;
  adresse: string;
  code_insee: string;
  precisionsLieu: string;
  date: string;
  heure: string;
  duree: string;
  frequence: Frequency;
  jusquAu: string;
  exceptions: string[];
  saufJoursFeries: boolean;
  publics: string[];
  precisionsPublic: string;
  inscriptionRequise: boolean;
  modes: Array<keyof typeof MODES_INSCRIPTION>;
  contact: string;
  capacite: string;
  tarif: keyof typeof TARIFS;
  precisionsTarif: string;
  visibilite: keyof typeof VISIBILITES;
}

export function emptyActionForm(organiser: string, today: string): ActionFormState {
  return {
    type: '',
    titre: '',
    description: '',
    organiser,
    coOrganisers: [],
    atOrganiser: true,
    adresse: '',
    code_insee: '',
    precisionsLieu: '',
    date: today,
    heure: '14:00',
    duree: '120',
    frequence: 'ponctuelle',
    jusquAu: '',
    exceptions: [],
    saufJoursFeries: true,
    publics: ['tous-publics'],
    precisionsPublic: '',
    inscriptionRequise: false,
    modes: [],
    contact: '',
    capacite: '',
    tarif: 'gratuit',
    precisionsTarif: '',
    visibilite: 'public',
  };
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The RRULE of a frequency choice, anchored on the first date; undefined for a one-off action. */
export function rruleOf(frequence: Frequency, date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const day = DAYS[weekdayOf(date)];
  switch (frequence) {
    case 'ponctuelle':
      return undefined;
    case 'quotidienne':
      return 'FREQ=DAILY';
    case 'hebdomadaire':
      return `FREQ=WEEKLY;BYDAY=${day}`;
    case 'toutes-les-2-semaines':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
    case 'mensuelle':
      return `FREQ=MONTHLY;BYDAY=${Math.ceil(Number(date.slice(8, 10)) / 7)}${day}`;
  }
}

/** The frequency choice an RRULE came from (a rule written elsewhere reads as the closest choice). */
export function frequencyOf(rrule: string | undefined): Frequency {
  if (rrule === undefined) return 'ponctuelle';
  if (rrule.startsWith('FREQ=DAILY')) return 'quotidienne';
  if (rrule.startsWith('FREQ=MONTHLY')) return 'mensuelle';
  return /INTERVAL=2\b/.test(rrule) ? 'toutes-les-2-semaines' : 'hebdomadaire';
}

export function formOfAction(action: Action): ActionFormState {
  const { lieu, calendrier, inscription, tarif } = action;
  const [organiser = '', ...coOrganisers] = action.organisateurs;
  return {
    type: action.type,
    titre: action.titre,
    description: action.description ?? '',
    organiser,
    coOrganisers,
    atOrganiser: lieu.type === 'structure',
    adresse: lieu.type === 'adresse' ? lieu.adresse : '',
    code_insee: lieu.type === 'adresse' ? (lieu.code_insee ?? '') : '',
    precisionsLieu: lieu.precisions ?? '',
    date: calendrier.debut.slice(0, 10),
    heure: calendrier.debut.slice(11, 16),
    duree: String(calendrier.duree_minutes),
    frequence: frequencyOf(calendrier.rrule),
    jusquAu: calendrier.jusqu_au ?? '',
    exceptions: calendrier.exceptions ?? [],
    saufJoursFeries: calendrier.sauf_jours_feries,
    publics: [...action.publics],
    precisionsPublic: action.precisions_public ?? '',
    inscriptionRequise: inscription.requise,
    modes: [...(inscription.modes ?? [])],
    contact: inscription.contact ?? '',
    capacite: inscription.capacite === undefined ? '' : String(inscription.capacite),
    tarif: tarif.type,
    precisionsTarif: tarif.precisions ?? '',
    visibilite: action.visibilite,
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
const numberOr = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(',', '.')));

/** The action the form describes (not yet checked), over `base` (the stored action: its id, source, version). */
export function draftOf(form: ActionFormState, base: Pick<Action, 'id' | 'source' | 'version' | 'date_maj'>) {
  const rrule = rruleOf(form.frequence, form.date);
  const commune = communeByCode(form.code_insee);
  const precisions = optional(form.precisionsLieu);
  const lieu = form.atOrganiser
    ? { type: 'structure', structure_id: form.organiser, ...(precisions ? { precisions } : {}) }
    : {
        type: 'adresse',
        adresse: form.adresse.trim(),
        commune: commune?.nom ?? '',
        ...(commune ? { code_insee: commune.code_insee } : {}),
        ...(precisions ? { precisions } : {}),
      };
  const tarifPrecisions = optional(form.precisionsTarif);
  return {
    ...base,
    type: form.type,
    titre: form.titre.trim(),
    ...(optional(form.description) ? { description: optional(form.description) } : {}),
    organisateurs: [form.organiser, ...form.coOrganisers].filter((id) => id !== ''),
    lieu,
    calendrier: {
      debut: `${form.date}T${form.heure}`,
      duree_minutes: numberOr(form.duree),
      ...(rrule ? { rrule } : {}),
      ...(rrule && optional(form.jusquAu) ? { jusqu_au: form.jusquAu } : {}),
      ...(rrule && form.exceptions.length > 0 ? { exceptions: form.exceptions } : {}),
      sauf_jours_feries: form.saufJoursFeries,
    },
    publics: form.publics,
    ...(optional(form.precisionsPublic) ? { precisions_public: optional(form.precisionsPublic) } : {}),
    inscription: {
      requise: form.inscriptionRequise,
      ...(form.inscriptionRequise ? { modes: form.modes } : {}),
      ...(optional(form.contact) ? { contact: optional(form.contact) } : {}),
      ...(numberOr(form.capacite) === undefined ? {} : { capacite: numberOr(form.capacite) }),
    },
    tarif: { type: form.tarif, ...(tarifPrecisions ? { precisions: tarifPrecisions } : {}) },
    visibilite: form.visibilite,
  };
}

/** Where each schema problem is shown: the form field whose value caused it. */
const FIELD_OF: ReadonlyArray<readonly [RegExp, keyof ActionFormState]> = [
  [/^type$/, 'type'],
  [/^titre$/, 'titre'],
  [/^description$/, 'description'],
  [/^organisateurs/, 'organiser'],
  [/^lieu\.adresse$/, 'adresse'],
  [/^lieu\.(commune|code_insee)$/, 'code_insee'],
  [/^lieu\.precisions$/, 'precisionsLieu'],
  [/^lieu/, 'organiser'],
  [/^calendrier\.debut$/, 'date'],
  [/^calendrier\.duree_minutes$/, 'duree'],
  [/^calendrier\.(rrule)$/, 'frequence'],
  [/^calendrier\.jusqu_au$/, 'jusquAu'],
  [/^publics/, 'publics'],
  [/^precisions_public$/, 'precisionsPublic'],
  [/^inscription\.modes/, 'modes'],
  [/^inscription\.contact$/, 'contact'],
  [/^inscription\.capacite$/, 'capacite'],
  [/^tarif\.precisions$/, 'precisionsTarif'],
  [/^tarif/, 'tarif'],
  [/^visibilite$/, 'visibilite'],
];

export type FieldErrors = Partial<Record<keyof ActionFormState, string>>;

export function fieldErrors(problems: readonly Problem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = FIELD_OF.find(([pattern]) => pattern.test(problem.path))?.[1] ?? 'titre';
    errors[field] ??= problem.message;
  }
  return errors;
}

/** The form checked with the domain schema: the action to save, or the messages to show next to the fields. */
export function checkActionForm(
  form: ActionFormState,
  base: Pick<Action, 'id' | 'source' | 'version' | 'date_maj'>,
): { ok: true; action: Action } | { ok: false; errors: FieldErrors } {
  const parsed = parse(actionSchema, draftOf(form, base));
  if (parsed.ok) return { ok: true, action: parsed.value };
  const errors = fieldErrors(parsed.problems);
  if (!form.atOrganiser && form.code_insee === '') errors.code_insee ??= 'Choisissez la commune';
  return { ok: false, errors };
}
