// The work in progress: the orientation being made and the sheet being prepared. A social worker's tablet
// reloads, discards a tab during a phone call, restarts offline: none of it may empty the form in front of the
// person. So what the screens show is kept on this device, in IndexedDB (table workInProgress):
// - written a moment after each change, and synchronously when the page is hidden or left (a discarded tab was
//   hidden first; a reload gives promises no further turn), so a change on screen is on the device before the tab
//   can go;
// - read back and parsed (work-in-progress-schema.ts) before the orientation or the sheet shows, never after;
// - never synced: no outbox entry, no request carries it;
// - erased at « Terminer » / « Nouvelle orientation » (`finish`), at sign-out and when another account signs in
//   (session-repo.ts), and WORK_IN_PROGRESS_HOURS after its last change (work-in-progress-expiry.ts). Whoever erases
//   it, in this tab or another, the screens forget it too.
import { effect, type ReadonlySignal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { eraseWork, hasWork, readWork, saveWork, saveWorkNow, watchWork } from '../../db/work-in-progress-repo.ts';
import type { Profile } from '../../domain/profile.ts';
import { parse } from '../../domain/validation.ts';
import type { Orientation } from '../../matching/orient/types.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { createOrientationModel, type OrientationModel } from './orientation-model.ts';
import { createRecapModel, type RecapModel } from './recap-model.ts';
import { type SavedWork, savedWorkSchema } from './work-in-progress-schema.ts';

export { WORK_IN_PROGRESS_HOURS } from '../../db/work-in-progress-expiry.ts';

/** Typing coalesces into one write per pause; a hidden page writes at once. */
export const SAVE_DELAY_MS = 300;

export interface WorkInProgress {
  orientation: OrientationModel;
  recap: RecapModel;
  /**
   * « Terminer » / « Nouvelle orientation »: records the end of an orientation that showed results (its anonymous
   * event), then forgets the person on screen and on the device.
   */
  finish(): Promise<void>;
  /** The sheet was printed or shared, or a referral sent: the orientation's anonymous event is recorded (replaced). */
  ended(how?: { referral?: boolean }): void;
  /** Writes a pending change now; resolves once every write so far is on the device. */
  flush(): Promise<void>;
  /** Stops saving and watching (tests; the app keeps its work for the page's life). */
  stop(): void;
}

/** What the anonymous event of an ended orientation is built from (src/matching/orientation-event.ts). */
export interface OrientationEnding {
  id: string;
  profile: Profile;
  orientation: Orientation;
  referralSent: boolean;
}

export interface WorkOptions {
  /** Receives each end of an orientation that showed results; the app queues its anonymous event. */
  onEnd?: (ending: OrientationEnding) => void;
  clock?: () => number;
  saveDelayMs?: number;
  ttlMs?: number;
}

export async function restoreWorkInProgress(
  db: BoussoleDatabase,
  catalog: ReadonlySignal<CatalogModel | null>,
  { clock = Date.now, saveDelayMs = SAVE_DELAY_MS, ttlMs, onEnd }: WorkOptions = {},
): Promise<WorkInProgress> {
  const orientation = createOrientationModel(catalog, clock);
  const recap = createRecapModel();
  const snapshot = (): SavedWork => ({ orientation: orientation.saved(), recap: recap.saved() });
  /** A new orientation's state: nothing about anyone, no row to keep. */
  const blank = JSON.stringify(snapshot());
  const saved = await readSaved(db, clock(), ttlMs);
  if (saved) {
    orientation.restore(saved.orientation);
    recap.restore(saved.recap);
  }

  /** The device's row holds what the screens show (or showed a moment ago): its disappearance is an erasure. */
  let stored = saved !== null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Writes and checks run one after the other, so a check never sees the device between two of its own writes.
  let queue: Promise<void> = Promise.resolve();
  const run = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => {
      // Storage full or refused: the screens keep the work for the page's life. Never the work itself in the log.
      console.warn('Orientation en cours non enregistrée sur l’appareil', (error as Error)?.name);
    });
    return queue;
  };
  const cancelPending = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const forget = () => {
    cancelPending();
    stored = false;
    orientation.reset();
    recap.clear();
  };
  const isBlank = (state: SavedWork) => JSON.stringify(state) === blank;
  // Each write takes the state when it runs: a write queued earlier never puts back an older state.
  const write = () => {
    cancelPending();
    return run(async () => {
      const state = snapshot();
      if (isBlank(state)) {
        stored = false;
        await eraseWork(db);
      } else {
        await saveWork(db, state, clock());
        stored = true;
      }
    });
  };
  /** The page is hidden or left: a pending change is written before this function returns. */
  const writeNow = () => {
    if (timer === null) return;
    cancelPending();
    const state = snapshot();
    try {
      saveWorkNow(db, isBlank(state) ? null : state, clock());
      stored = !isBlank(state);
    } catch {
      void write(); // the database is closing: try the ordinary way
    }
  };

  let first = true;
  const stopSaving = effect(() => {
    snapshot(); // reads every saved signal: any change schedules a write
    if (first) {
      first = false;
      return;
    }
    cancelPending();
    timer = setTimeout(write, saveDelayMs);
  });

  const stopWatching = watchWork(db, () => {
    void run(async () => {
      if (stored && !(await hasWork(db))) forget();
    });
  });

  const flush = () => (timer !== null ? write() : queue);
  // Hidden: a tablet may discard the tab from now on, without another event. Left: a reload, a closed tab.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') writeNow();
  };
  const leaving = ['beforeunload', 'pagehide'] as const;
  document.addEventListener('visibilitychange', onHidden);
  for (const type of leaving) window.addEventListener(type, writeNow);

  const ended = (referral: boolean) => {
    const results = orientation.orientation.value;
    if (!results || orientation.profile.value.besoins.length === 0) return;
    const mark = orientation.end(referral);
    onEnd?.({ id: mark.id, profile: orientation.profile.value, orientation: results, referralSent: mark.referral });
  };

  return {
    orientation,
    recap,
    ended(how = {}) {
      ended(how.referral ?? false);
    },
    async finish() {
      ended(false);
      forget();
      await write(); // erases (or keeps what was typed since, which is the next person's)
    },
    flush,
    stop() {
      cancelPending();
      stopSaving();
      stopWatching();
      document.removeEventListener('visibilitychange', onHidden);
      for (const type of leaving) window.removeEventListener(type, writeNow);
    },
  };
}

async function readSaved(db: BoussoleDatabase, now: number, ttlMs?: number): Promise<SavedWork | null> {
  try {
    const state = await readWork(db, now, ttlMs);
    if (state === undefined) return null;
    const parsed = parse(savedWorkSchema, state);
    if (parsed.ok) return parsed.value;
    await eraseWork(db);
  } catch (error) {
    console.warn('Orientation en cours illisible sur l’appareil', (error as Error)?.name);
  }
  return null;
}
