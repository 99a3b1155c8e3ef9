// The ReferralStore contract (server/storage/referral-store.ts), run against every implementation by
// referral-store.test.ts: delivered once, answered by the receiving partner only, fed to each side only, expired
// and erased by the server's clock, counted anonymously.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { mutationHash } from '../../server/sync/json-values.ts';
import { DEFAULT_REFERRAL_POLICY, type ReferralDraft } from '../../src/domain/referral.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import {
  acceptWith,
  aDraft,
  COORDINATOR,
  move,
  OTHER_PARTNER,
  OTHER_TEAM_WORKER,
  OTHER_WORKER,
  PARTNER,
  PERSONAL,
  refuse,
  TEAM_COLLEAGUE,
  TEAM_WORKER,
  WORKER,
} from '../fixtures/referrals.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';

const T0 = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

export function referralStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`ReferralStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
    });
    afterEach(async () => harness.dispose());

    const send = (draft: ReferralDraft, sender: Account = WORKER, now = T0) =>
      store.sendReferral({ draft, hash: mutationHash(draft), sender, serviceKnown: true, partnerReceives: true, now });
    const change = (referralId: string, c: ReturnType<typeof move>, actor: Account, now = day(1)) =>
      store.changeReferralStatus({ referralId, change: c, hash: mutationHash(c), actor, now });
    const feed = async (account: Account, cursor = 0) =>
      (await store.referralFeed({ account, cursor, limit: 100 })).referrals;

    it('stores a referral once: an identical resend gets the first answer, nothing is stored twice', async () => {
      const draft = aDraft();
      const first = await send(draft);
      expect(first.kind).toBe('created');
      const again = await send(draft, WORKER, day(2));
      expect(again).toEqual({ ...first, kind: 'replayed' });
      expect((await feed(WORKER)).map((r) => r.id)).toEqual([draft.id]);
      expect((await store.referralCounts()).total).toBe(1);
    });

    it('lands concurrent identical sends on one referral', async () => {
      const draft = aDraft();
      const outcomes = await Promise.all([send(draft), send(draft), send(draft)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'replayed', 'replayed']);
      expect((await store.referralCounts()).total).toBe(1);
    });

    it('refuses another content under a used id, keeps the first, and flags the attempt', async () => {
      const draft = aDraft();
      await send(draft);
      const other = await send({ ...draft, message: 'Autre chose' });
      expect(other).toEqual({ kind: 'reused' });
      const [kept] = await feed(WORKER);
      expect(kept?.message).toBe(draft.message);
      expect((await store.referralCounts()).identifiants_reutilises).toBe(1);
    });

    it('refuses a new referral to an unknown service but still replays a known one', async () => {
      const draft = aDraft();
      const unknown = {
        draft,
        hash: mutationHash(draft),
        sender: WORKER,
        serviceKnown: false,
        partnerReceives: true,
        now: T0,
      };
      expect(await store.sendReferral(unknown)).toEqual({ kind: 'unknown-service' });
      await send(draft);
      expect((await store.sendReferral(unknown)).kind).toBe('replayed');
    });

    it('refuses a new referral to a partner that receives none in Boussole, stores nothing, but still replays a stored one', async () => {
      const draft = aDraft();
      const unreachable = {
        draft,
        hash: mutationHash(draft),
        sender: WORKER,
        serviceKnown: true,
        partnerReceives: false,
        now: T0,
      };
      expect(await store.sendReferral(unreachable)).toEqual({ kind: 'unreachable' });
      expect(await feed(WORKER)).toEqual([]);
      await send(draft);
      // Sent while the partner received; disabled since: the device's resend gets the same answer.
      expect((await store.sendReferral(unreachable)).kind).toBe('replayed');
    });

    it('sets what the server decides: sender, server time, status and history', async () => {
      const outcome = await send(aDraft());
      if (outcome.kind !== 'created') throw new Error(outcome.kind);
      expect(outcome.referral).toMatchObject({
        envoyeur: { account_id: WORKER.id, nom: WORKER.nom, role: 'travailleur' },
        envoyee_le: T0.toISOString(),
        statut: 'envoyee',
        historique: [{ statut: 'envoyee', at: T0.toISOString() }],
      });
    });

    it('feeds a referral to the sending team and the receiving partner only', async () => {
      const draft = aDraft();
      await send(draft);
      expect((await feed(WORKER)).map((r) => r.id)).toEqual([draft.id]);
      expect((await feed(PARTNER)).map((r) => r.id)).toEqual([draft.id]);
      expect(await feed(OTHER_PARTNER)).toEqual([]);
      expect(await feed(OTHER_WORKER)).toEqual([]);
      expect(await feed(COORDINATOR)).toEqual([]);
    });

    it('shares a team worker’s referral with the colleagues of that team only, answer and history included', async () => {
      const draft = aDraft();
      await send(draft, TEAM_WORKER);
      await change(draft.id, refuse('complet', 'Plus de place ce mois-ci'), PARTNER);
      const seen = await feed(TEAM_COLLEAGUE);
      expect(seen.map((r) => [r.id, r.statut, r.motif])).toEqual([[draft.id, 'refusee', 'complet']]);
      expect(seen[0]?.historique.map((h) => h.statut)).toEqual(['envoyee', 'refusee']);
      expect(seen[0]?.envoyeur).toMatchObject({ account_id: TEAM_WORKER.id, nom: TEAM_WORKER.nom });
      expect((await feed(TEAM_WORKER)).map((r) => r.id)).toEqual([draft.id]);
      // Another team, a worker without team, and a partner account of the team's own structure: not the team.
      const teamStructurePartner: Account = {
        id: 'acc-p3',
        nom: 'MDM',
        role: 'partenaire',
        structure_id: 'test--s003',
      };
      for (const outsider of [OTHER_TEAM_WORKER, WORKER, teamStructurePartner, COORDINATOR]) {
        expect(await feed(outsider)).toEqual([]);
      }
    });

    it('lets a colleague of the sending team cancel its referral, and nobody outside the team', async () => {
      const draft = aDraft();
      await send(draft, TEAM_WORKER);
      expect(await change(draft.id, move('annulee'), OTHER_TEAM_WORKER)).toEqual({ kind: 'not-found' });
      expect(await change(draft.id, move('annulee'), WORKER)).toEqual({ kind: 'not-found' });
      const cancelled = await change(draft.id, move('annulee'), TEAM_COLLEAGUE);
      expect(cancelled.kind === 'changed' && cancelled.referral.statut).toBe('annulee');
    });

    it('keeps a worker without team to its own referrals', async () => {
      const mine = aDraft();
      const colleague = aDraft();
      await send(mine, WORKER);
      await send(colleague, OTHER_WORKER);
      await send(aDraft(), TEAM_WORKER);
      expect((await feed(WORKER)).map((r) => r.id)).toEqual([mine.id]);
      expect((await feed(OTHER_WORKER)).map((r) => r.id)).toEqual([colleague.id]);
    });

    it('pages the feed by seq and gives a changed referral a new seq', async () => {
      const a = aDraft();
      const b = aDraft();
      await send(a);
      await send(b);
      const page = await store.referralFeed({ account: PARTNER, cursor: 0, limit: 1 });
      expect(page.referrals.map((r) => r.id)).toEqual([a.id]);
      expect(page.hasMore).toBe(true);
      const rest = await store.referralFeed({ account: PARTNER, cursor: page.cursor, limit: 10 });
      expect(rest.referrals.map((r) => r.id)).toEqual([b.id]);
      await change(a.id, move('recue'), PARTNER);
      const after = await store.referralFeed({ account: WORKER, cursor: rest.cursor, limit: 10 });
      expect(after.referrals.map((r) => [r.id, r.statut])).toEqual([[a.id, 'recue']]);
    });

    it('lets the receiving partner receive then refuse with a reason and a note, recorded in the history', async () => {
      const draft = aDraft();
      await send(draft);
      expect((await change(draft.id, move('recue'), PARTNER)).kind).toBe('changed');
      const refused = await change(draft.id, refuse('hors-criteres', 'Hors secteur'), PARTNER, day(2));
      if (refused.kind !== 'changed') throw new Error(refused.kind);
      expect(refused.referral).toMatchObject({
        statut: 'refusee',
        motif: 'hors-criteres',
        cloturee_le: day(2).toISOString(),
      });
      expect(refused.referral.historique.map((h) => h.statut)).toEqual(['envoyee', 'recue', 'refusee']);
      expect(refused.referral.historique.at(-1)).toMatchObject({ note: 'Hors secteur', par: { nom: PARTNER.nom } });
    });

    it('stores an acceptance’s appointment, keeps it across a restart, and refuses one dated before the sending', async () => {
      const draft = aDraft();
      await send(draft);
      const early = await change(draft.id, acceptWith({ date: '2026-03-01' }), PARTNER);
      expect(early).toEqual({
        kind: 'invalid',
        problems: [{ path: 'rendez_vous.date', message: expect.stringMatching(/passée/) }],
      });
      const appointment = { date: '2026-03-09', heure: '10:00', lieu: 'Accueil du CCAS' };
      const accepted = await change(draft.id, acceptWith(appointment), PARTNER);
      if (accepted.kind !== 'changed') throw new Error(accepted.kind);
      expect(accepted.referral).toMatchObject({ statut: 'acceptee', rendez_vous: appointment });
      if (harness.reopen) store = await harness.reopen(store);
      expect((await feed(WORKER))[0]?.rendez_vous).toEqual(appointment);
    });

    it('denies changes to anyone off the referral and refuses moves the workflow forbids', async () => {
      const draft = aDraft();
      await send(draft);
      expect(await change(draft.id, move('acceptee'), OTHER_PARTNER)).toEqual({ kind: 'not-found' });
      expect(await change(draft.id, move('annulee'), OTHER_WORKER)).toEqual({ kind: 'not-found' });
      expect(await change(draft.id, move('acceptee'), COORDINATOR)).toEqual({ kind: 'not-found' });
      expect((await change(draft.id, move('acceptee'), WORKER)).kind).toBe('refused');
      expect((await change(draft.id, move('annulee'), PARTNER)).kind).toBe('refused');
      expect((await change(draft.id, move('acceptee'), PARTNER)).kind).toBe('changed');
      expect((await change(draft.id, move('annulee'), WORKER)).kind).toBe('refused');
      expect(await change('ref-inconnue-0123456789', move('recue'), PARTNER)).toEqual({ kind: 'not-found' });
    });

    it('answers a resent status change as the first time, and refuses its id for another change', async () => {
      const draft = aDraft();
      await send(draft);
      const accept = move('acceptee');
      const first = await change(draft.id, accept, PARTNER);
      const again = await change(draft.id, accept, PARTNER, day(3));
      expect(again).toEqual({ ...first, kind: 'replayed' });
      expect(await change(draft.id, { ...accept, statut: 'recue' }, PARTNER)).toEqual({ kind: 'reused' });
    });

    it('lets the sender cancel an unanswered referral', async () => {
      const draft = aDraft();
      await send(draft);
      const cancelled = await change(draft.id, move('annulee'), WORKER);
      expect(cancelled.kind === 'changed' && cancelled.referral.statut).toBe('annulee');
    });

    it('expires unanswered referrals after the configured days, by the server clock only', async () => {
      const open = aDraft();
      const answered = aDraft();
      await send(open);
      await send(answered);
      await change(answered.id, move('acceptee'), PARTNER);
      expect(await store.sweepReferrals(day(29), DEFAULT_REFERRAL_POLICY)).toEqual({ expired: 0, erased: 0 });
      expect(await store.sweepReferrals(day(30), DEFAULT_REFERRAL_POLICY)).toEqual({ expired: 1, erased: 0 });
      const states = Object.fromEntries((await feed(WORKER)).map((r) => [r.id, r.statut]));
      expect(states).toEqual({ [open.id]: 'expiree', [answered.id]: 'acceptee' });
      expect(await store.sweepReferrals(day(31), DEFAULT_REFERRAL_POLICY)).toEqual({ expired: 0, erased: 0 });
      const short = { ...DEFAULT_REFERRAL_POLICY, expiration_jours: 5 };
      const late = aDraft();
      await send(late, WORKER, day(40));
      expect((await store.sweepReferrals(day(45), short)).expired).toBe(1);
    });

    it('erases personal fields after the retention period, leaving anonymous counts', async () => {
      const draft = aDraft();
      await send(draft);
      await change(draft.id, refuse('complet', 'Awa Diallo rappellera'), PARTNER, day(1));
      const before = (await feed(PARTNER)).at(-1)?.seq ?? 0;
      expect(await store.sweepReferrals(day(90), DEFAULT_REFERRAL_POLICY)).toEqual({ expired: 0, erased: 0 });
      expect(await store.sweepReferrals(day(91), DEFAULT_REFERRAL_POLICY)).toEqual({ expired: 0, erased: 1 });
      const changed = await store.referralFeed({ account: PARTNER, cursor: before, limit: 10 });
      const [erased] = changed.referrals;
      expect(erased).toMatchObject({ id: draft.id, statut: 'refusee', motif: 'complet', reponses: {} });
      const text = JSON.stringify(await feed(WORKER));
      for (const personal of [...PERSONAL, 'rappellera']) expect(text).not.toContain(personal);
      expect(await store.referralCounts()).toEqual({
        total: 1,
        par_statut: { refusee: 1 },
        par_motif: { complet: 1 },
        effacees: 1,
        identifiants_reutilises: 0,
      });
    });

    it('keeps referrals across a restart', async () => {
      if (!harness.reopen) return;
      const draft = aDraft();
      await send(draft);
      store = await harness.reopen(store);
      expect((await send(draft)).kind).toBe('replayed');
      expect((await feed(PARTNER)).map((r) => r.id)).toEqual([draft.id]);
    });
  });
}
