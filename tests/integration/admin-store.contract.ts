// The AdminStore contract (server/storage/admin-store.ts), run against every implementation by sync-store.test.ts:
// an invited account exists before its first sign-in; disabling revokes all its devices at once (they are told
// `revoque`), enabling lets a new code in; a reissued code voids the older ones; a token expires after its idle
// period; claims are decided once and lose their contact; each action writes one audit line; a partner's structure
// says whether it receives referrals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import type { AuditDraft, StoredClaim } from '../../server/storage/admin-store.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import type { NewInvitation } from '../../server/storage/sync-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { asWrites, makeDirectory } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { T0 } from './fixtures/sync-fixture.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const line = (action: AuditDraft['action'], cible: string): AuditDraft => ({
  at: T0.toISOString(),
  actor_id: 'coord',
  actor_nom: 'Claire',
  action,
  cible,
  commune: null,
});

function invitation(code: string, account: Account): NewInvitation {
  return {
    codeHash: sha256(code),
    role: account.role,
    nom: account.nom,
    ...(account.structure_id ? { structure_id: account.structure_id } : {}),
    account_id: account.id,
    created_at: T0.toISOString(),
    expires_at: at(14).toISOString(),
    reusable: false,
  };
}

export function adminStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`AdminStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    const partner: Account = { id: 'compte-p', nom: 'Paul', role: 'partenaire', structure_id: 'test--s001' };
    const coordinator: Account = { id: 'compte-c', nom: 'Vincent', role: 'coordinateur', communes: ['69266'] };
    const signIn = (code: string, n: number, now = T0) =>
      store.redeemInvitation({
        codeHash: sha256(code),
        now,
        allowReusable: false,
        newAccountId: `inutilise-${n}`,
        device: { tokenHash: sha256(`jeton-${n}`), clientId: `appareil-numero-${n}`, label: `Tablette ${n}` },
      });
    const reach = async () => (await store.getStructure('test--s001', SERVER_READER))?.structure.recoit_orientations;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert(asWrites(makeDirectory(2, 1)));
      await store.inviteAccount({
        account: partner,
        created_at: T0.toISOString(),
        invitation: invitation('CODE-P', partner),
        audit: line('invitation', 'Paul'),
      });
      await store.inviteAccount({
        account: coordinator,
        created_at: T0.toISOString(),
        invitation: invitation('CODE-C', coordinator),
        audit: line('invitation', 'Vincent'),
      });
    });
    afterEach(async () => harness.dispose());

    it('lists an invited account before its first sign-in, then with its device; keeps a territory', async () => {
      expect((await store.getAccount('compte-p'))?.devices).toEqual([]);
      expect(await signIn('CODE-C', 1)).toMatchObject({ ok: true, account: coordinator });
      const listed = await store.listAccounts();
      expect(listed.map((r) => r.account.nom)).toEqual(['Paul', 'Vincent']);
      expect(listed[1]).toMatchObject({ account: coordinator, disabled_at: null, created_at: T0.toISOString() });
      expect(listed[1]?.devices).toMatchObject([
        { client_id: 'appareil-numero-1', label: 'Tablette 1', revoked_at: null },
      ]);
      expect((await store.authenticate(sha256('jeton-1'), T0))?.account).toEqual(coordinator);
    });

    it('disables an account: every device revoked at once and told so; enabling lets a new code in', async () => {
      await signIn('CODE-P', 1);
      await store.reissueInvitation({
        accountId: 'compte-p',
        invitation: invitation('CODE-P2', partner),
        now: T0,
        audit: line('nouvelle_invitation', 'Paul'),
      });
      await signIn('CODE-P2', 2);
      expect(
        await store.setAccountDisabled({
          accountId: 'compte-p',
          disabled: true,
          now: at(1),
          audit: line('desactivation', 'Paul'),
        }),
      ).toBe(true);
      expect(
        await store.setAccountDisabled({
          accountId: 'compte-p',
          disabled: true,
          now: at(1),
          audit: line('desactivation', 'Paul'),
        }),
      ).toBe(false);
      for (const n of [1, 2]) {
        expect(await store.authenticate(sha256(`jeton-${n}`), at(1))).toBeUndefined();
        expect(await store.tokenRefusal(sha256(`jeton-${n}`), at(1))).toBe('revoque');
      }
      expect(
        await store.reissueInvitation({
          accountId: 'compte-p',
          invitation: invitation('CODE-P3', partner),
          now: at(1),
          audit: line('nouvelle_invitation', 'Paul'),
        }),
      ).toBe(false);
      await store.setAccountDisabled({
        accountId: 'compte-p',
        disabled: false,
        now: at(2),
        audit: line('reactivation', 'Paul'),
      });
      await store.reissueInvitation({
        accountId: 'compte-p',
        invitation: invitation('CODE-P4', partner),
        now: at(2),
        audit: line('nouvelle_invitation', 'Paul'),
      });
      expect(await signIn('CODE-P4', 4, at(2))).toMatchObject({ ok: true, account: { id: 'compte-p' } });
      // The tokens revoked by the disabling stay revoked.
      expect(await store.authenticate(sha256('jeton-1'), at(2))).toBeUndefined();
    });

    it('voids the older codes of an account when a new one is issued', async () => {
      await store.reissueInvitation({
        accountId: 'compte-p',
        invitation: invitation('CODE-P2', partner),
        now: T0,
        audit: line('nouvelle_invitation', 'Paul'),
      });
      expect(await signIn('CODE-P', 1)).toEqual({ ok: false, reason: 'expiree' });
      expect(await signIn('CODE-P2', 2)).toMatchObject({ ok: true });
    });

    it('revokes one device with its audit line; a device signed out by itself is not `revoque`', async () => {
      await signIn('CODE-C', 1);
      await store.reissueInvitation({
        accountId: 'compte-c',
        invitation: invitation('CODE-C2', coordinator),
        now: T0,
        audit: line('nouvelle_invitation', 'Vincent'),
      });
      await signIn('CODE-C2', 2);
      expect(
        await store.revokeDeviceAudited({
          clientId: 'appareil-numero-1',
          now: T0,
          audit: line('revocation_appareil', 'Vincent'),
        }),
      ).toBe(true);
      expect(
        await store.revokeDeviceAudited({
          clientId: 'appareil-numero-1',
          now: T0,
          audit: line('revocation_appareil', 'Vincent'),
        }),
      ).toBe(false);
      expect(await store.tokenRefusal(sha256('jeton-1'), T0)).toBe('revoque');
      await store.revokeDevice('appareil-numero-2', T0);
      expect(await store.tokenRefusal(sha256('jeton-2'), T0)).toBe('inconnu');
      expect(await store.tokenRefusal(sha256('jeton-inconnu'), T0)).toBe('inconnu');
    });

    it('expires a token unused for longer than the idle period, renewed by each use', async () => {
      await signIn('CODE-C', 1);
      const idle = 90 * DAY;
      expect(await store.authenticate(sha256('jeton-1'), at(80), idle)).toBeDefined();
      expect(await store.authenticate(sha256('jeton-1'), at(160), idle)).toBeDefined();
      expect(await store.authenticate(sha256('jeton-1'), at(251), idle)).toBeUndefined();
      expect(await store.tokenRefusal(sha256('jeton-1'), at(251), idle)).toBe('expire');
      // Without an idle period (the store's default), it never expires.
      expect(await store.authenticate(sha256('jeton-1'), at(251))).toBeDefined();
    });

    it('writes one audit line per action, newest first, and none for an action that did nothing', async () => {
      await store.setAccountDisabled({
        accountId: 'inconnu',
        disabled: true,
        now: T0,
        audit: line('desactivation', 'X'),
      });
      await store.setAccountDisabled({
        accountId: 'compte-p',
        disabled: true,
        now: T0,
        audit: line('desactivation', 'Paul'),
      });
      const trail = await store.auditTrail(10);
      expect(trail.map((l) => [l.action, l.cible])).toEqual([
        ['desactivation', 'Paul'],
        ['invitation', 'Vincent'],
        ['invitation', 'Paul'],
      ]);
      expect(trail[0]).toMatchObject({ actor_id: 'coord', actor_nom: 'Claire', commune: null });
      expect(await store.auditTrail(1)).toHaveLength(1);
    });

    it('decides a claim once, erasing its contact; accepting writes the partner account', async () => {
      const claim: StoredClaim = {
        id: 'demande-1',
        structure_id: 'test--s002',
        nom: 'Gérante',
        contact: '04 72 00 00 00',
        etat: 'ouverte',
        created_at: T0.toISOString(),
        decided_at: null,
        account_id: null,
      };
      await store.createClaim(claim);
      expect(await store.listClaims()).toEqual([claim]);
      const account: Account = { id: 'compte-g', nom: 'Gérante', role: 'partenaire', structure_id: 'test--s002' };
      const accept = { account, created_at: T0.toISOString(), invitation: invitation('CODE-G', account) };
      expect(
        await store.decideClaim({ id: 'demande-1', accept, now: at(1), audit: line('demande_acceptee', 'S2') }),
      ).toBe(true);
      expect(await store.decideClaim({ id: 'demande-1', now: at(1), audit: line('demande_refusee', 'S2') })).toBe(
        false,
      );
      expect(await store.listClaims()).toEqual([
        { ...claim, etat: 'acceptee', contact: null, decided_at: at(1).toISOString(), account_id: 'compte-g' },
      ]);
      expect(await signIn('CODE-G', 5)).toMatchObject({ ok: true, account });
    });

    it('marks a structure as receiving referrals once its partner signed in, and no longer when disabled', async () => {
      expect(await reach()).toBeUndefined();
      const before = (await store.feedHead()).lastSeq;
      await signIn('CODE-P', 1);
      expect(await reach()).toBe(true);
      // Rewritten at a new seq, so that devices receive the flag.
      expect((await store.feedHead()).lastSeq).toBe(before + 1);
      await store.setAccountDisabled({
        accountId: 'compte-p',
        disabled: true,
        now: T0,
        audit: line('desactivation', 'Paul'),
      });
      expect(await reach()).toBe(false);
    });
  });
}
