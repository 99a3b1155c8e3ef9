// The orientation in progress on this device: one row, written on each change, read back at start-up.
// Only this module and the expiry (work-in-progress-expiry.ts) touch it; sign-out and a change of account clear the
// table (session-repo.ts). Nothing here is ever queued for the server.
import { liveQuery } from 'dexie';
import type { BoussoleDatabase } from './database.ts';
import { eraseExpiredWork, WORK_IN_PROGRESS_TTL_MS } from './work-in-progress-expiry.ts';

const KEY = 'orientation';

/** The stored state, expired rows erased first; the caller parses it (an older build's row may not fit). */
export async function readWork(db: BoussoleDatabase, now: number, ttlMs = WORK_IN_PROGRESS_TTL_MS): Promise<unknown> {
  await eraseExpiredWork(db, now, ttlMs);
  return (await db.workInProgress.get(KEY))?.state;
}

export async function saveWork(db: BoussoleDatabase, state: unknown, now: number): Promise<void> {
  await db.workInProgress.put({ key: KEY, savedAt: now, state });
}

/**
 * The same write, issued and committed before returning, for a page being left: its promises never get another turn.
 * Measured in Chromium 156 on a reload: a put committed synchronously in `beforeunload` is kept; the same put a
 * microtask later, or in `pagehide`, is lost. `state` null erases.
 */
export function saveWorkNow(db: BoussoleDatabase, state: unknown, now: number): void {
  const name = db.workInProgress.name;
  const transaction = db.backendDB().transaction(name, 'readwrite');
  const store = transaction.objectStore(name);
  if (state === null) store.delete(KEY);
  else store.put({ key: KEY, savedAt: now, state });
  transaction.commit();
}

export async function eraseWork(db: BoussoleDatabase): Promise<void> {
  await db.workInProgress.delete(KEY);
}

export async function hasWork(db: BoussoleDatabase): Promise<boolean> {
  return (await db.workInProgress.get(KEY)) !== undefined;
}

/** Calls `gone` whenever the row may have been erased, in this tab or another (sign-out, expiry, « Terminer »). */
export function watchWork(db: BoussoleDatabase, gone: () => void): () => void {
  const subscription = liveQuery(() => hasWork(db)).subscribe({
    next: (present) => {
      if (!present) gone();
    },
  });
  return () => subscription.unsubscribe();
}
