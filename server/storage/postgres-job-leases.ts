// Job leases (jobs/scheduler.ts) on PostgreSQL, shared by every instance. A run holds a session advisory lock on a
// connection of its own for as long as it lasts: no other instance starts the job meanwhile, even past its lease,
// and the lock goes with the connection if the instance dies. Under that lock a meta row `job_lease:<name>` records
// until when the period's run is done, so that the next instance to tick within the period does not run it again.
import type { Sql } from 'postgres';
import type { JobLeases } from '../jobs/scheduler.ts';
import { isoInstant } from '../sync/server-clock.ts';

/** First half of the advisory lock key of jobs (the second is the job's name hashed). */
const JOB_LOCK_CLASS = 0x426f7503;

export function postgresJobLeases(sql: Sql): JobLeases {
  return {
    async runExclusive(name, now, leaseMs, job) {
      const connection = await sql.reserve();
      try {
        const [lock] = await connection<{ locked: boolean }[]>`
          SELECT pg_try_advisory_lock(${JOB_LOCK_CLASS}, hashtext(${name})) AS locked`;
        if (!lock?.locked) return false;
        try {
          const taken = await connection`
            INSERT INTO meta (key, value) VALUES (${`job_lease:${name}`}, ${isoInstant(new Date(now.getTime() + leaseMs))})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE meta.value <= ${isoInstant(now)}
            RETURNING key`;
          if (taken.length === 0) return false;
          await job();
          return true;
        } finally {
          await connection`SELECT pg_advisory_unlock(${JOB_LOCK_CLASS}, hashtext(${name}))`;
        }
      } finally {
        connection.release();
      }
    },
  };
}
