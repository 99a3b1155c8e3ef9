// The directory download run by a dedicated worker (src/ui/pull-worker.ts): fetching, checking and writing
// thousands of records is long work, and on the page's thread it froze the screen of a first visit for seconds.
// The worker opens the same IndexedDB database; this side only sends the request and tells progress and outcome,
// with the transport's typed errors rebuilt so the controller decides as it would in-process.
import type { PullProgress, PullResult } from './directory-pull.ts';
import type { DirectoryPuller } from './sync-controller.ts';
import {
  MutationGapError,
  OfflineError,
  OutdatedClientError,
  ProtocolError,
  RequestRefusedError,
  UnauthenticatedError,
} from './transport.ts';

/** Page → worker: download with this token (null: anonymous, public listings). */
export interface PullRequest {
  id: number;
  token: string | null;
}

/** Worker → page. */
export type PullReply =
  | { id: number; type: 'progress'; progress: PullProgress }
  | { id: number; type: 'done'; result: PullResult }
  | { id: number; type: 'failed'; error: { name: string; message: string } };

const TYPED_ERRORS: Record<string, new (message: string) => Error> = {
  OfflineError,
  ProtocolError,
  UnauthenticatedError,
  OutdatedClientError,
  RequestRefusedError,
};

/** What crosses to the page: the error's kind and its French message (never a record's content). */
export function describeFailure(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function reviveFailure(failure: { name: string; message: string }): Error {
  if (failure.name === 'MutationGapError') return new MutationGapError(null);
  const Type = TYPED_ERRORS[failure.name];
  return Type ? new Type(failure.message) : new Error(failure.message);
}

/** A puller that hands each download to the worker `start()` creates (once, on the first download). */
export function workerPuller(start: () => Worker, token: () => string | null): DirectoryPuller {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { onProgress: (p: PullProgress) => void; settle: (e: Error | null) => void }>();

  const connect = (): Worker => {
    const created = start();
    created.onmessage = (event: MessageEvent<PullReply>) => {
      const reply = event.data;
      const call = pending.get(reply.id);
      if (!call) return;
      if (reply.type === 'progress') return call.onProgress(reply.progress);
      pending.delete(reply.id);
      call.settle(reply.type === 'failed' ? reviveFailure(reply.error) : null);
    };
    // A worker that failed to load or crashed: the running download fails (retried later) and the next one
    // starts a fresh worker.
    created.onerror = (event) => {
      event.preventDefault();
      worker = null;
      created.terminate();
      for (const [id, call] of pending) {
        pending.delete(id);
        call.settle(new Error(`Téléchargement interrompu (${event.message || 'erreur du worker'})`));
      }
    };
    return created;
  };

  return (onProgress) =>
    new Promise<void>((resolve, reject) => {
      worker ??= connect();
      const id = ++next;
      pending.set(id, { onProgress, settle: (error) => (error ? reject(error) : resolve()) });
      worker.postMessage({ id, token: token() } satisfies PullRequest);
    });
}
