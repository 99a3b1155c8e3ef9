import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAction } from '../../tests/fixtures/actions.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import { makeDirectory, makeService, makeStructure } from '../../tests/integration/fixtures/directory-fixture.ts';
import { ANONYMOUS_READER, readerOf } from '../sync/visibility.ts';
import { connectPostgres } from './postgres-connection.ts';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { openPostgresStore } from './postgres-store.ts';

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

  it('l’étape 2 compte les fiches d’une base à l’étape 1 : le total de chaque lecteur est ce que le flux lui donne', async () => {
    const other = await createTestDatabase();
    try {
      const directory = makeDirectory(5, 2);
      directory.structures[1] = makeStructure(2, { visibilite: 'professionnels' });
      directory.structures[2] = makeStructure(3, {
        statut: 'proposee',
        proposee_par: { account_id: 'w1', nom: 'Théo' },
      });
      directory.services[0] = makeService(1, 'test--s001', { visibilite: 'professionnels' });
      const lieu = (id: string) => ({ type: 'structure' as const, structure_id: id });
      const store = await openPostgresStore({ url: other.url, max: 2 });
      await store.upsert([
        ...directory.structures.map((record) => ({ kind: 'structure' as const, record })),
        ...directory.services.map((record) => ({ kind: 'service' as const, record })),
        {
          kind: 'action',
          record: anAction(1, 1, {
            organisateurs: ['test--s001'],
            lieu: lieu('test--s001'),
            visibilite: 'professionnels',
          }),
        },
        { kind: 'action', record: anAction(4, 2, { organisateurs: ['test--s004'], lieu: lieu('test--s004') }) },
      ]);
      await store.close();
      // The database as step 1 left it: records, no counters.
      const sql = connectPostgres(other.url, { max: 1 });
      await sql`DROP TABLE counted, totals`;
      await sql`UPDATE schema_version SET version = 1`;
      await sql.end();
      const reopened = await openPostgresStore({ url: other.url, max: 2 });
      const counts: number[][] = [];
      for (const reader of [
        ANONYMOUS_READER,
        readerOf({ id: 'p1', nom: 'Épicerie', role: 'partenaire', structure_id: 'test--s001' }),
        readerOf({ id: 'w1', nom: 'Théo', role: 'travailleur' }),
        readerOf({ id: 'w2', nom: 'Tina', role: 'travailleur' }),
        readerOf({ id: 'c1', nom: 'Claire', role: 'coordinateur' }),
      ]) {
        const page = await reopened.pull({ cursor: 0, limit: 500, reader });
        counts.push([page.total, page.entries.length]);
      }
      await reopened.close();
      expect(counts).toEqual([
        [9, 9],
        [11, 11],
        [17, 17],
        [14, 14],
        [17, 17],
      ]);
    } finally {
      await other.drop();
    }
  });
});
