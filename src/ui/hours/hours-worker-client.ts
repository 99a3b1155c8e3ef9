import type { HoursTable } from '../../matching/hours/table-engine.ts';
import type { CardHoursEntry } from '../directory/card-hours.ts';
import type { HoursStatus } from '../text/hours-status.ts';
import type { HoursWorkerReply, HoursWorkerRequest } from './hours-worker-protocol.ts';

/** undefined: not started yet; null: none to be had (no Worker, or its script failed to load or crashed). */
let worker: Worker | null | undefined;
let lastId = 0;
const waiting = new Map<number, (reply: HoursWorkerReply | null) => void>();

function hoursWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') {
    worker = null;
    return null;
  }
  const started = new Worker(new URL('./hours-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = ({ data }: MessageEvent<HoursWorkerReply>) => {
    const answer = waiting.get(data.id);
    waiting.delete(data.id);
    answer?.(data);
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

type Question = HoursWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask(question: Question): Promise<HoursWorkerReply | null> {
  const target = hoursWorker();
  if (!target) return Promise.resolve(null);
  const id = ++lastId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage({ ...question, id } as HoursWorkerRequest);
  });
}

/**
 * The Annuaire cards' hours from the hours worker, by service id; null when it cannot give them: the page then
 * works them out itself with the library loaded on its own thread.
 */
export async function cardHoursOffThread(
  entries: readonly CardHoursEntry[],
  now: number,
): Promise<Map<string, HoursStatus> | null> {
  // Only what the hours need crosses to the worker, not the whole entry.
  const reply = await ask({
    kind: 'cards',
    now,
    entries: entries.map(({ id, hours, temporary, stopHours }) => ({ id, hours, temporary, stopHours })),
  });
  return reply && 'statuses' in reply ? new Map(reply.statuses) : null;
}

/** The hours of `values` over `days`, worked out by the hours worker; null when it cannot (as above). */
export async function hoursTableOffThread(values: string[], days: string[]): Promise<HoursTable | null> {
  const reply = await ask({ kind: 'table', values, days });
  return reply && 'table' in reply ? reply.table : null;
}
