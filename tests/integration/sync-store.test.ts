// Runs the sync, account and administration contracts against every implementation: memory, SQLite in memory, SQLite on a file.
import { accountStoreContract } from './account-store.contract.ts';
import { actionStoreContract } from './action-store.contract.ts';
import { adminStoreContract } from './admin-store.contract.ts';
import { campaignStoreContract } from './campaign-store.contract.ts';
import { feedHeadContract } from './feed-head.contract.ts';
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { reportStoreContract } from './report-store.contract.ts';
import { resendStoreContract } from './resend-store.contract.ts';
import { syncStoreContract } from './sync-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) {
  accountStoreContract(name, harness);
  adminStoreContract(name, harness);
  syncStoreContract(name, harness);
  resendStoreContract(name, harness);
  feedHeadContract(name, harness);
  actionStoreContract(name, harness);
  reportStoreContract(name, harness);
  campaignStoreContract(name, harness);
}
