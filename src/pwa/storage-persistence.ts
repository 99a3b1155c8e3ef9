// Asks the browser to keep Boussole's data when the device runs short of space: without it, IndexedDB is
// "best effort" and may be evicted, losing the directory and pending edits. The answer is shown to the person.
export type Persistence = 'persistent' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(): Promise<Persistence> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
