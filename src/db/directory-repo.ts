// Reading and writing the directory on the device. A page from the server is written with its cursor in ONE
// transaction, so an interrupted download resumes where it stopped and never leaves records without their cursor.
// Rows read back are parsed with the domain schemas: a row that no longer parses (an older shape, a corrupted
// write) is reported and skipped, never shown as if it were valid.
import type { DirectoryEntry } from '../domain/directory.ts';
import { type Service, serviceSchema } from '../domain/service.ts';
import { type Structure, structureSchema } from '../domain/structure.ts';
import { parse } from '../domain/validation.ts';
import type { BoussoleDatabase } from './database.ts';

/** Where the device stands in the server's directory feed. */
export interface DirectorySyncState {
  epoch: string | null;
  cursor: number;
  total: number;
  /** Server-independent: when this device last completed a download (device clock, for display only). */
  lastSyncAt: string | null;
}

const SYNC_STATE_KEY = 'directory-sync';
const EMPTY_STATE: DirectorySyncState = { epoch: null, cursor: 0, total: 0, lastSyncAt: null };

export async function readSyncState(db: BoussoleDatabase): Promise<DirectorySyncState> {
  const row = await db.meta.get(SYNC_STATE_KEY);
  return row ? { ...EMPTY_STATE, ...(row.value as Partial<DirectorySyncState>) } : EMPTY_STATE;
}

/** Applies one page of the feed and moves the cursor, atomically. `reset` first empties the local directory. */
export async function applyDirectoryPage(
  db: BoussoleDatabase,
  page: { epoch: string; cursor: number; total: number; entries: readonly DirectoryEntry[] },
  options: { reset: boolean; completedAt: string | null },
): Promise<void> {
  const structures: Structure[] = [];
  const services: Service[] = [];
  for (const entry of page.entries) {
    if (entry.kind === 'structure') structures.push(entry.record);
    else services.push(entry.record);
  }
  await db.transaction('rw', db.structures, db.services, db.meta, async () => {
    if (options.reset) {
      await db.structures.clear();
      await db.services.clear();
    }
    await db.structures.bulkPut(structures);
    await db.services.bulkPut(services);
    const previous = await readSyncState(db);
    const state: DirectorySyncState = {
      epoch: page.epoch,
      cursor: page.cursor,
      total: page.total,
      lastSyncAt: options.completedAt ?? previous.lastSyncAt,
    };
    await db.meta.put({ key: SYNC_STATE_KEY, value: state });
  });
}

export async function countDirectory(db: BoussoleDatabase): Promise<{ structures: number; services: number }> {
  const [structures, services] = await Promise.all([db.structures.count(), db.services.count()]);
  return { structures, services };
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
