// The shape of the demo's partner archetypes: a kind of structure (épicerie sociale, Restos du Cœur centre,
// CCAS, centre social, AMAP…) with its name patterns, networks, hours and the services it usually offers, each
// with the chance that a given structure offers it. Archetypes are data; generate-directory.ts turns them into
// records.
import type { FoodCategoryValue, LANGUES, REGIMES } from '../domain/vocabulary.ts';
import type { EligibilityKind } from './eligibility.ts';
import type { HoursPool } from './hours.ts';
import type { LiaisonKind } from './liaison.ts';
import type { TarifKind } from './tarifs.ts';

/** data·inclusion thematiques the demo uses. */
export const TH = {
  alimentation: 'equipement-et-alimentation--alimentation',
  lienSocial: 'remobilisation--lien-social',
  budget: 'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
  autonomieBudget: 'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  prevenir: 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
  dettes: 'difficultes-financieres--situation-dendettement-surendettement',
  parentalite: 'famille--soutien-a-la-parentalite-et-a-leducation',
  benevolat: 'remobilisation--benevolat-action-citoyenne',
} as const;

export interface ServiceTemplate {
  /** Absent for services that answer a need through thematiques only (budget support, lien social). */
  categorie?: FoodCategoryValue;
  /** data·inclusion type de service. */
  type: string;
  thematiques: readonly string[];
  /** Name patterns; see `fill` for the placeholders. */
  noms: readonly string[];
  descriptions: readonly string[];
  tarifs: readonly TarifKind[];
  eligibilites: readonly EligibilityKind[];
  liaisons: readonly LiaisonKind[];
  /** Own hours, when the service keeps other hours than the structure: a pool, or strings of its own. */
  hours?: HoursPool | readonly string[];
  /** Chance that the service has its own hours although the structure has some (default 0.8). */
  ownHours?: number;
  regimes?: readonly (keyof typeof REGIMES)[];
  capacite?: boolean;
  frequences?: readonly (1 | 3 | 6 | 12)[];
  /** Chance that a structure of the archetype offers this service (default 1). */
  chance?: number;
  /** Chance of a permanence hors les murs (default 0). */
  horsLesMurs?: number;
  /** Chance the service is also offered remotely (default 0). */
  distance?: number;
  /** Chance the service is visible to professionals only (default 0.05). */
  professionnels?: number;
  /** Languages its team speaks beyond French, when the service is for people who do not speak it. */
  langues?: readonly (keyof typeof LANGUES)[];
}

export interface Archetype {
  key: string;
  /** Relative frequency among structures. */
  weight: number;
  /** Commune weighting: population^exponent. */
  exponent: number;
  /** Chance to be placed in a QPV when the commune has one. */
  qpvChance: number;
  /** Only these communes (INSEE codes), for partners tied to a campus or to the QPV. */
  communes?: readonly string[];
  noms: readonly string[];
  /** Alternatives; one is picked per structure. */
  reseaux: readonly (readonly string[])[];
  descriptions: readonly string[];
  hours?: HoursPool;
  /** Chance the structure publishes hours of its own (default 0.9 when `hours` is set). */
  hoursChance?: number;
  services: readonly ServiceTemplate[];
}

export interface NameParts {
  commune: string;
  quartier: string;
  /** The commune with "de", elided when needed: "de Bron", "d'Écully". */
  deCommune: string;
  ccas: string;
  /** "Mairie de Bron", "Mairie du 8e arrondissement". */
  mairie: string;
  pick: (list: 'epicerie' | 'restaurant' | 'jardin' | 'asso' | 'amap' | 'abri') => string;
}

const PLACEHOLDER = /\{(commune|quartier|de_commune|ccas|mairie|epicerie|restaurant|jardin|asso|amap|abri)\}/g;

/** Fills `{commune}`, `{quartier}`, `{de_commune}`, `{ccas}`, `{mairie}` and the fictional name lists. */
export function fill(pattern: string, parts: NameParts): string {
  return pattern.replace(PLACEHOLDER, (_, key: string) => {
    if (key === 'commune') return parts.commune;
    if (key === 'quartier') return parts.quartier;
    if (key === 'de_commune') return parts.deCommune;
    if (key === 'ccas') return parts.ccas;
    if (key === 'mairie') return parts.mairie;
    return parts.pick(key as Parameters<NameParts['pick']>[0]);
  });
}

export function deCommune(label: string): string {
  return /^[AEIOUYÉÈÊÎÔ]/i.test(label) ? `d’${label}` : `de ${label}`;
}
