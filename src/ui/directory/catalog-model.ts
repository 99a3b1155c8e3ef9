// The directory as the orientation and search screens use it: every structure and service of the device loaded
// once into a matching snapshot (src/matching), the opening_hours library loaded lazily (155 kB gzip, precached by
// the service worker, never on the first screen's path), the search index built on first use.
//
// Cold start: from the directory's start-up copy (src/db/catalog-cache.ts: a search part, what a search reads of each
// service and the index, which answers searches at once; then the records, parsed in the page's idle moments; made
// off the page from rows that passed the schemas) when it is at the current revision, else — the copy
// is asked for again first, where a worker can make it — from the tables: the snapshot is built from the rows with
// a cheap shape check so that search answers at once; the full schema check runs right after, in idle slices, and
// any row that fails it is dropped from the snapshot and reported — rows are never trusted blindly.
import { batch, computed, signal } from '@preact/signals';
import {
  type CatalogSearchCopy,
  fromParts,
  readCatalogRecords,
  readCatalogSearch,
  revisionOf,
} from '../../db/catalog-cache.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { readDirectoryRowsUnchecked } from '../../db/directory-repo.ts';
import type { LatLon } from '../../domain/geo/distance.ts';
import type { Profile } from '../../domain/profile.ts';
import { type Service, serviceSchema } from '../../domain/service.ts';
import { type Structure, structureSchema } from '../../domain/structure.ts';
import { parse } from '../../domain/validation.ts';
import {
  createHoursEngine,
  type HoursEngine,
  type OpeningHoursConstructor,
} from '../../matching/hours/hours-engine.ts';
import { orient } from '../../matching/orient/orient.ts';
import type { Orientation } from '../../matching/orient/types.ts';
import { type SearchAnswer, type SearchFilters, search } from '../../matching/search/search.ts';
import { type EntryList, SavedEntries, type SearchEntry } from '../../matching/search/search-entry.ts';
import {
  adoptSearchIndex,
  loadSearchIndex,
  type SearchIndex,
  searchIndexOf,
} from '../../matching/search/search-index.ts';
import { type DirectorySnapshot, prepareDirectoryInSteps } from '../../matching/snapshot.ts';

export type Audience = 'professionnel' | 'public';

export interface LoadHow {
  downloading?: boolean;
}

const SLICE = 500;

function looksLike(row: unknown, keys: readonly string[]): boolean {
  if (!row || typeof row !== 'object') return false;
  return keys.every((k) => typeof (row as Record<string, unknown>)[k] === 'string');
}

/** Lets the browser take input and paint before the next long step. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Yields to the browser between slices of background work (requestIdleCallback where it exists). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
      .requestIdleCallback;
    if (ric) ric(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}

export function createCatalogModel(
  db: BoussoleDatabase,
  options: {
    loadOpeningHours: () => Promise<OpeningHoursConstructor>;
    audience: () => Audience;
    /** Makes the start-up copy of the directory as it is now (off the page); absent: the tables are read. */
    refreshCache?: () => Promise<void>;
    /** The start-up copy as read while this module was loading (the first load uses it rather than reading again). */
    startupCopy?: Promise<CatalogSearchCopy | null>;
  },
) {
  const snapshot = signal<DirectorySnapshot | null>(null);
  /** Until the first snapshot is prepared: the start-up copy's search entries and index, which answer searches. */
  const searchable = signal<SearchIndex | null>(null);
  const hours = signal<HoursEngine | null>(null);
  const invalidRows = signal(0);
  let generation = 0;
  let hoursLoading: Promise<HoursEngine | null> | null = null;
  let startupCopy = options.startupCopy;
  /**
   * Settles when the first load has and the page is idle: the hours library (700 kB to compile) and the answers it
   * refreshes wait behind the snapshot and the person's first input rather than slowing them.
   */
  let firstLoad: Promise<void> | null = null;
  /** The last load started, with the directory's revision when it started (what it shows, or fresher). */
  let loaded: { revision: string | null; loading: Promise<void> } | null = null;

  /** The snapshot from the start-up copy, when there is one at the current revision. */
  async function fromCache(mine: number): Promise<boolean> {
    const read = startupCopy;
    startupCopy = undefined;
    const copy = await (read ?? readCatalogSearch(db));
    if (!copy) return false;
    performance.mark('boussole:startup-copy-read');
    // The search part first: what the person types is answered from it (its rows parsed as searches read them)
    // while the records are read, then parsed in short steps with the page's turn between them; the first screen is
    // drawn before any of it.
    await nextTask();
    const index = loadSearchIndex(new SavedEntries(copy.searchEntries), copy.index);
    if (mine !== generation) return true; // a newer load has started: it sets the snapshot
    const answering = snapshot.value === null;
    if (answering) searchable.value = index;
    performance.mark('boussole:search-ready');
    // While the search part answers, the records wait for the page's idle moments: the person is typing. Reading
    // their row back (tens of milliseconds on the page's thread at 10,000 services) waits for one too.
    const turn = answering ? idle : nextTask;
    await turn();
    const records = await readCatalogRecords(db, copy.revision);
    if (!records) return false; // written meanwhile: the copy is made again
    await turn();
    const structures = await fromParts<Structure>(records.structures, turn);
    const services = await fromParts<Service>(records.services, turn);
    const next = await prepareDirectoryInSteps(structures, services, turn);
    if (mine !== generation) return true;
    adoptSearchIndex(next, index);
    invalidRows.value = copy.invalid;
    show(next);
    return true;
  }

  /** The snapshot that answers from now on (the search part of the copy, if it was answering, is let go). */
  function show(next: DirectorySnapshot): void {
    batch(() => {
      snapshot.value = next;
      searchable.value = null;
    });
  }

  /**
   * `downloading`: a download is writing the directory — a start-up copy made now would be outdated by its next
   * page before it is kept, so the tables are read at once and the download keeps the worker to itself; the sync's
   * end loads again.
   */
  function load(how: LoadHow = {}): Promise<void> {
    // Until the start-up copy is used, the revision is the one it was read at (in the same transaction): a cold start
    // does not wait for one more read of the device, queued behind the others of the start.
    const current = startupCopy ? startupCopy.then((copy) => copy?.revision ?? revisionOf(db)) : revisionOf(db);
    const loading = current.then((revision) => {
      // A sync that wrote nothing ends with a load too: the snapshot shown (or being prepared) is already this
      // revision's, and preparing it again would draw every open screen again for nothing.
      if (loaded && revision !== null && loaded.revision === revision) return loaded.loading;
      const fresh = loadFromDevice(how);
      // Rows read while a download writes are shown on their shape alone: the load at its end must read again.
      const mine = how.downloading ? null : { revision, loading: fresh };
      loaded = mine;
      fresh.catch(() => {
        if (loaded === mine) loaded = null; // a failed load is tried again next time
      });
      return fresh;
    });
    firstLoad ??= loading.catch(() => {}).then(idle);
    return loading;
  }

  async function loadFromDevice(how: LoadHow): Promise<void> {
    const mine = ++generation;
    const cached = await fromCache(mine).catch((error: unknown) => {
      console.warn('Copie de démarrage illisible', error);
      searchable.value = null;
      return false;
    });
    if (cached) return;
    if (options.refreshCache && !how.downloading) {
      const refreshed = await options.refreshCache().then(
        () => mine === generation && fromCache(mine),
        (error: unknown) => console.warn('Copie de démarrage non faite', error),
      );
      if (refreshed || mine !== generation) return;
    }
    const { structures: structureRows, services: serviceRows } = await readDirectoryRowsUnchecked(db, nextTask);
    if (mine !== generation) return;
    const structures = structureRows.filter((r) => looksLike(r, ['id', 'nom', 'code_insee']));
    const services = serviceRows.filter((r) => looksLike(r, ['id', 'nom', 'structure_id']));
    const prepared = await prepareDirectoryInSteps(structures, services, nextTask);
    if (mine !== generation) return;
    show(prepared);
    // While a download runs, rows are shown on their shape alone (the download checks only what filing them needs,
    // src/sync/feed-entries.ts): the load at its end replaces this snapshot with parsed records (the start-up copy),
    // and the full check now would only take the cores the download needs.
    if (how.downloading) return;
    void verify(
      mine,
      structures,
      services,
      structureRows.length - structures.length + serviceRows.length - services.length,
    );
  }

  async function verify(mine: number, structures: Structure[], services: Service[], rejectedEarly: number) {
    const bad = new Set<string>();
    const rows: Array<[unknown, 'structure' | 'service']> = [
      ...structures.map((s) => [s, 'structure'] as [unknown, 'structure']),
      ...services.map((s) => [s, 'service'] as [unknown, 'service']),
    ];
    for (let i = 0; i < rows.length; i += SLICE) {
      await idle();
      if (mine !== generation) return;
      for (const [row, kind] of rows.slice(i, i + SLICE)) {
        const ok = kind === 'structure' ? parse(structureSchema, row).ok : parse(serviceSchema, row).ok;
        if (!ok) bad.add(`${kind}:${(row as { id: string }).id}`);
      }
    }
    invalidRows.value = rejectedEarly + bad.size;
    if (bad.size === 0 || mine !== generation) return;
    const checked = await prepareDirectoryInSteps(
      structures.filter((s) => !bad.has(`structure:${s.id}`)),
      services.filter((s) => !bad.has(`service:${s.id}`)),
      idle,
    );
    if (mine === generation) show(checked);
  }

  /** Loads opening_hours once (a separate chunk); until then results have no hours and say so. */
  function ensureHours(): Promise<HoursEngine | null> {
    hoursLoading ??= (firstLoad ?? Promise.resolve()).then(options.loadOpeningHours).then(
      (OpeningHours) => {
        hours.value = createHoursEngine(OpeningHours);
        return hours.value;
      },
      (error: unknown) => {
        console.warn('Horaires indisponibles', error);
        hoursLoading = null;
        return null;
      },
    );
    return hoursLoading;
  }

  return {
    snapshot,
    hours,
    invalidRows,
    ready: computed(() => snapshot.value !== null),
    /** What searches run over: the snapshot's entries, or the start-up copy's until it is prepared; null before. */
    searchEntries: computed<EntryList | null>(() => snapshot.value?.entries ?? searchable.value?.entries ?? null),
    load,
    ensureHours,
    /** `criteres`: colleagues' criteria the worker picked (a bonus, never a filter). */
    orient(profile: Profile, now = Date.now(), criteres: readonly string[] = []): Orientation | null {
      const current = snapshot.value;
      if (!current) return null;
      return orient(profile, current, now, {
        audience: options.audience(),
        criteres,
        ...(hours.value ? { hours: hours.value } : {}),
      });
    },
    /** `near`: browsing without a query lists the nearest first. */
    search(
      query: string,
      filters: SearchFilters,
      now = Date.now(),
      limit = 50,
      near: LatLon | null = null,
    ): SearchAnswer | null {
      const current = snapshot.value;
      const index = current ? searchIndexOf(current) : searchable.value;
      if (!index) return null;
      return search(index, query, filters, now, {
        audience: options.audience(),
        limit,
        ...(hours.value ? { hours: hours.value } : {}),
        ...(near ? { near } : {}),
      });
    },
    /** Structure and service of a result, for display. */
    entry(serviceId: string) {
      return snapshot.value?.byId.get(serviceId);
    },
    /** A search's result, for its card: from the snapshot, or the start-up copy until it is prepared. */
    searchEntry(serviceId: string): SearchEntry | undefined {
      const found = snapshot.value?.byId.get(serviceId);
      if (found) return found;
      const entries = searchable.value?.entries;
      return entries instanceof SavedEntries ? entries.byId(serviceId) : undefined;
    },
  };
}

export type CatalogModel = ReturnType<typeof createCatalogModel>;
