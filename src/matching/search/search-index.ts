// The full-text index of a directory snapshot (MiniSearch), built apart from the snapshot because it costs
// ~200–300 ms at 10,000 services: build it after the first screen, or on the first search (`searchIndexOf`
// caches one per snapshot). Two indexes: services (name, description, commune, and the labels of the food
// category and thematiques) and structures (name), so that a structure's name is indexed once and not once per
// service — a fifth less indexing; search.ts joins them. Names weigh most.
import MiniSearch from 'minisearch';
import { communeByCode } from '../../domain/communes.ts';
import { FOOD_CATEGORIES, THEMATIQUES } from '../../domain/vocabulary.ts';
import type { DirectorySnapshot } from '../snapshot.ts';
import type { ServiceEntry } from '../snapshot-entry.ts';
import { normalizeFrench, processTerm, tokenizeFrench } from './french-text.ts';

/** Fields of the services' index; `theme`: the food category's label and the thematiques' labels. */
export const SERVICE_FIELDS = ['nom', 'description', 'commune', 'theme'] as const;

interface StructureDoc {
  id: number;
  nom: string;
}

export interface SearchIndex {
  snapshot: DirectorySnapshot;
  services: MiniSearch<ServiceEntry>;
  structures: MiniSearch<StructureDoc>;
  /** Entry indices of each structure document's services. */
  servicesOf: readonly (readonly number[])[];
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
  return labels.join(' ');
}

function extractField(entry: ServiceEntry, field: string): string | number | undefined {
  switch (field) {
    case 'index':
      return entry.index;
    case 'nom':
      return entry.service.nom;
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

export function buildSearchIndex(snapshot: DirectorySnapshot): SearchIndex {
  const tokenize = cachedTokenizer();
  // Queries are tokenized afresh (no cache), the same way.
  const searchOptions = { tokenize: tokenizeFrench };
  const services = new MiniSearch<ServiceEntry>({
    idField: 'index',
    fields: [...SERVICE_FIELDS],
    storeFields: [],
    extractField,
    tokenize,
    processTerm,
    searchOptions,
  });
  services.addAll(snapshot.entries as ServiceEntry[]);

  const docs: StructureDoc[] = [];
  const servicesOf: number[][] = [];
  const docOf = new Map<string, number>();
  for (const e of snapshot.entries) {
    if (!e.structure) continue;
    let doc = docOf.get(e.structureId);
    if (doc === undefined) {
      doc = docs.length;
      docOf.set(e.structureId, doc);
      docs.push({ id: doc, nom: e.structure.nom });
      servicesOf.push([]);
    }
    servicesOf[doc]?.push(e.index);
  }
  const structures = new MiniSearch<StructureDoc>({
    fields: ['nom'],
    storeFields: [],
    tokenize,
    processTerm,
    searchOptions,
  });
  structures.addAll(docs);
  let alpha: Int32Array | null = null;
  return {
    snapshot,
    services,
    structures,
    servicesOf,
    alphabetical() {
      if (alpha === null) {
        const keys = snapshot.entries.map(
          (e) => `${normalizeFrench(e.structure?.nom ?? '')}\u0000${normalizeFrench(e.service.nom)}`,
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
