// Runs the DirectoryStore contract against every implementation: memory, SQLite in memory, SQLite on a file.
import { directoryStoreContract } from './directory-store.contract.ts';
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';

for (const [name, harness] of STORE_HARNESSES) directoryStoreContract(name, harness);
