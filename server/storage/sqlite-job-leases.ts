// Job leases (jobs/scheduler.ts) in the SQLite file, for two processes on one file while a restart overlaps them:
// a lease is a meta row `job_lease:<name>` holding the instant it ends, taken by one statement that writes only
// when the lease has ended — under SQLite's write lock, so two processes cannot both take it. `run` puts the
// statement through the store's connection gate (serial-gate.ts), never inside another request's transaction.
import type Database from 'better-sqlite3';
import type { JobLeases } from '../jobs/scheduler.ts';
import { isoInstant } from '../sync/server-clock.ts';

export function sqliteJobLeases(
  db: Database.Database,
  run: <T>(body: () => T) => Promise<T> = async (body) => body(),
): JobLeases {
  const take = db.prepare<[string, string, string]>(
    `INSERT INTO meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE meta.value <= ?`,
  );
  return {
    async runExclusive(name, now, leaseMs, job) {
      const until = isoInstant(new Date(now.getTime() + leaseMs));
      const taken = await run(() => take.run(`job_lease:${name}`, until, isoInstant(now)).changes > 0);
      if (!taken) return false;
      await job();
      return true;
    },
  };
}
