// Where the device stands in the server's directory feed, and how much of it it holds: what the first screen reads
// at start-up. Apart from directory-repo.ts, which parses records with the domain schemas, so that the first load
// does not carry those schemas.
import { revisionOf } from './catalog-cache.ts';
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

/** The last count and the directory's revision it was made at (catalog-cache.ts gives every write a new one). */
const TOTALS_KEY = 'directory-totals';

interface DirectoryTotals {
  structures: number;
  services: number;
}

/**
 * Live structures and services: the record tables' rows and the page rows' records not deleted since. Counting reads
 * every page row's keys (50 ms at 10,000 services, on the first screen's path): the count is kept with the revision
 * it was made at, and read back as long as nothing was written since.
 */
export async function countDirectory(db: BoussoleDatabase): Promise<DirectoryTotals> {
  const tables = [db.structures, db.services, db.feedPageKeys, db.maskedKeys, db.meta];
  const { count, revision, kept } = await db.transaction('r', tables, async () => {
    const [revision, last] = await Promise.all([revisionOf(db), db.meta.get(TOTALS_KEY)]);
    const lastCount = last?.value as { revision: string; count: DirectoryTotals } | undefined;
    if (revision !== null && lastCount?.revision === revision) return { count: lastCount.count, revision, kept: true };
    return { count: await countLive(db), revision, kept: false };
  });
  // Written apart, as a read's by-product: a write since makes it stale, and a stale count is never read back.
  if (!kept && revision !== null) await db.meta.put({ key: TOTALS_KEY, value: { revision, count } }).catch(() => {});
  return count;
}

async function countLive(db: BoussoleDatabase): Promise<DirectoryTotals> {
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
}
