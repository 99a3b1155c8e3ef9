// The typed-array query must answer exactly as MiniSearch's own `search` with the options search.ts would give
// it: the same documents, in the same order (ties included), the same scores to the bit and the same matched terms.
import { describe, expect, test } from 'vitest';
import { generateDirectory } from '../../demo/generate-directory.ts';
import { prepareDirectory } from '../snapshot.ts';
import { processTerm, tokenizeFrench } from './french-text.ts';
import { FIELD_BOOSTS, fuzziness } from './search.ts';
import { buildSearchIndex, loadSearchIndex, SEARCH_FIELDS, serializeSearchIndex } from './search-index.ts';
import { queryIndex } from './search-query.ts';

const directory = generateDirectory({ services: 1500 });
const snapshot = prepareDirectory(directory.structures, directory.services);
const built = buildSearchIndex(snapshot);
const loaded = loadSearchIndex(snapshot.entries, serializeSearchIndex(built));

const QUERIES = [
  'epicerie solidaire venisieux',
  'restos du coeur',
  'colis alimentaire',
  'atelier cuisine',
  'jardin partage',
  'epicrie',
  'ep',
  'e',
  'secours populaire villeurbanne',
  'ccas bron',
  'distribution distribution',
  'le la les',
  'panier legumes bio',
  'lyon 7',
  '69',
  'croix rouge',
  'frigo solidaire',
  'zzzzqx',
];

/** Every other document is refused: the filter must apply to what is answered and counted. */
const accept = (id: number) => id % 2 === 0;

function miniSearchAnswer(index: typeof built, query: string) {
  const results = index.mini.search(query, {
    boost: FIELD_BOOSTS,
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => fuzziness(term),
    combineWith: 'AND',
    filter: (r) => accept(r.id as number),
  });
  return {
    total: results.length,
    hits: results.slice(0, 50).map((r) => ({ id: r.id, score: r.score, terms: r.terms })),
  };
}

describe('a query over the search index', () => {
  for (const [name, index] of [
    ['built', built],
    ['loaded from its saved form', loaded],
  ] as const) {
    test(`answers exactly as MiniSearch's own search, over an index ${name}`, () => {
      for (const query of QUERIES) {
        const ours = queryIndex(index.mini, query, {
          boosts: FIELD_BOOSTS,
          fields: SEARCH_FIELDS,
          tokenize: tokenizeFrench,
          processTerm,
          prefix: (term) => term.length >= 2,
          fuzzy: fuzziness,
          accept,
          limit: 50,
        });
        expect({ query, ...ours }).toEqual({ query, ...miniSearchAnswer(index, query) });
      }
    });
  }
});
