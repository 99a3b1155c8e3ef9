// When to sync, and what the person sees of it. Triggers: app start, the `online` event, coming back to the tab,
// a retry timer with backoff after a failure, and the "Synchroniser" button. One run at a time per tab, and one
// tab at a time per device through the Web Locks API where the browser has it (Background Sync is not used: it
// exists in Chromium only). The environment (events, timers, locks) is passed in so tests drive it.
import type { PullProgress } from './directory-pull.ts';
import { type OutboxOnDevice, pushOutbox } from './push.ts';
import type { SyncTransport } from './transport.ts';
import { OfflineError, OutdatedClientError, UnauthenticatedError } from './transport-errors.ts';

/**
 * `unauthenticated`: the token was refused (revoked device, expired session) — sign in again, pending changes are
 * kept. `outdated`: the server no longer accepts this version of the app — update it, pending changes are kept.
 */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'unauthenticated' | 'outdated';

export interface SyncStatus {
  phase: SyncPhase;
  progress: PullProgress | null;
  /** Last successful sync, from the device clock (display only). */
  lastSuccessAt: string | null;
  /** A French sentence for the person when phase is `error`. */
  error: string | null;
}

export interface SyncEnvironment {
  isOnline(): boolean;
  onOnline(listener: () => void): () => void;
  onVisible(listener: () => void): () => void;
  setTimer(callback: () => void, ms: number): () => void;
  /** Runs `task` while holding a device-wide lock; resolves without running when another tab holds it. */
  withLock(task: () => Promise<void>): Promise<void>;
}

const RETRY_MS = [5_000, 15_000, 60_000, 300_000];

/** Downloads what the feed has new into the device's store, telling progress (see directory-pull.ts). */
export type DirectoryPuller = (onProgress: (progress: PullProgress) => void) => Promise<unknown>;

export function createSyncController(options: {
  transport: Pick<SyncTransport, 'push'>;
  /** The download itself: in the app it runs in a worker (src/sync/pull-worker.ts), in tests in-process. */
  pull: DirectoryPuller;
  outbox: OutboxOnDevice;
  /** The device's client id when signed in; anonymous devices only pull (public listings). */
  clientId: () => Promise<string | null>;
  /** Called when the server refused the token, before the status says so. */
  onUnauthenticated?: (error: UnauthenticatedError) => Promise<void>;
  /**
   * True while the device keeps an account's data after its token was refused (src/db/session-repo.ts): a run
   * then does nothing — no anonymous download into that copy — and the status stays `unauthenticated`.
   */
  awaitingSignIn?: () => Promise<boolean>;
  /**
   * Runs after the push on a signed-in device, before the directory download: the referral step
   * (src/sync/referral-sync.ts), on endpoints of its own but under this loop's triggers, lock and backoff.
   */
  afterPush?: () => Promise<void>;
  env: SyncEnvironment;
  now: () => Date;
  onStatus: (status: SyncStatus) => void;
  initialLastSuccessAt: string | null;
}) {
  const { transport, env, now, onStatus } = options;
  let status: SyncStatus = { phase: 'idle', progress: null, lastSuccessAt: options.initialLastSuccessAt, error: null };
  let running: Promise<void> | null = null;
  let failures = 0;
  let cancelRetry: (() => void) | null = null;
  const unsubscribe: Array<() => void> = [];

  const publish = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    onStatus(status);
  };

  const scheduleRetry = () => {
    cancelRetry?.();
    const delay = RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)] ?? 300_000;
    cancelRetry = env.setTimer(() => void syncNow(), delay);
  };

  const run = async () => {
    if (!env.isOnline()) {
      publish({ phase: 'offline', progress: null });
      return;
    }
    if (await options.awaitingSignIn?.()) {
      publish({ phase: 'unauthenticated', progress: null });
      return;
    }
    publish({ phase: 'syncing', progress: null, error: null });
    try {
      // Push first: the pull that follows then brings back the server's version of what was just accepted.
      const clientId = await options.clientId();
      if (clientId) await pushOutbox({ transport, outbox: options.outbox, clientId });
      if (clientId) await options.afterPush?.();
      await options.pull((progress) => publish({ progress }));
      failures = 0;
      cancelRetry?.();
      publish({ phase: 'idle', progress: null, lastSuccessAt: now().toISOString() });
    } catch (error) {
      if (error instanceof UnauthenticatedError || error instanceof OutdatedClientError) {
        // Retrying cannot help: a person must sign in again or update the app. Nothing pending is dropped.
        if (error instanceof UnauthenticatedError) await options.onUnauthenticated?.(error);
        const phase = error instanceof UnauthenticatedError ? 'unauthenticated' : 'outdated';
        publish({ phase, progress: null, error: error.message });
        return;
      }
      failures++;
      const offline = error instanceof OfflineError;
      publish({
        phase: offline ? 'offline' : 'error',
        progress: null,
        error: offline ? null : error instanceof Error ? error.message : String(error),
      });
      scheduleRetry();
    }
  };

  let queued: Promise<void> | null = null;
  /**
   * A sync that starts after the call: asked during a run (a sign-in just emptied the copy, an edit was just
   * saved), it runs once more when the current run ends rather than returning that run's outcome.
   */
  function syncNow(): Promise<void> {
    if (running) {
      const next = () => {
        queued = null;
        return syncNow();
      };
      queued ??= running.then(next, next);
      return queued;
    }
    running = env.withLock(run).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      unsubscribe.push(env.onOnline(() => void syncNow()));
      unsubscribe.push(env.onVisible(() => void syncNow()));
      return syncNow();
    },
    syncNow,
    stop() {
      for (const off of unsubscribe.splice(0)) off();
      cancelRetry?.();
    },
    get status() {
      return status;
    },
  };
}

/** The browser's events, timers and Web Locks. */
export function browserSyncEnvironment(): SyncEnvironment {
  return {
    isOnline: () => navigator.onLine,
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
    onVisible(listener) {
      const handler = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', handler);
      return () => document.removeEventListener('visibilitychange', handler);
    },
    setTimer(callback, ms) {
      const id = setTimeout(callback, ms);
      return () => clearTimeout(id);
    },
    async withLock(task) {
      if (!('locks' in navigator)) return task();
      await navigator.locks.request('boussole-sync', { ifAvailable: true }, async (lock) => {
        if (lock) await task();
      });
    },
  };
}
