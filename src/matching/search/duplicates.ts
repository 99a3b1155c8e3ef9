// Likely duplicates of a proposed partner among the published ones: the directory's French full-text search
// (MiniSearch with the same tokenizer and term processing as search-index.ts: accents, case, typos) over the
// structures' names and addresses, so that « Epicerie solidaire Le Panier, 3 rue Paul Bert » finds « Épicerie
// Le Panier, 3 r. Paul-Bert » wherever a worker filed it. A ranking to choose from, never a decision: the
// coordinator merges.
import MiniSearch from 'minisearch';
import { normalizeFrench, processTerm, tokenizeFrench } from './french-text.ts';

export interface DuplicateCandidate {
  id: string;
  nom: string;
  adresse: string;
  code_postal: string;
  commune: string;
  code_insee: string;
}

/** Names weigh most, then the street, then the commune: two partners in one commune are common. */
const BOOSTS = { nom: 3, adresse: 2, commune: 1 };
const STREET_NOISE =
  /\b(\d+\w*|r|rue|av|avenue|bd|boulevard|pl|place|cours|chemin|ch|route|rte|allee|impasse|imp|quai|square|montee)\b\.?/g;
/** A partner of the proposal's own commune is the likelier duplicate: its score is raised by half. */
const SAME_COMMUNE = 1.5;

export interface DuplicateIndex {
  /** The likeliest duplicates of a proposal, best first. */
  likely(proposal: DuplicateCandidate, limit: number): DuplicateCandidate[];
  /** Partners whose name, address or commune match every word typed (prefix and typos allowed). */
  find(query: string, limit: number): DuplicateCandidate[];
}

export function duplicateIndex(structures: readonly DuplicateCandidate[]): DuplicateIndex {
  const mini = new MiniSearch<DuplicateCandidate & { i: number }>({
    idField: 'i',
    fields: ['nom', 'adresse', 'commune'],
    storeFields: [],
    tokenize: tokenizeFrench,
    processTerm,
  });
  mini.addAll(structures.map((s, i) => ({ ...s, i })));
  const fuzzy = (term: string) => (term.length < 4 ? 0 : term.length < 10 ? 1 : 2);
  const at = (i: unknown) => structures[i as number] as DuplicateCandidate;
  return {
    likely(proposal, limit) {
      // Street numbers and kinds of street say nothing alone (« 3 », « rue » are in every other address): the
      // names carry the likeness.
      const query = normalizeFrench(`${proposal.nom} ${proposal.adresse}`).replace(STREET_NOISE, ' ');
      return mini
        .search(query, { boost: BOOSTS, fuzzy, prefix: (t) => t.length >= 4, combineWith: 'OR' })
        .map((r) => {
          const s = at(r.id);
          return { s, score: s.code_insee === proposal.code_insee ? r.score * SAME_COMMUNE : r.score };
        })
        .filter(({ s }) => s.id !== proposal.id)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ s }) => s);
    },
    find(query, limit) {
      if (query.trim() === '') return [];
      return mini
        .search(query, { boost: BOOSTS, fuzzy, prefix: (t) => t.length >= 2, combineWith: 'AND' })
        .slice(0, limit)
        .map((r) => at(r.id));
    },
  };
}
