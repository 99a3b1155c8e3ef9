// Asks the browser to keep Boussole's data when the device runs short of space: without it, IndexedDB is
// "best effort" and may be evicted, losing the directory and pending edits. The answer is shown to the person.
export type Persistence = 'persistent' | 'best-effort' | 'unsupported';

/** Whether the data is already kept for good: a quick read that never asks the person anything. */
export async function storagePersisted(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) === true;
  } catch {
    return false;
  }
}

export async function requestPersistentStorage(): Promise<Persistence> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

const NOTICE_KEY = 'boussole.avis-stockage-vu';

/**
 * « Stockage non garanti » is said until the person closes it, then only on Synchronisation; the choice is kept in
 * localStorage (not the database, which signing out empties). Without localStorage the notice is never shown.
 */
export function storageNoticeSeen(): boolean {
  try {
    return localStorage.getItem(NOTICE_KEY) !== null;
  } catch {
    return true;
  }
}

export function rememberStorageNoticeSeen(): void {
  try {
    localStorage.setItem(NOTICE_KEY, new Date().toISOString());
  } catch {
    // nothing to remember it in: it goes for this visit
  }
}
