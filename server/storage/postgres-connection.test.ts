import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferred } from '../../tests/fixtures/deferred.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/fixtures/postgres.ts';
import {
  connectPostgres,
  lastSeq,
  nextSeq,
  readTransaction,
  sendWithCommit,
  writeTransaction,
} from './postgres-connection.ts';
import { migratePostgres } from './postgres-migrations.ts';

// The store's transactions send BEGIN pipelined with their first statements (postgres-connection.ts `transaction`):
// what a failed one wrote must still be undone, and its connection go back to the pool outside any transaction.
// One connection, so that every transaction reuses the one before it.

let database: TestDatabase;
let sql: Sql;
/** Another instance's pool. */
let other: Sql;
beforeAll(async () => {
  database = await createTestDatabase();
  sql = connectPostgres(database.url, { max: 1 });
  other = connectPostgres(database.url, { max: 1 });
  await migratePostgres(sql);
}, 60_000);
afterAll(async () => {
  await Promise.all([sql?.end(), other?.end()]);
  await database?.drop();
});

describe('PostgreSQL transactions', () => {
  it('a write transaction that fails writes nothing, and the next one starts clean on the same connection', async () => {
    const before = await readTransaction(sql, (tx) => lastSeq(tx));
    await expect(
      writeTransaction(sql, async (tx) => {
        await nextSeq(tx, 3);
        throw new Error('décision impossible');
      }),
    ).rejects.toThrow('décision impossible');
    await expect(writeTransaction(sql, (tx) => tx`SELECT * FROM no_such_table`)).rejects.toThrow();
    expect(await readTransaction(sql, (tx) => lastSeq(tx))).toBe(before);
    expect(await writeTransaction(sql, (tx) => nextSeq(tx))).toBe(before + 1);
    expect(await readTransaction(sql, (tx) => lastSeq(tx))).toBe(before + 1);
  });

  it('a read transaction is one snapshot, read-only, and leaves no transaction open behind it', async () => {
    const [first, second, writable] = await readTransaction(sql, async (tx) => {
      const a = await lastSeq(tx);
      await writeTransaction(other, (w) => nextSeq(w));
      const b = await lastSeq(tx);
      const [row] = await tx<{ transaction_read_only: string }[]>`SHOW transaction_read_only`;
      return [a, b, row?.transaction_read_only];
    });
    expect(second).toBe(first);
    expect(writable).toBe('on');
    // Outside a transaction block, on the one connection, PostgreSQL refuses a savepoint.
    await expect(sql`SAVEPOINT probe`).rejects.toThrow(/transaction blocks/);
  });

  it('statements sent with COMMIT are committed with it; one that fails rolls the whole transaction back with its own error', async () => {
    const before = await readTransaction(sql, (tx) => lastSeq(tx));
    const answered = await writeTransaction(sql, async (tx) => {
      sendWithCommit(tx, tx`UPDATE seq_counter SET last = last + 2 WHERE id = 1`);
      // A later statement of the transaction sees what was sent before it, answered or not.
      return lastSeq(tx);
    });
    expect(answered).toBe(before + 2);
    expect(await readTransaction(sql, (tx) => lastSeq(tx))).toBe(before + 2);

    await expect(
      writeTransaction(sql, async (tx) => {
        sendWithCommit(tx, tx`UPDATE seq_counter SET last = last + 5 WHERE id = 1`);
        sendWithCommit(tx, tx`INSERT INTO no_such_table VALUES (1)`);
        sendWithCommit(tx, tx`UPDATE seq_counter SET last = last + 7 WHERE id = 1`);
        return 'décidé';
      }),
    ).rejects.toThrow(/no_such_table/);
    // Neither the write before the failure nor the one after it, and the connection is outside any transaction.
    expect(await readTransaction(sql, (tx) => lastSeq(tx))).toBe(before + 2);
    await expect(sql`SAVEPOINT probe`).rejects.toThrow(/transaction blocks/);
    expect(() => sendWithCommit(sql, sql`SELECT 1`)).toThrow(/hors d’une transaction/);
  });

  it('writes waiting for their turn keep no connection: a read goes through while one write holds the lock', async () => {
    const pool = connectPostgres(database.url, { max: 2 });
    try {
      const holding = deferred();
      const started = deferred();
      const first = writeTransaction(pool, async (tx) => {
        await nextSeq(tx);
        started.resolve();
        await holding.promise;
      });
      await started.promise;
      // Two more writes queue behind it; the pool's other connection stays free for a read.
      const queued = [writeTransaction(pool, (tx) => nextSeq(tx)), writeTransaction(pool, (tx) => nextSeq(tx))];
      const [row] = await pool<{ one: number }[]>`SELECT 1 AS one`;
      expect(row?.one).toBe(1);
      holding.resolve();
      await first;
      const [second, third] = await Promise.all(queued);
      expect(third).toBe((second ?? 0) + 1);
    } finally {
      await pool.end();
    }
  });
});
