// What a search reads of a service: its filters' fields and what the Annuaire's card shows. A snapshot's entries
// hold them (ServiceEntry extends SearchEntry); the catalog's start-up copy keeps them apart too, as compact rows, so
// that a cold start answers the first search from a few megabytes, reading only the rows it needs, before it has
// parsed the whole directory (src/ui/directory/catalog-model.ts).
import type { ChoixProduits, ProduitAlimentaire } from '../../domain/food-offer.ts';
import type { FoodCategoryValue } from '../../domain/vocabulary.ts';
import type { TemporaryPeriod } from '../hours/temporary.ts';
import type { Language } from '../reasons.ts';

export interface SearchEntry {
  id: string;
  structureId: string;
  /** The service's name, and its structure's (null when the structure is missing from the directory). */
  nom: string;
  structureNom: string | null;
  /** Where it takes place (INSEE code) and the commune's name as shown. */
  communeCode: string;
  communeName: string;
  /** « 12 avenue Jean Cagne, 69200 Vénissieux »: where it takes place, else its partner's address; null if unknown. */
  address: string | null;
  /** Coordinates; the commune centre when the address is not geocoded (then `locationApprox`). */
  latitude: number | null;
  longitude: number | null;
  locationApprox: boolean;
  category: FoodCategoryValue | null;
  /** What the food is like, as the partner declared it (empty / null: not said). */
  produits: readonly ProduitAlimentaire[];
  choix: ChoixProduits | null;
  tarif: 'gratuit' | 'solidaire' | 'payant';
  /** Free or at a solidarity price. */
  affordable: boolean;
  /** Sur orientation, or a fiche de liaison required. */
  referral: boolean;
  /** Reachable without referral. */
  directAccess: boolean;
  professionalOnly: boolean;
  published: boolean;
  needsMask: number;
  langues: readonly Language[];
  pmr: boolean | null;
  verifiedAt: number | null;
  frequenceMois: number;
  /** Professionals' own criteria the service is tagged with. */
  criteres: readonly string[];
  hours: string | null;
  temporary: readonly TemporaryPeriod[];
  /** A service that moves: the communes it stops in and its stops' hours (null: a fixed place). */
  stopCommunes: readonly string[] | null;
  stopHours: readonly string[] | null;
}

/** A saved entry's values, in this order; `affordable` and `directAccess` follow from `tarif` and `referral`. */
const SAVED_FIELDS = [
  'id',
  'structureId',
  'nom',
  'structureNom',
  'communeCode',
  'communeName',
  'address',
  'latitude',
  'longitude',
  'locationApprox',
  'category',
  'produits',
  'choix',
  'tarif',
  'referral',
  'professionalOnly',
  'published',
  'needsMask',
  'langues',
  'pmr',
  'verifiedAt',
  'frequenceMois',
  'criteres',
  'hours',
  'temporary',
  'stopCommunes',
  'stopHours',
] as const satisfies readonly (keyof SearchEntry)[];

/** A saved row: the values of SAVED_FIELDS, in order. */
type SavedRow = {
  -readonly [I in keyof typeof SAVED_FIELDS]: (typeof SAVED_FIELDS)[I] extends keyof SearchEntry
    ? SearchEntry[(typeof SAVED_FIELDS)[I]]
    : never;
};

// Every field of SearchEntry is saved or derived: adding one without saving it does not compile.
type Unsaved = Exclude<keyof SearchEntry, (typeof SAVED_FIELDS)[number] | 'affordable' | 'directAccess'>;
const everyFieldSaved: [Unsaved] extends [never] ? true : never = true;
void everyFieldSaved;

/** A list of entries read by position: an array, or the start-up copy's rows read as they are asked for. */
export interface EntryList extends Iterable<SearchEntry> {
  readonly length: number;
  at(index: number): SearchEntry | undefined;
}

/**
 * The entries as the start-up copy keeps them: one JSON row each, an array of the values of SAVED_FIELDS (a third of
 * the text of objects, parsed in a fraction of the time).
 */
export function searchEntriesToRows(entries: readonly SearchEntry[]): string[] {
  return entries.map((entry) => JSON.stringify(SAVED_FIELDS.map((field) => entry[field])));
}

/**
 * The start-up copy's entries, each parsed the first time it is read: a cold start's first search reads the few
 * hundred entries its terms reach rather than the whole directory's (parsing 10,000 rows took 40 ms or more of the
 * page's thread in a new browser process, before the first answer).
 */
export class SavedEntries implements EntryList {
  readonly #rows: readonly string[];
  readonly #read: Array<SearchEntry | undefined>;
  readonly #byId = new Map<string, SearchEntry>();

  constructor(rows: readonly string[]) {
    this.#rows = rows;
    this.#read = new Array(rows.length);
  }

  get length(): number {
    return this.#rows.length;
  }

  at(index: number): SearchEntry | undefined {
    const known = this.#read[index];
    if (known !== undefined) return known;
    const row = this.#rows[index];
    if (row === undefined) return undefined;
    const entry = entryOf(JSON.parse(row) as SavedRow);
    this.#read[index] = entry;
    this.#byId.set(entry.id, entry);
    return entry;
  }

  /** The entry of this service, if it was read (a search reads those it answers with), else found by reading on. */
  byId(id: string): SearchEntry | undefined {
    const known = this.#byId.get(id);
    if (known !== undefined) return known;
    for (const entry of this) if (entry.id === id) return entry;
    return undefined;
  }

  /** Whether row `index` is the entry of service `id`, without parsing it (ids are written first in each row). */
  isAt(index: number, id: string): boolean {
    return this.#rows[index]?.startsWith(`[${JSON.stringify(id)},`) ?? false;
  }

  *[Symbol.iterator](): Iterator<SearchEntry> {
    for (let i = 0; i < this.#rows.length; i++) yield this.at(i) as SearchEntry;
  }
}

/**
 * An entry written out whole, in SAVED_FIELDS' order (search-entry.test.ts checks the round trip): an object built
 * in one expression takes its final shape at once, where filling it field by field changed its shape at each field.
 */
function entryOf(r: SavedRow): SearchEntry {
  return {
    id: r[0],
    structureId: r[1],
    nom: r[2],
    structureNom: r[3],
    communeCode: r[4],
    communeName: r[5],
    address: r[6],
    latitude: r[7],
    longitude: r[8],
    locationApprox: r[9],
    category: r[10],
    produits: r[11],
    choix: r[12],
    tarif: r[13],
    referral: r[14],
    professionalOnly: r[15],
    published: r[16],
    needsMask: r[17],
    langues: r[18],
    pmr: r[19],
    verifiedAt: r[20],
    frequenceMois: r[21],
    criteres: r[22],
    hours: r[23],
    temporary: r[24],
    stopCommunes: r[25],
    stopHours: r[26],
    affordable: r[13] !== 'payant',
    directAccess: !r[14],
  };
}
