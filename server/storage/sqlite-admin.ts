// The administration in SQLite (contract: AdminStore in admin-store.ts): each method is one transaction with its
// audit line. `refreshReach` (sqlite-store.ts) rewrites a structure's `recoit_orientations` at a new seq inside it.
import type Database from 'better-sqlite3';
import { receivesReferrals, withReach } from '../auth/partner-reach.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type {
  AccountRecord,
  AdminStore,
  AuditDraft,
  NewInvitedAccount,
  StoredAudit,
  StoredClaim,
  StoredDevice,
} from './admin-store.ts';
import { accountFromRow, invitationInserter } from './sqlite-accounts.ts';
import type { RecordAccess } from './sqlite-records.ts';
import type { NewInvitation } from './sync-store.ts';

interface AccountRow {
  id: string;
  nom: string;
  role: 'coordinateur' | 'travailleur' | 'partenaire';
  structure_id: string | null;
  equipe_id: string | null;
  communes: string | null;
  disabled_at: string | null;
  created_at: string;
}

export function sqliteAdmin(db: Database.Database, rows: RecordAccess) {
  const s = {
    accounts: db.prepare<[], AccountRow>(
      'SELECT id, nom, role, structure_id, equipe_id, communes, disabled_at, created_at FROM accounts ORDER BY nom, id',
    ),
    account: db.prepare<[string], AccountRow>(
      'SELECT id, nom, role, structure_id, equipe_id, communes, disabled_at, created_at FROM accounts WHERE id = ?',
    ),
    devices: db.prepare<[], StoredDevice & { account_id: string }>(
      `SELECT account_id, client_id, label, created_at, last_seen_at, revoked_at FROM devices
       ORDER BY created_at, client_id`,
    ),
    devicesOf: db.prepare<[string], StoredDevice>(
      `SELECT client_id, label, created_at, last_seen_at, revoked_at FROM devices WHERE account_id = ?
       ORDER BY created_at, client_id`,
    ),
    insertAccount: db.prepare(
      `INSERT INTO accounts (id, nom, role, structure_id, equipe_id, communes, created_at)
       VALUES (@id, @nom, @role, @structure_id, @equipe_id, @communes, @created_at)`,
    ),
    voidCodes: db.prepare<[string, string]>(
      'UPDATE invitations SET expires_at = ? WHERE account_id = ? AND reusable = 0 AND used_at IS NULL',
    ),
    setDisabled: db.prepare<[string | null, string]>('UPDATE accounts SET disabled_at = ? WHERE id = ?'),
    revokeAll: db.prepare<[string, string, string]>(
      'UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE account_id = ? AND revoked_at IS NULL',
    ),
    revoke: db.prepare<[string, string, string]>(
      'UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE client_id = ? AND revoked_at IS NULL',
    ),
    partnersOf: db.prepare<
      [string],
      { role: string; structure_id: string; disabled_at: string | null; signed: number }
    >(
      `SELECT role, structure_id, disabled_at, EXISTS (SELECT 1 FROM devices d WHERE d.account_id = a.id) AS signed
       FROM accounts a WHERE role = 'partenaire' AND structure_id = ?`,
    ),
    insertAudit: db.prepare(
      `INSERT INTO audit (at, actor_id, actor_nom, action, cible, commune)
       VALUES (@at, @actor_id, @actor_nom, @action, @cible, @commune)`,
    ),
    audit: db.prepare<[number], StoredAudit>(
      'SELECT seq, at, actor_id, actor_nom, action, cible, commune FROM audit ORDER BY seq DESC LIMIT ?',
    ),
    insertClaim: db.prepare(
      `INSERT INTO claims (id, structure_id, nom, contact, etat, created_at, decided_at, account_id)
       VALUES (@id, @structure_id, @nom, @contact, @etat, @created_at, @decided_at, @account_id)`,
    ),
    claims: db.prepare<[], StoredClaim>(
      `SELECT id, structure_id, nom, contact, etat, created_at, decided_at, account_id FROM claims
       ORDER BY created_at DESC, id DESC`,
    ),
    claim: db.prepare<[string], StoredClaim>(
      'SELECT id, structure_id, nom, contact, etat, created_at, decided_at, account_id FROM claims WHERE id = ?',
    ),
    decideClaim: db.prepare<[string, string, string | null, string]>(
      'UPDATE claims SET etat = ?, contact = NULL, decided_at = ?, account_id = ? WHERE id = ?',
    ),
  };

  function toRecord(row: AccountRow, devices: StoredDevice[]): AccountRecord {
    return { account: accountFromRow(row), created_at: row.created_at, disabled_at: row.disabled_at, devices };
  }

  /** Rewrites a structure's `recoit_orientations` at the next seq when its partner accounts changed it. */
  function refreshReach(structureId: string | undefined): void {
    if (structureId === undefined) return;
    const held = rows.record('structure', structureId);
    if (!held) return;
    const receives = receivesReferrals(
      structureId,
      s.partnersOf.all(structureId).map((r) => ({
        role: r.role,
        structure_id: r.structure_id,
        disabled: r.disabled_at !== null,
        signedIn: r.signed === 1,
      })),
    );
    const updated = withReach(held, receives);
    if (updated) rows.write({ kind: 'structure', record: updated }, rows.nextSeq());
  }

  const addAudit = (draft: AuditDraft) => s.insertAudit.run(draft);
  const addInvitation = invitationInserter(db);
  const createInvited = ({ account, created_at, invitation }: NewInvitedAccount) => {
    s.insertAccount.run({
      id: account.id,
      nom: account.nom,
      role: account.role,
      structure_id: account.structure_id ?? null,
      equipe_id: account.equipe_id ?? null,
      communes: account.communes === undefined ? null : JSON.stringify(account.communes),
      created_at,
    });
    addInvitation(invitation);
  };

  const inviteTx = db.transaction((input: NewInvitedAccount & { audit: AuditDraft }) => {
    createInvited(input);
    addAudit(input.audit);
  });

  const reissueTx = db.transaction(
    (input: { accountId: string; invitation: NewInvitation; now: Date; audit: AuditDraft }): boolean => {
      const row = s.account.get(input.accountId);
      if (!row || row.disabled_at !== null) return false;
      s.voidCodes.run(isoInstant(input.now), input.accountId);
      addInvitation({ ...input.invitation, account_id: input.accountId });
      addAudit(input.audit);
      return true;
    },
  );

  const disableTx = db.transaction(
    (input: { accountId: string; disabled: boolean; now: Date; audit: AuditDraft }): boolean => {
      const row = s.account.get(input.accountId);
      if (!row || (row.disabled_at !== null) === input.disabled) return false;
      const at = isoInstant(input.now);
      s.setDisabled.run(input.disabled ? at : null, input.accountId);
      if (input.disabled) {
        s.revokeAll.run(at, input.audit.actor_id, input.accountId);
        s.voidCodes.run(at, input.accountId);
      }
      refreshReach(row.structure_id ?? undefined);
      addAudit(input.audit);
      return true;
    },
  );

  const revokeTx = db.transaction((input: { clientId: string; now: Date; audit: AuditDraft }): boolean => {
    if (s.revoke.run(isoInstant(input.now), input.audit.actor_id, input.clientId).changes === 0) return false;
    addAudit(input.audit);
    return true;
  });

  const decideTx = db.transaction(
    (input: { id: string; accept?: NewInvitedAccount; now: Date; audit: AuditDraft }): boolean => {
      const claim = s.claim.get(input.id);
      if (claim?.etat !== 'ouverte') return false;
      if (input.accept) createInvited(input.accept);
      s.decideClaim.run(
        input.accept ? 'acceptee' : 'refusee',
        isoInstant(input.now),
        input.accept?.account.id ?? null,
        input.id,
      );
      addAudit(input.audit);
      return true;
    },
  );

  const store: AdminStore = {
    async listAccounts() {
      const byAccount = new Map<string, StoredDevice[]>();
      for (const { account_id, ...device } of s.devices.all()) {
        const list = byAccount.get(account_id) ?? [];
        list.push(device);
        byAccount.set(account_id, list);
      }
      return s.accounts.all().map((row) => toRecord(row, byAccount.get(row.id) ?? []));
    },
    async getAccount(id) {
      const row = s.account.get(id);
      return row ? toRecord(row, s.devicesOf.all(id)) : undefined;
    },
    async inviteAccount(input) {
      inviteTx.immediate(input);
    },
    async reissueInvitation(input) {
      return reissueTx.immediate(input);
    },
    async setAccountDisabled(input) {
      return disableTx.immediate(input);
    },
    async revokeDeviceAudited(input) {
      return revokeTx.immediate(input);
    },
    async auditTrail(limit) {
      return s.audit.all(limit);
    },
    async createClaim(claim) {
      s.insertClaim.run(claim);
    },
    async listClaims() {
      return s.claims.all();
    },
    async decideClaim(input) {
      return decideTx.immediate(input);
    },
  };
  return { store, refreshReach };
}
