// Accounts, invitations and devices of the in-memory store (contract: AccountStore in sync-store.ts); the rules of
// a code (auth/invitations.ts) run in mutation-runner.ts.
import { idleExpired } from '../auth/device-expiry.ts';
import { receivesReferrals, withReach } from '../auth/partner-reach.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { assertOpen, type MemoryState, writeRecord } from './memory-state.ts';
import type { AccountTransaction } from './store-port.ts';
import type { AccountQueries, DeviceInfo } from './sync-store.ts';

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

/** The account queries, and the sign-in half of a transaction. */
export function memoryAccounts(state: MemoryState): { queries: AccountQueries; tx: AccountTransaction } {
  const tx: AccountTransaction = {
    async invitation(codeHash) {
      return structuredClone(state.invitations.get(codeHash));
    },
    async account(id) {
      const found = state.accounts.get(id);
      return found && { account: structuredClone(found.account), disabled: found.disabled_at !== null };
    },
    async signIn({ codeHash, account, isNew, device, at }) {
      if (isNew)
        state.accounts.set(account.id, { account: structuredClone(account), disabled_at: null, created_at: at });
      const invitation = state.invitations.get(codeHash);
      if (invitation) {
        invitation.used_at ??= at;
        invitation.account_id = account.id;
      }
      state.devices.set(device.tokenHash, {
        client_id: device.clientId,
        account_id: account.id,
        label: device.label,
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
      });
      state.clients.set(device.clientId, { last: 0, gapAllowed: false });
      refreshPartnerReach(state, account.structure_id);
    },
  };

  const queries: AccountQueries = {
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
  return { queries, tx };
}
