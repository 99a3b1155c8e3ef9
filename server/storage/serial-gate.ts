// One connection, one transaction at a time. A store transaction is asynchronous (the runner awaits its reads),
// but an embedded store (better-sqlite3, the memory maps) has a single connection: a statement another request
// runs while a transaction is open would join that transaction — see its uncommitted writes, or be rolled back
// with it — and a second BEGIN would fail. So every use of the connection goes through one gate, in arrival
// order: a transaction holds it from BEGIN to COMMIT or ROLLBACK, a query for its one synchronous call. Queries
// never wait on I/O here, so the gate costs nothing on an idle connection and no throughput on a busy one. A store with a connection pool
// (PostgreSQL) needs none for isolation — each transaction has its own connection and the database isolates them —
// but queues its writes through one so that they wait in memory, not on the pool's connections (postgres-connection.ts).

export interface SerialGate {
  /**
   * Runs `body` once every earlier body has settled (at once when none is pending); nothing else runs through the
   * gate until it settles.
   */
  run<T>(body: () => T | Promise<T>): Promise<T>;
}

export function serialGate(): SerialGate {
  let tail: Promise<unknown> = Promise.resolve();
  // Bodies started and not yet settled. At 0 a body starts at once, in the caller's turn of the event loop: a query
  // on an idle connection answers as synchronously as better-sqlite3 itself.
  let running = 0;
  const settled = () => {
    running--;
  };
  return {
    run<T>(body: () => T | Promise<T>): Promise<T> {
      let result: Promise<T>;
      if (running++ === 0) {
        try {
          result = Promise.resolve(body());
        } catch (error) {
          result = Promise.reject(error);
        }
      } else result = tail.then(body);
      tail = result.then(settled, settled);
      return result;
    },
  };
}

/**
 * The same methods, each run through the gate. `transaction` is left as is: it takes the gate itself for its
 * whole duration, and the queries a transaction's body must not call (they would wait for the transaction that
 * waits for them) are the store's, never the transaction's.
 */
export function gatedMethods<T extends object>(methods: T, gate: SerialGate, except: readonly (keyof T)[]): T {
  const out = { ...methods } as Record<string, unknown>;
  for (const [key, value] of Object.entries(methods)) {
    if (typeof value !== 'function' || except.includes(key as keyof T)) continue;
    out[key] = (...args: unknown[]) => gate.run(() => (value as (...a: unknown[]) => unknown)(...args));
  }
  return out as T;
}
