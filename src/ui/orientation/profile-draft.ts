// What the worker has typed in the profile step, as the form holds it (a commune typed or found by GPS, a
// household being filled in, answers not given yet as null), and the Profile the matcher reads, derived from it.
// Every answer is optional: an answer left empty is absent from the profile, never a default value.
import { ADDRESSABLE_COMMUNES, type Commune, communeByCode } from '../../domain/communes.ts';
import { foldAccents } from '../../domain/fold-accents.ts';
import type { Profile } from '../../domain/profile.ts';
import type {
  CRENEAUX,
  JOURS,
  NeedValue,
  RECONNAISSANCES_HANDICAP,
  SITUATIONS_EMPLOI,
} from '../../domain/vocabulary.ts';
import type {
  AdministrativeSituation,
  Diet,
  FamilySituation,
  Language,
  Mobility,
  ResourcesValue,
  Urgency,
} from '../../matching/reasons.ts';
import { type Amounts, budgetOf, EMPTY_AMOUNTS, parseCount } from './budget-draft.ts';

export interface Draft {
  communeText: string;
  /** INSEE code of the commune recognised in `communeText`, or found from the position. */
  commune: string | null;
  /** The GPS position, when "Ma position" was used (distances then start from it). */
  position: { latitude: number; longitude: number } | null;
  qpv: string;
  adults: number | null;
  /** One entry per child; null until its age is typed. */
  ages: (number | null)[];
  age: number | null;
  genre: NonNullable<Profile['genre']> | null;
  situation_familiale: FamilySituation | null;
  situation_administrative: AdministrativeSituation | null;
  ressources: ResourcesValue | null;
  /** Resources, charges, taxable income and CAF QF as typed (budget-draft.ts). */
  amounts: Amounts;
  /** Children with a disability (AEEH), as typed. */
  disabledChildren: string;
  emploi: keyof typeof SITUATIONS_EMPLOI | null;
  handicap: boolean | null;
  reconnaissances: (keyof typeof RECONNAISSANCES_HANDICAP)[];
  /** Colleagues' and MDM's criteria the worker picked: favour the services carrying them, exclude none. */
  criteres: string[];
  sans_domicile_fixe: boolean | null;
  mobilite: Mobility | null;
  distanceMaxKm: number | null;
  langues: Language[];
  regimes: Diet[];
  peut_cuisiner: boolean | null;
  /** The worker asks to favour quality food (fresh, organic, local, a choice of products). */
  alimentation_qualite: boolean;
  jours: (keyof typeof JOURS)[];
  creneaux: (keyof typeof CRENEAUX)[];
  urgence: Urgency | null;
  besoins: NeedValue[];
}

export const EMPTY_DRAFT: Draft = Object.freeze({
  communeText: '',
  commune: null,
  position: null,
  qpv: '',
  adults: null,
  ages: [],
  age: null,
  genre: null,
  situation_familiale: null,
  situation_administrative: null,
  ressources: null,
  amounts: EMPTY_AMOUNTS,
  disabledChildren: '',
  emploi: null,
  handicap: null,
  reconnaissances: [],
  criteres: [],
  sans_domicile_fixe: null,
  mobilite: null,
  distanceMaxKm: null,
  langues: [],
  regimes: [],
  peut_cuisiner: null,
  alimentation_qualite: false,
  jours: [],
  creneaux: [],
  urgence: null,
  besoins: [],
}) as Draft;

const QPV = /^QN[0-9A-Z]{5,8}$/;

export function qpvValid(text: string): boolean {
  return text.trim() === '' || QPV.test(text.trim().toUpperCase());
}

/** The household counts once the adults and every child's age are given (an unknown age would miscount). */
export function householdComplete(d: Draft): boolean {
  return d.adults !== null && d.adults >= 1 && d.ages.every((a) => a !== null);
}

export function profileOf(d: Draft): Profile {
  const p: Profile = { besoins: [...d.besoins] };
  const qpv = d.qpv.trim().toUpperCase();
  const lieu: NonNullable<Profile['lieu']> = {};
  // A position found by GPS wins: the matcher derives the commune from it and measures distances from it.
  if (d.position) lieu.position = d.position;
  else if (d.commune) lieu.code_insee = d.commune;
  if (qpv && QPV.test(qpv)) lieu.code_qpv = qpv;
  if (Object.keys(lieu).length > 0) p.lieu = lieu;
  if (householdComplete(d) && d.adults !== null) {
    p.foyer = { adultes: d.adults, ages_enfants: d.ages.filter((a): a is number => a !== null) };
    const disabled = parseCount(d.disabledChildren, d.ages.length).value;
    if (disabled !== null && disabled > 0) p.foyer.enfants_handicapes = disabled;
  }
  if (d.age !== null) p.age = d.age;
  if (d.genre) p.genre = d.genre;
  if (d.situation_familiale) p.situation_familiale = d.situation_familiale;
  if (d.situation_administrative) p.situation_administrative = d.situation_administrative;
  if (d.ressources) p.ressources = d.ressources;
  const budget = budgetOf(d.amounts);
  if (budget) p.budget = budget;
  if (d.emploi) p.emploi = d.emploi;
  if (d.handicap !== null) p.handicap = d.handicap;
  if (d.handicap !== false && d.reconnaissances.length > 0) p.reconnaissances_handicap = [...d.reconnaissances];
  if (d.sans_domicile_fixe !== null) p.sans_domicile_fixe = d.sans_domicile_fixe;
  if (d.mobilite) {
    p.mobilite = { mode: d.mobilite };
    if (d.distanceMaxKm !== null && d.distanceMaxKm > 0) p.mobilite.distance_max_km = d.distanceMaxKm;
  }
  if (d.langues.length > 0) p.langues = [...d.langues];
  if (d.regimes.length > 0) p.regimes = [...d.regimes];
  if (d.peut_cuisiner !== null) p.peut_cuisiner = d.peut_cuisiner;
  if (d.alimentation_qualite) p.alimentation_qualite = true;
  if (d.jours.length > 0 || d.creneaux.length > 0)
    p.disponibilites = { jours: [...d.jours], creneaux: [...d.creneaux] };
  if (d.urgence) p.urgence = d.urgence;
  return p;
}

function normalised(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[-'’]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** How a commune is shown and typed: "Vénissieux", "Lyon 3e" (not "Lyon 3e Arrondissement"). */
export function communeLabel(c: Commune): string {
  return c.nom.replace(/ Arrondissement$/, '');
}

interface Searchable {
  commune: Commune;
  name: string;
  full: string;
}
let searchable: Searchable[] | null = null;
/**
 * The communes as typed, in French order: made at the first search, not when the module loads (it comes with the
 * Annuaire's first screen, which has not drawn yet), with one collator (each `localeCompare` with a locale makes one).
 */
function communesAsTyped(): Searchable[] {
  if (searchable) return searchable;
  const order = new Intl.Collator('fr', { numeric: true });
  searchable = ADDRESSABLE_COMMUNES.map((c) => ({
    commune: c,
    name: normalised(communeLabel(c)),
    full: normalised(c.nom),
  })).sort((a, b) => order.compare(a.name, b.name));
  return searchable;
}

/** The commune the text designates exactly (its name, with or without accents, or its postal code). */
export function communeOfText(text: string): Commune | undefined {
  const t = normalised(text);
  if (t === '') return undefined;
  if (/^\d{5}$/.test(t)) {
    const found = communesAsTyped().filter((s) => s.commune.codes_postaux.includes(t));
    return found.length === 1 ? found[0]?.commune : undefined;
  }
  const lyon = /^lyon (\d)(?:e|er|eme)?(?: arrondissement)?$/.exec(t);
  if (lyon) return communesAsTyped().find((s) => s.name === `lyon ${lyon[1]}${lyon[1] === '1' ? 'er' : 'e'}`)?.commune;
  return communesAsTyped().find((s) => s.name === t || s.full === t)?.commune;
}

/**
 * Communes whose name or postal code starts with the text, then those with another word starting with it
 * ("foy" finds Sainte-Foy-lès-Lyon), at most `limit`.
 */
export function communeSuggestions(text: string, limit = 6): Commune[] {
  const t = normalised(text);
  if (t === '') return [];
  const first: Commune[] = [];
  const then: Commune[] = [];
  for (const s of communesAsTyped()) {
    if (s.name.startsWith(t) || s.commune.codes_postaux.some((cp) => cp.startsWith(t))) first.push(s.commune);
    else if (s.name.split(' ').some((w) => w.startsWith(t))) then.push(s.commune);
  }
  return [...first, ...then].slice(0, limit);
}

export function communeName(code: string | null): string | null {
  const c = code ? communeByCode(code) : undefined;
  return c ? communeLabel(c) : null;
}
