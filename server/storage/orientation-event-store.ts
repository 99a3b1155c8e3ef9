// What the statistics need from storage, part of the DirectoryStore interface: the anonymous orientation events
// (src/domain/orientation-event.ts; register: docs/orientation-events.md), and anonymous facts about referrals and
// accounts' teams for the pilot's evaluation. Nothing here names a person: an event is stored with the team that
// sent it (never the account), and a referral fact holds dates, a status and a reason code. Every implementation
// passes tests/integration/orientation-event-store.contract.ts.
import type { OrientationEvent } from '../../src/domain/orientation-event.ts';

export interface StoredOrientationEvent {
  event: OrientationEvent;
  /** The sending team: a worker's team (equipe_id) or a partner's structure; null for a worker without a team. */
  equipe_id: string | null;
}

export interface ReferralFact {
  /** The sending team, as for events (a worker without a team: null). */
  equipe_id: string | null;
  /** Server clock. */
  envoyee_le: string;
  statut: string;
  motif: string | null;
  /** The receiving partner's first answer (received, accepted or refused), server clock. */
  repondue_le: string | null;
}

export interface OrientationEventStore {
  /**
   * Stores the events in ONE transaction, keyed by their id: an id already stored is replaced (one orientation,
   * one event, whatever the device sent last). Returns how many were written.
   */
  recordOrientationEvents(events: readonly OrientationEvent[], equipeId: string | null): Promise<number>;
  orientationEvents(): Promise<StoredOrientationEvent[]>;
  /** Deletes the events of ISO weeks before `week` (`YYYY-Www`); returns how many went. */
  purgeOrientationEvents(week: string): Promise<number>;
  /** Each account's team (equipe_id, or a partner's structure), for what accounts wrote (reports). */
  accountTeams(): Promise<Map<string, string>>;
}

/** The team an account acts for in the statistics. */
export function teamOf(account: { role: string; equipe_id?: string | undefined; structure_id?: string | undefined }) {
  if (account.role === 'partenaire') return account.structure_id ?? null;
  return account.equipe_id ?? null;
}

/** The team of a referral's sending side (referral-rules.ts `senderScope`): a team or a partner, never an account. */
export function teamOfScope(scope: string): string | null {
  const [kind, id] = scope.split(/:(.*)/s);
  return kind === 'equipe' || kind === 'structure' ? (id ?? null) : null;
}

/** Anonymous facts of a referral, for the evaluation. */
export function referralFact(
  scope: string,
  referral: {
    envoyee_le: string;
    statut: string;
    motif?: string | undefined;
    historique: readonly { statut: string; at: string }[];
  },
): ReferralFact {
  return {
    equipe_id: teamOfScope(scope),
    envoyee_le: referral.envoyee_le,
    statut: referral.statut,
    motif: referral.motif ?? null,
    repondue_le: firstAnswer(referral.historique),
  };
}

/** A referral's first answer by the receiving partner (server clock), from its history. */
export function firstAnswer(historique: readonly { statut: string; at: string }[]): string | null {
  return historique.find((h) => h.statut === 'recue' || h.statut === 'acceptee' || h.statut === 'refusee')?.at ?? null;
}
