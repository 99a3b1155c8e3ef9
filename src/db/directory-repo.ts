// Reading and writing the directory on the device. A page from the server is written with its cursor in ONE
// transaction, so an interrupted download resumes where it stopped and never leaves records without their cursor.
// Rows read back are parsed with the domain schemas: a row that no longer parses (an older shape, a corrupted
// write) is reported and skipped, never shown as if it were valid.
import type { Table } from 'dexie';
import type { FeedEntry } from '../domain/directory.ts';
import { RECORD_KINDS, recordKey, splitRecordKey } from '../domain/record-keys.ts';
import { type Service, serviceSchema } from '../domain/service.ts';
import { type Structure, structureSchema } from '../domain/structure.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import { parse } from '../domain/validation.ts';
import { type AnyRecord, replay } from '../sync/core/replay.ts';
import type { BoussoleDatabase, ConflictRow } from './database.ts';
import { type DirectorySyncState, readSyncState, SYNC_STATE_KEY } from './directory-state.ts';
import { type FeedPageKeysRow, feedPageTables, PAGE_ROW_KINDS, PAGE_ROW_MIN_ENTRIES, tableOf } from './feed-pages.ts';
import { pagePlaces, readKindsInSteps, readRecords, recordsById } from './record-reads.ts';
import { kindTables, recordTables, tableOfKind } from './record-tables.ts';

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
 * A large page (a first download, a long absence) is stored as one page row (src/db/feed-pages.ts), its body as
 * received (`body`, else the entries written out again), and whatever the record tables held of its records gives
 * way to it; a small one is written record by record into the record tables.
 *
 * The page's records are written first, before anything is read: a transaction's writes are prepared (each record
 * serialized) as soon as it is created, so the next page's are ready while the previous page commits (see
 * pullDirectory). What the reads then find corrects or aborts the same transaction — a copy that moved meanwhile
 * aborts it whole, a record with pending edits gets its local view back — so a refused page leaves nothing.
 */
export async function applyDirectoryPage(
  db: BoussoleDatabase,
  page: {
    epoch: string;
    cursor: number;
    total: number;
    entries: readonly FeedEntry[];
    lastMutationId?: number | null;
    /** The page's JSON as received, whose `entries` are `entries`. */
    body?: ArrayBuffer;
  },
  options: { reset: boolean; completedAt: string | null; from?: number; pageRowsFrom?: number },
): Promise<void> {
  const asRow = page.entries.length >= (options.pageRowsFrom ?? PAGE_ROW_MIN_ENTRIES);
  const inRow = (kind: RecordKind) => asRow && PAGE_ROW_KINDS.has(kind);
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
    const row: FeedPageKeysRow = { page: page.cursor, keys: [], structures: [], communes: [], gone: [] };
    for (const entry of page.entries) {
      if (entry.kind === 'conflict') {
        const { conflict } = entry;
        conflicts.push({ ...conflict, recordKey: recordKey(conflict.record_kind, conflict.record_id) });
        row.keys.push('');
        row.structures.push('');
        row.communes.push('');
        continue;
      }
      const kind = entry.kind === 'tombstone' ? entry.record_kind : entry.kind;
      const id = entry.kind === 'tombstone' ? entry.id : entry.record.id;
      const record = entry.kind === 'tombstone' ? null : (entry.record as AnyRecord);
      const key = recordKey(kind, id);
      records.set(key, { kind, id, record });
      if (record) plain[kind].push(record);
      else gone[kind].push(id);
      if (!record && inRow(kind)) row.gone.push(key);
      row.keys.push(record && inRow(kind) ? key : '');
      row.structures.push(structureOf(entry));
      row.communes.push(entry.kind === 'structure' ? (entry.record.code_insee ?? '') : '');
    }
    if (asRow) {
      const body = page.body ?? new TextEncoder().encode(JSON.stringify({ entries: page.entries })).buffer;
      writes.push(db.feedPages.put({ page: page.cursor, body }), db.feedPageKeys.put(row));
    }
    // A page row lists its tombstones itself (`gone`); a small page masks what page rows hold of them.
    for (const kind of RECORD_KINDS) {
      if (inRow(kind) || (plain[kind].length === 0 && gone[kind].length === 0)) continue;
      if (plain[kind].length > 0) writes.push(rowsOf(db, kind).bulkPut(plain[kind]));
      if (gone[kind].length > 0) {
        writes.push(rowsOf(db, kind).bulkDelete(gone[kind]));
        writes.push(db.maskedKeys.bulkPut(gone[kind].map((id) => ({ recordKey: recordKey(kind, id) }))));
      }
    }
    if (conflicts.length > 0) writes.push(db.conflicts.bulkPut(conflicts));
    await Promise.all(writes);

    // A page continues the copy from the cursor it was asked at: if the copy moved meanwhile (a sign-in emptied it,
    // another download advanced it), keeping it would leave records missing behind a cursor that says otherwise.
    const [previous, shadowed] = await Promise.all([
      readSyncState(db),
      db.shadows.toCollection().primaryKeys() as Promise<string[]>,
    ]);
    const moved = previous.cursor !== options.from || (previous.epoch !== null && previous.epoch !== page.epoch);
    if (!options.reset && options.from !== undefined && moved) {
      throw new StaleDownloadError();
    }
    if (options.reset) await forgetServerCopies(db);
    if (asRow) await giveWayToPageRow(db, plain, gone);
    for (const key of shadowed) {
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

/** The structure a record belongs to, as page rows index it (a structure's own id); '' for none. */
function structureOf(entry: FeedEntry): string {
  if (entry.kind === 'structure') return entry.record.id;
  const owner =
    entry.kind === 'tombstone' || entry.kind === 'conflict' ? undefined : (entry.record as AnyRecord).structure_id;
  return typeof owner === 'string' ? owner : '';
}

const rowsOf = (db: BoussoleDatabase, kind: RecordKind) => tableOf(db, kind) as unknown as Table<AnyRecord, string>;

/**
 * The records a new page row brings or deletes are read from it from now on: the record tables' older copies of them
 * go, and the masks of those it brings (a record deleted, then brought again). Records with pending edits get their
 * local view back just after, from their shadows.
 */
async function giveWayToPageRow(
  db: BoussoleDatabase,
  arrived: Record<RecordKind, AnyRecord[]>,
  gone: Record<RecordKind, string[]>,
): Promise<void> {
  const kinds = RECORD_KINDS.filter(
    (kind) => PAGE_ROW_KINDS.has(kind) && (arrived[kind].length > 0 || gone[kind].length > 0),
  );
  const [masked, ...held] = await Promise.all([
    db.maskedKeys.toCollection().primaryKeys() as Promise<string[]>,
    ...kinds.map((kind) => rowsOf(db, kind).toCollection().primaryKeys()),
  ]);
  const keys = new Set<string>();
  const deletions: Promise<unknown>[] = [];
  kinds.forEach((kind, i) => {
    const ids = new Set([...arrived[kind].map((r) => r.id), ...gone[kind]]);
    for (const r of arrived[kind]) keys.add(recordKey(kind, r.id));
    const older = (held[i] ?? []).filter((id) => ids.has(id));
    if (older.length > 0) deletions.push(rowsOf(db, kind).bulkDelete(older));
  });
  const unmasked = masked.filter((key) => keys.has(key));
  if (unmasked.length > 0) deletions.push(db.maskedKeys.bulkDelete(unmasked));
  await Promise.all(deletions);
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
  const code = filter.code_insee;
  const { rows, serviceRows } = await db.transaction(
    'r',
    [db.structures, db.services, ...feedPageTables(db)],
    async () => {
      const rows = await readRecords(
        db,
        'structure',
        (table) => (code ? table.where('code_insee').equals(code) : table.toCollection()),
        (place) => !code || place.commune === code,
      );
      const ids = new Set(rows.map((row) => String(row.id)));
      const serviceRows = await readRecords(
        db,
        'service',
        (table) => table.where('structure_id').anyOf([...ids]),
        (place) => ids.has(place.structure),
      );
      return { rows, serviceRows };
    },
  );
  const invalid: InvalidRow[] = [];
  const structures: Structure[] = [];
  for (const row of rows) {
    const parsed = parse(structureSchema, row);
    if (parsed.ok) structures.push(parsed.value);
    else invalid.push({ table: 'structures', id: String((row as { id?: unknown }).id) });
  }
  const kept = new Set(structures.map((s) => s.id));
  const byStructure = new Map<string, Service[]>();
  for (const row of serviceRows) {
    const parsed = parse(serviceSchema, row);
    if (!parsed.ok) {
      invalid.push({ table: 'services', id: String((row as { id?: unknown }).id) });
      continue;
    }
    if (!kept.has(parsed.value.structure_id)) continue;
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
  const { row, serviceRows } = await db.transaction(
    'r',
    [db.structures, db.services, ...feedPageTables(db)],
    async () => ({
      row: await tableOfKind(db, 'structure').get(id),
      serviceRows: await readRecords(
        db,
        'service',
        (table) => table.where('structure_id').equals(id),
        (place) => place.structure === id,
      ),
    }),
  );
  return summaryOf(row, serviceRows, id);
}

/** A partner and its services from rows or a server's answer, parsed; undefined when the partner is unreadable. */
function summaryOf(row: unknown, serviceRows: readonly unknown[], id: string): StructureSummary | undefined {
  const parsed = row ? parse(structureSchema, row) : undefined;
  if (!parsed?.ok || parsed.value.id !== id) return undefined;
  const services: Service[] = [];
  for (const serviceRow of serviceRows) {
    const service = parse(serviceSchema, serviceRow);
    if (service.ok && service.value.structure_id === id) services.push(service.value);
  }
  return { structure: parsed.value, services };
}

/**
 * The partner sheet's answer from the server (`GET /api/v1/structures/:id`: `{ structure, services }`), parsed as
 * the device's rows are; undefined when it is not a readable partner.
 */
export function structureSummaryFrom(body: unknown, id: string): StructureSummary | undefined {
  const { structure, services } = (body ?? {}) as { structure?: unknown; services?: unknown };
  return summaryOf(structure, Array.isArray(services) ? services : [], id);
}

/** One structure as stored on the device, parsed; undefined when absent or unreadable. */
export async function getStructure(db: BoussoleDatabase, id: string): Promise<Structure | undefined> {
  const parsed = parse(structureSchema, await readOne(db, 'structure', id));
  return parsed.ok ? parsed.value : undefined;
}

/** One service as stored on the device, parsed; undefined when absent or unreadable. */
export async function getService(db: BoussoleDatabase, id: string): Promise<Service | undefined> {
  const parsed = parse(serviceSchema, await readOne(db, 'service', id));
  return parsed.ok ? parsed.value : undefined;
}

const readOne = (db: BoussoleDatabase, kind: RecordKind, id: string) =>
  db.transaction('r', kindTables(db, kind), () => tableOfKind(db, kind).get(id));

/**
 * Structures as stored, NOT parsed, in the order of `ids` (undefined where absent): for a name, a commune or one
 * setting read beside another record, where a row that no longer parses must still give its name.
 */
export function storedStructures(db: BoussoleDatabase, ids: readonly string[]): Promise<Array<Structure | undefined>> {
  return stored(db, 'structure', ids) as Promise<Array<Structure | undefined>>;
}

/** Services as stored, NOT parsed, in the order of `ids` (undefined where absent): for their names. */
export function storedServices(db: BoussoleDatabase, ids: readonly string[]): Promise<Array<Service | undefined>> {
  return stored(db, 'service', ids) as Promise<Array<Service | undefined>>;
}

const stored = (db: BoussoleDatabase, kind: RecordKind, ids: readonly string[]) =>
  db.transaction('r', kindTables(db, kind), () => recordsById(db, kind, ids));

/**
 * Every structure of the device that parses, in storage order (the record table's, then the page rows'). `between`
 * gives the page its turn between page bodies and between steps of parsing: a screen listing every partner read
 * and parsed them in one long task on a phone.
 */
export async function readAllStructures(db: BoussoleDatabase, between: () => Promise<void>): Promise<Structure[]> {
  const [rows = []] = await readKindsInSteps(db, ['structure'], between);
  const all: Structure[] = [];
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % PARSE_STEP === 0) await between();
    const parsed = parse(structureSchema, row);
    if (parsed.ok) all.push(parsed.value);
  }
  return all;
}

/** Structures parsed between two of the page's turns in `readAllStructures` (a few milliseconds on a phone). */
const PARSE_STEP = 50;

const readAll = (db: BoussoleDatabase, kind: RecordKind) =>
  db.transaction('r', kindTables(db, kind), () => readRecords(db, kind));

/** The ids of a structure's services on the device (the page rows' from their key rows, no body read). */
export async function serviceIdsOf(db: BoussoleDatabase, structureId: string): Promise<string[]> {
  return db.transaction('r', kindTables(db, 'service'), async () => {
    const [own, places] = await Promise.all([
      db.services.where('structure_id').equals(structureId).primaryKeys(),
      pagePlaces(db, ['service'], (place) => place.structure === structureId),
    ]);
    return [...own.map(String), ...[...places.keys()].map((key) => splitRecordKey(key).id)];
  });
}

/** How many services of the device carry each criterion (`criteres`), read without parsing the services. */
export async function countCriteres(db: BoussoleDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await readAll(db, 'service')) {
    for (const tag of Array.isArray(row.criteres) ? row.criteres : []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every structure and service of the device, NOT parsed: for the catalog, which checks their shape at once and
 * parses them in idle slices (src/ui/directory/catalog-model.ts). The page rows' bodies are decoded one per
 * `between()`, so that the page takes input and paints between them.
 */
export async function readDirectoryRowsUnchecked(
  db: BoussoleDatabase,
  between: () => Promise<void> = async () => {},
): Promise<{ structures: Structure[]; services: Service[] }> {
  const [structures = [], services = []] = await readKindsInSteps(db, ['structure', 'service'], between);
  return { structures: structures as Structure[], services: services as unknown as Service[] };
}
