import type { Database } from 'better-sqlite3';

// Two servers share one SQLite file while a restart overlaps the old and the new process. Every transaction that
// writes is therefore called as `tx.immediate(…)`: it takes the write lock when it begins (BEGIN IMMEDIATE) and
// waits up to the busy timeout for the other process to release it. A deferred transaction that reads first and
// writes later fails at once with « database is locked » when the other process wrote in between: SQLite cannot
// wait there without risking a deadlock. Transactions that only read stay deferred (in WAL mode they never wait).

/** How long a statement waits for another process's write lock before failing (better-sqlite3's `timeout`). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** A write transaction run at once, for code that builds it where it runs it (migrations). */
export function writeTransaction<Result>(db: Database, body: () => Result): Result {
  return db.transaction(body).immediate();
}
