// The administration of the in-memory store (contract: AdminStore in admin-store.ts). No await between reads and
// writes: each method is atomic, audit line included.

import { isoInstant } from '../sync/server-clock.ts';
import type { AccountRecord, AdminStore, AuditDraft, NewInvitedAccount } from './admin-store.ts';
import { refreshPartnerReach } from './memory-accounts.ts';
import { assertOpen, type MemoryState } from './memory-state.ts';
import type { NewInvitation } from './sync-store.ts';

export function memoryAdmin(state: MemoryState): AdminStore {
  function record(id: string): AccountRecord | undefined {
    const held = state.accounts.get(id);
    if (!held) return undefined;
    const devices = [...state.devices.values()]
      .filter((d) => d.account_id === id)
      .map(({ client_id, label, created_at, last_seen_at, revoked_at }) => ({
        client_id,
        label,
        created_at,
        last_seen_at,
        revoked_at,
      }))
      .sort((a, b) => (a.created_at + a.client_id < b.created_at + b.client_id ? -1 : 1));
    return structuredClone({
      account: held.account,
      created_at: held.created_at,
      disabled_at: held.disabled_at,
      devices,
    });
  }

  function audit(draft: AuditDraft): void {
    state.audit.push({ ...draft, seq: state.audit.length + 1 });
  }

  function addInvitation(inv: NewInvitation): void {
    if (state.invitations.has(inv.codeHash)) throw new Error('Code déjà enregistré');
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

  function createInvited({ account, created_at, invitation }: NewInvitedAccount): void {
    if (state.accounts.has(account.id)) throw new Error('Compte déjà enregistré');
    addInvitation(invitation);
    state.accounts.set(account.id, { account: structuredClone(account), disabled_at: null, created_at });
  }

  /** Unused single-use codes of an account stop working (they expire now). */
  function voidCodes(accountId: string, now: Date): void {
    for (const inv of state.invitations.values()) {
      if (inv.account_id === accountId && !inv.reusable && inv.used_at === null) inv.expires_at = isoInstant(now);
    }
  }

  return {
    async listAccounts() {
      assertOpen(state);
      return [...state.accounts.keys()]
        .map((id) => record(id) as AccountRecord)
        .sort((a, b) =>
          a.account.nom === b.account.nom
            ? a.account.id < b.account.id
              ? -1
              : 1
            : a.account.nom < b.account.nom
              ? -1
              : 1,
        );
    },

    async getAccount(id) {
      assertOpen(state);
      return record(id);
    },

    async inviteAccount(input) {
      assertOpen(state);
      createInvited(input);
      audit(input.audit);
    },

    async reissueInvitation({ accountId, invitation, now, audit: draft }) {
      assertOpen(state);
      const held = state.accounts.get(accountId);
      if (!held || held.disabled_at !== null) return false;
      if (state.invitations.has(invitation.codeHash)) throw new Error('Code déjà enregistré');
      voidCodes(accountId, now);
      addInvitation({ ...invitation, account_id: accountId });
      audit(draft);
      return true;
    },

    async setAccountDisabled({ accountId, disabled, now, audit: draft }) {
      assertOpen(state);
      const held = state.accounts.get(accountId);
      if (!held || (held.disabled_at !== null) === disabled) return false;
      const at = isoInstant(now);
      held.disabled_at = disabled ? at : null;
      if (disabled) {
        for (const device of state.devices.values()) {
          if (device.account_id === accountId && device.revoked_at === null) {
            device.revoked_at = at;
            device.revoked_by = draft.actor_id;
          }
        }
        voidCodes(accountId, now);
      }
      refreshPartnerReach(state, held.account.structure_id);
      audit(draft);
      return true;
    },

    async revokeDeviceAudited({ clientId, now, audit: draft }) {
      assertOpen(state);
      for (const device of state.devices.values()) {
        if (device.client_id === clientId && device.revoked_at === null) {
          device.revoked_at = isoInstant(now);
          device.revoked_by = draft.actor_id;
          audit(draft);
          return true;
        }
      }
      return false;
    },

    async auditTrail(limit) {
      assertOpen(state);
      return structuredClone(state.audit.slice(-limit).reverse());
    },

    async createClaim(claim) {
      assertOpen(state);
      if (state.claims.has(claim.id)) throw new Error('Demande déjà enregistrée');
      state.claims.set(claim.id, structuredClone(claim));
    },

    async listClaims() {
      assertOpen(state);
      return structuredClone(
        [...state.claims.values()].sort((a, b) => (a.created_at + a.id > b.created_at + b.id ? -1 : 1)),
      );
    },

    async decideClaim({ id, accept, now, audit: draft }) {
      assertOpen(state);
      const claim = state.claims.get(id);
      if (claim?.etat !== 'ouverte') return false;
      if (accept) createInvited(accept);
      claim.etat = accept ? 'acceptee' : 'refusee';
      claim.contact = null;
      claim.decided_at = isoInstant(now);
      claim.account_id = accept?.account.id ?? null;
      audit(draft);
      return true;
    },
  };
}
