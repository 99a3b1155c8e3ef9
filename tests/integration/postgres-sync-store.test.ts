// The sync, account, administration and record kind contracts against the PostgreSQL store, on the test server
// (tests/fixtures/postgres.ts): the same suites as memory and SQLite (sync-store.test.ts).
import { accountStoreContract } from './account-store.contract.ts';
import { actionStoreContract } from './action-store.contract.ts';
import { adminStoreContract } from './admin-store.contract.ts';
import { campagneStoreContract } from './campagne-store.contract.ts';
import { feedHeadContract } from './feed-head.contract.ts';
import { postgresHarness } from './fixtures/postgres-harness.ts';
import { resendStoreContract } from './resend-store.contract.ts';
import { signalementStoreContract } from './signalement-store.contract.ts';
import { syncStoreContract } from './sync-store.contract.ts';

const harness = postgresHarness();
accountStoreContract('postgresql', harness);
adminStoreContract('postgresql', harness);
syncStoreContract('postgresql', harness);
resendStoreContract('postgresql', harness);
feedHeadContract('postgresql', harness);
actionStoreContract('postgresql', harness);
signalementStoreContract('postgresql', harness);
campagneStoreContract('postgresql', harness);
