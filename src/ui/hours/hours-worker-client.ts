import { addDays, daysFrom } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { type HoursTable, tableEngine } from '../../matching/hours/table-engine.ts';
import { HORIZON_DAYS } from '../text/hours-status.ts';
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

/**
 * An engine for the hours of `values` from the Paris day before `today` (an opening past midnight) to the last day a
 * screen looks ahead to, worked out by the hours worker (table-engine.ts). `loadOwn` is called, for the page to load
 * the library itself, when the worker cannot give them (null then) or when the engine is asked what it was not made
 * for.
 */
export async function hoursEngineOffThread(
  values: readonly string[],
  today: string,
  loadOwn: () => void,
): Promise<HoursEngine | null> {
  const table = await hoursTableOffThread(values, today);
  if (!table) loadOwn();
  return table && tableEngine(table, loadOwn);
}

function hoursTableOffThread(values: readonly string[], today: string): Promise<HoursTable | null> {
  const target = hoursWorker();
  if (!target) return Promise.resolve(null);
  const request: HoursWorkerRequest = {
    id: ++lastId,
    values: [...values],
    days: daysFrom(addDays(today, -1), HORIZON_DAYS + 2),
  };
  return new Promise((resolve) => {
    waiting.set(request.id, (reply) => resolve(reply && 'table' in reply ? reply.table : null));
    target.postMessage(request);
  });
}
