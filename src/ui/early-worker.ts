// The directory's worker (src/ui/sync/pull-worker.ts), started as soon as the entry script runs: online, a first
// visit's download waits for the worker to load its script, open the database and ask for the first pages, and the
// rest of the entry (Dexie, the shell) is evaluated meanwhile on the page's thread. src/main.tsx imports this module
// first; boot adopts the worker. Offline it is not started here: a cold start keeps both cores for the page, and the
// worker starts at its first request.
import { sheetOpened } from './early-sheet.ts';

export function createDirectoryWorker(): Worker {
  return new Worker(new URL('./sync/pull-worker.ts', import.meta.url), { type: 'module' });
}

// A partner sheet opened from its link draws first (early-sheet.ts): the worker starts at the download's request.
let early: Worker | null =
  typeof Worker !== 'undefined' && navigator.onLine && sheetOpened(location.pathname) === null
    ? createDirectoryWorker()
    : null;

/** The worker started early, once; later calls get null (a worker that crashed is replaced by a new one). */
export function takeEarlyWorker(): Worker | null {
  const worker = early;
  early = null;
  return worker;
}
