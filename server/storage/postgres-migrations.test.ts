import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import { connectPostgres } from './postgres-connection.ts';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.drop());

// Two instances started together on a new database (a deploy of two replicas): one migrates, the other waits for
// the advisory lock and finds the steps done. The first step creates tables without IF NOT EXISTS, so running it
// twice would fail.
describe('migrations PostgreSQL', () => {
  it('deux instances qui démarrent ensemble migrent une seule fois', async () => {
    const instances = [connectPostgres(database.url, { max: 2 }), connectPostgres(database.url, { max: 2 })];
    try {
      const versions = await Promise.all(instances.map((sql) => migratePostgres(sql)));
      expect(versions).toEqual([POSTGRES_MIGRATIONS.length, POSTGRES_MIGRATIONS.length]);
      const [sql] = instances;
      if (!sql) throw new Error('no instance');
      const epochs = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
      expect(epochs).toHaveLength(1);
      expect(epochs[0]?.value).toMatch(/^[0-9a-f]{32}$/);
      // A restart finds nothing to do and keeps the database's identity.
      expect(await migratePostgres(sql)).toBe(POSTGRES_MIGRATIONS.length);
      expect(await sql`SELECT value FROM meta WHERE key = 'epoch'`).toEqual(epochs);
    } finally {
      await Promise.all(instances.map((sql) => sql.end()));
    }
  });

  it('refuse une base migrée par un serveur plus récent', async () => {
    const sql = connectPostgres(database.url, { max: 1 });
    try {
      await sql`UPDATE schema_version SET version = ${POSTGRES_MIGRATIONS.length + 1}`;
      await expect(migratePostgres(sql)).rejects.toThrow(/plus récent que ce serveur/);
    } finally {
      await sql`UPDATE schema_version SET version = ${POSTGRES_MIGRATIONS.length}`;
      await sql.end();
    }
  });
});
