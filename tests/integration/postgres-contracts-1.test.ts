// Every contract suite (store-contracts.ts) against the PostgreSQL store on the test server (tests/fixtures/
// postgres.ts), the first half here and the second in postgres-contracts-2.test.ts, so that the two run in parallel.
import { postgresHarness } from './fixtures/postgres-harness.ts';
import { STORE_CONTRACTS } from './store-contracts.ts';

const harness = postgresHarness();
for (const contract of STORE_CONTRACTS.slice(0, Math.ceil(STORE_CONTRACTS.length / 2))) contract('postgresql', harness);
