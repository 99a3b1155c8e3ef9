// The directory prepared for matching, once after each load or sync: every service joined to its structure with
// the fields the criteria read already resolved (where it takes place, its hours string, languages, step-free
// access, needs mask, temporary periods), so an orientation is one pass over flat entries. Immutable: a new
// sync makes a new snapshot. The search index is built separately and lazily (search/search-index.ts).
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { entryOf, type ServiceEntry } from './snapshot-entry.ts';

export interface DirectorySnapshot {
  entries: readonly ServiceEntry[];
  byId: ReadonlyMap<string, ServiceEntry>;
  structures: ReadonlyMap<string, Structure>;
  /** Distinct OSM strings in use (regular and exceptional): what the hours engine may have to parse. */
  hoursStrings: readonly string[];
  /**
   * By entry index, in compact arrays that a pass over thousands of candidates reads without touching the entries:
   * 1 + the index of the regular hours in `hoursStrings` (0: none), and 1 when temporary information may change
   * them.
   */
  hoursIds: Int32Array;
  hasTemporary: Uint8Array;
  /** By entry index: the needs it answers (`ServiceEntry.needsMask`), and 1 for a baby parcel. */
  needsMasks: Int32Array;
  babyParcel: Uint8Array;
  /**
   * By entry index, what every result copies (`service_id`, `structure_id`, whether its location is a commune
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

export function prepareDirectory(
  structures: readonly Structure[],
  services: readonly Service[],
  options: PrepareOptions = {},
): DirectorySnapshot {
  const byStructure = new Map(structures.map((s) => [s.id, s]));
  const entries: ServiceEntry[] = [];
  const byId = new Map<string, ServiceEntry>();
  // One string object per distinct hours: thousands of services share a few hundred strings, and every look-up
  // by hours (the engine's cache) then compares one pointer instead of the text; `hoursIds` numbers them for
  // memos by hours in an array (the orientation's lateness).
  const hoursStrings = new Map<string, string>();
  // Stable order whatever the store returned: the matcher's tie-break is the id, the index follows it.
  const sorted = [...services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const service of sorted) {
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
  const strings = [...hoursStrings.keys()].sort();
  const idOf = new Map(strings.map((h, i) => [h, i + 1]));
  const hoursIds = new Int32Array(entries.length);
  const hasTemporary = new Uint8Array(entries.length);
  const needsMasks = new Int32Array(entries.length);
  const babyParcel = new Uint8Array(entries.length);
  const locationApprox = new Uint8Array(entries.length);
  for (const entry of entries) {
    if (entry.locationApprox) locationApprox[entry.index] = 1;
    if (entry.hours !== null) hoursIds[entry.index] = idOf.get(entry.hours) ?? 0;
    if (entry.temporary.length > 0) hasTemporary[entry.index] = 1;
    needsMasks[entry.index] = entry.needsMask;
    if (entry.category === 'baby_parcel') babyParcel[entry.index] = 1;
  }
  return {
    entries,
    byId,
    structures: byStructure,
    hoursStrings: strings,
    hoursIds,
    hasTemporary,
    needsMasks,
    babyParcel,
    ids: entries.map((e) => e.id),
    structureIds: entries.map((e) => e.structureId),
    locationApprox,
  };
}
