// The life of a referral, as pure functions the server's stores run inside their transactions and the device
// runs for display and for erasing its own copies. Who may move a referral where:
//
// - the receiving partner (a partner account of the referral's structure): envoyée → reçue, acceptée or refusée
//   (with a reason); reçue → acceptée or refusée. Accepted and refused are answers, and final;
// - the sending team (the sending account's structure for a partner, its team for a worker — the account itself
//   for a worker without team): envoyée or reçue → annulée;
// - the server alone: envoyée or reçue → expirée, `expiration_jours` after sending without an answer;
// - nobody else: coordinators see counts, never a referral.
//
// `rappel_jours` after sending without an answer, the sending team is reminded to follow up. Once a referral is
// closed (final status), its personal fields are erased after `conservation_jours`, leaving an anonymous record
// (partner, service, statuses, dates, reason) for statistics.
import type { Appointment, Referral, ReferralPolicy, ReferralStatus, StatusChange } from './referral.ts';
import type { Account } from './sync-protocol.ts';
import { DAY_MS, parisDay } from './time/paris-time.ts';
import type { Problem } from './validation.ts';

export type StoredReferral = Omit<Referral, 'seq'>;
export type Side = 'destinataire' | 'envoyeur';

/**
 * The team a sender belongs to, stored with each referral when it is sent: a partner's structure, a worker's team
 * (`equipe_id`: the workers of one MDM or association see each other's referrals), else the account alone. A
 * worker's team is its own scope, not the structure's: a partner account of that structure is not in it.
 */
export function senderScope(account: Account): string {
  if (account.role === 'partenaire' && account.structure_id) return `structure:${account.structure_id}`;
  if (account.role === 'travailleur' && account.equipe_id) return `equipe:${account.equipe_id}`;
  return `compte:${account.id}`;
}

export function maySend(account: Account): boolean {
  return account.role === 'travailleur' || account.role === 'partenaire';
}

/** How `account` relates to a referral; empty means it may not even know the referral exists. */
export function sidesOf(account: Account, referral: { structure_id: string; sender_scope: string }): Side[] {
  const sides: Side[] = [];
  if (account.role === 'partenaire' && account.structure_id === referral.structure_id) sides.push('destinataire');
  if (maySend(account) && senderScope(account) === referral.sender_scope) sides.push('envoyeur');
  return sides;
}

const MOVES: Record<Side, Partial<Record<ReferralStatus, readonly ReferralStatus[]>>> = {
  destinataire: { envoyee: ['recue', 'acceptee', 'refusee'], recue: ['acceptee', 'refusee'] },
  envoyeur: { envoyee: ['annulee'], recue: ['annulee'] },
};

export const FINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(['acceptee', 'refusee', 'annulee', 'expiree']);
const OPEN_STATUSES: ReadonlySet<ReferralStatus> = new Set(['envoyee', 'recue']);

/** Why this change is refused (a French sentence without personal data), or undefined when allowed. */
export function transitionProblem(
  from: ReferralStatus,
  to: ReferralStatus,
  sides: readonly Side[],
): string | undefined {
  if (sides.some((side) => MOVES[side][from]?.includes(to))) return undefined;
  if (FINAL_STATUSES.has(from)) return 'Cette orientation est close : son statut ne change plus.';
  if (to === 'annulee') return 'Seule l’équipe qui a envoyé l’orientation peut l’annuler.';
  return 'Seul le partenaire destinataire peut répondre à cette orientation.';
}

/** The referral after an allowed change, at the server's `now`. */
export function applyStatus<R extends StoredReferral>(
  referral: R,
  change: StatusChange,
  by: { nom: string; role: Account['role'] },
  now: Date,
): R {
  const at = now.toISOString();
  const step = {
    statut: change.statut,
    at,
    par: by,
    ...(change.motif ? { motif: change.motif } : {}),
    ...(change.note ? { note: change.note } : {}),
  };
  const { motif: _previous, rendez_vous: _appointment, ...rest } = referral;
  return {
    ...rest,
    statut: change.statut,
    ...(change.motif ? { motif: change.motif } : {}),
    ...(change.rendez_vous ? { rendez_vous: change.rendez_vous } : {}),
    historique: [...referral.historique, step],
    ...(FINAL_STATUSES.has(change.statut) ? { cloturee_le: at } : {}),
  } as R;
}

const APPOINTMENT_HORIZON_DAYS = 366;

/**
 * Why an appointment's day cannot be right: before `earliest` (`YYYY-MM-DD`), or more than a year after `now`.
 * The device passes today (a typing slip); the server, which never trusts the device's clock and may receive an
 * answer given offline days ago, passes the day the referral was sent. Paths are the change's.
 */
export function appointmentProblems(appointment: Appointment, earliest: string, now: Date): Problem[] {
  const latest = parisDay(now.getTime() + APPOINTMENT_HORIZON_DAYS * DAY_MS);
  if (appointment.date < earliest) {
    return [{ path: 'rendez_vous.date', message: 'Le rendez-vous ne peut pas être fixé à une date passée' }];
  }
  if (appointment.date > latest) {
    return [{ path: 'rendez_vous.date', message: 'Le rendez-vous est à fixer dans l’année qui vient' }];
  }
  return [];
}

export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** Sent, unanswered for `rappel_jours` or more: the sending team should follow up. */
export function needsReminder(referral: StoredReferral, now: Date, policy: ReferralPolicy): boolean {
  return OPEN_STATUSES.has(referral.statut) && daysSince(referral.envoyee_le, now) >= policy.rappel_jours;
}

export function isDueForExpiry(referral: StoredReferral, now: Date, policy: ReferralPolicy): boolean {
  return OPEN_STATUSES.has(referral.statut) && daysSince(referral.envoyee_le, now) >= policy.expiration_jours;
}

export function expire<R extends StoredReferral>(referral: R, now: Date): R {
  const at = now.toISOString();
  return {
    ...referral,
    statut: 'expiree',
    historique: [...referral.historique, { statut: 'expiree', at }],
    cloturee_le: at,
  };
}

export function isDueForErasure(referral: StoredReferral, now: Date, policy: ReferralPolicy): boolean {
  return (
    referral.cloturee_le !== undefined &&
    referral.effacee_le === undefined &&
    daysSince(referral.cloturee_le, now) >= policy.conservation_jours
  );
}

/** The anonymous record left after the retention period: no answers, message, representative, notes nor appointment. */
export function erasePersonalFields<R extends StoredReferral>(referral: R, now: Date): R {
  const { message: _message, rendez_vous: _appointment, consentement, historique, ...rest } = referral;
  const { representant_nom: _name, ...consent } = consentement;
  return {
    ...rest,
    reponses: {},
    consentement: consent,
    historique: historique.map(({ note: _note, ...step }) => step),
    effacee_le: now.toISOString(),
  } as unknown as R;
}
