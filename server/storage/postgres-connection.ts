// Connections to PostgreSQL (driver: `postgres`, server/README.md says why), and the two rules every write of the
// PostgreSQL store follows so that several server instances can share one database:
//
// - **One writer at a time.** A write transaction takes a transaction-scoped advisory lock before its first read,
//   held until it commits or rolls back. Writes are serialized as in SQLite (BEGIN IMMEDIATE): what `decide` reads
//   is still true when its operations are applied, whichever instance runs the other writes.
// - **Seqs become visible in order.** A seq is taken from the counter row inside that transaction: the row's lock
//   is held until the commit is visible, so the next writer of any instance gets its seq after it. When a reader
//   sees seq N committed, every seq below N is committed too (or was rolled back and is handed out again), and a
//   device never pulls past a change that commits later. Never a sequence (`nextval`): it is not transactional.
//   docs/sync-protocol.md, « Several server instances ».
//
// Reads of several statements run in REPEATABLE READ, READ ONLY transactions: one snapshot for all of them, never
// waiting for the writer. A read that fits in one statement needs none: a statement is one snapshot (the pull,
// postgres-feed.ts; the feed head).
import postgres, { type ISql, type ReservedSql, type Sql, type TransactionSql } from 'postgres';

/** Advisory lock keys of the store; migrations use MIGRATION_LOCK (postgres-migrations.ts). */
export const WRITE_LOCK = 0x426f7573_02;

export interface PostgresOptions {
  /** Connections this instance may open (default 10). */
  max?: number;
  /** The schema the store's tables live in (default: the role's search_path, `public`); tests use one each. */
  schema?: string;
}

/** A pool on `url`; bigints (seqs, counts) come back as numbers, notices stay out of the log. */
export function connectPostgres(url: string, { max = 10, schema }: PostgresOptions = {}): Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    // Seqs and counts are bigint in SQL and stay far below 2^53.
    types: { bigint: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (s: string) => Number(s) } },
    connection: { application_name: 'boussole', ...(schema === undefined ? {} : { search_path: schema }) },
  }) as unknown as Sql;
}

/** A write transaction: the store-wide write lock first, then `body`; commits when it resolves. */
export function writeTransaction<Result>(sql: Sql, body: (tx: TransactionSql) => Promise<Result>): Promise<Result> {
  // The body's first statements go out right behind the lock's, pipelined on the same connection: they still run
  // after the lock is granted, but without a round trip to this process in between while it is held.
  return transaction(sql, 'BEGIN', (tx) => [tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute()], body);
}

/** A read transaction: one snapshot for every statement of `body`, without locks. */
export function readTransaction<Result>(sql: Sql, body: (tx: TransactionSql) => Promise<Result>): Promise<Result> {
  return transaction(sql, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () => [], body);
}

/**
 * `body` in a transaction on a connection of its own. BEGIN and the statements `first` sends go out with the body's
 * first statements, pipelined: the driver's own transactions wait for BEGIN's answer, a round trip per transaction
 * (and each round trip costs this process a socket write, most of its time under load after the pages themselves).
 * A query is only sent when awaited or executed: those are executed before the body runs, so they go first.
 */
async function transaction<Result>(
  sql: Sql,
  begin: string,
  first: (tx: ReservedSql) => Array<Promise<unknown>>,
  body: (tx: TransactionSql) => Promise<Result>,
): Promise<Result> {
  const tx = await sql.reserve();
  try {
    const begun = [tx.unsafe(begin).execute(), ...first(tx)];
    const [result] = await Promise.all([body(tx as unknown as TransactionSql), ...begun]);
    await tx.unsafe('COMMIT');
    return result as Result;
  } catch (error) {
    // Not rolled back, the connection would go back to the pool inside the failed transaction.
    await tx.unsafe('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    tx.release();
  }
}

/** The next seq of the directory feed, inside a write transaction; with `count`, the last of that many. */
export async function nextSeq(tx: ISql, count = 1): Promise<number> {
  const [row] = await tx<{ last: number }[]>`
    UPDATE seq_counter SET last = last + ${count} WHERE id = 1 RETURNING last`;
  if (!row) throw new Error('seq_counter vide');
  return row.last;
}

/** The last seq handed out and committed, as this transaction's snapshot sees it. */
export async function lastSeq(tx: ISql): Promise<number> {
  const [row] = await tx<{ last: number }[]>`SELECT last FROM seq_counter WHERE id = 1`;
  return row?.last ?? 0;
}
