// The publics a service receives and how (eligibilite.accueil): `exclusif` (only those publics), `preferentiel`
// (priority to them, others welcome) or `inconditionnel`. An exclusive or preferred reception for the person's
// own public ranks above an unconditional one when that public matters for what they ask (`relevant`): an
// épicerie for people on minima sociaux, a seniors' restaurant for a meal — not a women-only day shelter for a
// woman who wants to do her shopping, which is only said (info). A public that a structured rule already
// decides (age limits for jeunes/seniors, gender for femmes, resources for minima sociaux…) is left to that
// criterion, so a person is never excluded twice for one thing; an exclusive service whose remaining publics the
// profile cannot decide (e.g. "demandeurs d'emploi") is "to check".
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { Person } from '../person.ts';
import type { ProfileField, PublicValue } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, info, markMissing, NONE, toCheck } from './criterion.ts';

/**
 * The needs for which a reception made for a public serves its members better. Publics defined by what bars the
 * way to food (resources, studies, papers, urgency) count for every need; publics defined by age or household
 * only where they shape the answer (a seniors' restaurant, a families' épicerie sized for a household, a
 * youth cooking workshop). A women-only place counts for a woman without a fixed address (a safer place), never
 * for what food she gets; residents of a QPV are a zone (zone.ts), not a fit.
 */
const PUBLIC_NEEDS: Readonly<Partial<Record<PublicValue, 'all' | readonly NeedValue[]>>> = {
  'beneficiaires-des-minimas-sociaux': 'all',
  etudiants: 'all',
  'personnes-exilees': 'all',
  'personnes-en-situation-juridique-specifique': 'all',
  'personnes-en-situation-durgence': 'all',
  seniors: ['repas', 'lien-social'],
  familles: ['aide-alimentaire', 'epicerie-solidaire', 'bebe'],
  jeunes: ['cuisiner', 'lien-social', 'budget'],
};

export function relevant(p: Person, pub: PublicValue): boolean {
  if (pub === 'femmes') return p.noFixedAddress;
  const needs = PUBLIC_NEEDS[pub];
  if (needs === undefined) return false;
  return needs === 'all' || p.needs.some((n) => needs.includes(n));
}

/** Whether the person belongs to a public: true, false, or null (unknown) with the field that would tell. */
type Belongs = { value: boolean | null; field: ProfileField | null };

const UNKNOWN: Belongs = { value: null, field: null };
const YES: Belongs = { value: true, field: null };
const NO: Belongs = { value: false, field: null };
const known = (value: boolean): Belongs => (value ? YES : NO);

export function belongs(p: Person, pub: PublicValue): Belongs {
  const { profile } = p;
  switch (pub) {
    case 'tous-publics':
      return YES;
    case 'jeunes':
      return p.age === null ? { value: null, field: 'age' } : known(p.age >= 16 && p.age <= 25);
    case 'seniors':
      if (profile.ressources === 'retraite' || profile.emploi === 'retraite') return YES;
      return p.age === null ? { value: null, field: 'age' } : known(p.age >= 60);
    case 'etudiants':
      if (profile.ressources === 'etudiant' || profile.emploi === 'etudes') return YES;
      return profile.ressources === undefined && profile.emploi === undefined
        ? { value: null, field: 'ressources' }
        : NO;
    case 'actifs':
      return profile.emploi === undefined ? { value: null, field: 'emploi' } : known(profile.emploi === 'en-emploi');
    case 'demandeurs-emploi':
      return profile.emploi === undefined
        ? { value: null, field: 'emploi' }
        : known(profile.emploi === 'demandeur-emploi');
    case 'personnes-en-situation-de-handicap':
      if (profile.handicap === true || (profile.reconnaissances_handicap?.length ?? 0) > 0) return YES;
      return profile.handicap === false ? NO : { value: null, field: 'handicap' };
    case 'femmes':
      if (profile.genre === 'femme') return YES;
      return profile.genre === 'homme' ? NO : { value: null, field: profile.genre ? null : 'genre' };
    case 'familles':
      if (p.family === null) return { value: null, field: 'foyer' };
      return known(p.family === 'famille' || p.family === 'monoparentale' || p.family === 'enceinte');
    case 'beneficiaires-des-minimas-sociaux':
      return profile.ressources === undefined
        ? { value: null, field: 'ressources' }
        : known(profile.ressources === 'minima-sociaux');
    case 'personnes-exilees':
    case 'personnes-en-situation-juridique-specifique': {
      const s = profile.situation_administrative;
      return s === undefined ? { value: null, field: 'situation_administrative' } : known(s !== 'en-regle');
    }
    case 'residents-qpv-frr':
      return p.qpv !== null ? YES : { value: null, field: 'code_qpv' };
    case 'personnes-en-situation-durgence':
      return profile.urgence === 'aujourdhui' || profile.ressources === 'sans-ressources' || p.noFixedAddress
        ? YES
        : UNKNOWN;
    default:
      // Whatever a later vocabulary adds: the profile does not say.
      return UNKNOWN;
  }
}

/** Whether a structured rule of the service already decides this public. */
function decidedElsewhere(e: ServiceEntry, pub: PublicValue): boolean {
  switch (pub) {
    case 'jeunes':
    case 'seniors':
      return e.ageMin !== null || e.ageMax !== null;
    case 'femmes':
      return e.genre !== null;
    case 'etudiants':
    case 'beneficiaires-des-minimas-sociaux':
      return e.resources !== null;
    case 'familles':
      return e.families !== null;
    case 'personnes-exilees':
    case 'personnes-en-situation-juridique-specifique':
      return e.administrative !== null;
    case 'residents-qpv-frr':
      return (e.zone?.qpv.length ?? 0) > 0;
    default:
      return false;
  }
}

export const publicsCriterion: Criterion = {
  name: 'publics',
  prepare(person) {
    const urgent = person.profile.urgence === 'aujourdhui' || person.noFixedAddress;
    const unconditional = urgent ? POINTS.unconditionalWhenUrgent : POINTS.unconditional;
    // What the person is, per public, and whether it matters for their needs, once per orientation.
    const cache = new Map<PublicValue, Belongs>();
    const of = (pub: PublicValue) => {
      let b = cache.get(pub);
      if (b === undefined) {
        b = belongs(person, pub);
        cache.set(pub, b);
      }
      return b;
    };
    const fits = new Map<PublicValue, boolean>();
    const counts = (pub: PublicValue) => {
      let f = fits.get(pub);
      if (f === undefined) {
        f = relevant(person, pub);
        fits.set(pub, f);
      }
      return f;
    };
    return (entry, ev) => {
      const e = entry;
      if (e.accueil === 'inconditionnel') return adjust(ev, unconditional, 'unconditional', NONE);
      let matched = false;
      let matters = false;
      let decided = false;
      let undecided = false;
      for (const pub of e.publics) {
        const b = of(pub);
        if (b.value === true && pub !== 'tous-publics') {
          matched = true;
          if (counts(pub)) matters = true;
        }
        if (b.value === true || decidedElsewhere(e, pub)) decided = true;
        else if (b.value === null) undecided = true;
      }
      const exclusive = e.accueil === 'exclusif';
      if (matched) {
        const code = exclusive ? 'public_exclusive' : 'public_preferred';
        const points = exclusive ? POINTS.publicExclusive : POINTS.publicPreferred;
        if (!explaining(ev)) {
          if (matters) ev.score += points;
        } else {
          const publics = e.publics.filter((p) => p !== 'tous-publics' && of(p).value === true);
          if (matters) adjust(ev, points, code, { publics });
          else info(ev, code, { publics });
        }
        return;
      }
      if (!exclusive || decided) return;
      if (!undecided) return exclude(ev, 'public_exclusive_mismatch', { publics: e.publics });
      const unknown = e.publics.filter((p) => !decidedElsewhere(e, p) && of(p).value === null);
      const fields: ProfileField[] = [];
      for (const p of unknown) {
        const f = of(p).field;
        if (f !== null && !fields.includes(f)) fields.push(f);
      }
      toCheck(ev, 'public_exclusive_unverified', { publics: unknown }, fields[0] ?? null);
      for (const f of fields.slice(1)) markMissing(ev, f);
    };
  },
};
