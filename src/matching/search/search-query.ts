// A query over a MiniSearch index, answered as MiniSearch's own `search` would (same terms, prefix and fuzzy
// expansions, BM25 scores to the bit, same order, ties included), but scored in typed arrays: MiniSearch makes an
// object, a Map entry and a match list for every posting of every expanded term before it intersects the terms, and
// on a large directory a broad query spent most of its time allocating and collecting them. Only the hits returned
// get their matched terms. MiniSearch is pinned (package.json); search.test.ts compares both on many queries.
import type MiniSearch from 'minisearch';

/** MiniSearch's term tree (SearchableMap) as this module reads it. */
interface TermTree {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}
/** Per field id, per document short id, the term's frequency. */
type FieldPostings = Map<number, Map<number, number>>;

interface MiniInternals {
  _index: TermTree;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
}

/** MiniSearch's defaults, which the app keeps (search.ts passes no weights nor BM25 parameters). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface QueryOptions {
  /** Field boosts, in the order MiniSearch would visit the index's fields (the index's `fields`). */
  boosts: Readonly<Record<string, number>>;
  fields: readonly string[];
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
  prefix: (term: string) => boolean;
  fuzzy: (term: string) => number;
  /** Whether the document of this id (MiniSearch's id field) may be answered. */
  accept: (id: number) => boolean;
  limit: number;
}

export interface QueryHit {
  id: number;
  score: number;
  /** The index terms that matched in this document, in MiniSearch's order. */
  terms: string[];
}

/** One expanded term of a query term: its postings and its weight (1 exact, less for a prefix or a fuzzy match). */
interface Expansion {
  term: string;
  weight: number;
  postings: FieldPostings;
}

function expansions(tree: TermTree, term: string, prefix: boolean, fuzzy: number): Expansion[] {
  const out: Expansion[] = [];
  const exact = tree.get(term);
  if (exact) out.push({ term, weight: 1, postings: exact });
  const fuzzyMatches = fuzzy > 0 ? tree.fuzzyGet(term, Math.min(fuzzy, MAX_FUZZY)) : undefined;
  if (prefix) {
    for (const [found, postings] of tree.atPrefix(term)) {
      const distance = found.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(found);
      out.push({ term: found, weight: (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance), postings });
    }
  }
  if (fuzzyMatches) {
    for (const [found, [postings, distance]] of fuzzyMatches) {
      if (!distance) continue;
      out.push({ term: found, weight: (FUZZY_WEIGHT * found.length) / (found.length + distance), postings });
    }
  }
  return out;
}

const normsOf = new WeakMap<object, { documents: number; norms: Float64Array[] }>();

/**
 * Per field, per document, BM25's length part `k × (1 − b + b × length ÷ average length)`, written as MiniSearch
 * computes it (the same number): made once per index rather than looked up in a Map for every posting.
 */
function lengthNorms(index: MiniInternals): Float64Array[] {
  const known = normsOf.get(index);
  if (known && known.documents === index._documentCount) return known.norms;
  const { k, b } = BM25;
  const averages = index._avgFieldLength;
  const norms = averages.map(() => new Float64Array(index._nextId));
  // One pass over the documents for every field: the first search after a cold start waits for it.
  for (const [doc, lengths] of index._fieldLength) {
    for (let field = 0; field < norms.length; field++) {
      (norms[field] as Float64Array)[doc] =
        k * (1 - b + (b * (lengths[field] as number)) / (averages[field] as number));
    }
  }
  normsOf.set(index, { documents: index._documentCount, norms });
  return norms;
}

/**
 * The query's hits over `mini`, every query term required (MiniSearch's `combineWith: 'AND'`), best first; `total`
 * counts every accepted document.
 */
export function queryIndex<T>(
  mini: MiniSearch<T>,
  query: string,
  options: QueryOptions,
): { total: number; hits: QueryHit[] } {
  const index = mini as unknown as MiniInternals;
  const terms = options.tokenize(query).flatMap((t) => {
    const processed = options.processTerm(t);
    return processed ? [processed] : [];
  });
  if (terms.length === 0) return { total: 0, hits: [] };
  const size = index._nextId;
  const fields = options.fields.map((name) => ({
    id: index._fieldIds[name] as number,
    boost: options.boosts[name] || 1,
  }));
  const { k, d } = BM25;
  const count = index._documentCount;
  const norms = lengthNorms(index);
  // `total`: the sum of the terms' scores so far; `term`: this term's; `seen`: the term (1-based) that last reached
  // the document, so a document still in the running is one every term so far reached.
  const total = new Float64Array(size);
  const score = new Float64Array(size);
  const seen = new Int32Array(size);
  /** The order in which the last term first reached each document: MiniSearch's order among equal scores. */
  const order = new Int32Array(size);
  const perTerm: Expansion[][] = [];
  let reached = 0;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as string;
    const mark = t + 1;
    const last = t === terms.length - 1;
    const found = expansions(index._index, term, options.prefix(term), options.fuzzy(term));
    perTerm.push(found);
    reached = 0;
    for (const { weight, postings } of found) {
      for (const { id: fieldId, boost } of fields) {
        const docs = postings.get(fieldId);
        if (docs === undefined) continue;
        const matching = docs.size;
        const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
        const norm = norms[fieldId] as Float64Array;
        docs.forEach((freq, doc) => {
          // Only documents every earlier term reached can still be answered.
          const before = seen[doc];
          if (before !== t && before !== mark) return;
          const raw = idf * (d + (freq * (k + 1)) / (freq + (norm[doc] as number)));
          const weighted = weight * 1 * boost * 1 * raw;
          if (before === mark) {
            score[doc] = (score[doc] as number) + weighted;
          } else {
            seen[doc] = mark;
            score[doc] = weighted;
            if (last) order[doc] = reached;
            reached++;
          }
        });
      }
    }
    if (reached === 0) return { total: 0, hits: [] };
    for (let doc = 0; doc < size; doc++) {
      if (seen[doc] === mark)
        total[doc] = t === 0 ? (score[doc] as number) : (total[doc] as number) + (score[doc] as number);
    }
  }

  const mark = terms.length;
  const quality = new Set(terms).size;
  const answered: number[] = [];
  for (let doc = 0; doc < size; doc++) {
    if (seen[doc] !== mark) continue;
    if (options.accept(index._documentIds.get(doc) as number)) answered.push(doc);
  }
  answered.sort((x, y) => (total[y] as number) - (total[x] as number) || (order[x] as number) - (order[y] as number));
  const hits = answered.slice(0, options.limit).map((doc) => ({
    id: index._documentIds.get(doc) as number,
    score: (total[doc] as number) * quality,
    terms: matchedTerms(doc, perTerm, fields),
  }));
  return { total: answered.length, hits };
}

/** The index terms that matched in `doc`, as MiniSearch lists them (the keys of its `match` object, in its order). */
function matchedTerms(doc: number, perTerm: readonly Expansion[][], fields: ReadonlyArray<{ id: number }>): string[] {
  const match: Record<string, true> = {};
  for (const found of perTerm) {
    for (const { term, postings } of found) {
      if (fields.some(({ id }) => postings.get(id)?.has(doc))) match[term] = true;
    }
  }
  return Object.keys(match);
}
