// Accounts, invitations, devices and the administration on PostgreSQL (contracts: AccountQueries in sync-store.ts,
// AccountTransaction in store-port.ts, AdminStore in admin-store.ts), as sqlite-accounts.ts and sqlite-admin.ts.
// Every method that writes runs in a write transaction (postgres-connection.ts), with its audit line; a partner
// account changing state rewrites its structure's `recoit_orientations` at a new seq in that transaction.
import type { ISql, Sql, TransactionSql } from 'postgres';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { idleExpired } from '../auth/device-expiry.ts';
import type { StoredInvitation } from '../auth/invitations.ts';
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
import { nextSeq, writeTransaction } from './postgres-connection.ts';
import type { PgRecordAccess } from './postgres-records.ts';
import type { AccountTransaction } from './store-port.ts';
import type { AccountQueries, AuthSession, DeviceInfo, NewInvitation } from './sync-store.ts';

interface AccountRow {
  id: string;
  nom: string;
  role: Account['role'];
  structure_id: string | null;
  equipe_id: string | null;
  communes: string[] | null;
  disabled_at: string | null;
  created_at: string;
}

/** last_seen_at is rewritten at most this often: a pull must not turn into a write on every request. */
const LAST_SEEN_RESOLUTION_MS = 10 * 60_000;

function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    nom: row.nom,
    role: row.role,
    ...(row.structure_id === null ? {} : { structure_id: row.structure_id }),
    ...(row.equipe_id === null ? {} : { equipe_id: row.equipe_id }),
    ...(row.communes === null ? {} : { communes: row.communes }),
  };
}

async function insertInvitation(db: ISql, inv: NewInvitation): Promise<void> {
  await db`
    INSERT INTO invitations (code_hash, role, nom, structure_id, equipe_id, account_id, created_by, created_at,
      expires_at, reusable)
    VALUES (${inv.codeHash}, ${inv.role}, ${inv.nom}, ${inv.structure_id ?? null}, ${inv.equipe_id ?? null},
      ${inv.account_id ?? null}, ${inv.created_by ?? null}, ${inv.created_at}, ${inv.expires_at ?? null},
      ${inv.reusable})`;
}

async function setMeta(db: ISql, key: string, value: string): Promise<void> {
  await db`INSERT INTO meta (key, value) VALUES (${key}, ${value})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
}

export function postgresAccounts(sql: Sql, rows: PgRecordAccess) {
  /** Rewrites a structure's `recoit_orientations` at the next seq when its partner accounts changed it. */
  async function refreshReach(tx: TransactionSql, structureId: string | undefined | null): Promise<void> {
    if (structureId === undefined || structureId === null) return;
    const held = await rows.record(tx, 'structure', structureId);
    if (!held) return;
    const partners = await tx<{ role: string; structure_id: string; disabled_at: string | null; signed: boolean }[]>`
      SELECT role, structure_id, disabled_at, EXISTS (SELECT 1 FROM devices d WHERE d.account_id = a.id) AS signed
      FROM accounts a WHERE role = 'partenaire' AND structure_id = ${structureId}`;
    const receives = receivesReferrals(
      structureId,
      partners.map((r) => ({
        role: r.role,
        structure_id: r.structure_id,
        disabled: r.disabled_at !== null,
        signedIn: r.signed,
      })),
    );
    const updated = withReach(held, receives);
    if (updated) await rows.write(tx, { kind: 'structure', record: updated }, await nextSeq(tx));
  }

  async function accountRow(db: ISql, id: string): Promise<AccountRow | undefined> {
    const [row] = await db<
      AccountRow[]
    >`SELECT id, nom, role, structure_id, equipe_id, communes, disabled_at, created_at
      FROM accounts WHERE id = ${id}`;
    return row;
  }

  function transaction(tx: TransactionSql): AccountTransaction {
    return {
      async invitation(codeHash) {
        const [row] = await tx<StoredInvitation[]>`
          SELECT role, nom, structure_id, equipe_id, account_id, expires_at, used_at, reusable FROM invitations
          WHERE code_hash = ${codeHash}`;
        return row;
      },
      async account(id) {
        const row = await accountRow(tx, id);
        return row && { account: accountFromRow(row), disabled: row.disabled_at !== null };
      },
      async signIn({ codeHash, account, isNew, device, at }) {
        if (isNew) {
          await tx`INSERT INTO accounts (id, nom, role, structure_id, equipe_id, created_at)
            VALUES (${account.id}, ${account.nom}, ${account.role}, ${account.structure_id ?? null},
              ${account.equipe_id ?? null}, ${at})`;
        }
        await tx`UPDATE invitations SET used_at = coalesce(used_at, ${at}), account_id = ${account.id}
          WHERE code_hash = ${codeHash}`;
        await tx`INSERT INTO devices (token_hash, client_id, account_id, label, created_at, last_seen_at)
          VALUES (${device.tokenHash}, ${device.clientId}, ${account.id}, ${device.label}, ${at}, ${at})`;
        await tx`INSERT INTO clients (client_id) VALUES (${device.clientId})`;
        await refreshReach(tx, account.structure_id);
      },
    };
  }

  type SessionRow = AccountRow & {
    client_id: string;
    last_seen_at: string;
    revoked_at: string | null;
    revoked_by: string | null;
  };
  async function session(tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await sql<SessionRow[]>`
      SELECT a.id, a.nom, a.role, a.structure_id, a.equipe_id, a.communes, a.disabled_at, a.created_at, d.client_id,
        d.last_seen_at, d.revoked_at, d.revoked_by
      FROM devices d JOIN accounts a ON a.id = d.account_id WHERE d.token_hash = ${tokenHash}`;
    return row;
  }

  const queries: AccountQueries = {
    async createInvitations(invitations, options) {
      await writeTransaction(sql, async (tx) => {
        for (const inv of invitations) await insertInvitation(tx, inv);
        for (const [key, value] of Object.entries(options?.meta ?? {})) await setMeta(tx, key, value);
      });
    },

    async authenticate(tokenHash, now, maxIdleMs): Promise<AuthSession | undefined> {
      const row = await session(tokenHash);
      if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
      if (idleExpired(row.last_seen_at, now, maxIdleMs)) return undefined;
      if (now.getTime() - Date.parse(row.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
        await sql`UPDATE devices SET last_seen_at = ${isoInstant(now)} WHERE client_id = ${row.client_id}`;
      }
      return { account: accountFromRow(row), clientId: row.client_id };
    },

    async tokenRefusal(tokenHash, now, maxIdleMs) {
      const row = await session(tokenHash);
      if (!row) return 'inconnu';
      // A device that signed itself out keeps its data: only the coordination's revocation erases it.
      if ((row.revoked_at !== null && row.revoked_by !== null) || row.disabled_at !== null) return 'revoque';
      if (row.revoked_at !== null) return 'inconnu';
      return idleExpired(row.last_seen_at, now, maxIdleMs) ? 'expire' : 'inconnu';
    },

    async revokeDevice(clientId, now) {
      const done = await sql`UPDATE devices SET revoked_at = ${isoInstant(now)}
        WHERE client_id = ${clientId} AND revoked_at IS NULL`;
      return done.count > 0;
    },

    async listDevices() {
      return sql<DeviceInfo[]>`
        SELECT d.client_id, d.account_id, a.nom, a.role, d.label, d.created_at, d.last_seen_at, d.revoked_at
        FROM devices d JOIN accounts a ON a.id = d.account_id ORDER BY d.created_at, d.client_id`;
    },
  };

  const toRecord = (row: AccountRow, devices: StoredDevice[]): AccountRecord => ({
    account: accountFromRow(row),
    created_at: row.created_at,
    disabled_at: row.disabled_at,
    devices,
  });
  const devicesOf = (db: ISql, accountId: string) =>
    db<StoredDevice[]>`SELECT client_id, label, created_at, last_seen_at, revoked_at FROM devices
      WHERE account_id = ${accountId} ORDER BY created_at, client_id`;
  const addAudit = async (db: ISql, d: AuditDraft) => {
    await db`INSERT INTO audit (at, actor_id, actor_nom, action, cible, commune)
      VALUES (${d.at}, ${d.actor_id}, ${d.actor_nom}, ${d.action}, ${d.cible}, ${d.commune})`;
  };
  const createInvited = async (db: ISql, { account, created_at, invitation }: NewInvitedAccount) => {
    await db`INSERT INTO accounts (id, nom, role, structure_id, equipe_id, communes, created_at)
      VALUES (${account.id}, ${account.nom}, ${account.role}, ${account.structure_id ?? null},
        ${account.equipe_id ?? null},
        ${account.communes === undefined ? null : JSON.stringify(account.communes)}::text::jsonb, ${created_at})`;
    await insertInvitation(db, invitation);
  };
  const voidCodes = (db: ISql, at: string, accountId: string) =>
    db`UPDATE invitations SET expires_at = ${at}
      WHERE account_id = ${accountId} AND reusable = false AND used_at IS NULL`;

  const admin: AdminStore = {
    async listAccounts() {
      const devices = await sql<(StoredDevice & { account_id: string })[]>`
        SELECT account_id, client_id, label, created_at, last_seen_at, revoked_at FROM devices
        ORDER BY created_at, client_id`;
      const byAccount = new Map<string, StoredDevice[]>();
      for (const { account_id, ...device } of devices) {
        const list = byAccount.get(account_id) ?? [];
        list.push(device);
        byAccount.set(account_id, list);
      }
      const accounts = await sql<
        AccountRow[]
      >`SELECT id, nom, role, structure_id, equipe_id, communes, disabled_at, created_at
        FROM accounts ORDER BY nom, id`;
      return accounts.map((row) => toRecord(row, byAccount.get(row.id) ?? []));
    },
    async getAccount(id) {
      return readAccount(sql, id);
    },
    async inviteAccount(input) {
      await writeTransaction(sql, async (tx) => {
        await createInvited(tx, input);
        await addAudit(tx, input.audit);
      });
    },
    async reissueInvitation(input) {
      return writeTransaction(sql, async (tx) => {
        const row = await accountRow(tx, input.accountId);
        if (!row || row.disabled_at !== null) return false;
        await voidCodes(tx, isoInstant(input.now), input.accountId);
        await insertInvitation(tx, { ...input.invitation, account_id: input.accountId });
        await addAudit(tx, input.audit);
        return true;
      });
    },
    async setAccountDisabled(input) {
      return writeTransaction(sql, async (tx) => {
        const row = await accountRow(tx, input.accountId);
        if (!row || (row.disabled_at !== null) === input.disabled) return false;
        const at = isoInstant(input.now);
        await tx`UPDATE accounts SET disabled_at = ${input.disabled ? at : null} WHERE id = ${input.accountId}`;
        if (input.disabled) {
          await tx`UPDATE devices SET revoked_at = ${at}, revoked_by = ${input.audit.actor_id}
            WHERE account_id = ${input.accountId} AND revoked_at IS NULL`;
          await voidCodes(tx, at, input.accountId);
        }
        await refreshReach(tx, row.structure_id);
        await addAudit(tx, input.audit);
        return true;
      });
    },
    async revokeDeviceAudited(input) {
      return writeTransaction(sql, async (tx) => {
        const done = await tx`UPDATE devices SET revoked_at = ${isoInstant(input.now)},
          revoked_by = ${input.audit.actor_id} WHERE client_id = ${input.clientId} AND revoked_at IS NULL`;
        if (done.count === 0) return false;
        await addAudit(tx, input.audit);
        return true;
      });
    },
    async auditTrail(limit) {
      return sql<StoredAudit[]>`SELECT seq, at, actor_id, actor_nom, action, cible, commune FROM audit
        ORDER BY seq DESC LIMIT ${limit}`;
    },
    async createClaim(c) {
      await sql`INSERT INTO claims (id, structure_id, nom, contact, etat, created_at, decided_at, account_id)
        VALUES (${c.id}, ${c.structure_id}, ${c.nom}, ${c.contact}, ${c.etat}, ${c.created_at}, ${c.decided_at},
          ${c.account_id})`;
    },
    async listClaims() {
      return sql<StoredClaim[]>`
        SELECT id, structure_id, nom, contact, etat, created_at, decided_at, account_id FROM claims
        ORDER BY created_at DESC, id DESC`;
    },
    async decideClaim(input) {
      return writeTransaction(sql, async (tx) => {
        const [claim] = await tx<{ etat: string }[]>`SELECT etat FROM claims WHERE id = ${input.id}`;
        if (claim?.etat !== 'ouverte') return false;
        if (input.accept) await createInvited(tx, input.accept);
        await tx`UPDATE claims SET etat = ${input.accept ? 'acceptee' : 'refusee'}, contact = NULL,
          decided_at = ${isoInstant(input.now)}, account_id = ${input.accept?.account.id ?? null}
          WHERE id = ${input.id}`;
        await addAudit(tx, input.audit);
        return true;
      });
    },
  };

  async function readAccount(db: ISql, id: string): Promise<AccountRecord | undefined> {
    const row = await accountRow(db, id);
    return row ? toRecord(row, [...(await devicesOf(db, id))]) : undefined;
  }

  return { queries, admin, transaction };
}
