// The full-text index of a directory snapshot (MiniSearch), built apart from the snapshot because it is the costly part
// on a large directory (figures: src/matching/README.md): build it after the first screen, or on the first search
// (`searchIndexOf` caches one per snapshot). Fields: service name, structure name, description, commune, and the labels
// of the food category, thematiques and diets (« halal », « végétarien »: words people search for); names weigh most
// (see search.ts).
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { communeByCode } from '../../domain/communes.ts';
import { FOOD_CATEGORIES, REGIMES } from '../../domain/vocabulary.ts';
import { THEMATIQUES } from '../../domain/vocabulary-data-inclusion.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { normalizeFrench, processTerm, tokenizeFrench } from './french-text.ts';
import { type EntryList, SavedEntries } from './search-entry.ts';

/** `theme`: the labels of the food category, the thematiques and the diets, one field (fewer per-field structures). */
export const SEARCH_FIELDS = ['nom', 'structure', 'description', 'commune', 'theme'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchIndex {
  /** What it answers over: a snapshot's entries, or the start-up copy's search entries (search-entry.ts). */
  entries: EntryList;
  mini: MiniSearch<ServiceEntry>;
  /** Entry indices in alphabetical order of structure then service name, for browsing without a query. */
  alphabetical(): Int32Array;
}

/** "Lyon 7e Arrondissement Lyon", "Vénissieux": the commune as people type it. */
function communeText(entry: ServiceEntry): string {
  const official = communeByCode(entry.communeCode)?.nom ?? '';
  const place = entry.service.lieu ?? entry.structure;
  const written = place?.commune ?? '';
  return written && !official.startsWith(written) ? `${official} ${written}` : official || written;
}

function themeText(entry: ServiceEntry): string {
  const labels = entry.service.thematiques.map((t) => THEMATIQUES[t] ?? '');
  if (entry.category) labels.unshift(FOOD_CATEGORIES[entry.category].label);
  for (const r of entry.regimes) labels.push(REGIMES[r]);
  return labels.join(' ');
}

function extractField(entry: ServiceEntry, field: string): string | number | undefined {
  switch (field) {
    case 'index':
      return entry.index;
    case 'nom':
      return entry.service.nom;
    case 'structure':
      return entry.structure?.nom;
    case 'description':
      return entry.service.description;
    case 'commune':
      return communeText(entry);
    case 'theme':
      return themeText(entry);
    default:
      return undefined;
  }
}

/**
 * Tokens of a field, each term once: names and descriptions are short, so a term's frequency within one field
 * says little, and counting it once makes the index faster to build. Field texts repeat across a directory
 * (communes, categories, a network's standard descriptions): they are tokenized once per build.
 */
function cachedTokenizer(): (text: string) => string[] {
  const cache = new Map<string, string[]>();
  return (text) => {
    let tokens = cache.get(text);
    if (tokens === undefined) {
      tokens = [...new Set(tokenizeFrench(text))];
      cache.set(text, tokens);
    }
    return tokens;
  };
}

function indexOptions() {
  return {
    idField: 'index',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    extractField,
    tokenize: cachedTokenizer(),
    processTerm,
    // Queries are tokenized afresh (no cache), the same way.
    searchOptions: { tokenize: tokenizeFrench },
  };
}

function wrap(entries: EntryList, mini: MiniSearch<ServiceEntry>, saved?: Int32Array): SearchIndex {
  let alpha: Int32Array | null = saved ?? null;
  return {
    entries,
    mini,
    alphabetical() {
      if (alpha === null) {
        const keys = Array.from(
          entries,
          (e) => `${normalizeFrench(e.structureNom ?? '')}\u0000${normalizeFrench(e.nom)}`,
        );
        alpha = Int32Array.from(keys.keys()).sort((a, b) => {
          const ka = keys[a] as string;
          const kb = keys[b] as string;
          return ka < kb ? -1 : ka > kb ? 1 : a - b;
        });
      }
      return alpha;
    },
  };
}

export function buildSearchIndex(snapshot: DirectorySnapshot): SearchIndex {
  const mini = new MiniSearch<ServiceEntry>(indexOptions());
  mini.addAll(snapshot.entries as ServiceEntry[]);
  return wrap(snapshot.entries, mini);
}

/** A term's postings as saved: per field, its id then (document short id gap, term frequency) pairs. */
type SavedTerm = [term: string, ...fields: number[][]];

interface SavedIndex {
  /**
   * MiniSearch's own plain form, with its postings, document ids and field lengths left out (`index: []`,
   * `documentIds: {}`, `fieldLength: {}`): they are in `postings`, `ids` and `lengths`.
   */
  mini: AsPlainObject;
  postings: SavedTerm[];
  /** Per document short id, its id (null for a short id no document has). */
  ids: Array<number | null>;
  /** Per document short id, its length in each field, one after the other (fields per document: `fieldIds`). */
  lengths: number[];
  alphabetical: number[];
}

interface MiniMaps {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
}

/** MiniSearch's term tree, filled directly from the saved postings (see loadSearchIndex). */
interface TermTree {
  set(term: string, data: Map<number, Map<number, number>>): unknown;
}

/**
 * The index as text, to be kept with the records it was built from (src/db/catalog-cache.ts), with the alphabetical
 * order of its entries, so that a cold start does not sort every normalised name again. Postings are kept as number
 * lists rather than MiniSearch's objects keyed by document: half the text, loaded without parsing every key back into a
 * number, and made into Maps only when read (SavedPostings). Document ids and field lengths are plain lists for the
 * same reason.
 */
export function serializeSearchIndex(index: SearchIndex): string {
  const plain = index.mini.toJSON();
  const postings = plain.index.map(([term, fields]): SavedTerm => {
    const saved: number[][] = Object.entries(fields).map(([fieldId, freqs]) => {
      const ids = Object.keys(freqs)
        .map(Number)
        .sort((x, y) => x - y);
      const list = [Number(fieldId)];
      let previous = 0;
      for (const id of ids) {
        list.push(id - previous, freqs[id] as number);
        previous = id;
      }
      return list;
    });
    return [term, ...saved];
  });
  const fields = Object.keys(plain.fieldIds).length;
  const ids: Array<number | null> = Array.from({ length: plain.nextId }, () => null);
  const lengths: number[] = new Array(plain.nextId * fields).fill(0);
  for (const [shortId, id] of Object.entries(plain.documentIds)) ids[Number(shortId)] = id as number;
  for (const [shortId, perField] of Object.entries(plain.fieldLength)) {
    perField.forEach((length, field) => {
      lengths[Number(shortId) * fields + field] = length;
    });
  }
  const saved: SavedIndex = {
    mini: { ...plain, index: [], documentIds: {}, fieldLength: {} },
    postings,
    ids,
    lengths,
    alphabetical: Array.from(index.alphabetical()),
  };
  return JSON.stringify(saved);
}

/**
 * One term's postings in one field, as a Map made from the saved list only when a search first reads it: making all
 * of them would be most of a saved index's loading, and a search reads a few terms'.
 */
class SavedPostings extends Map<number, number> {
  #saved: number[] | null;

  /** `saved`: the field's list as serializeSearchIndex keeps it (its id first). */
  constructor(saved: number[]) {
    super();
    this.#saved = saved;
  }

  #load(): void {
    const saved = this.#saved;
    if (saved === null) return;
    this.#saved = null;
    let id = 0;
    for (let i = 1; i < saved.length; i += 2) {
      id += saved[i] as number;
      super.set(id, saved[i + 1] as number);
    }
  }

  override get size(): number {
    this.#load();
    return super.size;
  }
  override get(key: number): number | undefined {
    this.#load();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#load();
    return super.has(key);
  }
  override set(key: number, value: number): this {
    this.#load();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#load();
    return super.delete(key);
  }
  override clear(): void {
    this.#saved = null;
    super.clear();
  }
  override forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown) {
    this.#load();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[number, number]> {
    this.#load();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.#load();
    return super.keys();
  }
  override values(): MapIterator<number> {
    this.#load();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}

/**
 * A saved index over `entries`, without indexing again: several times faster at start-up. Only valid for the
 * entries of the very records it was built from, in the same order (entries are numbered in id order).
 *
 * MiniSearch loads everything but the postings through its public `loadJS`; the postings go straight into its term
 * tree, as Maps made on first read (SavedPostings). MiniSearch is pinned; search.test.ts checks a loaded index holds
 * the same data and answers as a built one does.
 */
export function loadSearchIndex(entries: EntryList, saved: string): SearchIndex {
  const { mini: plain, postings, ids, lengths, alphabetical } = JSON.parse(saved) as SavedIndex;
  const mini = MiniSearch.loadJS<ServiceEntry>(plain, indexOptions());
  // Document ids and field lengths as MiniSearch's loadJS would make them from its objects keyed by short id, made
  // from plain lists: tens of thousands of numeric keys parsed back from text were a share of a large directory's start-up.
  const maps = mini as unknown as MiniMaps;
  const fields = Object.keys(plain.fieldIds).length;
  ids.forEach((id, shortId) => {
    if (id === null) return;
    maps._documentIds.set(shortId, id);
    maps._idToShortId.set(id, shortId);
    maps._fieldLength.set(shortId, lengths.slice(shortId * fields, (shortId + 1) * fields));
  });
  const tree = (mini as unknown as { _index: TermTree })._index;
  for (const [term, ...fields] of postings) {
    tree.set(term, new Map(fields.map((list) => [list[0] as number, new SavedPostings(list)])));
  }
  return wrap(entries, mini, Int32Array.from(alphabetical));
}

/**
 * Takes an index loaded over the search entries of the records `snapshot` was prepared from as the snapshot's own
 * (the same MiniSearch, loaded once).
 */
export function adoptSearchIndex(snapshot: DirectorySnapshot, loaded: SearchIndex): SearchIndex {
  const { entries } = loaded;
  // The copy's rows are compared unparsed: the full snapshot is taken on in the page's idle time.
  const isAt =
    entries instanceof SavedEntries
      ? (i: number, id: string) => entries.isAt(i, id)
      : (i: number, id: string) => entries.at(i)?.id === id;
  const same = entries.length === snapshot.entries.length && snapshot.entries.every((e, i) => isAt(i, e.id));
  if (!same) throw new Error('Index de recherche fait pour d’autres fiches');
  const index = wrap(snapshot.entries, loaded.mini, loaded.alphabetical());
  cache.set(snapshot, index);
  return index;
}

const cache = new WeakMap<DirectorySnapshot, SearchIndex>();

/** The snapshot's index, built on first use. */
export function searchIndexOf(snapshot: DirectorySnapshot): SearchIndex {
  let index = cache.get(snapshot);
  if (!index) {
    index = buildSearchIndex(snapshot);
    cache.set(snapshot, index);
  }
  return index;
}
