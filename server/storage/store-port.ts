// The storage port: what a store implements (memory-store.ts, sqlite-store.ts, a PostgreSQL store…). A store reads
// and writes; it never decides. Every decision — the order of a client's mutations, `decide`, imports, referrals,
// invitation codes — runs once, for every store, in mutation-runner.ts, inside ONE `transaction` of the store:
// the runner reads through the transaction, decides, and hands back what to write.
//
// Transaction rules (server/README.md, « Writing a store »):
// - `transaction(fn)` runs `fn` in one database transaction that commits when its promise resolves and rolls back
//   when it rejects. It holds the write lock from its start: two transactions that read then write never
//   interleave (a mutation's decision must not be based on reads another transaction invalidates before commit).
// - Everything is awaitable so that an asynchronous driver implements the same interface; the runner awaits
//   nothing but the transaction's own methods inside `fn`, and never calls the store's other methods there.
// - The other methods are queries, each atomic on its own.
import type { Referral } from '../../src/domain/referral.ts';
import type { StoredReferral } from '../../src/domain/referral-rules.ts';
import type { Account, MutationResult } from '../../src/domain/sync-protocol.ts';
import type { StoredInvitation } from '../auth/invitations.ts';
import type { MailStore } from '../mail/mail-store.ts';
import type { ReferralRow } from '../referrals/decide.ts';
import type { HistoryAuthor, Operation, SyncView } from '../sync/decision.ts';
import type { ClientState, StoredSend } from '../sync/mutation-order.ts';
import type { AdminStore } from './admin-store.ts';
import type { DirectoryQueries } from './directory-store.ts';
import type { OrientationEventStore } from './orientation-event-store.ts';
import type { ReferralQueries } from './referral-store.ts';
import type { AccountQueries, SyncQueries } from './sync-store.ts';

/** The directory half of a transaction: what `decide` reads, and the writes it returns. */
export interface SyncTransaction {
  readonly view: SyncView;
  /** Applies a decision's operations in order, each at the next seq; history lines name `author`. */
  apply(operations: readonly Operation[], author: HistoryAuthor, now: Date): Promise<void>;
  /** A client's mutation order; undefined when the client id belongs to no device. */
  client(clientId: string): Promise<ClientState | undefined>;
  /** The answer stored for a client's mutation id, with the account of that client's device. */
  storedAnswer(clientId: string, id: number): Promise<StoredSend>;
  /** Stores the answer to a client's next mutation and makes it the client's last (no gap allowed after). */
  storeAnswer(clientId: string, id: number, hash: string, result: MutationResult): Promise<void>;
}

/** A referral as stored, with its seq in the referral feed. */
export interface StoredReferralRow extends ReferralRow {
  seq: number;
}

/** The referral half of a transaction (referrals/decide.ts decides). */
export interface ReferralTransaction {
  /** `unreadable`: a row is there that this server cannot parse; it is never overwritten. */
  referral(id: string): Promise<StoredReferralRow | 'unreadable' | undefined>;
  /** A status change already handled, by its change id. */
  referralChange(changeId: string): Promise<{ referral_id: string; hash: string } | undefined>;
  /** Writes a new referral at the next referral seq; returns it with that seq. */
  insertReferral(row: ReferralRow): Promise<Referral>;
  /** Writes a new content of a stored referral at the next referral seq; returns it with that seq. */
  updateReferral(referral: StoredReferral): Promise<Referral>;
  /** Counts an attempt to send another content under a used id. */
  flagReusedReferral(id: string): Promise<void>;
  recordReferralChange(changeId: string, referralId: string, hash: string): Promise<void>;
  /**
   * Referrals the sweep may change, in seq order: at least those sent before `expiry` and still unanswered, and those
   * closed before `erasure` and not yet erased (returning more is allowed: the sweep decides for each).
   */
  referralsToSweep(cutoffs: { expiry: string; erasure: string }): Promise<StoredReferralRow[]>;
}

/** The sign-in half of a transaction (auth/invitations.ts decides). */
export interface AccountTransaction {
  invitation(codeHash: string): Promise<StoredInvitation | undefined>;
  account(id: string): Promise<{ account: Account; disabled: boolean } | undefined>;
  /**
   * Signs in with a valid code: writes `account` when `isNew`, marks the code used (the first time) by that
   * account, registers the device (client id at last mutation 0) and refreshes its partner structure's
   * `recoit_orientations` (auth/partner-reach.ts).
   */
  signIn(input: {
    codeHash: string;
    account: Account;
    isNew: boolean;
    device: { tokenHash: string; clientId: string; label: string };
    at: string;
  }): Promise<void>;
}

export interface StoreTransaction extends SyncTransaction, ReferralTransaction, AccountTransaction {}

/** What a store implements: the transaction the runner decides in, and the queries the routes read. */
export interface StorePort
  extends DirectoryQueries,
    SyncQueries,
    AccountQueries,
    AdminStore,
    ReferralQueries,
    OrientationEventStore,
    MailStore {
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}
