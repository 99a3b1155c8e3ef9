// What sync and sign-in need from storage, as part of the DirectoryStore interface (directory-store.ts). Async
// like the rest, so that a PostgreSQL adapter fits; every method is atomic. The queries (`SyncQueries`,
// `AccountQueries`) are each store's, on the pure feed rules (sync/feed.ts, sync/visibility.ts); mutations, imports
// and sign-in are decided once for every store by mutation-runner.ts (sync/decide.ts, auth/invitations.ts). All
// pass the same contract suites (tests/integration/*-store.contract.ts).
import type { FeedEntry } from '../../src/domain/directory.ts';
import type { Account, HistoryEntry, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { ImportItem, ImportItemOutcome } from '../sync/decide-import.ts';
import type { Actor, ParsedMutation } from '../sync/decision.ts';
import type { ApplyOutcome, EarlierSend } from '../sync/mutation-order.ts';

export type { ApplyOutcome };

import type { Reader } from '../sync/visibility.ts';

export interface PullQuery {
  cursor: number;
  limit: number;
  reader: Reader;
  /** The asking device, for `lastMutationId`; absent for an anonymous pull. */
  clientId?: string;
  /** The protocol of the asking client: kinds it does not know are left out (sync/feed.ts); default: current. */
  protocol?: number;
}

/**
 * Where the feed stands for one device, read in one transaction: what `pull` would report without reading, and the
 * database's epoch (a page is kept for that epoch and that last seq).
 */
export interface FeedHead {
  epoch: string;
  /**
   * The store's last seq. The same query by a reader of the same class and account gives the same page as long as
   * the last seq has not moved (the HTTP layer keeps pages on that basis).
   */
  lastSeq: number;
  /** The client's last handled mutation id; null without client. */
  lastMutationId: number | null;
}

/** A page of the feed, with the head read in the same transaction. */
export interface PullResult extends FeedHead {
  /** Entries with seq > cursor in seq order, filtered for the reader (sync/feed.ts). */
  entries: FeedEntry[];
  /**
   * Seq of the last item read (an entry left out for this reader still moves it), or the requested cursor when
   * nothing was read — but never above the store's last seq: a cursor from the future (a database restored from
   * an older backup without an epoch change) comes back lower, and the client starts over.
   */
  cursor: number;
  hasMore: boolean;
  /** Live records this reader may see (of the kinds its protocol knows), for "n / N" during a first download. */
  total: number;
}

export interface ApplyInput {
  actor: Actor;
  /** Mutation id, unique per client, 1, 2, 3… */
  id: number;
  /** Fingerprint of the mutation as sent (sync/json-values.ts `mutationHash`): a retry must match it. */
  hash: string;
  parsed: ParsedMutation;
  /** The server's clock for this mutation (history, date_maj, conflicts). */
  now: Date;
  /** Where the device sent it before a re-sign-in renumbered it (sync/json-values.ts `earlierSends`). */
  sentBefore?: readonly EarlierSend[];
}

export interface ImportInput {
  /** In file order: a service may follow its structure in the same import. */
  items: readonly ImportItem[];
  /** The account id history names (SYSTEM_AUTHOR_ID for the administrator's commands). */
  author: string;
  /** The server's clock for the history lines. */
  now: Date;
}

export interface HistoryQuery {
  kind: RecordKind;
  id: string;
  limit: number;
}

export interface NewInvitation {
  /** sha-256 of the code: the code itself is shown once and never stored (demo codes live in meta). */
  codeHash: string;
  role: Account['role'];
  nom: string;
  structure_id?: string;
  /** A worker's team: a structure of the directory whose workers share their sent referrals (travailleur only). */
  equipe_id?: string;
  /** Sign in as this existing account instead of creating one (demo accounts, a second device). */
  account_id?: string;
  created_by?: string;
  created_at: string;
  /** ISO instant after which the code is refused; absent: never expires. */
  expires_at?: string;
  /** Demo codes: usable again and again, always by the same account. Refused outside demo mode. */
  reusable: boolean;
}

export interface RedeemInput {
  codeHash: string;
  now: Date;
  /** False in production: reusable (demo) codes are refused. */
  allowReusable: boolean;
  /** A new id for the account the invitation creates, when it creates one. */
  newAccountId: string;
  device: { tokenHash: string; clientId: string; label: string };
}

import type { RedeemFailure } from '../auth/invitations.ts';

export type { RedeemFailure };
export type RedeemOutcome = { ok: true; account: Account } | { ok: false; reason: RedeemFailure };

/** `revoque`: revoked device or disabled account; `expire`: unused too long; `inconnu`: never issued. */
export type TokenRefusal = 'revoque' | 'expire' | 'inconnu';

export interface AuthSession {
  account: Account;
  clientId: string;
}

export interface DeviceInfo {
  client_id: string;
  account_id: string;
  nom: string;
  role: Account['role'];
  label: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

/** The sync queries a store answers itself (store-port.ts). */
export interface SyncQueries {
  /** The feed for one reader, in one read transaction with its head (the epoch, the client's last mutation id). */
  pull(query: PullQuery): Promise<PullResult>;
  /** The last seq and the client's last mutation id (null without client), in one read transaction. */
  feedHead(clientId?: string): Promise<FeedHead>;
  /** Accepted changes of one record, newest first, with their authors' names. */
  history(query: HistoryQuery): Promise<HistoryEntry[]>;
  /**
   * Gives the database a new epoch (after restoring a backup) and lets every client's next push start above its
   * last known mutation id once (the mutations the lost database had acknowledged are gone with it).
   */
  rotateEpoch(): Promise<string>;
}

/** Sync as the routes see it: the queries, and the decisions the runner (mutation-runner.ts) takes. */
export interface SyncStore extends SyncQueries {
  /**
   * Consecutive mutations of one client, all in ONE transaction, each handled in order after the writes of those
   * before it: the stored result of an id already handled, a gap, or the decision (sync/decide.ts) applied together
   * with the stored result and the client's new last id. One outcome per mutation, up to and including the first
   * gap or unknown client (those after it are not handled). All of them are committed, or none.
   */
  applyMutations(inputs: readonly ApplyInput[]): Promise<ApplyOutcome[]>;
  /**
   * An import in ONE transaction: decideImport (sync/decide-import.ts) against the live directory, then its
   * writes, each at the next seq with a history line under `author`. Valid records are written together, the
   * others reported in the outcomes (one per item, in order); nothing is half-written.
   */
  importRecords(input: ImportInput): Promise<ImportItemOutcome[]>;
}

/** The account queries a store answers itself (store-port.ts). */
export interface AccountQueries {
  /** Writes invitations (and `meta`, e.g. the demo codes) in one transaction. */
  createInvitations(
    invitations: readonly NewInvitation[],
    options?: { meta?: Readonly<Record<string, string>> },
  ): Promise<void>;
  /**
   * The live session of a token hash; undefined when unknown, revoked, its account disabled, or unused for longer
   * than `maxIdleMs` (default: never expires). A use renews it (last_seen_at, to ten minutes).
   */
  authenticate(tokenHash: string, now: Date, maxIdleMs?: number): Promise<AuthSession | undefined>;
  /** Why `authenticate` refused a token hash: the device is told to erase its personal data when `revoque`. */
  tokenRefusal(tokenHash: string, now: Date, maxIdleMs?: number): Promise<TokenRefusal>;
  /** Revokes a device; false when the client id is unknown or already revoked. */
  revokeDevice(clientId: string, now: Date): Promise<boolean>;
  listDevices(): Promise<DeviceInfo[]>;
}

export interface AccountStore extends AccountQueries {
  /**
   * Checks the code (auth/invitations.ts) and, in one transaction, creates the account when the invitation does
   * not name one, marks a single-use code used, and registers the device (token hash, client id at last mutation 0).
   */
  redeemInvitation(input: RedeemInput): Promise<RedeemOutcome>;
}
