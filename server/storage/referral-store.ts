// What referrals need from storage (docs/sync-protocol.md, "Referrals"), part of the DirectoryStore interface.
// Referrals have their own sequence, separate from the directory's: they never appear in the directory feed, and
// each reader's referral feed only holds the referrals of its side (sending team or receiving partner). Every
// method is ONE transaction; the decisions are pure (src/domain/referral-rules.ts, server/referrals/decide.ts) and
// run for every store by mutation-runner.ts; all stores pass tests/integration/referral-store.contract.ts.
import type { Referral, ReferralPolicy } from '../../src/domain/referral.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import type { Problem } from '../../src/domain/validation.ts';
import type { SendInput, StatusInput } from '../referrals/decide.ts';
import type { ReferralFact } from './orientation-event-store.ts';

export type { SendInput, StatusInput };

export type SendOutcome =
  /** Stored now (`created`), or the same content under the same id already was (`replayed`): the same answer. */
  | { kind: 'created' | 'replayed'; referral: Referral }
  /** The id is taken by another content: refused, nothing stored but the flag (a count of such attempts). */
  | { kind: 'reused' }
  | { kind: 'unknown-service' }
  /** No active partner account would read it (no silent queue): refused, nothing stored. */
  | { kind: 'unreachable' };

export type StatusOutcome =
  | { kind: 'changed' | 'replayed'; referral: Referral }
  /** Unknown, or not on this account's side: the same answer, so that nobody learns a referral exists. */
  | { kind: 'not-found' }
  /** Not allowed from the current status for this side; a French sentence without personal data. */
  | { kind: 'refused'; message: string }
  /** The change does not hold (an appointment's day before the referral was sent…); paths are the change's. */
  | { kind: 'invalid'; problems: Problem[] }
  /** The change id was used before for another change. */
  | { kind: 'reused' };

export interface ReferralFeedQuery {
  account: Account;
  cursor: number;
  limit: number;
}

export interface ReferralFeed {
  referrals: Referral[];
  /** Seq of the last referral returned, or the cursor asked: the cursor of the next call. */
  cursor: number;
  hasMore: boolean;
}

/** Anonymous counts for coordinators: never an answer, a name or a message. */
export interface ReferralCounts {
  total: number;
  par_statut: Record<string, number>;
  par_motif: Record<string, number>;
  effacees: number;
  /** Attempts to send another content under a used id (flagged for the administrator). */
  identifiants_reutilises: number;
}

/** The referral queries a store answers itself (store-port.ts). */
export interface ReferralQueries {
  /** Referrals of this account's sides changed after `cursor`, in seq order. */
  referralFeed(query: ReferralFeedQuery): Promise<ReferralFeed>;
  /**
   * Counts of every referral, or of those sent to `structures` only (a coordinator's territory). Reused ids are
   * counted store-wide either way.
   */
  referralCounts(structures?: readonly string[]): Promise<ReferralCounts>;
  /** Every referral as anonymous facts (team, dates, status, reason), for the pilot's evaluation. */
  referralFacts(): Promise<ReferralFact[]>;
}

/** Referrals as the routes see them: the queries, and the decisions the runner (mutation-runner.ts) takes. */
export interface ReferralStore extends ReferralQueries {
  sendReferral(input: SendInput): Promise<SendOutcome>;
  changeReferralStatus(input: StatusInput): Promise<StatusOutcome>;
  /**
   * Expires unanswered referrals and erases the personal fields of those closed for longer than the retention
   * period, at the server's `now`; each changed referral takes a new seq so that devices receive the change.
   */
  sweepReferrals(now: Date, policy: ReferralPolicy): Promise<{ expired: number; erased: number }>;
}
