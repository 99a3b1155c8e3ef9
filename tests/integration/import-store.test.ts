// Runs the import contract against every implementation: memory, SQLite in memory, SQLite on a file.
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { importStoreContract } from './import-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) importStoreContract(name, harness);
