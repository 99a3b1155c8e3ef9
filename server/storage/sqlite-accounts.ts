// Accounts, invitations and devices in SQLite (contract: AccountStore in sync-store.ts). Secrets are stored as
// sha-256 only; the rules of a code are in auth/invitations.ts, run by mutation-runner.ts.
import type Database from 'better-sqlite3';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { idleExpired } from '../auth/device-expiry.ts';
import type { StoredInvitation } from '../auth/invitations.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type { AccountTransaction } from './store-port.ts';
import type { AccountQueries, AuthSession, DeviceInfo, NewInvitation } from './sync-store.ts';

interface AccountRow {
  id: string;
  nom: string;
  role: Account['role'];
  structure_id: string | null;
  equipe_id: string | null;
  communes: string | null;
  disabled_at: string | null;
}

/** last_seen_at is rewritten at most this often: a pull must not turn into a write on every request. */
const LAST_SEEN_RESOLUTION_MS = 10 * 60_000;

/** Writes one invitation row; the accounts and the administration stores both create invitations. */
export function invitationInserter(db: Database.Database): (inv: NewInvitation) => void {
  const insert = db.prepare(
    `INSERT INTO invitations (code_hash, role, nom, structure_id, equipe_id, account_id, created_by, created_at,
       expires_at, reusable)
     VALUES (@codeHash, @role, @nom, @structure_id, @equipe_id, @account_id, @created_by, @created_at, @expires_at,
       @reusable)`,
  );
  return (inv) => {
    insert.run({
      codeHash: inv.codeHash,
      role: inv.role,
      nom: inv.nom,
      structure_id: inv.structure_id ?? null,
      equipe_id: inv.equipe_id ?? null,
      account_id: inv.account_id ?? null,
      created_by: inv.created_by ?? null,
      created_at: inv.created_at,
      expires_at: inv.expires_at ?? null,
      reusable: inv.reusable ? 1 : 0,
    });
  };
}

export function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    nom: row.nom,
    role: row.role,
    ...(row.structure_id === null ? {} : { structure_id: row.structure_id }),
    ...(row.equipe_id === null ? {} : { equipe_id: row.equipe_id }),
    ...(row.communes === null ? {} : { communes: JSON.parse(row.communes) as string[] }),
  };
}

export function sqliteAccounts(
  db: Database.Database,
  refreshReach: (structureId: string | undefined) => void,
): { queries: AccountQueries; tx: AccountTransaction } {
  const insertInvitation = invitationInserter(db);
  const s = {
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    invitation: db.prepare<[string], Omit<StoredInvitation, 'reusable'> & { reusable: number }>(
      `SELECT role, nom, structure_id, equipe_id, account_id, expires_at, used_at, reusable FROM invitations
       WHERE code_hash = ?`,
    ),
    account: db.prepare<[string], AccountRow>(
      'SELECT id, nom, role, structure_id, equipe_id, communes, disabled_at FROM accounts WHERE id = ?',
    ),
    insertAccount: db.prepare<[string, string, string, string | null, string | null, string]>(
      'INSERT INTO accounts (id, nom, role, structure_id, equipe_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    useInvitation: db.prepare<[string, string, string]>(
      'UPDATE invitations SET used_at = coalesce(used_at, ?), account_id = ? WHERE code_hash = ?',
    ),
    insertDevice: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO devices (token_hash, client_id, account_id, label, created_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertClient: db.prepare<[string]>('INSERT INTO clients (client_id) VALUES (?)'),
    session: db.prepare<
      [string],
      AccountRow & { client_id: string; last_seen_at: string; revoked_at: string | null; revoked_by: string | null }
    >(
      `SELECT a.id, a.nom, a.role, a.structure_id, a.equipe_id, a.communes, a.disabled_at, d.client_id,
         d.last_seen_at, d.revoked_at, d.revoked_by
       FROM devices d JOIN accounts a ON a.id = d.account_id
       WHERE d.token_hash = ?`,
    ),
    seen: db.prepare<[string, string]>('UPDATE devices SET last_seen_at = ? WHERE client_id = ?'),
    revoke: db.prepare<[string, string]>(
      'UPDATE devices SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL',
    ),
    devices: db.prepare<[], DeviceInfo>(
      `SELECT d.client_id, d.account_id, a.nom, a.role, d.label, d.created_at, d.last_seen_at, d.revoked_at
       FROM devices d JOIN accounts a ON a.id = d.account_id ORDER BY d.created_at, d.client_id`,
    ),
  };

  const createTx = db.transaction((invitations: readonly NewInvitation[], meta: Readonly<Record<string, string>>) => {
    for (const inv of invitations) {
      insertInvitation(inv);
    }
    for (const [key, value] of Object.entries(meta)) s.setMeta.run(key, value);
  });

  const tx: AccountTransaction = {
    async invitation(codeHash) {
      const row = s.invitation.get(codeHash);
      return row && { ...row, reusable: row.reusable === 1 };
    },
    async account(id) {
      const row = s.account.get(id);
      return row && { account: accountFromRow(row), disabled: row.disabled_at !== null };
    },
    async signIn({ codeHash, account, isNew, device, at }) {
      if (isNew) {
        s.insertAccount.run(
          account.id,
          account.nom,
          account.role,
          account.structure_id ?? null,
          account.equipe_id ?? null,
          at,
        );
      }
      s.useInvitation.run(at, account.id, codeHash);
      s.insertDevice.run(device.tokenHash, device.clientId, account.id, device.label, at, at);
      s.insertClient.run(device.clientId);
      refreshReach(account.structure_id);
    },
  };

  const queries: AccountQueries = {
    async createInvitations(invitations, options) {
      createTx.immediate(invitations, options?.meta ?? {});
    },

    async authenticate(tokenHash, now, maxIdleMs): Promise<AuthSession | undefined> {
      const row = s.session.get(tokenHash);
      if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
      if (idleExpired(row.last_seen_at, now, maxIdleMs)) return undefined;
      if (now.getTime() - Date.parse(row.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
        s.seen.run(isoInstant(now), row.client_id);
      }
      return { account: accountFromRow(row), clientId: row.client_id };
    },

    async tokenRefusal(tokenHash, now, maxIdleMs) {
      const row = s.session.get(tokenHash);
      if (!row) return 'inconnu';
      // A device that signed itself out keeps its data: only the coordination's revocation erases it.
      if ((row.revoked_at !== null && row.revoked_by !== null) || row.disabled_at !== null) return 'revoque';
      if (row.revoked_at !== null) return 'inconnu';
      return idleExpired(row.last_seen_at, now, maxIdleMs) ? 'expire' : 'inconnu';
    },

    async revokeDevice(clientId, now) {
      return s.revoke.run(isoInstant(now), clientId).changes > 0;
    },

    async listDevices() {
      return s.devices.all();
    },
  };
  return { queries, tx };
}
