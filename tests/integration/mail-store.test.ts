// Runs the mail contract against every implementation: memory, SQLite in memory, SQLite on a file.
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { mailStoreContract } from './mail-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) mailStoreContract(name, harness);
