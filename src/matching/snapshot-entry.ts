// One service as the matcher reads it: joined to its structure, with every field a criterion needs resolved and
// flattened into one object of a single shape (absent values are null, never missing keys). Records parsed from
// the network or IndexedDB come in many shapes (optional fields present or not); reading them in a loop over
// 50,000 services is several times slower than reading entries that all share one shape.
import { communeByCode } from '../domain/communes.ts';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import type { FoodCategoryValue } from '../domain/vocabulary.ts';
import { type TemporaryPeriod, temporaryPeriods } from './hours/temporary.ts';
import { serviceNeedsMask } from './needs.ts';
import type {
  AdministrativeSituation,
  Diet,
  Document,
  FamilySituation,
  Language,
  PublicValue,
  ResourcesValue,
} from './reasons.ts';

export interface ServiceEntry {
  /** Position in `snapshot.entries` (the order of service ids). */
  index: number;
  id: string;
  structureId: string;
  service: Service;
  /** Undefined when the structure is missing from the directory (the service is still shown). */
  structure: Structure | undefined;
  /** Where it takes place: the service's own place (hors les murs) else the structure's address. */
  communeCode: string;
  qpv: string | null;
  /** Coordinates; the commune centre when the address is not geocoded (then `locationApprox`). */
  latitude: number | null;
  longitude: number | null;
  locationApprox: boolean;
  /** Also offered at a distance (phone, video): no travel needed. */
  remotePossible: boolean;
  needsMask: number;
  category: FoodCategoryValue | null;
  /** The service's own OSM hours, else its structure's; null when neither has any. */
  hours: string | null;
  temporary: readonly TemporaryPeriod[];
  /** Languages spoken: the service's list, else its structure's. */
  langues: readonly Language[];
  /** Step-free access of the place, when known. */
  pmr: boolean | null;
  /** Last verification (epoch ms), null if never verified. */
  verifiedAt: number | null;
  /** Last change of the content (date_maj, epoch ms of its UTC midnight). */
  changedAt: number;
  frequenceMois: number;
  /** Visible to professionals only. */
  professionalOnly: boolean;
  /** The structure is published (not a proposal awaiting validation). */
  published: boolean;
  // Eligibility and access, flattened from `service.eligibilite` and `service.fiche_liaison`.
  accueil: Service['eligibilite']['accueil'];
  publics: readonly PublicValue[];
  ageMin: number | null;
  ageMax: number | null;
  genre: 'femmes' | 'hommes' | null;
  families: readonly FamilySituation[] | null;
  administrative: readonly AdministrativeSituation[] | null;
  resources: readonly ResourcesValue[] | null;
  zone: { communes: string[]; qpv: string[] } | null;
  /** Sur orientation, or a fiche de liaison required. */
  referral: boolean;
  ficheRequired: boolean;
  appointment: boolean;
  registration: boolean;
  documents: readonly Document[];
  regimes: readonly Diet[];
  tarif: 'gratuit' | 'solidaire' | 'payant';
  /** Free or at a solidarity price. */
  affordable: boolean;
  /** Reachable without referral. */
  directAccess: boolean;
  capacity: 'disponible' | 'limite' | 'complet' | null;
}

const nonEmpty = <T>(xs: readonly T[] | undefined): readonly T[] | null => (xs && xs.length > 0 ? xs : null);

export function entryOf(index: number, service: Service, structure: Structure | undefined): ServiceEntry {
  const place = service.lieu ?? structure;
  const communeCode = place?.code_insee ?? '';
  const centre = communeByCode(communeCode)?.centre;
  const geocoded = place !== undefined && place.latitude !== null && place.longitude !== null;
  const accessibility = service.lieu ? service.lieu.accessibilite : structure?.accessibilite;
  const { eligibilite: e, fiche_liaison: fiche, tarif } = service;
  const referral = e.sur_orientation || fiche.requise;
  return {
    index,
    id: service.id,
    structureId: service.structure_id,
    service,
    structure,
    communeCode,
    qpv: place?.code_qpv ?? null,
    latitude: geocoded ? (place.latitude as number) : (centre?.latitude ?? null),
    longitude: geocoded ? (place.longitude as number) : (centre?.longitude ?? null),
    locationApprox: !geocoded,
    remotePossible: service.modes_accueil.includes('a-distance'),
    needsMask: serviceNeedsMask(service),
    category: service.categorie ?? null,
    hours: service.horaires_accueil ?? structure?.horaires_accueil ?? null,
    temporary: temporaryPeriods(service.infos_temporaires),
    langues: service.langues ?? structure?.langues ?? [],
    pmr: accessibility?.pmr ?? null,
    verifiedAt: service.verification ? Date.parse(service.verification.le) : null,
    changedAt: Date.parse(service.date_maj),
    frequenceMois: service.frequence_maj_mois,
    professionalOnly: service.visibilite === 'professionnels' || structure?.visibilite === 'professionnels',
    published: structure?.statut !== 'proposee',
    accueil: e.accueil,
    publics: e.publics,
    ageMin: e.age_min ?? null,
    ageMax: e.age_max ?? null,
    genre: e.genre ?? null,
    families: nonEmpty(e.situations_familiales),
    administrative: nonEmpty(e.situations_administratives),
    resources: nonEmpty(e.ressources),
    zone: e.zone ?? null,
    referral,
    ficheRequired: fiche.requise,
    appointment: e.sur_rendez_vous,
    registration: e.sur_inscription,
    documents: e.justificatifs,
    regimes: service.regimes,
    tarif: tarif.type,
    affordable: tarif.type !== 'payant',
    directAccess: !referral,
    capacity: service.capacite?.etat ?? null,
  };
}
