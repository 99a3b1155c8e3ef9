import type { Sql, TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferred } from '../../tests/fixtures/deferred.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import { aStructure } from '../../tests/fixtures/records.ts';
import { SYSTEM_AUTHOR_ID } from '../sync/decision.ts';
import { SERVER_READER } from '../sync/visibility.ts';
import { connectPostgres, lastSeq, nextSeq, readTransaction, writeTransaction } from './postgres-connection.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { openPostgresStore } from './postgres-store.ts';

// A device pulls `seq > cursor` and moves its cursor to the last seq it read. With several instances writing, that is
// only safe if a seq never becomes visible before a smaller one commits. Writes on two instances (two pools), a
// reader pulling in a loop: everything written must reach the reader.

let database: TestDatabase;
let instances: Sql[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  instances = [connectPostgres(database.url, { max: 4 }), connectPostgres(database.url, { max: 4 })];
  await migratePostgres(instances[0] as Sql);
}, 60_000);
afterAll(async () => {
  await Promise.all(instances.map((sql) => sql.end()));
  await database?.drop();
});

function instance(i: number): Sql {
  const sql = instances[i];
  if (!sql) throw new Error(`no instance ${i}`);
  return sql;
}

/** A record written at the next seq, as the store writes one. */
async function writeRecord(tx: TransactionSql, id: string, seq: number): Promise<void> {
  await tx`INSERT INTO records (kind, id, seq, data) VALUES ('structure', ${id}, ${seq}, ${JSON.stringify({ id })}::text::jsonb)`;
}

/** One page of the feed as the store reads it: one snapshot, never past the last seq. */
async function pull(sql: Sql, cursor: number, limit: number): Promise<{ ids: string[]; cursor: number }> {
  return readTransaction(sql, async (tx) => {
    const last = await lastSeq(tx);
    const rows = await tx<{ id: string; seq: number }[]>`
      SELECT id, seq FROM records WHERE seq > ${cursor} AND seq <= ${last} ORDER BY seq LIMIT ${limit}`;
    return { ids: rows.map((r) => r.id), cursor: rows.at(-1)?.seq ?? Math.min(cursor, last) };
  });
}

describe('ordre du flux avec plusieurs instances PostgreSQL', () => {
  it('une écriture en cours retient celles des autres instances : le lecteur ne passe jamais devant', async () => {
    const holding = deferred();
    const tookSeq = deferred();
    // Instance 0 takes a seq and has not committed yet.
    const slow = writeTransaction(instance(0), async (tx) => {
      await writeRecord(tx, 'lent', await nextSeq(tx));
      tookSeq.resolve();
      await holding.promise;
    });
    await tookSeq.promise;
    // Instance 1 writes meanwhile: it waits for the write lock instead of committing a larger seq first.
    let fastDone = false;
    const fast = writeTransaction(instance(1), async (tx) => writeRecord(tx, 'rapide', await nextSeq(tx))).then(() => {
      fastDone = true;
    });
    const before = await pull(instance(1), 0, 100);
    expect(before.ids).toEqual([]);
    expect(fastDone).toBe(false);
    holding.resolve();
    await Promise.all([slow, fast]);
    expect((await pull(instance(1), before.cursor, 100)).ids).toEqual(['lent', 'rapide']);
  });

  it('sans ce verrou (un numéro pris hors de la transaction, comme une séquence), le lecteur perd une écriture', async () => {
    // The hazard the write lock removes, shown with a PostgreSQL sequence: nextval is never rolled back nor
    // ordered with commits.
    const sql = instance(0);
    await sql`CREATE SEQUENCE naive_seq START 1000000`;
    const holding = deferred();
    const tookSeq = deferred();
    const slow = sql.begin(async (tx) => {
      const [row] = await tx<{ seq: number }[]>`SELECT nextval('naive_seq')::bigint AS seq`;
      await writeRecord(tx, 'naif-lent', row?.seq ?? 0);
      tookSeq.resolve();
      await holding.promise;
    });
    await tookSeq.promise;
    await instance(1).begin(async (tx) => {
      const [row] = await tx<{ seq: number }[]>`SELECT nextval('naive_seq')::bigint AS seq`;
      await writeRecord(tx, 'naif-rapide', row?.seq ?? 0);
    });
    const start = 999_999;
    const rows = await sql<
      { id: string; seq: number }[]
    >`SELECT id, seq FROM records WHERE seq > ${start} ORDER BY seq`;
    expect(rows.map((r) => r.id)).toEqual(['naif-rapide']);
    const cursor = rows.at(-1)?.seq ?? start;
    holding.resolve();
    await slow;
    const after = await sql<{ id: string }[]>`SELECT id FROM records WHERE seq > ${cursor} ORDER BY seq`;
    expect(after.map((r) => r.id)).toEqual([]);
    await sql`DELETE FROM records WHERE id LIKE 'naif-%'`;
  });

  it('écrivains sur deux instances, un lecteur en boucle : il reçoit tout ce qui a été écrit', async () => {
    const start = (await pull(instance(0), 0, 10_000)).cursor;
    const written: string[] = [];
    let writing = true;
    const writer = async (i: number, w: number) => {
      for (let n = 0; n < 60; n++) {
        const id = `i${i}-w${w}-${n}`;
        await writeTransaction(instance(i), async (tx) => {
          await writeRecord(tx, id, await nextSeq(tx));
          // Commit a little later, at random: the moment a reader could see a larger seq committed first.
          if (n % 3 === 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        });
        written.push(id);
      }
    };
    const pulled = new Set<string>();
    const reader = async () => {
      let cursor = start;
      let pages = 0;
      for (;;) {
        const done = !writing;
        pages += 1;
        const page = await pull(instance(pages % 2), cursor, 7);
        for (const id of page.ids) pulled.add(id);
        cursor = page.cursor;
        if (done && page.ids.length === 0) return pages;
      }
    };
    const reading = reader();
    await Promise.all([0, 1].flatMap((i) => [0, 1, 2].map((w) => writer(i, w))));
    writing = false;
    const pages = await reading;
    expect(written).toHaveLength(360);
    expect(pages).toBeGreaterThan(10);
    expect([...pulled].sort()).toEqual([...written].sort());
  }, 60_000);

  it('deux serveurs sur la base : leurs imports en même temps, un appareil qui tire en boucle reçoit tout', async () => {
    const stores = [
      await openPostgresStore({ url: database.url, max: 4 }),
      await openPostgresStore({ url: database.url, max: 4 }),
    ];
    try {
      const [reader] = stores;
      if (!reader) throw new Error('no store');
      const start = (await reader.pull({ cursor: 0, limit: 10_000, reader: SERVER_READER })).cursor;
      const written: string[] = [];
      let writing = true;
      const writer = async (i: number, w: number) => {
        for (let n = 0; n < 25; n++) {
          const record = aStructure(10_000 + i * 1_000 + w * 100 + n);
          await stores[i]?.importRecords({
            items: [{ kind: 'structure', id: record.id, position: `ligne ${n}`, build: () => ({ ok: true, record }) }],
            author: SYSTEM_AUTHOR_ID,
            now: new Date(),
          });
          written.push(record.id);
        }
      };
      const pulled = new Set<string>();
      const pulling = (async () => {
        let cursor = start;
        for (let turn = 0; ; turn++) {
          const done = !writing;
          const page = await stores[turn % 2]?.pull({ cursor, limit: 5, reader: SERVER_READER });
          if (!page) throw new Error('no store');
          for (const entry of page.entries) if (entry.kind === 'structure') pulled.add(entry.record.id);
          cursor = page.cursor;
          if (done && !page.hasMore) return;
        }
      })();
      await Promise.all([0, 1].flatMap((i) => [0, 1, 2].map((w) => writer(i, w))));
      writing = false;
      await pulling;
      expect(written).toHaveLength(150);
      expect([...pulled].sort()).toEqual([...written].sort());
    } finally {
      for (const store of stores) await store.close();
    }
  }, 60_000);
});
