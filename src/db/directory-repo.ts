// Reading and writing the directory on the device. A page from the server is written with its cursor in ONE
// transaction, so an interrupted download resumes where it stopped and never leaves records without their cursor.
// Rows read back are parsed with the domain schemas: a row that no longer parses (an older shape, a corrupted
// write) is reported and skipped, never shown as if it were valid.
import type { FeedEntry } from '../domain/directory.ts';
import { RECORD_KINDS, recordKey, splitRecordKey } from '../domain/record-keys.ts';
import { type Service, serviceSchema } from '../domain/service.ts';
import { type Structure, structureSchema } from '../domain/structure.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import { parse } from '../domain/validation.ts';
import { type AnyRecord, replay } from '../sync/core/replay.ts';
import type { BoussoleDatabase, ConflictRow } from './database.ts';
import { type DirectorySyncState, readSyncState, SYNC_STATE_KEY } from './directory-state.ts';
import { recordTables, tableOfKind } from './record-tables.ts';

/** The device's copy changed while a download was running: the download stops, the next sync starts afresh. */
export class StaleDownloadError extends Error {
  override name = 'StaleDownloadError';
  constructor() {
    super("L'annuaire de l'appareil a changé pendant le téléchargement : il reprendra à la prochaine synchronisation");
  }
}

/**
 * Applies one page of the feed and moves the cursor, atomically. `reset` first empties the local copy of the
 * directory (a new epoch) but never the outbox: records with pending edits are rebuilt as their server copies
 * arrive. A record with pending edits is applied UNDER them: its shadow takes the server copy and the local view
 * is the server copy with the pending mutations replayed on top.
 *
 * The page's records are written first, before anything is read: a transaction's writes are prepared (each record
 * serialized) as soon as it is created, so the next page's are ready while the previous page commits (see
 * pullDirectory). What the reads then find corrects or aborts the same transaction — a copy that moved meanwhile
 * aborts it whole, a record with pending edits gets its local view back — so a refused page leaves nothing.
 */
export async function applyDirectoryPage(
  db: BoussoleDatabase,
  page: { epoch: string; cursor: number; total: number; entries: readonly FeedEntry[]; lastMutationId?: number | null },
  options: { reset: boolean; completedAt: string | null; from?: number },
): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.meta, db.shadows, db.outbox, db.conflicts], async () => {
    const writes: Promise<unknown>[] = [];
    if (options.reset) {
      for (const table of recordTables(db)) writes.push(table.clear());
      writes.push(db.conflicts.clear());
    }
    const plain = Object.fromEntries(RECORD_KINDS.map((k) => [k, []])) as unknown as Record<RecordKind, AnyRecord[]>;
    const gone = Object.fromEntries(RECORD_KINDS.map((k) => [k, []])) as unknown as Record<RecordKind, string[]>;
    const conflicts: ConflictRow[] = [];
    const records = new Map<string, { kind: RecordKind; id: string; record: AnyRecord | null }>();
    for (const entry of page.entries) {
      if (entry.kind === 'conflict') {
        const { conflict } = entry;
        conflicts.push({ ...conflict, recordKey: recordKey(conflict.record_kind, conflict.record_id) });
        continue;
      }
      const kind = entry.kind === 'tombstone' ? entry.record_kind : entry.kind;
      const id = entry.kind === 'tombstone' ? entry.id : entry.record.id;
      const record = entry.kind === 'tombstone' ? null : (entry.record as AnyRecord);
      records.set(recordKey(kind, id), { kind, id, record });
      if (record) plain[kind].push(record);
      else gone[kind].push(id);
    }
    for (const kind of RECORD_KINDS) {
      if (plain[kind].length > 0) writes.push(tableOfKind(db, kind).bulkPut(plain[kind]));
      if (gone[kind].length > 0) writes.push(tableOfKind(db, kind).bulkDelete(gone[kind]));
    }
    if (conflicts.length > 0) writes.push(db.conflicts.bulkPut(conflicts));
    await Promise.all(writes);

    // A page continues the copy from the cursor it was asked at: if the copy moved meanwhile (a sign-in emptied it,
    // another download advanced it), keeping it would leave records missing behind a cursor that says otherwise.
    const previous = await readSyncState(db);
    const moved = previous.cursor !== options.from || (previous.epoch !== null && previous.epoch !== page.epoch);
    if (!options.reset && options.from !== undefined && moved) {
      throw new StaleDownloadError();
    }
    if (options.reset) await forgetServerCopies(db);
    for (const key of (await db.shadows.toCollection().primaryKeys()) as string[]) {
      const arrived = records.get(key);
      if (!arrived) continue;
      await db.shadows.put({ recordKey: key, record: arrived.record });
      const local = replay(arrived.record, await db.outbox.where('recordKey').equals(key).sortBy('mutationId'));
      if (local) await tableOfKind(db, arrived.kind).put(local);
      else await tableOfKind(db, arrived.kind).delete(arrived.id);
    }
    const state: DirectorySyncState = {
      epoch: page.epoch,
      cursor: page.cursor,
      total: page.total,
      lastSyncAt: options.completedAt ?? previous.lastSyncAt,
    };
    await db.meta.put({ key: SYNC_STATE_KEY, value: state });
  });
}

/**
 * After a reset the server copies held as shadows belong to a database that is gone: each becomes "absent" until
 * the new download brings it again, and the pending changes stay shown on top of that — a record created offline
 * stays visible, an edit reappears with its record's page.
 */
async function forgetServerCopies(db: BoussoleDatabase): Promise<void> {
  for (const key of (await db.shadows.toCollection().primaryKeys()) as string[]) {
    await db.shadows.put({ recordKey: key, record: null });
    const local = replay(null, await db.outbox.where('recordKey').equals(key).sortBy('mutationId'));
    if (local) await tableOfKind(db, splitRecordKey(key).kind).put(local);
  }
}

export interface StructureSummary {
  structure: Structure;
  services: Service[];
}

export interface InvalidRow {
  table: 'structures' | 'services';
  id: string;
}

/** Structures (optionally of one commune) with their services, sorted by French name, and the rows that failed. */
export async function readStructures(
  db: BoussoleDatabase,
  filter: { code_insee?: string },
): Promise<{ items: StructureSummary[]; invalid: InvalidRow[] }> {
  const rows = filter.code_insee
    ? await db.structures.where('code_insee').equals(filter.code_insee).toArray()
    : await db.structures.toArray();
  const invalid: InvalidRow[] = [];
  const structures: Structure[] = [];
  for (const row of rows) {
    const parsed = parse(structureSchema, row);
    if (parsed.ok) structures.push(parsed.value);
    else invalid.push({ table: 'structures', id: String((row as { id?: unknown }).id) });
  }
  const serviceRows = await db.services
    .where('structure_id')
    .anyOf(structures.map((s) => s.id))
    .toArray();
  const byStructure = new Map<string, Service[]>();
  for (const row of serviceRows) {
    const parsed = parse(serviceSchema, row);
    if (!parsed.ok) {
      invalid.push({ table: 'services', id: String((row as { id?: unknown }).id) });
      continue;
    }
    const list = byStructure.get(parsed.value.structure_id) ?? [];
    list.push(parsed.value);
    byStructure.set(parsed.value.structure_id, list);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const items = structures
    .sort((a, b) => collator.compare(a.nom, b.nom))
    .map((structure) => ({ structure, services: byStructure.get(structure.id) ?? [] }));
  return { items, invalid };
}

/** One structure and its services as stored on the device, parsed; undefined when absent or unreadable. */
export async function readStructure(db: BoussoleDatabase, id: string): Promise<StructureSummary | undefined> {
  const row = await db.structures.get(id);
  const parsed = row ? parse(structureSchema, row) : undefined;
  if (!parsed?.ok) return undefined;
  const services: Service[] = [];
  for (const serviceRow of await db.services.where('structure_id').equals(id).toArray()) {
    const service = parse(serviceSchema, serviceRow);
    if (service.ok) services.push(service.value);
  }
  return { structure: parsed.value, services };
}

/** One structure as stored on the device, parsed; undefined when absent or unreadable. */
export async function getStructure(db: BoussoleDatabase, id: string): Promise<Structure | undefined> {
  const parsed = parse(structureSchema, await db.structures.get(id));
  return parsed.ok ? parsed.value : undefined;
}

/** One service as stored on the device, parsed; undefined when absent or unreadable. */
export async function getService(db: BoussoleDatabase, id: string): Promise<Service | undefined> {
  const parsed = parse(serviceSchema, await db.services.get(id));
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Structures as stored, NOT parsed, in the order of `ids` (undefined where absent): for a name, a commune or one
 * setting read beside another record, where a row that no longer parses must still give its name.
 */
export function storedStructures(db: BoussoleDatabase, ids: readonly string[]): Promise<Array<Structure | undefined>> {
  return db.structures.bulkGet([...ids]);
}

/** Services as stored, NOT parsed, in the order of `ids` (undefined where absent): for their names. */
export function storedServices(db: BoussoleDatabase, ids: readonly string[]): Promise<Array<Service | undefined>> {
  return db.services.bulkGet([...ids]);
}

/** Every structure of the device that parses, in storage order. */
export async function readAllStructures(db: BoussoleDatabase): Promise<Structure[]> {
  const all: Structure[] = [];
  await db.structures.each((row) => {
    const parsed = parse(structureSchema, row);
    if (parsed.ok) all.push(parsed.value);
  });
  return all;
}

/** The ids of a structure's services on the device. */
export async function serviceIdsOf(db: BoussoleDatabase, structureId: string): Promise<string[]> {
  return (await db.services.where('structure_id').equals(structureId).primaryKeys()).map(String);
}

/** How many services of the device carry each criterion (`criteres`), read without parsing the services. */
export async function countCriteres(db: BoussoleDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.services.each((row) => {
    for (const tag of Array.isArray(row.criteres) ? row.criteres : []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return counts;
}

/**
 * Every structure and service row of the device, NOT parsed: for the catalog, which checks their shape at once
 * and parses them in idle slices (src/ui/models/catalog-model.ts).
 */
export async function readDirectoryRowsUnchecked(
  db: BoussoleDatabase,
): Promise<{ structures: Structure[]; services: Service[] }> {
  const [structures, services] = await Promise.all([db.structures.toArray(), db.services.toArray()]);
  return { structures, services };
}
