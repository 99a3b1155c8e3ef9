// Where the demo's fictional partners are: real communes and arrondissements of the Métropole (weighted by
// population), fictional street addresses around the commune centre or a QPV centre, fictional contacts
// (04 00… numbers, which are not allocated to anyone, and example.org addresses).
import { ADDRESSABLE_COMMUNES, type Commune } from '../domain/communes.ts';
import { foldAccents } from '../domain/fold-accents.ts';
import { type DemoQpv, qpvOfCommune } from './qpv.ts';
import { type Rng, weightedPicker } from './random.ts';
import { COMPLEMENTS, QUARTIERS, STREET_NAMES, STREET_TYPES } from './words.ts';

export interface Place {
  commune: Commune;
  /** How people say it: "Vénissieux", "Lyon 8e". */
  label: string;
  /** Neighbourhood used in names: a QPV name or a fictional quartier. */
  quartier: string;
  qpv: DemoQpv | undefined;
}

export interface Address {
  adresse: string;
  complement_adresse?: string;
  code_postal: string;
  commune: string;
  code_insee: string;
  code_qpv?: string;
  latitude: number | null;
  longitude: number | null;
}

/** Food aid concentrates where poverty does: communes with a QPV weigh this much more than their population. */
const QPV_COMMUNE_BONUS = 1.5;
const pickers = new Map<string, (rng: Rng) => Commune>();

/**
 * A commune, weighted by population^exponent (1: big communes dominate; 0.5: spread across the territory),
 * among `only` when given (INSEE codes).
 */
export function pickCommune(rng: Rng, exponent: number, only?: readonly string[]): Commune {
  const key = `${exponent}|${only?.join(',') ?? ''}`;
  let picker = pickers.get(key);
  if (!picker) {
    const candidates = only ? ADDRESSABLE_COMMUNES.filter((c) => only.includes(c.code_insee)) : ADDRESSABLE_COMMUNES;
    picker = weightedPicker(
      candidates,
      (c) => c.population ** exponent * (qpvOfCommune(c.code_insee).length > 0 ? QPV_COMMUNE_BONUS : 1),
    );
    pickers.set(key, picker);
  }
  return picker(rng);
}

export function communeLabel(c: Commune): string {
  return c.arrondissement ? c.nom.replace(' Arrondissement', '') : c.nom;
}

export function pickPlace(rng: Rng, exponent: number, qpvChance: number, only?: readonly string[]): Place {
  const commune = pickCommune(rng, exponent, only);
  const qpvs = qpvOfCommune(commune.code_insee);
  const qpv = qpvs.length > 0 && rng.chance(qpvChance) ? rng.pick(qpvs) : undefined;
  return { commune, label: communeLabel(commune), quartier: qpv?.nom ?? rng.pick(QUARTIERS), qpv };
}

/** The Maison de la Métropole covering a commune: its own when it has 15,000 inhabitants, else the nearest one's. */
export function mdmLabel(c: Commune): string {
  if (c.population >= 15_000) return `MDM ${communeLabel(c)}`;
  const nearest = neighbours(c, ADDRESSABLE_COMMUNES.length).find((o) => o.population >= 15_000);
  return `MDM ${communeLabel(nearest ?? c)}`;
}

/** The communes nearest to `c` (itself excluded), for residence zones and permanences hors les murs. */
export function neighbours(c: Commune, count: number): Commune[] {
  const cached = neighbourCache.get(c.code_insee);
  if (cached && cached.length >= count) return cached.slice(0, count);
  const sorted = ADDRESSABLE_COMMUNES.filter((o) => o.code_insee !== c.code_insee)
    .map((o) => ({ o, d: distanceKm(c.centre, o.centre) }))
    .sort((a, b) => a.d - b.d || a.o.code_insee.localeCompare(b.o.code_insee))
    .map((x) => x.o);
  neighbourCache.set(c.code_insee, sorted);
  return sorted.slice(0, count);
}
const neighbourCache = new Map<string, Commune[]>();

function distanceKm(a: Commune['centre'], b: Commune['centre']): number {
  const dLat = (a.latitude - b.latitude) * 111.32;
  const dLon = (a.longitude - b.longitude) * 111.32 * Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** A point `minM`–`maxM` metres from `centre`, in a random direction. */
export function jitter(rng: Rng, centre: Commune['centre'], minM: number, maxM: number) {
  const distance = minM + rng.next() * (maxM - minM);
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (distance * Math.cos(angle)) / 111_320;
  const dLon = (distance * Math.sin(angle)) / (111_320 * Math.cos((centre.latitude * Math.PI) / 180));
  return { latitude: round5(centre.latitude + dLat), longitude: round5(centre.longitude + dLon) };
}

export function streetAddress(rng: Rng): string {
  const number = rng.chance(0.9) ? String(rng.int(1, 148)) : `${rng.int(1, 60)} bis`;
  return `${number} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`;
}

/** A fictional address in the place: in its QPV when it has one, else 200 m–1.5 km from the commune centre. */
export function addressIn(rng: Rng, place: Place): Address {
  const { commune, qpv } = place;
  const point = qpv ? jitter(rng, qpv.centre, 50, 450) : jitter(rng, commune.centre, 200, 1500);
  // About 1 % of imported addresses are not geocoded: the app must cope with a partner it cannot place.
  const geocoded = !rng.chance(0.01);
  const address: Address = {
    adresse: streetAddress(rng),
    code_postal: rng.pick(commune.codes_postaux),
    commune: commune.arrondissement ? 'Lyon' : commune.nom,
    code_insee: commune.code_insee,
    latitude: geocoded ? point.latitude : null,
    longitude: geocoded ? point.longitude : null,
  };
  if (rng.chance(0.25)) address.complement_adresse = rng.pick(COMPLEMENTS);
  if (qpv) address.code_qpv = qpv.code;
  return address;
}

/** A fictional French landline in the 04 00 range, never allocated to a subscriber. */
export function fictionalPhone(rng: Rng): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  return `04 00 ${pair()} ${pair()} ${pair()}`;
}

/** ASCII slug for e-mail local parts and URLs: "Épicerie « Le Cabas »" → "epicerie-le-cabas". */
export function slug(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A fictional address on example.org: `role.structure-name@example.org`, within the 64-character local part. */
export function fictionalEmail(role: string, name: string): string {
  const base = slug(name);
  const cut = base.length > 40 ? base.slice(0, base.lastIndexOf('-', 40)) : base;
  return `${slug(role)}.${cut || 'structure'}@example.org`;
}
