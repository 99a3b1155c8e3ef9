// The MailStore contract (server/mail/mail-store.ts), run against every implementation by mail-store.test.ts:
// addresses from the account or its invitation, one notification per event and account, preferences, leases and
// retries, digests grouped per account and day, and an outbox that outlives a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import type { NotifyInput } from '../../server/mail/mail-store.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LEASE = 120_000;

type Who = Pick<Account, 'role' | 'nom'> & { structure_id?: string; equipe_id?: string; email?: string };

export function mailStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`MailStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let n = 0;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
    });
    afterEach(async () => harness.dispose());

    /** An account as an invitation makes it, with the invitation's address when given. */
    const enrol = async ({ email, ...who }: Who): Promise<string> => {
      const code = `MAIL-${++n}`;
      await store.createInvitations([
        { ...who, codeHash: sha256(code), created_at: T0.toISOString(), reusable: false },
      ]);
      if (email) expect(await store.setInvitationEmail(sha256(code), email)).toBe(true);
      const id = `acc-mail-${n}`;
      const redeemed = await store.redeemInvitation({
        codeHash: sha256(code),
        now: T0,
        allowReusable: false,
        newAccountId: id,
        device: { tokenHash: sha256(`token-${n}`), clientId: `client-mail-${String(n).padStart(8, '0')}`, label: 'x' },
      });
      expect(redeemed.ok).toBe(true);
      return id;
    };
    const newReferral = (key: string, structure = 'test--s001', except?: string): NotifyInput => ({
      key,
      event: 'nouvelle_orientation',
      to: { scope: `structure:${structure}` },
      ...(except ? { except } : {}),
      now: T0,
    });
    const recipients = async (now = T0) => (await store.claimMail(now, 100, LEASE)).map((m) => m.to).sort();

    it('gives an account the address of its invitation until one is set on the account; immediate by default', async () => {
      const id = await enrol({ role: 'travailleur', nom: 'Wendy', email: 'wendy@mdm.example' });
      expect(await store.accountMail(id)).toEqual({ email: 'wendy@mdm.example', notifications: 'immediate' });
      expect(await store.setAccountMail(id, { email: 'w.new@mdm.example', notifications: 'daily' })).toBe(true);
      expect(await store.accountMail(id)).toEqual({ email: 'w.new@mdm.example', notifications: 'daily' });
      expect(await store.setAccountMail('acc-unknown', { email: 'x@y.fr' })).toBe(false);
      expect(await store.accountMail('acc-unknown')).toBeUndefined();
      expect(await store.setInvitationEmail(sha256('NO-SUCH-CODE'), 'x@y.fr')).toBe(false);
      const silent = await enrol({ role: 'travailleur', nom: 'Sans adresse' });
      expect(await store.accountMail(silent)).toEqual({ email: null, notifications: 'immediate' });
    });

    it('tells each partner of the structure once per event, skipping accounts without address and the author', async () => {
      await enrol({ role: 'partenaire', nom: 'Épicerie A', structure_id: 'test--s001', email: 'a@epicerie.example' });
      await enrol({ role: 'partenaire', nom: 'Épicerie B', structure_id: 'test--s001', email: 'b@epicerie.example' });
      await enrol({ role: 'partenaire', nom: 'Épicerie sans adresse', structure_id: 'test--s001' });
      await enrol({ role: 'partenaire', nom: 'Autre', structure_id: 'test--s002', email: 'autre@asso.example' });
      await enrol({ role: 'travailleur', nom: 'Équipe', equipe_id: 'test--s001', email: 'equipe@mdm.example' });
      expect(await store.notify(newReferral('orientation:r1:envoyee'))).toEqual({ queued: 2, digest: 0 });
      expect(await store.notify(newReferral('orientation:r1:envoyee'))).toEqual({ queued: 0, digest: 0 });
      const author = await enrol({ role: 'partenaire', nom: 'C', structure_id: 'test--s001', email: 'c@ep.example' });
      expect(await store.notify(newReferral('orientation:r2:envoyee', 'test--s001', author))).toEqual({
        queued: 2,
        digest: 0,
      });
      const claimed = await store.claimMail(T0, 100, LEASE);
      expect(claimed.map((m) => m.to).sort()).toEqual([
        'a@epicerie.example',
        'a@epicerie.example',
        'b@epicerie.example',
        'b@epicerie.example',
      ]);
      expect(claimed[0]?.content).toEqual({ template: 'notification', params: { event: 'nouvelle_orientation' } });
    });

    it('tells the sending side of an answer: the worker’s whole team, or the worker alone', async () => {
      const mina = await enrol({
        role: 'travailleur',
        nom: 'Mina',
        equipe_id: 'test--s003',
        email: 'mina@mdm.example',
      });
      await enrol({ role: 'travailleur', nom: 'Marc', equipe_id: 'test--s003', email: 'marc@mdm.example' });
      await enrol({ role: 'travailleur', nom: 'Alix', equipe_id: 'test--s002', email: 'alix@asso.example' });
      const solo = await enrol({ role: 'travailleur', nom: 'Solo', email: 'solo@ccas.example' });
      await enrol({ role: 'travailleur', nom: 'Autre solo', email: 'autre@ccas.example' });
      const answer = (key: string, sideOf: string): NotifyInput => ({
        key,
        event: 'orientation_acceptee',
        to: { sideOf },
        now: T0,
      });
      expect(await store.notify(answer('orientation:r1:acceptee', mina))).toEqual({ queued: 2, digest: 0 });
      expect(await store.notify(answer('orientation:r2:acceptee', solo))).toEqual({ queued: 1, digest: 0 });
      expect(await store.notify(answer('orientation:r3:acceptee', 'acc-unknown'))).toEqual({ queued: 0, digest: 0 });
      expect(await recipients()).toEqual(['marc@mdm.example', 'mina@mdm.example', 'solo@ccas.example']);
    });

    it('keeps events for a daily account and writes nothing for an account that wants none', async () => {
      const daily = await enrol({ role: 'partenaire', nom: 'D', structure_id: 'test--s001', email: 'd@ep.example' });
      const none = await enrol({ role: 'partenaire', nom: 'N', structure_id: 'test--s001', email: 'n@ep.example' });
      await store.setAccountMail(daily, { notifications: 'daily' });
      await store.setAccountMail(none, { notifications: 'none' });
      expect(await store.notify(newReferral('orientation:r1:envoyee'))).toEqual({ queued: 0, digest: 1 });
      expect(await store.notify(newReferral('orientation:r1:envoyee'))).toEqual({ queued: 0, digest: 0 });
      expect(await store.claimMail(T0, 100, LEASE)).toEqual([]);
    });

    it('groups the events of the days before into one digest per account, once, and keeps today’s for later', async () => {
      const daily = await enrol({ role: 'partenaire', nom: 'D', structure_id: 'test--s001', email: 'd@ep.example' });
      const worker = await enrol({ role: 'travailleur', nom: 'W', email: 'w@mdm.example' });
      await store.setAccountMail(daily, { notifications: 'daily' });
      await store.setAccountMail(worker, { notifications: 'daily' });
      const day1 = new Date('2026-03-02T08:00:00Z');
      const day2 = new Date('2026-03-03T08:00:00Z');
      for (const r of ['r1', 'r2', 'r3']) await store.notify({ ...newReferral(`orientation:${r}:envoyee`), now: day1 });
      await store.notify({ key: 'k-acc', event: 'orientation_acceptee', to: { sideOf: worker }, now: day1 });
      await store.notify({ key: 'k-ref', event: 'orientation_refusee', to: { sideOf: worker }, now: day1 });
      await store.notify({ ...newReferral('orientation:r4:envoyee'), now: day2 });
      expect(await store.collectDigests(day1)).toBe(0);
      expect(await store.collectDigests(day2)).toBe(2);
      expect(await store.collectDigests(day2)).toBe(0);
      const digests = await store.claimMail(day2, 100, LEASE);
      expect(digests.map((m) => [m.to, m.content])).toEqual([
        ['d@ep.example', { template: 'digest', params: { counts: { nouvelle_orientation: 3 } } }],
        [
          'w@mdm.example',
          { template: 'digest', params: { counts: { orientation_acceptee: 1, orientation_refusee: 1 } } },
        ],
      ]);
      for (const digest of digests) await store.mailSent(digest.id, day2);
      const day3 = new Date('2026-03-04T08:00:00Z');
      expect(await store.collectDigests(day3)).toBe(1);
      expect((await store.claimMail(day3, 100, LEASE))[0]?.content).toEqual({
        template: 'digest',
        params: { counts: { nouvelle_orientation: 1 } },
      });
    });

    it('leases a claimed message, retries a failed one from its date, and never gives back a sent or abandoned one', async () => {
      const content = {
        template: 'invitation',
        params: { code: 'C-1', signInUrl: 'https://b.example/connexion', role: 'partenaire' },
      } as const;
      expect(await store.queueMail({ key: 'invitation:1', to: 'p@ep.example', content, now: T0 })).toBe(true);
      expect(await store.queueMail({ key: 'invitation:1', to: 'p@ep.example', content, now: T0 })).toBe(false);
      await store.queueMail({ key: 'invitation:2', to: 'q@ep.example', content, now: T0 });
      const [first, second] = await store.claimMail(T0, 100, LEASE);
      expect(first).toMatchObject({ to: 'p@ep.example', content, attempts: 1 });
      expect(await store.claimMail(at(1), 100, LEASE)).toEqual([]);
      if (!first || !second) throw new Error('two messages expected');
      await store.mailSent(first.id, at(1));
      await store.mailFailed(second.id, at(1), at(10));
      expect(await store.claimMail(at(5), 100, LEASE)).toEqual([]);
      const again = await store.claimMail(at(10), 100, LEASE);
      expect(again).toMatchObject([{ id: second.id, attempts: 2 }]);
      await store.mailFailed(second.id, at(11), null);
      expect(await store.claimMail(at(1000), 100, LEASE)).toEqual([]);
      expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 1, abandoned: 1 });
      // A leased message whose drain died is taken again once the lease has run out.
      await store.queueMail({ key: 'invitation:3', to: 'r@ep.example', content, now: at(20) });
      expect(await store.claimMail(at(20), 100, LEASE)).toHaveLength(1);
      expect(await store.claimMail(at(21), 100, LEASE)).toEqual([]);
      expect(await store.claimMail(at(23), 100, LEASE)).toMatchObject([{ to: 'r@ep.example', attempts: 2 }]);
      // The key of a sent message still stops a late duplicate, until the message is purged.
      expect(await store.queueMail({ key: 'invitation:1', to: 'p@ep.example', content, now: at(30) })).toBe(false);
      expect(await store.purgeMail(at(100))).toBe(2);
      expect(await store.outboxCounts()).toEqual({ pending: 1, sent: 0, abandoned: 0 });
    });

    it('keeps queued messages across a restart', async () => {
      if (!harness.reopen) return;
      await enrol({ role: 'partenaire', nom: 'A', structure_id: 'test--s001', email: 'a@ep.example' });
      await store.notify(newReferral('orientation:r1:envoyee'));
      store = await harness.reopen(store);
      expect(await recipients()).toEqual(['a@ep.example']);
    });
  });
}
