// The Annuaire's query — text and filters — lives in the URL (`/annuaire?q=epicerie&commune=69259&ouvert=semaine`),
// so that a deep link, a reload or the back button give the same list, offline too. Unknown or malformed
// parameters are dropped, never trusted. Results are computed from the catalog model (search on the device).
import { communeByCode } from '../../domain/communes.ts';
import { FILTRES_ALIMENTAIRES, type FiltreAlimentaire } from '../../domain/food-quality.ts';
import { distanceKmRaw } from '../../domain/geo/distance.ts';
import { priceText } from '../../domain/price-words.ts';
import type { Arret } from '../../domain/service.ts';
import { BESOINS, LANGUES, type NeedValue, TARIFS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { Language } from '../../matching/reasons.ts';
import type { SearchAnswer, SearchFilters } from '../../matching/search/search.ts';
import type { SearchEntry } from '../../matching/search/search-entry.ts';
import { type TravelMinutes, travelByMode } from '../../matching/travel.ts';
import type { Position } from '../orientation/place-choice.ts';
import { type HoursStatus, hoursStatus } from '../text/hours-status.ts';
import type { CatalogModel } from './catalog-model.ts';

export interface DirectoryQuery {
  q: string;
  filters: SearchFilters;
}

export type FilterKey = keyof SearchFilters;

const has = (table: object, key: string | undefined): key is string => key !== undefined && Object.hasOwn(table, key);

export function queryFromParams(params: Readonly<Record<string, string | undefined>>): DirectoryQuery {
  const filters: SearchFilters = {};
  const { besoin, commune, ouvert, prix, langue } = params;
  if (has(BESOINS, besoin)) filters.besoins = [besoin as NeedValue];
  if (commune && communeByCode(commune)) filters.commune = commune;
  if (ouvert === 'maintenant' || ouvert === 'semaine') filters.ouvert = ouvert;
  if (prix === 'gratuit' || prix === 'solidaire') filters.prix = prix;
  if (params.sans_orientation === '1') filters.sans_orientation = true;
  if (has(LANGUES, langue)) filters.langue = langue as Language;
  if (params.pmr === '1') filters.pmr = true;
  if (params.fraicheur === 'a-jour' || params.fraicheur === 'a-verifier') filters.fraicheur = params.fraicheur;
  if (params.critere) filters.critere = params.critere.slice(0, 60);
  if (FILTRES_ALIMENTAIRES.includes(params.aliment as FiltreAlimentaire))
    filters.aliment = params.aliment as FiltreAlimentaire;
  return { q: (params.q ?? '').slice(0, 200), filters };
}

/** The URL of a query; parameters in a fixed order, empty ones left out. */
export function urlOf(query: DirectoryQuery): string {
  const { filters: f } = query;
  const params = new URLSearchParams();
  const q = query.q.trim();
  if (q) params.set('q', q);
  if (f.besoins?.[0]) params.set('besoin', f.besoins[0]);
  if (f.commune) params.set('commune', f.commune);
  if (f.ouvert) params.set('ouvert', f.ouvert);
  if (f.prix) params.set('prix', f.prix);
  if (f.sans_orientation) params.set('sans_orientation', '1');
  if (f.langue) params.set('langue', f.langue);
  if (f.pmr) params.set('pmr', '1');
  if (f.fraicheur) params.set('fraicheur', f.fraicheur);
  if (f.critere) params.set('critere', f.critere);
  if (f.aliment) params.set('aliment', f.aliment);
  const search = params.toString();
  return search ? `/annuaire?${search}` : '/annuaire';
}

/** The filters that narrow the list, in the order of the form. */
export function activeFilters(filters: SearchFilters): FilterKey[] {
  const order: FilterKey[] = [
    'besoins',
    'commune',
    'ouvert',
    'prix',
    'aliment',
    'langue',
    'fraicheur',
    'critere',
    'sans_orientation',
    'pmr',
  ];
  return order.filter((key) => {
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
  });
}

export function withFilter<K extends FilterKey>(query: DirectoryQuery, key: K, value: SearchFilters[K] | undefined) {
  const filters = { ...query.filters };
  if (value === undefined || value === false || value === '') delete filters[key];
  else filters[key] = value;
  return { ...query, filters };
}

export interface DirectoryResult {
  entry: SearchEntry;
  /**
   * "Ouvert jusqu'à 12h", "Ouvre demain mercredi 4 mars à 9h"; null while the hours library loads and until the
   * screen has worked the card's hours out (`withCardHours`).
   */
  hours: string | null;
  open: boolean | null;
  /** From the chosen place (none chosen: null); approximate when either end is a commune centre. */
  distance: { km: number; approximate: boolean; travel: TravelMinutes } | null;
  /**
   * The price in words (price-words.ts): amounts when the partner gave them; the kind of price alone until the
   * records of a cold start are read (the start-up copy does not carry the amounts).
   */
  price: string;
}

export type DirectoryAnswer =
  | { state: 'loading' }
  | { state: 'no-directory' }
  | {
      state: 'ready';
      total: number;
      results: DirectoryResult[];
      hours: SearchAnswer['hours'];
      /** Nothing found with the filters: what the words alone find (undefined otherwise). */
      withoutFilters?: number;
    };

/** Open now or when next; for a service that moves, at its stop passing soonest (its structure's hours are not it). */
export function cardHours(engine: HoursEngine, entry: SearchEntry, now: number): HoursStatus {
  if (entry.stopHours === null)
    return hoursStatus(engine, { regular: entry.hours, temporary: entry.temporary }, now, 1);
  let best: HoursStatus | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const regular of entry.stopHours) {
    const status = hoursStatus(engine, { regular, temporary: entry.temporary }, now, 1);
    const at = status.open ? Number.NEGATIVE_INFINITY : (status.next[0]?.start ?? Number.POSITIVE_INFINITY);
    if (best === null || at < bestAt) {
      best = status;
      bestAt = at;
    }
  }
  return best ?? hoursStatus(engine, { regular: null, temporary: entry.temporary }, now, 1);
}

/** Where distances start. */
export type Origin = Position & { approximate: boolean };

/**
 * What the list shows for a query; reads the catalog's signals (snapshot, hours), so a component re-renders. From
 * an `origin`, each card says how far, and browsing without a query lists the nearest first. The cards' hours are
 * left out (null): parsing each service's hours is the slow part of a first list, so the screen works them out a
 * few at a time once the cards are shown (`cardHours`, `withCardHours`).
 */
export function directoryAnswer(
  catalog: CatalogModel | null,
  query: DirectoryQuery,
  now: number,
  limit: number,
  origin: Origin | null = null,
): DirectoryAnswer {
  const entries = catalog?.searchEntries.value;
  if (!catalog || !entries) return { state: 'loading' };
  if (entries.length === 0) return { state: 'no-directory' };
  const answer = catalog.search(query.q, query.filters, now, limit, origin);
  if (!answer) return { state: 'loading' };
  const results: DirectoryResult[] = [];
  for (const hit of answer.hits) {
    const entry = catalog.searchEntry(hit.service_id);
    if (!entry) continue;
    const service = catalog.entry(hit.service_id)?.service;
    results.push({
      entry,
      hours: null,
      open: null,
      distance: distanceFrom(origin, entry, service?.arrets),
      price: service ? priceText(service.tarif) : TARIFS[entry.tarif],
    });
  }
  const withoutFilters =
    answer.total === 0 && query.q.trim() !== '' && activeFilters(query.filters).length > 0
      ? (catalog.search(query.q, {}, now, 1)?.total ?? 0)
      : undefined;
  return {
    state: 'ready',
    total: answer.total,
    results,
    hours: answer.hours,
    ...(withoutFilters === undefined ? {} : { withoutFilters }),
  };
}

/** The answer with the hours worked out so far on its cards (by service id). */
export function withCardHours(answer: DirectoryAnswer, known: ReadonlyMap<string, HoursStatus>): DirectoryAnswer {
  if (answer.state !== 'ready') return answer;
  const results = answer.results.map((result) => {
    const status = known.get(result.entry.id);
    return status ? { ...result, hours: status.text, open: status.open } : result;
  });
  return { ...answer, results };
}

interface Spot {
  latitude: number | null;
  longitude: number | null;
  approximate: boolean;
}

/**
 * Where the service can be met: a fixed place, or each stop of a service that moves (its position, else its
 * commune's centre; only the communes when the full record is not loaded yet).
 */
function spotsOf(entry: SearchEntry, arrets: readonly Arret[] | undefined): Spot[] {
  const centre = (code: string): Spot => {
    const c = communeByCode(code)?.centre;
    return { latitude: c?.latitude ?? null, longitude: c?.longitude ?? null, approximate: true };
  };
  if (arrets && arrets.length > 0) {
    return arrets.map((a) =>
      a.latitude !== null && a.longitude !== null
        ? { latitude: a.latitude, longitude: a.longitude, approximate: false }
        : centre(a.code_insee),
    );
  }
  if (entry.stopCommunes !== null) return entry.stopCommunes.map(centre);
  return [{ latitude: entry.latitude, longitude: entry.longitude, approximate: entry.locationApprox }];
}

/** How far from the chosen place; for a service that moves, from its nearest stop. */
function distanceFrom(
  origin: Origin | null,
  entry: SearchEntry,
  arrets: readonly Arret[] | undefined,
): DirectoryResult['distance'] {
  if (!origin) return null;
  let best: { km: number; approximate: boolean } | null = null;
  for (const spot of spotsOf(entry, arrets)) {
    if (spot.latitude === null || spot.longitude === null) continue;
    const km = distanceKmRaw(origin.latitude, origin.longitude, spot.latitude, spot.longitude);
    if (best === null || km < best.km) best = { km, approximate: spot.approximate };
  }
  if (best === null) return null;
  return { km: best.km, approximate: origin.approximate || best.approximate, travel: travelByMode(best.km) };
}
