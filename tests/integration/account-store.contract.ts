// The AccountStore contract (server/storage/sync-store.ts), run against every implementation by
// sync-store.test.ts: invitations are single-use unless reusable (demo), expire, and become revocable devices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import type { RedeemInput } from '../../server/storage/sync-store.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { T0 } from './fixtures/sync-fixture.ts';

const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function redeem(code: string, n: number, overrides: Partial<RedeemInput> = {}): RedeemInput {
  return {
    codeHash: sha256(code),
    now: T0,
    allowReusable: false,
    newAccountId: `compte-${n}`,
    device: { tokenHash: sha256(`jeton-${n}`), clientId: `appareil-numero-${n}`, label: `Tablette ${n}` },
    ...overrides,
  };
}

export function accountStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`AccountStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.createInvitations(
        [
          {
            codeHash: sha256('UNIQUE-1'),
            role: 'travailleur',
            nom: 'Théo',
            created_at: T0.toISOString(),
            expires_at: later(24).toISOString(),
            reusable: false,
          },
          {
            codeHash: sha256('PART-1'),
            role: 'partenaire',
            nom: 'Épicerie',
            structure_id: 'test--s001',
            created_at: T0.toISOString(),
            reusable: false,
          },
          {
            codeHash: sha256('DEMO-COORD-AAAA'),
            role: 'coordinateur',
            nom: 'Démo',
            created_at: T0.toISOString(),
            reusable: true,
          },
        ],
        { meta: { demo_codes: 'x' } },
      );
    });
    afterEach(async () => harness.dispose());

    it('redeems a single-use code once: an account with the invitation’s role and name, and a device', async () => {
      expect(await store.redeemInvitation(redeem('UNIQUE-1', 1))).toEqual({
        ok: true,
        account: { id: 'compte-1', nom: 'Théo', role: 'travailleur' },
      });
      expect(await store.redeemInvitation(redeem('UNIQUE-1', 2))).toEqual({ ok: false, reason: 'utilisee' });
      expect(await store.redeemInvitation(redeem('PART-1', 3))).toMatchObject({
        account: { role: 'partenaire', structure_id: 'test--s001' },
      });
      expect(await store.authenticate(sha256('jeton-1'), T0)).toEqual({
        account: { id: 'compte-1', nom: 'Théo', role: 'travailleur' },
        clientId: 'appareil-numero-1',
      });
      expect(await store.authenticate(sha256('jeton-2'), T0)).toBeUndefined();
      expect(await store.getMeta('demo_codes')).toBe('x');
    });

    it('gives a worker invited into a team that team (equipe_id), at sign-in, on every request and after reopening', async () => {
      await store.createInvitations([
        {
          codeHash: sha256('EQUIPE-1'),
          role: 'travailleur',
          nom: 'Inès',
          equipe_id: 'test--s002',
          created_at: T0.toISOString(),
          reusable: false,
        },
      ]);
      const inTeam = { id: 'compte-7', nom: 'Inès', role: 'travailleur', equipe_id: 'test--s002' };
      expect(await store.redeemInvitation(redeem('EQUIPE-1', 7))).toEqual({ ok: true, account: inTeam });
      expect((await store.authenticate(sha256('jeton-7'), T0))?.account).toEqual(inTeam);
      // A worker invited without team keeps none.
      await store.redeemInvitation(redeem('UNIQUE-1', 8));
      expect((await store.authenticate(sha256('jeton-8'), T0))?.account).not.toHaveProperty('equipe_id');
      if (!harness.reopen) return;
      store = await harness.reopen(store);
      expect((await store.authenticate(sha256('jeton-7'), T0))?.account).toEqual(inTeam);
    });

    it('refuses an unknown code and an expired one, creating nothing', async () => {
      expect(await store.redeemInvitation(redeem('INCONNU-1', 1))).toEqual({ ok: false, reason: 'inconnue' });
      expect(await store.redeemInvitation(redeem('UNIQUE-1', 2, { now: later(25) }))).toEqual({
        ok: false,
        reason: 'expiree',
      });
      expect(await store.listDevices()).toEqual([]);
    });

    it('lets a reusable (demo) code sign in many devices as one account, only where demo codes are allowed', async () => {
      expect(await store.redeemInvitation(redeem('DEMO-COORD-AAAA', 1))).toEqual({ ok: false, reason: 'demo-refusee' });
      const first = await store.redeemInvitation(redeem('DEMO-COORD-AAAA', 2, { allowReusable: true }));
      const second = await store.redeemInvitation(redeem('DEMO-COORD-AAAA', 3, { allowReusable: true }));
      expect(first).toMatchObject({ ok: true, account: { id: 'compte-2', role: 'coordinateur' } });
      expect(second).toEqual(first);
      expect((await store.listDevices()).map((d) => [d.client_id, d.account_id])).toEqual([
        ['appareil-numero-2', 'compte-2'],
        ['appareil-numero-3', 'compte-2'],
      ]);
    });

    it('revokes a device: its token stops working, the others keep theirs', async () => {
      await store.redeemInvitation(redeem('DEMO-COORD-AAAA', 1, { allowReusable: true }));
      await store.redeemInvitation(redeem('DEMO-COORD-AAAA', 2, { allowReusable: true }));
      expect(await store.revokeDevice('appareil-numero-1', later(1))).toBe(true);
      expect(await store.revokeDevice('appareil-numero-1', later(2))).toBe(false);
      expect(await store.revokeDevice('appareil-inconnu', later(2))).toBe(false);
      expect(await store.authenticate(sha256('jeton-1'), later(3))).toBeUndefined();
      expect(await store.authenticate(sha256('jeton-2'), later(3))).toMatchObject({ clientId: 'appareil-numero-2' });
      const devices = await store.listDevices();
      expect(devices.map((d) => [d.client_id, d.revoked_at])).toEqual([
        ['appareil-numero-1', later(1).toISOString()],
        ['appareil-numero-2', null],
      ]);
      expect(devices[0]).toMatchObject({
        nom: 'Démo',
        role: 'coordinateur',
        label: 'Tablette 1',
        created_at: T0.toISOString(),
      });
    });

    it('keeps accounts, devices and revocations across a close and reopen', async () => {
      if (!harness.reopen) return;
      await store.redeemInvitation(redeem('UNIQUE-1', 1));
      await store.redeemInvitation(redeem('PART-1', 2));
      await store.revokeDevice('appareil-numero-2', T0);
      store = await harness.reopen(store);
      expect(await store.authenticate(sha256('jeton-1'), T0)).toMatchObject({ clientId: 'appareil-numero-1' });
      expect(await store.authenticate(sha256('jeton-2'), T0)).toBeUndefined();
      expect(await store.redeemInvitation(redeem('UNIQUE-1', 3))).toEqual({ ok: false, reason: 'utilisee' });
    });
  });
}
