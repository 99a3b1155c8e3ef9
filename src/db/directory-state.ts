// Where the device stands in the server's directory feed, and how much of it it holds: what the first screen reads
// at start-up. Apart from directory-repo.ts, which parses records with the domain schemas, so that the first load
// does not carry those schemas.
import type { BoussoleDatabase } from './database.ts';

/** Where the device stands in the server's directory feed. */
export interface DirectorySyncState {
  epoch: string | null;
  cursor: number;
  total: number;
  /** Server-independent: when this device last completed a download (device clock, for display only). */
  lastSyncAt: string | null;
}

export const SYNC_STATE_KEY = 'directory-sync';
const EMPTY_STATE: DirectorySyncState = { epoch: null, cursor: 0, total: 0, lastSyncAt: null };

export async function readSyncState(db: BoussoleDatabase): Promise<DirectorySyncState> {
  const row = await db.meta.get(SYNC_STATE_KEY);
  return row ? { ...EMPTY_STATE, ...(row.value as Partial<DirectorySyncState>) } : EMPTY_STATE;
}

/** Live structures and services: the record tables' rows and the page rows' records not deleted since. */
export async function countDirectory(db: BoussoleDatabase): Promise<{ structures: number; services: number }> {
  const tables = [db.structures, db.services, db.feedPageKeys, db.maskedKeys];
  return db.transaction('r', tables, async () => {
    const [rows, masked, structures, services] = await Promise.all([
      db.feedPageKeys.toArray(),
      db.maskedKeys.toCollection().primaryKeys(),
      db.structures.toCollection().primaryKeys(),
      db.services.toCollection().primaryKeys(),
    ]);
    const live = new Set<string>();
    for (const row of rows) {
      for (const key of row.gone) live.delete(key);
      for (const key of row.keys) live.add(key);
    }
    for (const key of masked) live.delete(key);
    for (const id of structures) live.add(`structure:${id}`);
    for (const id of services) live.add(`service:${id}`);
    const count = { structures: 0, services: 0 };
    for (const key of live) {
      if (key.startsWith('structure:')) count.structures++;
      else if (key.startsWith('service:')) count.services++;
    }
    return count;
  });
}
