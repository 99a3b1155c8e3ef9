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

export async function countDirectory(db: BoussoleDatabase): Promise<{ structures: number; services: number }> {
  const [structures, services] = await Promise.all([db.structures.count(), db.services.count()]);
  return { structures, services };
}
