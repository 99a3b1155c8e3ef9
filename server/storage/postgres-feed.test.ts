import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import { asWrites, makeDirectory } from '../../tests/integration/fixtures/directory-fixture.ts';
import { SERVER_READER } from '../sync/visibility.ts';
import type { DirectoryStore } from './directory-store.ts';
import { openPostgresStore } from './postgres-store.ts';

// A pull leaves out the data of the records whose entries this process keeps (postgres-feed.ts): what a device gets
// must not depend on what the instance it asked had kept.

let database: TestDatabase;
const stores: DirectoryStore[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await database?.drop();
});

async function instance(): Promise<DirectoryStore> {
  const store = await openPostgresStore({ url: database.url, max: 2 });
  stores.push(store);
  return store;
}

const delta = (store: DirectoryStore, cursor: number) => store.pull({ cursor, limit: 100, reader: SERVER_READER });

describe('pull PostgreSQL : les entrées gardées en mémoire', () => {
  it('un delta fait d’entrées déjà gardées est celui que lit une instance qui n’en garde aucune', async () => {
    const first = await instance();
    await first.upsert(asWrites(makeDirectory(3, 2)));
    const warmed = await delta(first, 0);
    expect(warmed.entries).toHaveLength(9);
    // From the middle of a page on, as a device that had pulled part of it.
    const fromKept = await delta(first, 4);
    const fresh = await delta(await instance(), 4);
    expect(fromKept.entries.map((entry) => entry.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(fromKept).toEqual(fresh);
  });

  it('une base remplacée sous l’instance : une entrée gardée pour un autre enregistrement à ce seq est relue', async () => {
    const store = await instance();
    const before = await delta(store, 0);
    const last = before.entries.at(-1);
    if (last?.kind !== 'service') throw new Error('le dernier enregistrement du flux devrait être un service');
    // As after a restore under a running server: another record at the same seq.
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await sql`UPDATE records SET id = 'test--remplace', data = data || '{"id": "test--remplace"}'::jsonb
        WHERE seq = ${last.seq}`;
    } finally {
      await sql.end();
    }
    const after = await delta(store, last.seq - 1);
    expect(after.entries.map((entry) => [entry.seq, entry.kind === 'service' && entry.record.id])).toEqual([
      [last.seq, 'test--remplace'],
    ]);
  });
});
