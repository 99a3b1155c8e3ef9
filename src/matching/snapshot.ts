// The directory prepared for matching, once after each load or sync: every service joined to its structure with
// the fields the criteria read already resolved (where it takes place, its hours string, languages, step-free
// access, needs mask, temporary periods), so an orientation is one pass over flat entries. Immutable: a new
// sync makes a new snapshot. The search index is built separately and lazily (search/search-index.ts).
//
// A service that moves (with `arrets`) is found where it stops: each stop is a place of its own (`stops`, after
// the services, numbered on from them), with the stop's position and hours, so the orientation weighs distance,
// reach and timeliness per stop with the same criteria as a fixed place, and coverage counts it in each commune.
// Its service entry stays in `entries` for the search and the catalog, flagged `itinerant`.
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { entryOf, type ServiceEntry, stopEntryOf } from './snapshot-entry.ts';

export interface DirectorySnapshot {
  /** One per service, in the order of service ids. */
  entries: readonly ServiceEntry[];
  /** One per stop of the services that move; `stops[k].index` is `entries.length + k`. */
  stops: readonly ServiceEntry[];
  /** Services then stops, by place index: the places an orientation scans (`entryAt`). */
  places: readonly ServiceEntry[];
  size: number;
  byId: ReadonlyMap<string, ServiceEntry>;
  structures: ReadonlyMap<string, Structure>;
  /** Distinct OSM strings in use (regular and exceptional): what the hours engine may have to parse. */
  hoursStrings: readonly string[];
  /**
   * By place index (`entryAt`), in compact arrays that a pass over thousands of candidates reads without touching the entries:
   * 1 + the index of the regular hours in `hoursStrings` (0: none), and 1 when temporary information may change
   * them.
   */
  hoursIds: Int32Array;
  hasTemporary: Uint8Array;
  /** By place index: the needs it answers (`ServiceEntry.needsMask`), and 1 for a baby parcel. */
  needsMasks: Int32Array;
  babyParcel: Uint8Array;
  /** By place index: 1 for the entry of a service that moves (`ServiceEntry.itinerant`), found at its stops. */
  itinerant: Uint8Array;
  /**
   * By place index, what every result copies (`service_id`, `structure_id`, whether its location is a commune
   * centre): thousands of results are made per orientation, from these arrays rather than from their entries.
   */
  ids: readonly string[];
  structureIds: readonly string[];
  locationApprox: Uint8Array;
}

export interface PrepareOptions {
  /** Leave out services of structures proposed and not yet validated (default: keep, the matcher excludes them). */
  publishedOnly?: boolean;
}

/** Services joined per step of `prepareDirectoryInSteps`: a few milliseconds on a tablet. */
const SERVICES_PER_STEP = 500;

export function prepareDirectory(
  structures: readonly Structure[],
  services: readonly Service[],
  options: PrepareOptions = {},
): DirectorySnapshot {
  const steps = preparing(structures, services, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same snapshot, made in steps with `between()` awaited after each: on the page, the browser takes input and
 * paints between them instead of waiting for the whole directory (a quarter of a second at 10,000 services).
 */
export async function prepareDirectoryInSteps(
  structures: readonly Structure[],
  services: readonly Service[],
  between: () => Promise<void>,
  options: PrepareOptions = {},
): Promise<DirectorySnapshot> {
  const steps = preparing(structures, services, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

/** Makes the snapshot, pausing (a `yield`) after every SERVICES_PER_STEP services. */
function* preparing(
  structures: readonly Structure[],
  services: readonly Service[],
  options: PrepareOptions,
): Generator<void, DirectorySnapshot> {
  const byStructure = new Map(structures.map((s) => [s.id, s]));
  const entries: ServiceEntry[] = [];
  const byId = new Map<string, ServiceEntry>();
  // One string object per distinct hours: thousands of services share a few hundred strings, and every look-up
  // by hours (the engine's cache) then compares one pointer instead of the text; `hoursIds` numbers them for
  // memos by hours in an array (the orientation's lateness).
  const hoursStrings = new Map<string, string>();
  // Stable order whatever the store returned: the matcher's tie-break is the id, the index follows it.
  const sorted = [...services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  yield;
  let joined = 0;
  for (const service of sorted) {
    if (++joined % SERVICES_PER_STEP === 0) yield;
    const structure = byStructure.get(service.structure_id);
    if (options.publishedOnly && structure?.statut === 'proposee') continue;
    const entry = entryOf(entries.length, service, structure);
    if (entry.hours) {
      const same = hoursStrings.get(entry.hours);
      if (same === undefined) hoursStrings.set(entry.hours, entry.hours);
      else entry.hours = same;
    }
    for (const p of entry.temporary)
      if (p.horaires && !hoursStrings.has(p.horaires)) hoursStrings.set(p.horaires, p.horaires);
    entries.push(entry);
    byId.set(entry.id, entry);
  }
  const stops: ServiceEntry[] = [];
  for (const entry of entries) {
    if (!entry.itinerant) continue;
    for (const arret of entry.service.arrets ?? []) {
      const stop = stopEntryOf(entries.length + stops.length, entry, arret);
      const hours = stop.hours as string;
      const same = hoursStrings.get(hours);
      if (same === undefined) hoursStrings.set(hours, hours);
      else stop.hours = same;
      stops.push(stop);
    }
  }
  const size = entries.length + stops.length;
  const strings = [...hoursStrings.keys()].sort();
  const idOf = new Map(strings.map((h, i) => [h, i + 1]));
  const places = stops.length === 0 ? entries : [...entries, ...stops];
  const hoursIds = new Int32Array(size);
  const hasTemporary = new Uint8Array(size);
  const needsMasks = new Int32Array(size);
  const babyParcel = new Uint8Array(size);
  const locationApprox = new Uint8Array(size);
  const itinerant = new Uint8Array(size);
  for (const entry of places) {
    if (entry.locationApprox) locationApprox[entry.index] = 1;
    if (entry.itinerant) itinerant[entry.index] = 1;
    if (entry.hours !== null) hoursIds[entry.index] = idOf.get(entry.hours) ?? 0;
    if (entry.temporary.length > 0) hasTemporary[entry.index] = 1;
    needsMasks[entry.index] = entry.needsMask;
    if (entry.category === 'baby_parcel') babyParcel[entry.index] = 1;
  }
  return {
    entries,
    stops,
    places,
    size,
    byId,
    structures: byStructure,
    hoursStrings: strings,
    hoursIds,
    hasTemporary,
    needsMasks,
    babyParcel,
    itinerant,
    ids: places.map((e) => e.id),
    structureIds: places.map((e) => e.structureId),
    locationApprox,
  };
}

/** The service or stop at a place index. */
export function entryAt(snapshot: DirectorySnapshot, index: number): ServiceEntry | undefined {
  return snapshot.places[index];
}
