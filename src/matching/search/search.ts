// Search in the directory (listings awaiting a coordinator's validation are left out): full text (French, accent- and case-insensitive, prefix and typo-tolerant: every term
// must match, exactly, as a prefix, or within 1 edit from 4 letters and 2 from 10) combined with filters. An empty
// query browses the filtered directory alphabetically. Hours filters need the hours engine; without it they
// cannot be applied and the answer says so (`hours: 'not_loaded'`, the filter ignored).
import { zoneCovers } from '../../domain/communes.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../hours/hours-engine.ts';
import { daysFrom, parisDay } from '../hours/paris-time.ts';
import { openDuring } from '../hours/schedule.ts';
import { maskOfNeeds } from '../needs.ts';
import type { Language } from '../reasons.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { processTerm, tokenizeFrench } from './french-text.ts';
import { type SearchIndex, searchIndexOf } from './search-index.ts';

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
}

export interface SearchOptions {
  hours?: HoursEngine;
  /** A prebuilt index (default: the snapshot's, built on first search). */
  index?: SearchIndex;
  /** Hits returned (default 50); `total` counts them all. */
  limit?: number;
  /** `public`: hide listings reserved to professionals. */
  audience?: 'professionnel' | 'public';
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

/** Weights of the fields: the service's name, then its structure's, then where, what, and the description. */
export const FIELD_BOOSTS = { nom: 4, commune: 2, theme: 1.5, description: 1 };
export const STRUCTURE_NAME_BOOST = 3;
const WEEK_MS = 7 * 86_400_000;

/**
 * Edits allowed for a query term: none under 4 letters (too many neighbours), 1 up to 9 letters, 2 from 10. Each
 * edit allowed multiplies the vocabulary explored: 2 edits on "epicerie" cost several milliseconds at 10k.
 */
export function fuzziness(term: string): number {
  return term.length < 4 ? 0 : term.length < 10 ? 1 : 2;
}

function filterOf(
  filters: SearchFilters,
  now: number,
  engine: HoursEngine | undefined,
  publicOnly: boolean,
): (e: ServiceEntry) => boolean {
  const needs = filters.besoins && filters.besoins.length > 0 ? maskOfNeeds(filters.besoins) : 0;
  const { commune, prix, sans_orientation, langue, pmr, ouvert } = filters;
  const until = ouvert === 'maintenant' ? now + 1 : now + WEEK_MS;
  const days = ouvert && engine ? daysFrom(parisDay(now), ouvert === 'maintenant' ? 1 : 8) : [];
  return (e) => {
    if (publicOnly && e.professionalOnly) return false;
    if (!e.published) return false;
    if (needs !== 0 && (e.needsMask & needs) === 0) return false;
    if (commune !== undefined && !zoneCovers(commune, e.communeCode)) return false;
    if (prix === 'gratuit' && e.service.tarif.type !== 'gratuit') return false;
    if (prix === 'solidaire' && !e.affordable) return false;
    if (sans_orientation && !e.directAccess) return false;
    if (langue !== undefined && !e.langues.includes(langue)) return false;
    if (pmr && e.pmr !== true) return false;
    if (ouvert && engine) {
      return openDuring(engine, { regular: e.hours, temporary: e.temporary }, now, until, days);
    }
    return true;
  };
}

interface Match {
  index: number;
  score: number;
  terms: string[];
}

const TERM_OPTIONS = {
  prefix: (term: string) => term.length >= 2,
  fuzzy: (term: string) => fuzziness(term),
};

/**
 * Services matching every query term, in their own fields or their structure's name, best first (ties by id);
 * null when the query has no searchable term (only small words).
 */
function textMatches(index: SearchIndex, query: string, accept: (e: ServiceEntry) => boolean): Match[] | null {
  const terms = [...new Set(tokenizeFrench(query).filter((t) => processTerm(t) !== null))];
  if (terms.length === 0) return null;
  const { entries } = index.snapshot;
  let found: Map<number, Match> | null = null;
  for (const term of terms) {
    const here = new Map<number, Match>();
    const add = (idx: number, score: number, matched: string[]) => {
      if (found !== null && !found.has(idx)) return;
      if (found === null) {
        const e = entries[idx];
        if (e === undefined || !accept(e)) return;
      }
      const m = here.get(idx);
      if (m) {
        m.score += score;
        m.terms.push(...matched);
      } else here.set(idx, { index: idx, score, terms: [...matched] });
    };
    for (const r of index.services.search(term, { ...TERM_OPTIONS, boost: FIELD_BOOSTS })) {
      add(r.id as number, r.score, r.terms);
    }
    for (const r of index.structures.search(term, TERM_OPTIONS)) {
      for (const idx of index.servicesOf[r.id as number] ?? []) add(idx, r.score * STRUCTURE_NAME_BOOST, r.terms);
    }
    if (found !== null) {
      for (const [idx, m] of here) {
        const prev = found.get(idx) as Match;
        m.score += prev.score;
        m.terms = [...new Set([...prev.terms, ...m.terms])];
      }
    }
    found = here;
    if (found.size === 0) break;
  }
  return [...(found ?? new Map<number, Match>()).values()].sort((a, b) => b.score - a.score || a.index - b.index);
}

export function search(
  snapshot: DirectorySnapshot,
  query: string,
  filters: SearchFilters,
  now: number,
  options: SearchOptions = {},
): SearchAnswer {
  const limit = options.limit ?? 50;
  const accept = filterOf(filters, now, options.hours, options.audience === 'public');
  const hours = !filters.ouvert ? 'not_requested' : options.hours ? 'applied' : 'not_loaded';
  const { entries } = snapshot;
  const hits: SearchHit[] = [];
  let total = 0;

  if (query.trim() === '') {
    const index = options.index ?? searchIndexOf(snapshot);
    for (const idx of index.alphabetical()) {
      const e = entries[idx];
      if (e === undefined || !accept(e)) continue;
      total++;
      if (hits.length < limit) hits.push({ service_id: e.id, structure_id: e.structureId, score: 0, terms: [] });
    }
    return { hits, total, hours };
  }

  const index = options.index ?? searchIndexOf(snapshot);
  const matches = textMatches(index, query, accept);
  if (matches === null) return search(snapshot, '', filters, now, options);
  total = matches.length;
  for (const m of matches.slice(0, limit)) {
    const e = entries[m.index] as ServiceEntry;
    hits.push({ service_id: e.id, structure_id: e.structureId, score: m.score, terms: m.terms });
  }
  return { hits, total, hours };
}
