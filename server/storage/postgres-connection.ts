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
// Reads run in REPEATABLE READ, READ ONLY transactions: one snapshot for the page, the last seq and the client's last
// mutation id, never waiting for the writer.
import postgres, { type ISql, type Sql, type TransactionSql } from 'postgres';

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
export async function writeTransaction<Result>(
  sql: Sql,
  body: (tx: TransactionSql) => Promise<Result>,
): Promise<Result> {
  return (await sql.begin(async (tx) => {
    // The body's first statements go out right behind the lock's, pipelined on the same connection: they still run
    // after the lock is granted, but without a round trip to this process in between while it is held. A query is
    // only sent when awaited or executed: the lock's is sent before the body runs.
    const locked = tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute();
    const [, result] = await Promise.all([locked, body(tx)]);
    return result;
  })) as Result;
}

/** A read transaction: one snapshot for every statement of `body`, without locks. */
export async function readTransaction<Result>(
  sql: Sql,
  body: (tx: TransactionSql) => Promise<Result>,
): Promise<Result> {
  return (await sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', body)) as Result;
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
