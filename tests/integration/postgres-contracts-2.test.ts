// Every contract suite (store-contracts.ts) against the PostgreSQL store on the test server (tests/fixtures/
// postgres.ts): the second half here, the first in postgres-contracts-1.test.ts, so that the two run in parallel.
import { postgresHarness } from './fixtures/postgres-harness.ts';
import { STORE_CONTRACTS } from './store-contracts.ts';

const harness = postgresHarness();
for (const contract of STORE_CONTRACTS.slice(Math.ceil(STORE_CONTRACTS.length / 2))) contract('postgresql', harness);
