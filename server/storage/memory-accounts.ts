// Accounts, invitations and devices of the in-memory store (contract: AccountStore in sync-store.ts), on the
// same rules as SQLite (auth/invitations.ts).
import { idleExpired } from '../auth/device-expiry.ts';
import { accountFromInvitation, invitationFailure } from '../auth/invitations.ts';
import { receivesReferrals, withReach } from '../auth/partner-reach.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { assertOpen, type MemoryState, writeRecord } from './memory-state.ts';
import type { AccountStore, DeviceInfo } from './sync-store.ts';

/** As in SQLite: last_seen_at is rewritten at most this often. */
const LAST_SEEN_RESOLUTION_MS = 10 * 60_000;

/** Rewrites a structure's `recoit_orientations` at a new seq when its partner accounts' state changed it. */
export function refreshPartnerReach(state: MemoryState, structureId: string | undefined): void {
  if (structureId === undefined) return;
  const held = state.structures.get(structureId)?.record;
  if (!held) return;
  const signedIn = new Set([...state.devices.values()].map((d) => d.account_id));
  const receives = receivesReferrals(
    structureId,
    [...state.accounts.values()].map(({ account, disabled_at }) => ({
      role: account.role,
      structure_id: account.structure_id,
      disabled: disabled_at !== null,
      signedIn: signedIn.has(account.id),
    })),
  );
  const updated = withReach(held, receives);
  if (updated) writeRecord(state, { kind: 'structure', record: updated });
}

export function memoryAccounts(state: MemoryState): AccountStore {
  return {
    async createInvitations(invitations, options) {
      assertOpen(state);
      // Checked before the first write: the batch is all or nothing, like the SQLite primary key.
      const hashes = new Set<string>();
      for (const inv of invitations) {
        if (state.invitations.has(inv.codeHash) || hashes.has(inv.codeHash)) throw new Error('Code déjà enregistré');
        hashes.add(inv.codeHash);
      }
      for (const inv of invitations) {
        state.invitations.set(inv.codeHash, {
          role: inv.role,
          nom: inv.nom,
          structure_id: inv.structure_id ?? null,
          equipe_id: inv.equipe_id ?? null,
          account_id: inv.account_id ?? null,
          expires_at: inv.expires_at ?? null,
          used_at: null,
          reusable: inv.reusable,
        });
      }
      for (const [key, value] of Object.entries(options?.meta ?? {})) state.meta.set(key, value);
    },

    async redeemInvitation({ codeHash, now, allowReusable, newAccountId, device }) {
      assertOpen(state);
      const invitation = state.invitations.get(codeHash);
      const failure = invitationFailure(invitation, now, allowReusable);
      if (failure || !invitation) return { ok: false, reason: failure ?? 'inconnue' };
      const at = isoInstant(now);
      let account = invitation.account_id === null ? undefined : state.accounts.get(invitation.account_id);
      if (invitation.account_id !== null && !account) return { ok: false, reason: 'inconnue' };
      if (account?.disabled_at) return { ok: false, reason: 'compte-desactive' };
      if (!account) {
        account = { account: accountFromInvitation(newAccountId, invitation), disabled_at: null, created_at: at };
        state.accounts.set(newAccountId, account);
      }
      invitation.used_at ??= at;
      invitation.account_id = account.account.id;
      state.devices.set(device.tokenHash, {
        client_id: device.clientId,
        account_id: account.account.id,
        label: device.label,
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
      });
      state.clients.set(device.clientId, { last: 0, gapAllowed: false });
      refreshPartnerReach(state, account.account.structure_id);
      return { ok: true, account: structuredClone(account.account) };
    },

    async authenticate(tokenHash, now, maxIdleMs) {
      assertOpen(state);
      const device = state.devices.get(tokenHash);
      if (!device || device.revoked_at !== null) return undefined;
      const account = state.accounts.get(device.account_id);
      if (!account || account.disabled_at !== null) return undefined;
      if (idleExpired(device.last_seen_at, now, maxIdleMs)) return undefined;
      if (now.getTime() - Date.parse(device.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
        device.last_seen_at = isoInstant(now);
      }
      return { account: structuredClone(account.account), clientId: device.client_id };
    },

    async tokenRefusal(tokenHash, now, maxIdleMs) {
      assertOpen(state);
      const device = state.devices.get(tokenHash);
      if (!device) return 'inconnu';
      const account = state.accounts.get(device.account_id);
      if ((device.revoked_at !== null && device.revoked_by) || !account || account.disabled_at !== null) {
        return 'revoque';
      }
      if (device.revoked_at !== null) return 'inconnu';
      return idleExpired(device.last_seen_at, now, maxIdleMs) ? 'expire' : 'inconnu';
    },

    async revokeDevice(clientId, now) {
      assertOpen(state);
      for (const device of state.devices.values()) {
        if (device.client_id === clientId && device.revoked_at === null) {
          device.revoked_at = isoInstant(now);
          return true;
        }
      }
      return false;
    },

    async listDevices() {
      assertOpen(state);
      return [...state.devices.values()]
        .map(({ revoked_by: _by, ...d }): DeviceInfo => {
          const account = state.accounts.get(d.account_id)?.account;
          return { ...d, nom: account?.nom ?? '', role: account?.role ?? 'travailleur' };
        })
        .sort((a, b) => (a.created_at + a.client_id < b.created_at + b.client_id ? -1 : 1));
    },
  };
}
