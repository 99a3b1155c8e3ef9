// The directory's heavy work, run by a dedicated worker (src/ui/sync/pull-worker.ts): downloading, checking and writing
// thousands of records, and making the catalog's start-up copy (src/db/catalog-cache.ts). On the page's thread it
// froze the screen of a first visit for seconds. The worker opens the same IndexedDB database; this side only sends
// requests and tells progress and outcome, with the transport's typed errors rebuilt so the controller decides as
// it would in-process.
import type { PullProgress } from './directory-pull.ts';
import type { DirectoryPuller } from './sync-controller.ts';
import {
  MutationGapError,
  OfflineError,
  OutdatedClientError,
  ProtocolError,
  RequestRefusedError,
  UnauthenticatedError,
} from './transport-errors.ts';

/** The User Timing measure the worker records for each download (detail: pages and entries received). */
export const PULL_MEASURE = 'boussole:directory-pull';

/** Page → worker: download with this token (null: anonymous, public listings), or make the catalog's copy. */
export type WorkerRequest = { id: number; type: 'pull'; token: string | null } | { id: number; type: 'catalog' };

/** Worker → page. */
export type WorkerReply =
  | { id: number; type: 'progress'; progress: PullProgress }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; error: WorkerFailure };

/**
 * What crosses to the page of a failure: the error's kind and its French message (never a record's content), and
 * whether a refused token was revoked (the device then erases its personal data: a download is often the first
 * request to learn it).
 */
export interface WorkerFailure {
  name: string;
  message: string;
  revoked?: true;
}

const TYPED_ERRORS: Record<string, new (message: string) => Error> = {
  OfflineError,
  ProtocolError,
  UnauthenticatedError,
  OutdatedClientError,
  RequestRefusedError,
};

export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof UnauthenticatedError && error.revoked)
    return { name: error.name, message: error.message, revoked: true };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function reviveFailure(failure: WorkerFailure): Error {
  if (failure.name === 'MutationGapError') return new MutationGapError(null);
  if (failure.name === 'UnauthenticatedError')
    return new UnauthenticatedError(failure.message, failure.revoked === true);
  const Type = TYPED_ERRORS[failure.name];
  return Type ? new Type(failure.message) : new Error(failure.message);
}

export interface DirectoryWorker {
  pull: DirectoryPuller;
  /** Makes the catalog's start-up copy of the directory as it is now; one at a time, the latest call wins. */
  refreshCatalogCache(): Promise<void>;
}

/**
 * Hands the work to the worker `start()` creates: at once when `eager` (a download about to start would wait for
 * its code to load, so it loads while the page boots), else at the first request; again at the next request after
 * a crash.
 */
export function directoryWorker(start: () => Worker, token: () => string | null, eager = false): DirectoryWorker {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { onProgress: (p: PullProgress) => void; settle: (e: Error | null) => void }>();

  const connect = (): Worker => {
    const created = start();
    created.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const call = pending.get(reply.id);
      if (!call) return;
      if (reply.type === 'progress') return call.onProgress(reply.progress);
      pending.delete(reply.id);
      call.settle(reply.type === 'failed' ? reviveFailure(reply.error) : null);
    };
    // A worker that failed to load or crashed: the running requests fail (a download is retried later) and the
    // next request starts a fresh worker.
    created.onerror = (event) => {
      event.preventDefault();
      worker = null;
      created.terminate();
      for (const [id, call] of pending) {
        pending.delete(id);
        call.settle(new Error(`Travail interrompu (${event.message || 'erreur du worker'})`));
      }
    };
    return created;
  };

  const ask = (request: WorkerRequest, onProgress: (p: PullProgress) => void = () => {}) =>
    new Promise<void>((resolve, reject) => {
      worker ??= connect();
      pending.set(request.id, { onProgress, settle: (error) => (error ? reject(error) : resolve()) });
      worker.postMessage(request);
    });

  if (eager) worker = connect();

  let building: Promise<void> | null = null;
  let again = false;
  const build = async (): Promise<void> => {
    do {
      again = false;
      await ask({ id: ++next, type: 'catalog' });
    } while (again);
  };

  return {
    pull: (onProgress) => ask({ id: ++next, type: 'pull', token: token() }, onProgress),
    refreshCatalogCache() {
      if (building) {
        again = true;
        return building;
      }
      building = build().finally(() => {
        building = null;
      });
      return building;
    },
  };
}
