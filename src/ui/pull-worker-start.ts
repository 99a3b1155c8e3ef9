// The directory's worker (src/ui/pull-worker.ts) is created by the page's first script, before the app's code has
// loaded (index.html, src/ui/early-worker.ts): a first visit's download then starts while the app boots
// (src/sync/lookahead.ts). Boot takes that worker rather than making a second one.

const EARLY = '__boussolePullWorker';
type Slot = Record<typeof EARLY, Worker | undefined>;

export function createPullWorker(): Worker {
  return new Worker(new URL('./pull-worker.ts', import.meta.url), { type: 'module' });
}

/** Online at the page's start: the worker begins now. */
export function startPullWorkerEarly(): void {
  if (typeof Worker === 'undefined' || !navigator.onLine) return;
  (globalThis as unknown as Slot)[EARLY] = createPullWorker();
}

/** The worker started early, once; then a new one. */
export function takePullWorker(): Worker {
  const slot = globalThis as unknown as Slot;
  const early = slot[EARLY];
  slot[EARLY] = undefined;
  return early ?? createPullWorker();
}
