import type { HoursStatus } from '../text/hours-status.ts';
import type { CardHoursEntry, CardHoursReply, CardHoursRequest } from './card-hours.ts';

/** undefined: not started yet; null: none to be had (no Worker, or its script failed to load or crashed). */
let worker: Worker | null | undefined;
let lastId = 0;
const waiting = new Map<number, (statuses: Map<string, HoursStatus> | null) => void>();

function hoursWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') {
    worker = null;
    return null;
  }
  const started = new Worker(new URL('./hours-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = ({ data }: MessageEvent<CardHoursReply>) => {
    const answer = waiting.get(data.id);
    waiting.delete(data.id);
    answer?.('statuses' in data ? new Map(data.statuses) : null);
  };
  started.onerror = () => {
    started.terminate();
    worker = null;
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
  };
  worker = started;
  return worker;
}

/**
 * The cards' hours from the hours worker (hours-worker.ts), by service id; null when it cannot give them: the page
 * then works them out itself with the library loaded on its own thread.
 */
export function cardHoursOffThread(
  entries: readonly CardHoursEntry[],
  now: number,
): Promise<Map<string, HoursStatus> | null> {
  const target = hoursWorker();
  if (!target) return Promise.resolve(null);
  const id = ++lastId;
  // Only what the hours need crosses to the worker, not the whole entry.
  const request: CardHoursRequest = {
    id,
    now,
    entries: entries.map(({ id, hours, temporary, stopHours }) => ({ id, hours, temporary, stopHours })),
  };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage(request);
  });
}
