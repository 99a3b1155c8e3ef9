// What the matcher knows about the person, derived once per orientation from the profile: every field stays
// "unknown" (null) unless given or safely inferred, and inferences are flagged so reasons can say so.
import { communeByCode } from '../domain/communes.ts';
import { communeOfPosition } from '../domain/geo/commune-of-position.ts';
import type { Profile } from '../domain/profile.ts';
import type { NeedValue } from '../domain/vocabulary.ts';
import { maskOfNeeds } from './needs.ts';
import type { FamilySituation, Language, Mobility } from './reasons.ts';
import { reachKm, TRAVEL_MODEL } from './travel.ts';

export interface Person {
  profile: Profile;
  /** Address code (a commune, or an arrondissement of Lyon; 69123 if only "Lyon" is known). */
  commune: string | null;
  /** How the commune was found: given, or from the GPS position. */
  communeSource: 'given' | 'position' | null;
  qpv: string | null;
  /** Where distances start: the GPS position, else the commune centre (approximate). */
  latitude: number | null;
  longitude: number | null;
  positionApprox: boolean;
  age: number | null;
  /** Declared, or inferred from the household (`familyInferred`). `enceinte` is only ever declared. */
  family: FamilySituation | null;
  familyInferred: boolean;
  /** Ages of the children, when the household is given. */
  children: readonly number[] | null;
  /** A child under 2 or a pregnancy: true/false when known, null otherwise. */
  youngChild: boolean | null;
  youngestChild: number | null;
  needs: readonly NeedValue[];
  needsMask: number;
  mobility: Mobility | null;
  /** The mode travel times are counted in: the given one, else the model's assumption (travel.ts). */
  travelMode: Mobility;
  maxKm: number | null;
  /** The straight-line distance within the mode's usual reach (travel.ts `reachKm`). */
  typicalKm: number;
  /** Languages, only when given. `speaksFrench` is true when unknown (the default of a French service). */
  langues: readonly Language[] | null;
  speaksFrench: boolean;
  /** Can cook: declared, or inferred false without a fixed address (`cookingInferred`). */
  canCook: boolean | null;
  cookingInferred: boolean;
  noFixedAddress: boolean;
}

export function derivePerson(profile: Profile): Person {
  const given = profile.lieu?.code_insee;
  const pos = profile.lieu?.position;
  const fromPosition = given === undefined && pos ? communeOfPosition(pos) : undefined;
  const commune = given ?? fromPosition ?? null;
  const centre = commune ? communeByCode(commune)?.centre : undefined;

  const children = profile.foyer ? profile.foyer.ages_enfants : null;
  const youngestChild = children && children.length > 0 ? Math.min(...children) : null;
  let family: FamilySituation | null = profile.situation_familiale ?? null;
  let familyInferred = false;
  if (family === null && profile.foyer) {
    const { adultes } = profile.foyer;
    const kids = profile.foyer.ages_enfants.length;
    family = kids > 0 ? (adultes === 1 ? 'monoparentale' : 'famille') : adultes === 1 ? 'isole' : 'couple';
    familyInferred = true;
  }
  const pregnant = profile.situation_familiale === 'enceinte';
  const youngChild =
    pregnant || (youngestChild !== null && youngestChild < 2) ? true : profile.foyer !== undefined ? false : null;

  const mobility = profile.mobilite?.mode ?? null;
  const travelMode = mobility ?? TRAVEL_MODEL.assumed_mode;
  const langues = profile.langues && profile.langues.length > 0 ? profile.langues : null;
  const noFixedAddress = profile.sans_domicile_fixe === true;
  const canCook = profile.peut_cuisiner ?? (noFixedAddress ? false : null);

  return {
    profile,
    commune,
    communeSource: given !== undefined ? 'given' : fromPosition !== undefined ? 'position' : null,
    qpv: profile.lieu?.code_qpv ?? null,
    latitude: pos?.latitude ?? centre?.latitude ?? null,
    longitude: pos?.longitude ?? centre?.longitude ?? null,
    positionApprox: pos === undefined,
    age: profile.age ?? null,
    family,
    familyInferred,
    children,
    youngChild,
    youngestChild,
    needs: profile.besoins,
    needsMask: maskOfNeeds(profile.besoins),
    mobility,
    travelMode,
    maxKm: profile.mobilite?.distance_max_km ?? null,
    typicalKm: reachKm(travelMode),
    langues,
    speaksFrench: langues === null || langues.includes('fr'),
    canCook,
    cookingInferred: profile.peut_cuisiner === undefined && canCook === false,
    noFixedAddress,
  };
}
