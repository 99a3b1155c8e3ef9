// The directory, import, referral, orientation event and mail contracts against the PostgreSQL store, on the test
// server (tests/fixtures/postgres.ts): the same suites as memory and SQLite (directory-store.test.ts and others).
import { directoryStoreContract } from './directory-store.contract.ts';
import { postgresHarness } from './fixtures/postgres-harness.ts';
import { importStoreContract } from './import-store.contract.ts';
import { mailStoreContract } from './mail-store.contract.ts';
import { orientationEventStoreContract } from './orientation-event-store.contract.ts';
import { referralStoreContract } from './referral-store.contract.ts';

const harness = postgresHarness();
directoryStoreContract('postgresql', harness);
importStoreContract('postgresql', harness);
referralStoreContract('postgresql', harness);
orientationEventStoreContract('postgresql', harness);
mailStoreContract('postgresql', harness);
