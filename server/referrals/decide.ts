// What becomes of a referral request, decided from what the store holds: pure, run for every store by
// server/storage/mutation-runner.ts inside the store's transaction (the store reads, the runner decides, the store
// writes the result), and proven for each store by the contract suite.
import type { ReferralDraft, ReferralPolicy, StatusChange } from '../../src/domain/referral.ts';
import {
  applyStatus,
  appointmentProblems,
  erasePersonalFields,
  expire,
  isDueForErasure,
  isDueForExpiry,
  type StoredReferral,
  senderScope,
  sidesOf,
  transitionProblem,
} from '../../src/domain/referral-rules.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { parisDay } from '../../src/domain/time/paris-time.ts';
import type { Problem } from '../../src/domain/validation.ts';

export interface SendInput {
  draft: ReferralDraft;
  /** Fingerprint of the draft as sent (sync/json-values.ts): a resend must match it. */
  hash: string;
  sender: Account;
  /** Whether the service exists for this sender, checked by the caller; only matters for a new referral. */
  serviceKnown: boolean;
  /**
   * Whether the structure receives referrals in Boussole (`recoit_orientations`: an enabled partner account of it has
   * signed in), checked by the caller; only matters for a new referral — a resend of one already stored gets its
   * answer again even if the partner was disabled since.
   */
  partnerReceives: boolean;
  now: Date;
}

export interface StatusInput {
  referralId: string;
  change: StatusChange;
  hash: string;
  actor: Account;
  now: Date;
}

/** A referral as stored: its content, its fingerprint and the team that sent it. */
export interface ReferralRow {
  referral: StoredReferral;
  hash: string;
  sender_scope: string;
}

export function newReferral(draft: ReferralDraft, input: SendInput): ReferralRow {
  const at = input.now.toISOString();
  const { nom, role } = input.sender;
  return {
    hash: input.hash,
    sender_scope: senderScope(input.sender),
    referral: {
      ...draft,
      envoyeur: { account_id: input.sender.id, nom, role },
      envoyee_le: at,
      statut: 'envoyee',
      historique: [{ statut: 'envoyee', at, par: { nom, role } }],
    },
  };
}

export type SendDecision =
  | { kind: 'create'; row: ReferralRow }
  | { kind: 'replay' }
  | { kind: 'reused' }
  | { kind: 'unknown-service' }
  | { kind: 'unreachable' };

export function decideSend(existing: ReferralRow | undefined, input: SendInput): SendDecision {
  if (existing) return existing.hash === input.hash ? { kind: 'replay' } : { kind: 'reused' };
  if (!input.serviceKnown) return { kind: 'unknown-service' };
  if (!input.partnerReceives) return { kind: 'unreachable' };
  return { kind: 'create', row: newReferral(input.draft, input) };
}

export type StatusDecision =
  | { kind: 'apply'; referral: StoredReferral }
  | { kind: 'replay' }
  | { kind: 'not-found' }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'reused' };

/**
 * `previous`: what the store holds under the change's id, if anything. A replay is recognised before anything
 * else (the status has moved since the first time, the answer must not change).
 */
export function decideStatus(
  row: ReferralRow | undefined,
  previous: { referral_id: string; hash: string } | undefined,
  input: StatusInput,
): StatusDecision {
  if (
    !row ||
    sidesOf(input.actor, { structure_id: row.referral.structure_id, sender_scope: row.sender_scope }).length === 0
  ) {
    return { kind: 'not-found' };
  }
  if (previous) {
    return previous.referral_id === input.referralId && previous.hash === input.hash
      ? { kind: 'replay' }
      : { kind: 'reused' };
  }
  const sides = sidesOf(input.actor, { structure_id: row.referral.structure_id, sender_scope: row.sender_scope });
  const problem = transitionProblem(row.referral.statut, input.change.statut, sides);
  if (problem) return { kind: 'refused', message: problem };
  // An answer given offline may arrive after the appointment's day: only a day before the referral was sent, or
  // over a year away, is a slip. The server's clock and the referral's sending date decide, never the device's.
  const appointment = input.change.rendez_vous;
  const slips = appointment
    ? appointmentProblems(appointment, parisDay(Date.parse(row.referral.envoyee_le)), input.now)
    : [];
  if (slips.length > 0) return { kind: 'invalid', problems: slips };
  const by = { nom: input.actor.nom, role: input.actor.role };
  return { kind: 'apply', referral: applyStatus(row.referral, input.change, by, input.now) };
}

/** The referral after the sweep at `now` (expired, then erased when due), or undefined when nothing changes. */
export function sweepOne(referral: StoredReferral, now: Date, policy: ReferralPolicy): StoredReferral | undefined {
  let next = referral;
  if (isDueForExpiry(next, now, policy)) next = expire(next, now);
  if (isDueForErasure(next, now, policy)) next = erasePersonalFields(next, now);
  return next === referral ? undefined : next;
}

/** Dates before which a referral may need the sweep: sent before `expiry`, or closed before `erasure`. */
export function sweepCutoffs(now: Date, policy: ReferralPolicy): { expiry: string; erasure: string } {
  const day = 86_400_000;
  return {
    expiry: new Date(now.getTime() - policy.expiration_jours * day).toISOString(),
    erasure: new Date(now.getTime() - policy.conservation_jours * day).toISOString(),
  };
}
