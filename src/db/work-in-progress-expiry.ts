// How long the orientation in progress stays on the device (issue 16). A working day: the morning's orientation is
// still there after lunch, yesterday's is gone the next morning. Counted from the last change, on the device clock.
// This module rides on the first load: keep it tiny (the rest of the work in progress loads with its screens).
import type { BoussoleDatabase } from './database.ts';

/** Hours after its last change before work in progress is erased from the device (README, Configuration). */
export const WORK_IN_PROGRESS_HOURS = 12;
export const WORK_IN_PROGRESS_TTL_MS = WORK_IN_PROGRESS_HOURS * 3_600_000;
/**
 * A row dated later than this past the device clock cannot be dated (the clock was wrong when it was saved, or
 * has been set back): it is erased rather than kept for an unknown time.
 */
const CLOCK_SKEW_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/** Erases work in progress older than the delay (or undatable); resolves to the number of rows erased. */
export function eraseExpiredWork(db: BoussoleDatabase, now: number, ttlMs = WORK_IN_PROGRESS_TTL_MS): Promise<number> {
  return db.workInProgress.filter((row) => !(now - row.savedAt < ttlMs && row.savedAt - now <= CLOCK_SKEW_MS)).delete();
}

/** Whether an orientation in progress is on the device: signing out would erase it. */
export async function workKept(db: BoussoleDatabase): Promise<boolean> {
  return (await db.workInProgress.count()) > 0;
}

/**
 * Erases expired work at start-up, every minute while the app is open, and when the page shows again (a tablet
 * waking up: its timers slept). Screens showing the work see the row go and forget it (work-in-progress.ts).
 */
export function keepWorkExpiring(db: BoussoleDatabase, clock: () => number = Date.now, everyMs = SWEEP_EVERY_MS) {
  const sweep = () => void eraseExpiredWork(db, clock()).catch(() => {}); // the next sweep tries again
  sweep();
  const timer = setInterval(sweep, everyMs);
  const onShow = () => document.visibilityState === 'visible' && sweep();
  document.addEventListener('visibilitychange', onShow);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onShow);
  };
}
