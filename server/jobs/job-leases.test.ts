import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferred } from '../../tests/fixtures/deferred.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import { silentLogger } from '../logger.ts';
import { connectPostgres } from '../storage/postgres-connection.ts';
import { postgresJobLeases } from '../storage/postgres-job-leases.ts';
import { migratePostgres } from '../storage/postgres-migrations.ts';
import { sqliteJobLeases } from '../storage/sqlite-job-leases.ts';
import { migrate } from '../storage/sqlite-migrations.ts';
import { SQLITE_BUSY_TIMEOUT_MS } from '../storage/sqlite-transaction.ts';
import { type JobLeases, LEASE_SHARE_OF_PERIOD, scheduleJob } from './scheduler.ts';

const HOUR = 3_600_000;

/** Two server instances on one database, each with its own connection and scheduler. */
interface TwoInstances {
  leases: [JobLeases, JobLeases];
  close(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'boussole-jobs-'));
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const sql = connectPostgres(database.url, { max: 1 });
  await migratePostgres(sql);
  await sql.end();
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

let files = 0;
const ENGINES: ReadonlyArray<readonly [string, () => TwoInstances]> = [
  [
    'SQLite (deux processus sur un fichier)',
    () => {
      const path = join(dir, `jobs-${files++}.sqlite`);
      const dbs = [0, 1].map(() => new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS }));
      for (const db of dbs) {
        db.pragma('journal_mode = WAL');
        migrate(db);
      }
      const [a, b] = dbs as [Database.Database, Database.Database];
      return {
        leases: [sqliteJobLeases(a), sqliteJobLeases(b)],
        close: async () => {
          for (const db of dbs) db.close();
        },
      };
    },
  ],
  [
    'PostgreSQL (deux instances)',
    () => {
      const pools = [connectPostgres(database.url, { max: 2 }), connectPostgres(database.url, { max: 2 })];
      const [a, b] = pools as [Sql, Sql];
      return {
        leases: [postgresJobLeases(a), postgresJobLeases(b)],
        close: async () => {
          await Promise.all(pools.map((sql) => sql.end()));
        },
      };
    },
  ],
];

describe.each(ENGINES)('tâches planifiées une seule fois : %s', (_name, open) => {
  it('deux instances qui se réveillent ensemble : une seule lance la tâche, une fois par période', async () => {
    const instances = open();
    let now = new Date('2026-12-06T10:00:00Z');
    const ran: number[] = [];
    const jobs = instances.leases.map((leases, i) =>
      scheduleJob({
        name: 'referral-sweep',
        everyMs: HOUR,
        leases,
        logger: silentLogger,
        clock: () => now,
        run: async () => {
          ran.push(i);
        },
      }),
    );
    try {
      const tick = () => Promise.all(jobs.map((job) => job.tick()));
      expect((await tick()).filter(Boolean)).toHaveLength(1);
      // Later in the same period: nobody runs it again.
      now = new Date(now.getTime() + HOUR / 2);
      expect((await tick()).filter(Boolean)).toHaveLength(0);
      // The next period: once again.
      now = new Date(now.getTime() + HOUR);
      expect((await tick()).filter(Boolean)).toHaveLength(1);
      expect(ran).toHaveLength(2);
    } finally {
      await Promise.all(jobs.map((job) => job.stop()));
      await instances.close();
    }
  });

  it('une instance arrêtée avec le bail : une autre reprend la tâche à la fin du bail', async () => {
    const instances = open();
    const start = new Date('2026-12-06T10:00:00Z');
    const ran: string[] = [];
    try {
      const [a, b] = instances.leases;
      expect(await a.runExclusive('mail-drain', start, HOUR, async () => void ran.push('a'))).toBe(true);
      const stillHeld = new Date(start.getTime() + HOUR * LEASE_SHARE_OF_PERIOD);
      expect(await b.runExclusive('mail-drain', stillHeld, HOUR, async () => void ran.push('b'))).toBe(false);
      const ended = new Date(start.getTime() + HOUR);
      expect(await b.runExclusive('mail-drain', ended, HOUR, async () => void ran.push('b'))).toBe(true);
      expect(ran).toEqual(['a', 'b']);
    } finally {
      await instances.close();
    }
  });
});

describe('tâches planifiées sur PostgreSQL', () => {
  it('une tâche plus longue que son bail ne démarre pas ailleurs tant qu’elle tourne', async () => {
    const pools = [connectPostgres(database.url, { max: 2 }), connectPostgres(database.url, { max: 2 })];
    const [a, b] = pools.map(postgresJobLeases) as [JobLeases, JobLeases];
    const start = new Date('2026-12-06T12:00:00Z');
    const release = deferred();
    const started = deferred();
    try {
      const long = a.runExclusive('digest', start, 1_000, async () => {
        started.resolve();
        await release.promise;
      });
      await started.promise;
      const afterLease = new Date(start.getTime() + HOUR);
      expect(await b.runExclusive('digest', afterLease, 1_000, async () => {})).toBe(false);
      release.resolve();
      expect(await long).toBe(true);
      expect(await b.runExclusive('digest', afterLease, 1_000, async () => {})).toBe(true);
    } finally {
      await Promise.all(pools.map((sql) => sql.end()));
    }
  });
});
