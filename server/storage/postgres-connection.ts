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
import postgres, { type Fragment, type ISql, type ReservedSql, type Sql, type TransactionSql } from 'postgres';
import { type SerialGate, serialGate } from './serial-gate.ts';

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

/** Each pool's writes, one at a time in this process (writeTransaction). */
const writeGates = new WeakMap<Sql, SerialGate>();

/**
 * A write transaction: the store-wide write lock first, then `body`; commits when it resolves.
 *
 * Only one write of this process waits for the lock on a connection; the others wait in memory for their turn. They
 * would run one at a time anyway, and a write waiting on a connection keeps it from the reads: when the processor was
 * saturated for a moment under load, the pushes queued behind the lock's holder took every connection of the pool,
 * and the pulls waited with them. (Committing the queued writes together, each in a savepoint, was tried: one flush
 * to disk for all of them did not shorten the pushes' tail, which is the processor's, not the disk's.)
 */
export function writeTransaction<Result>(sql: Sql, body: (tx: TransactionSql) => Promise<Result>): Promise<Result> {
  let gate = writeGates.get(sql);
  if (!gate) {
    gate = serialGate();
    writeGates.set(sql, gate);
  }
  // The body's first statements go out right behind the lock's, pipelined on the same connection: they still run
  // after the lock is granted, but without a round trip to this process in between while it is held.
  return gate.run(() =>
    transaction(sql, 'BEGIN', (tx) => [tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute()], body),
  );
}

/** A read transaction: one snapshot for every statement of `body`, without locks. */
export function readTransaction<Result>(sql: Sql, body: (tx: TransactionSql) => Promise<Result>): Promise<Result> {
  return transaction(sql, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () => [], body);
}

/** The statements each open transaction sent without waiting for their answers (`sendWithCommit`). */
const sentWithCommit = new WeakMap<object, Array<Promise<unknown>>>();

/**
 * Sends a statement of a transaction whose answer nothing in the transaction waits for (a write): it goes out at
 * once, on the transaction's connection, and its answer comes back with COMMIT's, which `transaction` sends right
 * behind it instead of waiting a round trip for it. Under the write lock every round trip is one every other writer
 * waits for, and it lasts as long as this process takes to turn to the answer — under load, most of a write's hold
 * on the lock. A statement that fails fails the transaction: PostgreSQL then answers COMMIT with a rollback, and
 * the transaction rejects with that statement's error. Only inside `writeTransaction` or `readTransaction`.
 */
export function sendWithCommit(tx: ISql, query: Fragment): void {
  const sent = sentWithCommit.get(tx);
  if (!sent) throw new Error('sendWithCommit hors d’une transaction');
  const answer = query.execute();
  // Read at COMMIT; until then its failure must not count as an unhandled rejection.
  answer.catch(() => {});
  sent.push(answer);
}

/**
 * `body` in a transaction on a connection of its own. BEGIN and the statements `first` sends go out with the body's
 * first statements, pipelined: the driver's own transactions wait for BEGIN's answer, a round trip per transaction
 * (and each round trip costs this process a socket write, most of its time under load after the pages themselves).
 * A query is only sent when awaited or executed: those are executed before the body runs, so they go first. COMMIT
 * goes out behind the statements the body sent without waiting (`sendWithCommit`).
 */
async function transaction<Result>(
  sql: Sql,
  begin: string,
  first: (tx: ReservedSql) => Array<Promise<unknown>>,
  body: (tx: TransactionSql) => Promise<Result>,
): Promise<Result> {
  const tx = await sql.reserve();
  const sent: Array<Promise<unknown>> = [];
  sentWithCommit.set(tx, sent);
  try {
    const begun = [tx.unsafe(begin).execute(), ...first(tx)];
    const [result] = await Promise.all([body(tx as unknown as TransactionSql), ...begun]);
    await Promise.all([...sent, tx.unsafe('COMMIT')]);
    return result as Result;
  } catch (error) {
    // Not rolled back, the connection would go back to the pool inside the failed transaction.
    await tx.unsafe('ROLLBACK').catch(() => {});
    // The first statement that failed says why; those after it, and the body, only that the transaction had failed.
    const failed = (await Promise.allSettled(sent)).find((s) => s.status === 'rejected');
    throw failed ? failed.reason : error;
  } finally {
    sentWithCommit.delete(tx);
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
