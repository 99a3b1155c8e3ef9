// Every contract suite a store passes, in one list: memory and SQLite run them from the *-store.test.ts files (one
// file per area, so that they run in parallel); another store runs them all with `storeContracts`:
//
//   storeContracts('postgresql', () => harnessOf(() => openPostgresStore(url)));
//
// A store that outlives `close` (a file, a server) may give its harness a `reopen` too (store-harnesses.ts).
import { accountStoreContract } from './account-store.contract.ts';
import { actionStoreContract } from './action-store.contract.ts';
import { adminStoreContract } from './admin-store.contract.ts';
import { campaignStoreContract } from './campaign-store.contract.ts';
import { directoryStoreContract } from './directory-store.contract.ts';
import { feedHeadContract } from './feed-head.contract.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { importStoreContract } from './import-store.contract.ts';
import { mailStoreContract } from './mail-store.contract.ts';
import { orientationEventStoreContract } from './orientation-event-store.contract.ts';
import { referralStoreContract } from './referral-store.contract.ts';
import { reportStoreContract } from './report-store.contract.ts';
import { resendStoreContract } from './resend-store.contract.ts';
import { syncStoreContract } from './sync-store.contract.ts';
import { totalsStoreContract } from './totals-store.contract.ts';

export type StoreContract = (name: string, makeHarness: () => StoreHarness) => void;

export const STORE_CONTRACTS: readonly StoreContract[] = [
  directoryStoreContract,
  syncStoreContract,
  resendStoreContract,
  feedHeadContract,
  importStoreContract,
  accountStoreContract,
  adminStoreContract,
  referralStoreContract,
  orientationEventStoreContract,
  mailStoreContract,
  actionStoreContract,
  reportStoreContract,
  campaignStoreContract,
  totalsStoreContract,
];

/** Runs every contract suite against the stores `makeHarness` opens. */
export function storeContracts(name: string, makeHarness: () => StoreHarness): void {
  for (const contract of STORE_CONTRACTS) contract(name, makeHarness);
}
