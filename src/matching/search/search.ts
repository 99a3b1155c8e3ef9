// Search in the directory (listings awaiting a coordinator's validation are left out): full text (French, accent- and case-insensitive, prefix and typo-tolerant: every term
// must match, exactly, as a prefix, or within 1 edit from 4 letters and 2 from 10) combined with filters. An empty
// query browses the filtered directory alphabetically. Hours filters need the hours engine; without it they
// cannot be applied and the answer says so (`hours: 'not_loaded'`, the filter ignored).
import { communeByCode, zoneCovers } from '../../domain/communes.ts';
import { type FiltreAlimentaire, offreRepond } from '../../domain/food-quality.ts';
import { freshnessState } from '../../domain/freshness.ts';
import { distanceKmRaw, type LatLon } from '../../domain/geo/distance.ts';
import { daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { openDuring } from '../hours/schedule.ts';
import { maskOfNeeds } from '../needs.ts';
import type { Language } from '../reasons.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import { processTerm, tokenizeFrench } from './french-text.ts';
import type { SearchEntry } from './search-entry.ts';
import { SEARCH_FIELDS, type SearchIndex, searchIndexOf } from './search-index.ts';
import { queryIndex } from './search-query.ts';

export interface SearchFilters {
  /** Answers at least one of these needs. */
  besoins?: readonly NeedValue[];
  /** Takes place in this commune (INSEE code; Lyon 69123 covers its arrondissements). */
  commune?: string;
  /** Open now, or at some time in the next seven days. */
  ouvert?: 'maintenant' | 'semaine';
  /** `gratuit`: free only; `solidaire`: free or at a solidarity price. */
  prix?: 'gratuit' | 'solidaire';
  /** No referral (fiche de liaison) needed. */
  sans_orientation?: boolean;
  /** A language spoken by the team. */
  langue?: Language;
  /** Step-free access declared. */
  pmr?: boolean;
  /** `a-jour`: verified within its update frequency; `a-verifier`: due, obsolete or never verified. */
  fraicheur?: 'a-jour' | 'a-verifier';
  /** Tagged with this criterion by professionals (their own criteria). */
  critere?: string;
  /** Declares this product, or a choice of products (src/domain/food-offer.ts). */
  aliment?: FiltreAlimentaire;
}

export interface SearchOptions {
  hours?: HoursEngine;
  /** A prebuilt index (default: the snapshot's, built on first search). */
  index?: SearchIndex;
  /** Hits returned (default 50); `total` counts them all. */
  limit?: number;
  /** `public`: hide listings reserved to professionals. */
  audience?: 'professionnel' | 'public';
  /** Browsing without a query: nearest to this place first (else alphabetically); a query ranks by relevance. */
  near?: LatLon;
}

export interface SearchHit {
  service_id: string;
  structure_id: string;
  /** Relevance (MiniSearch's BM25 with the field boosts); 0 when browsing without a query. */
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
}

export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  /** The open now / this week filter: `applied`, `not_requested`, or `not_loaded` (no engine: ignored). */
  hours: 'applied' | 'not_requested' | 'not_loaded';
}

export const FIELD_BOOSTS = { nom: 4, structure: 3, commune: 2, theme: 1.5, description: 1 };
const WEEK_MS = 7 * 86_400_000;

/**
 * Edits allowed for a query term: none under 4 letters (too many neighbours), 1 up to 9 letters, 2 from 10. Each
 * edit allowed multiplies the vocabulary explored, so a second one is kept for long words.
 */
export function fuzziness(term: string): number {
  return term.length < 4 ? 0 : term.length < 10 ? 1 : 2;
}

function filterOf(
  filters: SearchFilters,
  now: number,
  engine: HoursEngine | undefined,
  publicOnly: boolean,
): (e: SearchEntry) => boolean {
  const needs = filters.besoins && filters.besoins.length > 0 ? maskOfNeeds(filters.besoins) : 0;
  const { commune, prix, sans_orientation, langue, pmr, ouvert, fraicheur, critere, aliment } = filters;
  const until = ouvert === 'maintenant' ? now + 1 : now + WEEK_MS;
  const days = ouvert && engine ? daysFrom(parisDay(now), ouvert === 'maintenant' ? 1 : 8) : [];
  return (e) => {
    if (publicOnly && e.professionalOnly) return false;
    if (!e.published) return false;
    if (needs !== 0 && (e.needsMask & needs) === 0) return false;
    if (commune !== undefined && !inCommune(commune, e)) return false;
    if (prix === 'gratuit' && e.tarif !== 'gratuit') return false;
    if (prix === 'solidaire' && !e.affordable) return false;
    if (sans_orientation && !e.directAccess) return false;
    if (langue !== undefined && !e.langues.includes(langue)) return false;
    if (pmr && e.pmr !== true) return false;
    if (fraicheur && (freshnessState(e.verifiedAt, e.frequenceMois, now) === 'fresh') !== (fraicheur === 'a-jour')) {
      return false;
    }
    if (critere !== undefined && !e.criteres.includes(critere)) return false;
    if (aliment !== undefined && !offreRepond(e.produits, e.choix, aliment)) return false;
    if (ouvert && engine) {
      // A service that moves is open when one of its stops is.
      if (e.stopHours !== null) {
        return e.stopHours.some((h) => openDuring(engine, { regular: h, temporary: e.temporary }, now, until, days));
      }
      return openDuring(engine, { regular: e.hours, temporary: e.temporary }, now, until, days);
    }
    return true;
  };
}

/** A service that moves takes place in every commune it stops in (and not at its structure's address). */
function inCommune(commune: string, e: SearchEntry): boolean {
  if (e.stopCommunes === null) return zoneCovers(commune, e.communeCode);
  return e.stopCommunes.some((code) => zoneCovers(commune, code));
}

/**
 * How far a place is from an entry; a service that moves is as near as the nearest commune it stops in (the entry
 * holds its stops' communes, not their positions).
 */
function kmFrom(latitude: number, longitude: number, e: SearchEntry): number {
  let km = Number.POSITIVE_INFINITY;
  if (e.stopCommunes !== null) {
    for (const code of e.stopCommunes) {
      const centre = communeByCode(code)?.centre;
      if (centre) km = Math.min(km, distanceKmRaw(latitude, longitude, centre.latitude, centre.longitude));
    }
    return km;
  }
  return e.latitude === null || e.longitude === null ? km : distanceKmRaw(latitude, longitude, e.latitude, e.longitude);
}
/**
 * Over a snapshot (its index built on first use, unless `options.index` is given), or over a loaded index alone: the
 * start-up copy's, which answers before the snapshot is prepared (src/ui/directory/catalog-model.ts).
 */
export function search(
  over: DirectorySnapshot | SearchIndex,
  query: string,
  filters: SearchFilters,
  now: number,
  options: SearchOptions = {},
): SearchAnswer {
  const limit = options.limit ?? 50;
  const accept = filterOf(filters, now, options.hours, options.audience === 'public');
  const hours = !filters.ouvert ? 'not_requested' : options.hours ? 'applied' : 'not_loaded';
  const index = 'mini' in over ? over : (options.index ?? searchIndexOf(over));
  const { entries } = index;
  const hits: SearchHit[] = [];
  let total = 0;

  if (query.trim() === '' && options.near) {
    const { latitude, longitude } = options.near;
    const found: Array<{ e: SearchEntry; km: number }> = [];
    for (const e of entries) {
      if (!accept(e)) continue;
      found.push({ e, km: kmFrom(latitude, longitude, e) });
    }
    found.sort((a, b) => a.km - b.km);
    for (const { e } of found.slice(0, limit)) {
      hits.push({ service_id: e.id, structure_id: e.structureId, score: 0, terms: [] });
    }
    return { hits, total: found.length, hours };
  }

  if (query.trim() === '') {
    for (const idx of index.alphabetical()) {
      const e = entries.at(idx);
      if (e === undefined || !accept(e)) continue;
      total++;
      if (hits.length < limit) hits.push({ service_id: e.id, structure_id: e.structureId, score: 0, terms: [] });
    }
    return { hits, total, hours };
  }

  const answer = queryIndex(index.mini, query, {
    boosts: FIELD_BOOSTS,
    fields: SEARCH_FIELDS,
    tokenize: tokenizeFrench,
    processTerm,
    // A one-letter prefix matches nearly everything: prefixes from two letters.
    prefix: (term) => term.length >= 2,
    fuzzy: fuzziness,
    accept: (id) => {
      const e = entries.at(id);
      return e !== undefined && accept(e);
    },
    limit,
  });
  total = answer.total;
  for (const r of answer.hits) {
    const e = entries.at(r.id) as SearchEntry;
    hits.push({ service_id: e.id, structure_id: e.structureId, score: r.score, terms: r.terms });
  }
  return { hits, total, hours };
}
