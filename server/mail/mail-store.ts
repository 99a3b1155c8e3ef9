// What mail needs from storage, part of the DirectoryStore interface. Mail is never sent from a request: a request
// writes rows here (an outbox, and events waiting for a daily digest) and a job drains them (mailer.ts), so a slow
// or absent SMTP server never slows or fails a request, and a crash loses nothing. Every row has a `key` naming the
// event it comes from: the same event written twice (a client resending a referral whose answer it lost) is written
// once. Every method is ONE transaction; memory and SQLite pass tests/integration/mail-store.contract.ts.

import type { NotificationPreference } from '../../src/domain/notifications.ts';
import { senderScope } from '../../src/domain/referral-rules.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';

/** How an account wants its notifications: one message per event, one message a day, or none. */
export type { NotificationPreference };

/** What a notification says. No event carries anything about the person oriented. */
export const NOTIFICATION_EVENTS = ['nouvelle_orientation', 'orientation_acceptee', 'orientation_refusee'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The template of a queued message and its parameters, rendered when it is sent (templates.ts). */
export type MailContent =
  | { template: 'invitation'; params: { code: string; signInUrl: string; role: string } }
  | { template: 'notification'; params: { event: NotificationEvent } }
  | { template: 'digest'; params: { counts: Partial<Record<NotificationEvent, number>> } };

export interface NotifyInput {
  /** Names the event (referral id and status): one notification per event and account, however often written. */
  key: string;
  event: NotificationEvent;
  /**
   * Who is told: the accounts on one side of referrals (`senderScope` of src/domain/referral-rules.ts), named by
   * the scope (`structure:<id>`: a structure's partners) or by one of its accounts (`sideOf`: a worker and its
   * team). Disabled accounts and accounts without an address are skipped.
   */
  to: { scope: string } | { sideOf: string };
  /** The account that caused the event, never told of its own action. */
  except?: string;
  now: Date;
}

export interface QueueInput {
  key: string;
  to: string;
  content: MailContent;
  now: Date;
}

/** A message taken by a drain: its lease keeps other drains (another process during a restart) off it. */
export interface ClaimedMail {
  id: number;
  to: string;
  content: MailContent;
  /** Attempts so far, this one included. */
  attempts: number;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  abandoned: number;
}

export interface AccountMail {
  email: string | null;
  notifications: NotificationPreference;
}

export interface MailStore {
  /**
   * An account's address and preference. The address is the one set on the account, else the one of the
   * invitation it signed in with (`setInvitationEmail`).
   */
  accountMail(accountId: string): Promise<AccountMail | undefined>;
  /** Sets what is given; false when the account is unknown. `email: null` removes the account's own address. */
  setAccountMail(
    accountId: string,
    change: { email?: string | null; notifications?: NotificationPreference },
  ): Promise<boolean>;
  /** The address of the person an invitation is for; it becomes the account's when the code is redeemed. */
  setInvitationEmail(codeHash: string, email: string): Promise<boolean>;
  /**
   * For each account of the scope with an address: a message in the outbox (`immediate`), an event kept for the
   * digest (`daily`), or nothing (`none`). Returns how many of each were written now.
   */
  notify(input: NotifyInput): Promise<{ queued: number; digest: number }>;
  /** One message in the outbox, due now; false when its key was queued before (nothing written). */
  queueMail(input: QueueInput): Promise<boolean>;
  /**
   * Turns the digest events of days before `now`'s day (Paris) into one message per account (key
   * `digest:<account>:<day>`), and marks them digested, in one transaction. Returns the messages queued.
   */
  collectDigests(now: Date): Promise<number>;
  /**
   * Up to `limit` messages due at `now` and not leased, oldest first, each leased until `now + leaseMs` with its
   * attempt counted before it is tried (a crash during a send still counts it).
   */
  claimMail(now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]>;
  /** Sent: never tried again. Its parameters (an invitation's code) are erased. */
  mailSent(id: number, now: Date): Promise<void>;
  /** Failed: tried again from `retryAt`, or abandoned when null (parameters erased). */
  mailFailed(id: number, now: Date, retryAt: Date | null): Promise<void>;
  /** Deletes sent and abandoned messages, and digested events, older than `before`. */
  purgeMail(before: Date): Promise<number>;
  outboxCounts(): Promise<OutboxCounts>;
}

/** An account as the SQL stores read it to find who is told: the columns that decide its side, its address. */
export interface RecipientRow {
  id: string;
  role: Account['role'];
  structure_id: string | null;
  equipe_id: string | null;
  notifications: NotificationPreference;
  email: string | null;
}

/** The columns that decide an account's side of referrals. */
export type SideRow = Pick<RecipientRow, 'id' | 'role' | 'structure_id' | 'equipe_id'>;

/** The side of referrals (`senderScope`) an account row is on. */
export const sideOf = (row: SideRow): string | undefined =>
  senderScope({
    id: row.id,
    nom: '',
    role: row.role,
    ...(row.structure_id === null ? {} : { structure_id: row.structure_id }),
    ...(row.equipe_id === null ? {} : { equipe_id: row.equipe_id }),
  });

/**
 * Who of a scope's candidate accounts is told: those on that side with an address, but the author. SQL narrows
 * candidates by structure, team or id; `senderScope` stays the one definition of a side.
 */
export const recipientsIn = (rows: readonly RecipientRow[], scope: string, except: string | undefined) =>
  rows.filter((row) => row.id !== except && row.email !== null && sideOf(row) === scope);

/** The digest day of an event: the Paris date, so that a day's events are the ones a reader calls a day. */
export { parisDay as digestDay } from '../../src/domain/time/paris-time.ts';
