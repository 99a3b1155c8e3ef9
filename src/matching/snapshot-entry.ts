// One service as the matcher reads it: joined to its structure, with every field a criterion needs resolved and
// flattened into one object of a single shape (absent values are null, never missing keys). Records parsed from
// the network or IndexedDB come in many shapes (optional fields present or not); reading them in a loop over
// 50,000 services is several times slower than reading entries that all share one shape.
import { communeByCode } from '../domain/communes.ts';
import { effectiveHours } from '../domain/effective-hours.ts';
import { type QualiteAlimentaire, qualitesOf } from '../domain/food-quality.ts';
import type { Arret, Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { temporaryPeriods } from './hours/temporary.ts';
import { serviceFirstNeedsMask, serviceNeedsMask } from './needs.ts';
import type {
  AdministrativeSituation,
  Diet,
  Document,
  FamilySituation,
  PublicValue,
  ResourcesValue,
} from './reasons.ts';
import type { SearchEntry } from './search/search-entry.ts';

export interface ServiceEntry extends SearchEntry {
  /**
   * Position among the snapshot's places (snapshot.ts `entryAt`): services in the order of their ids, then the
   * stops of services that move.
   */
  index: number;
  /** The stop this entry stands for: a service that moves is a candidate at each of its stops (snapshot.ts). */
  stop: Arret | null;
  /** The service has stops: this entry (its structure's address) is not where people find it. */
  itinerant: boolean;
  service: Service;
  /** Undefined when the structure is missing from the directory (the service is still shown). */
  structure: Structure | undefined;
  qpv: string | null;
  /** Also offered at a distance (phone, video): no travel needed. */
  remotePossible: boolean;
  /** The needs it is a first answer to (needs.ts FIRST_ANSWERS), within `needsMask`. */
  firstNeedsMask: number;
  /** Last change of the content (date_maj, epoch ms of its UTC midnight). */
  changedAt: number;
  // Eligibility and access, flattened from `service.eligibilite` and `service.fiche_liaison`.
  accueil: Service['eligibilite']['accueil'];
  publics: readonly PublicValue[];
  ageMin: number | null;
  ageMax: number | null;
  genre: 'femmes' | 'hommes' | null;
  families: readonly FamilySituation[] | null;
  administrative: readonly AdministrativeSituation[] | null;
  resources: readonly ResourcesValue[] | null;
  /** Ceilings on the reste à vivre (€ per person per day) and the CAF quotient familial (€). */
  resteAVivreMax: number | null;
  quotientFamilialMax: number | null;
  zone: { communes: string[]; qpv: string[] } | null;
  ficheRequired: boolean;
  appointment: boolean;
  registration: boolean;
  documents: readonly Document[];
  regimes: readonly Diet[];
  /** Fresh, organic, local, a choice of products: what the partner declared (food-offer.ts `qualitesOf`). */
  qualites: readonly QualiteAlimentaire[];
  capacity: 'disponible' | 'limite' | 'complet' | null;
  /** Communes whose MDM recommends the partner (`recommandee_pour` on the structure); empty when none. */
  recommandeePour: readonly string[];
  /** What of the above some criteria act on, as `TRAIT` bits (criteria/criterion.ts `Criterion.concerns`). */
  traits: number;
}

/**
 * The conditions and facts a criterion acts on, one bit each: most services carry few of them, so a criterion
 * that acts only on services with one of its traits (`Criterion.concerns`) is not run on the others.
 */
export const TRAIT = {
  unpublished: 1 << 0,
  zone: 1 << 1,
  age: 1 << 2,
  gender: 1 << 3,
  /** A family situation condition, or a baby parcel. */
  family: 1 << 4,
  administrative: 1 << 5,
  resources: 1 << 6,
  /** A ceiling on the reste à vivre or the quotient familial. */
  amounts: 1 << 7,
  /** Temporary information (closure, exceptional hours). */
  temporary: 1 << 8,
  capacity: 1 << 9,
  /** Professionals' hints: an MDM's recommendation or colleagues' criteria. */
  hints: 1 << 10,
  /** Documents to bring (justificatifs). */
  documents: 1 << 11,
} as const;

function traitsOf(e: ServiceEntry): number {
  let t = 0;
  if (!e.published) t |= TRAIT.unpublished;
  if (e.zone !== null) t |= TRAIT.zone;
  if (e.ageMin !== null || e.ageMax !== null) t |= TRAIT.age;
  if (e.genre !== null) t |= TRAIT.gender;
  if (e.families !== null || e.category === 'baby_parcel') t |= TRAIT.family;
  if (e.administrative !== null) t |= TRAIT.administrative;
  if (e.resources !== null) t |= TRAIT.resources;
  if (e.resteAVivreMax !== null || e.quotientFamilialMax !== null) t |= TRAIT.amounts;
  if (e.temporary.length > 0) t |= TRAIT.temporary;
  if (e.capacity !== null) t |= TRAIT.capacity;
  if (e.recommandeePour.length > 0 || e.criteres.length > 0) t |= TRAIT.hints;
  if (e.documents.length > 0) t |= TRAIT.documents;
  return t;
}

const NOTHING: readonly never[] = Object.freeze([]);
/**
 * A copy of a list the criteria read for every candidate, made beside its entry (or one shared empty list): the
 * records' own lists lie wherever the records were parsed, and reaching them from thousands of entries in turn
 * costs a cache miss each.
 */
const near = <T>(xs: readonly T[]): readonly T[] => (xs.length === 0 ? NOTHING : [...xs]);

/** « Place Guichard, 69003 Lyon 3e Arrondissement »: the stop's address, else the name people use, in its commune. */
function stopAddress(stop: Arret): string {
  const label = stop.adresse ?? stop.nom;
  const commune = stop.code_postal ? `${stop.code_postal} ${stop.commune}` : stop.commune;
  return label ? `${label}, ${commune}` : commune;
}

const nonEmpty = <T>(xs: readonly T[] | undefined): readonly T[] | null => (xs && xs.length > 0 ? xs : null);

export function entryOf(
  index: number,
  service: Service,
  structure: Structure | undefined,
  stop: Arret | null = null,
): ServiceEntry {
  const place = stop ?? service.lieu ?? structure;
  const communeCode = place?.code_insee ?? '';
  const commune = communeByCode(communeCode);
  const geocoded = place !== undefined && place.latitude !== null && place.longitude !== null;
  const accessibility = stop ? undefined : service.lieu ? service.lieu.accessibilite : structure?.accessibilite;
  const { eligibilite: e, fiche_liaison: fiche, tarif } = service;
  const referral = e.sur_orientation || fiche.requise;
  const arrets = service.arrets !== undefined && service.arrets.length > 0 ? service.arrets : null;
  const entry: ServiceEntry = {
    index,
    stop,
    itinerant: stop === null && arrets !== null,
    id: service.id,
    structureId: service.structure_id,
    nom: service.nom,
    structureNom: structure?.nom ?? null,
    service,
    structure,
    communeCode,
    communeName: commune?.nom ?? place?.commune ?? '',
    address: stop ? stopAddress(stop) : place ? `${place.adresse}, ${place.code_postal} ${place.commune}` : null,
    qpv: (place && 'code_qpv' in place ? place.code_qpv : undefined) ?? null,
    latitude: geocoded ? (place.latitude as number) : (commune?.centre.latitude ?? null),
    longitude: geocoded ? (place.longitude as number) : (commune?.centre.longitude ?? null),
    locationApprox: !geocoded,
    remotePossible: service.modes_accueil.includes('a-distance'),
    needsMask: serviceNeedsMask(service),
    firstNeedsMask: serviceFirstNeedsMask(service),
    category: service.categorie ?? null,
    produits: service.offre_alimentaire?.produits ?? [],
    choix: service.offre_alimentaire?.choix ?? null,
    hours: stop ? stop.horaires : (effectiveHours(service, structure) ?? null),
    temporary: temporaryPeriods(service.infos_temporaires),
    langues: near(service.langues ?? structure?.langues ?? []),
    pmr: accessibility?.pmr ?? null,
    verifiedAt: service.verification ? Date.parse(service.verification.le) : null,
    changedAt: Date.parse(service.date_maj),
    frequenceMois: service.frequence_maj_mois,
    criteres: service.criteres ?? [],
    professionalOnly: service.visibilite === 'professionnels' || structure?.visibilite === 'professionnels',
    published: structure?.statut !== 'proposee',
    accueil: e.accueil,
    publics: near(e.publics),
    ageMin: e.age_min ?? null,
    ageMax: e.age_max ?? null,
    genre: e.genre ?? null,
    families: nonEmpty(e.situations_familiales),
    administrative: nonEmpty(e.situations_administratives),
    resources: nonEmpty(e.ressources),
    resteAVivreMax: e.reste_a_vivre_max ?? null,
    quotientFamilialMax: e.quotient_familial_max ?? null,
    zone: e.zone ? { communes: [...e.zone.communes], qpv: [...e.zone.qpv] } : null,
    referral,
    ficheRequired: fiche.requise,
    appointment: e.sur_rendez_vous,
    registration: e.sur_inscription,
    documents: near(e.justificatifs),
    regimes: near(service.regimes),
    qualites: qualitesOf(service.offre_alimentaire),
    tarif: tarif.type,
    affordable: tarif.type !== 'payant',
    directAccess: !referral,
    capacity: service.capacite?.etat ?? null,
    recommandeePour: structure?.recommandee_pour ?? [],
    traits: 0,
    stopCommunes: arrets === null ? null : [...new Set(arrets.map((a) => a.code_insee))],
    stopHours: arrets === null ? null : [...new Set(arrets.map((a) => a.horaires))],
  };
  entry.traits = traitsOf(entry);
  return entry;
}

/**
 * A stop of a service that moves, as a place of its own: the service's entry with the stop's position, commune and
 * hours (the service's temporary information still applies: a closure stops the whole round). Step-free access is
 * unknown at a stop; a stop without a position is placed at its commune's centre. Built by `entryOf`, so that
 * services and stops share one object shape and the checks' property reads stay monomorphic.
 */
export function stopEntryOf(index: number, base: ServiceEntry, stop: Arret): ServiceEntry {
  const entry = entryOf(index, base.service, base.structure, stop);
  // The service's needs, criteria and temporary periods, computed once for the service.
  entry.temporary = base.temporary;
  return entry;
}
