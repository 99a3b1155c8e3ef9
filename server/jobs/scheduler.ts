// Scheduled jobs (the hourly referral sweep and digests, the mail outbox's periodic drain) run once per period
// across every server instance sharing one database, not once per instance: each instance ticks, and a lease kept
// in the database (JobLeases) lets one of them run the job for the period. An instance that dies holding a lease
// is replaced at the next tick after the lease ends. Jobs stay safe to run twice (a sweep finds nothing left to
// do, the outbox's messages are claimed one by one): the lease saves the duplicate work and keeps two instances
// from sweeping the same rows at once.
import { describeError, type Logger } from '../logger.ts';

export interface JobLeases {
  /**
   * Runs `job` here when no instance holds the lease of `name`: takes it until `now + leaseMs` and resolves true
   * once the job has run; resolves false at once when another instance holds it (or is running the job).
   */
  runExclusive(name: string, now: Date, leaseMs: number, job: () => Promise<void>): Promise<boolean>;
}

/**
 * The lease is shorter than the period, so that the instance holding it takes it again at its next tick (timers
 * fire late, never early); another instance takes over within a period of the holder's last run.
 */
export const LEASE_SHARE_OF_PERIOD = 0.9;

export interface JobOptions {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
  leases: JobLeases;
  logger: Logger;
  clock?: () => Date;
}

export interface ScheduledJob {
  /** Runs the job now if this instance gets the lease; true when it ran here. Errors are logged, not thrown. */
  tick(): Promise<boolean>;
  /** No tick after this one; waits for a run in progress. */
  stop(): Promise<void>;
}

export function scheduleJob({
  name,
  everyMs,
  run,
  leases,
  logger,
  clock = () => new Date(),
}: JobOptions): ScheduledJob {
  let running: Promise<boolean> | null = null;
  let stopped = false;
  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    running ??= leases
      .runExclusive(name, clock(), Math.floor(everyMs * LEASE_SHARE_OF_PERIOD), run)
      .catch((error: unknown) => {
        logger.error({ event: 'job_failed', job: name, error: describeError(error) });
        return false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
