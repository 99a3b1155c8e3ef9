// Long work on the page's thread, cut so that the page keeps answering: a tap or a key waits at most one slice.
// A slice of SLICE_MS here is four times that on a mid-range phone, still under the 50 ms a task may take before
// the page feels stuck.

export const SLICE_MS = 8;

/**
 * Gives the page its turn (input, paint) before the next slice: `scheduler.yield()` where the browser has it (the
 * work keeps its place ahead of other tasks), else a new task.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `step` on each item, giving the page its turn whenever a slice has lasted SLICE_MS. Stops early when
 * `stopped()` says so (the work is no longer wanted); says whether every item was done.
 */
export async function inSlices<T>(
  items: Iterable<T>,
  step: (item: T) => void,
  stopped: () => boolean = () => false,
): Promise<boolean> {
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      if (stopped()) return false;
      sliceStart = performance.now();
    }
    step(item);
  }
  return true;
}
