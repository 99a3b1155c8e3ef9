// What the coordinators' administration needs from storage (server/admin/, /api/v1/admin, `npm run admin`), part of
// the DirectoryStore interface. Every method is ONE transaction that also writes its audit line, so that no action
// happens without its trace nor a trace without its action. Contract: tests/integration/admin-store.contract.ts.
import type { ActionJournal } from '../../src/domain/admin.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import type { NewInvitation } from './sync-store.ts';

export interface StoredDevice {
  client_id: string;
  label: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface AccountRecord {
  account: Account;
  created_at: string;
  disabled_at: string | null;
  /** Every device it signed in with, revoked ones included, oldest first. */
  devices: StoredDevice[];
}

/** One line of the audit trail. Names only: no code, no token, no contact, no person oriented. */
export interface AuditDraft {
  at: string;
  actor_id: string;
  actor_nom: string;
  action: ActionJournal;
  /** The account (or, for a claim, the structure) acted upon: its name. */
  cible: string;
  /** The commune the action concerns (the target's structure or team), for coordinators of a territory. */
  commune: string | null;
}

export interface StoredAudit extends AuditDraft {
  seq: number;
}

export interface StoredClaim {
  id: string;
  structure_id: string;
  nom: string;
  /** Erased (null) when a coordinator decides. */
  contact: string | null;
  etat: 'ouverte' | 'acceptee' | 'refusee';
  created_at: string;
  decided_at: string | null;
  /** The account an accepted claim's invitation created. */
  account_id: string | null;
}

/** An account created at invitation time (state « invité » until its first sign-in) and its single-use code. */
export interface NewInvitedAccount {
  account: Account;
  created_at: string;
  /** Its `account_id` is the account's id. */
  invitation: NewInvitation;
}

export interface AdminStore {
  /** Every account with its devices, ordered by name then id. */
  listAccounts(): Promise<AccountRecord[]>;
  getAccount(id: string): Promise<AccountRecord | undefined>;
  inviteAccount(input: NewInvitedAccount & { audit: AuditDraft }): Promise<void>;
  /**
   * A new code for an existing account (a lost letter, a new tablet): its unused codes stop working. False (and
   * nothing written) when the account is unknown or disabled.
   */
  reissueInvitation(input: {
    accountId: string;
    invitation: NewInvitation;
    now: Date;
    audit: AuditDraft;
  }): Promise<boolean>;
  /**
   * Disabling revokes every device of the account at once (their tokens answer 401 on their next request) and
   * voids its unused codes; enabling lets it sign in again with a new code. A partner account changing state
   * refreshes its structure's `recoit_orientations`. False (nothing written) when unknown or already so.
   */
  setAccountDisabled(input: { accountId: string; disabled: boolean; now: Date; audit: AuditDraft }): Promise<boolean>;
  /** Revokes one device with its audit line; false (nothing written) when unknown or already revoked. */
  revokeDeviceAudited(input: { clientId: string; now: Date; audit: AuditDraft }): Promise<boolean>;
  /** The audit trail, newest first, at most `limit` lines. */
  auditTrail(limit: number): Promise<StoredAudit[]>;
  createClaim(claim: StoredClaim): Promise<void>;
  /** Claims, newest first. */
  listClaims(): Promise<StoredClaim[]>;
  /**
   * Decides an open claim: its contact is erased; accepting also writes the partner account and its invitation.
   * False (nothing written) when the claim is unknown or already decided.
   */
  decideClaim(input: { id: string; accept?: NewInvitedAccount; now: Date; audit: AuditDraft }): Promise<boolean>;
}
