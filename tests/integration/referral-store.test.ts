// Runs the referral contract against every implementation: memory, SQLite in memory, SQLite on a file.
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { referralStoreContract } from './referral-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) referralStoreContract(name, harness);
