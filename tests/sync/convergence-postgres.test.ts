// The randomized convergence test (convergence.test.ts) with the server as two instances on one PostgreSQL database
// (harness/postgres-sync-server.ts): requests reach the instances in turn, instances are stopped, killed in the
// middle of a push and restarted while the other serves, the database is backed up and restored. The same checks:
// every device equal to the server, no gap in the feed, each edit applied once or shown. Fewer seeds than SQLite's
// 200 (each opens databases on the test server); `BOUSSOLE_FUZZ_PG_SEEDS` runs more.
import { describe, it } from 'vitest';
import type { Fixture } from '../integration/fixtures/directory-fixture.ts';
import { runSeed } from './fuzz/run-seed.ts';
import { PostgresSyncServer } from './harness/postgres-sync-server.ts';

const count = Number(process.env.BOUSSOLE_FUZZ_PG_SEEDS ?? 6);
const seeds = Array.from({ length: count }, (_, i) => i + 1);
const start = (fixture?: Fixture) => PostgresSyncServer.start(fixture ? { fixture } : {});

describe('randomized convergence with two server instances on PostgreSQL', () => {
  it.each(seeds)(
    'seed %i: every device ends equal to the server, each acknowledged mutation applied once or shown',
    async (seed) => runSeed(seed, { start }),
    120_000,
  );
});
