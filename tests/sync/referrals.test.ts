// Referrals from device to server and back: the device's real code (Dexie on fake-indexeddb, the sync
// step, the HTTP transport) against the real app in-process, with the network cut and answers lost on demand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_OPERATOR, setDisabled } from '../../server/admin/admin-actions.ts';
import { BoussoleDatabase } from '../../src/db/database.ts';
import {
  applyReferralPage,
  eraseExpiredCopies,
  landAcknowledged,
  landRefused,
  listReferrals,
  nextReferralOp,
  queueReferral,
  queueStatusChange,
  readReferralCursor,
  unsentReferralCount,
} from '../../src/db/referral-repo.ts';
import { saveSession, signOutDevice } from '../../src/db/session-repo.ts';
import type { ReferralDraft } from '../../src/domain/referral.ts';
import { syncReferrals } from '../../src/sync/referral-sync.ts';
import { referralHttpTransport } from '../../src/sync/referral-transport.ts';
import { OfflineError } from '../../src/sync/transport-errors.ts';
import { acceptWith, aDraft, PERSONAL, refuse } from '../fixtures/referrals.ts';
import { type Device, signInAs } from '../integration/fixtures/http-client.ts';
import { makeTestApp } from '../integration/fixtures/test-app.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');
let dbs = 0;

describe('referrals between a worker device, the server and a partner device', () => {
  let test: Awaited<ReturnType<typeof makeTestApp>>;
  let now = T0;
  const opened: BoussoleDatabase[] = [];

  beforeEach(async () => {
    now = T0;
    test = await makeTestApp({ clock: () => new Date(now) });
    // Épicerie Un receives referrals in Boussole: a partner account of it has signed in (the server refuses
    // referrals nobody would read).
    await signInAs(test.app, test.store, {
      role: 'partenaire',
      nom: 'Accueil Épicerie Un',
      structure_id: 'test--s001',
    });
  });
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  /** A device of `account`: its database, a network that can be cut or lose the next answer, and its sync. */
  async function device(who: Parameters<typeof signInAs>[2]) {
    const session: Device = await signInAs(test.app, test.store, who);
    const db = new BoussoleDatabase(`referrals-${++dbs}`);
    opened.push(db);
    await db.open();
    const net = { online: true, loseNextAnswer: false };
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      if (!net.online) throw new TypeError('Failed to fetch');
      const response = await test.app.request(url, init);
      if (net.loseNextAnswer) {
        net.loseNextAnswer = false;
        throw new TypeError('connection reset');
      }
      return response;
    }) as typeof fetch;
    const transport = referralHttpTransport({ getToken: () => session.token, fetchImpl });
    const sync = () =>
      syncReferrals({
        transport,
        now: () => new Date(now),
        device: {
          nextOp: () => nextReferralOp(db),
          acknowledged: (key, referral) => landAcknowledged(db, key, referral),
          refused: (key, message) => landRefused(db, key, message),
          readCursor: () => readReferralCursor(db),
          applyPage: (page) => applyReferralPage(db, page),
          eraseExpired: (at, policy) => eraseExpiredCopies(db, at, policy),
        },
      });
    return { db, net, sync, session, list: () => listReferrals(db) };
  }

  const write = async (db: BoussoleDatabase, draft: ReferralDraft) => {
    const queued = await queueReferral(db, draft, new Date(now));
    if (!queued.ok) throw new Error(JSON.stringify(queued.problems));
  };

  it('queues a referral written offline, and shows it sent only after the server acknowledged it', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    worker.net.online = false;
    const draft = aDraft();
    await write(worker.db, draft);
    const [queued] = await worker.list();
    expect(queued).toMatchObject({ id: draft.id, server: null, pending: [{ kind: 'send' }] });
    await expect(worker.sync()).rejects.toBeInstanceOf(OfflineError);
    expect(await unsentReferralCount(worker.db)).toBe(1);

    worker.net.online = true;
    expect(await worker.sync()).toMatchObject({ sent: 1, refused: 0 });
    const [sent] = await worker.list();
    expect(sent).toMatchObject({ id: draft.id, draft: null, pending: [], server: { statut: 'envoyee' } });
  });

  it('delivers once when the acknowledgement is lost: the resend gets the first answer', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    await write(worker.db, aDraft());
    worker.net.loseNextAnswer = true;
    await expect(worker.sync()).rejects.toBeInstanceOf(OfflineError);
    const [still] = await worker.list();
    expect(still?.server).toBeNull();
    await worker.sync();
    expect((await test.store.referralCounts()).total).toBe(1);
    expect((await worker.list())[0]?.server?.statut).toBe('envoyee');
  });

  it('lets the partner see it, refuse it with a reason, and the worker read the refusal after sync', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    const partner = await device({ role: 'partenaire', nom: 'Épicerie Un', structure_id: 'test--s001' });
    const other = await device({ role: 'partenaire', nom: 'Épicerie Deux', structure_id: 'test--s002' });
    const draft = aDraft();
    await write(worker.db, draft);
    await worker.sync();
    await partner.sync();
    await other.sync();
    expect((await other.list()).length).toBe(0);
    const [received] = await partner.list();
    expect(received?.server?.reponses.personne_nom).toBe('Awa Diallo');

    partner.net.online = false; // answered offline, from the synced inbox
    await queueStatusChange(partner.db, draft.id, refuse('complet', 'Plus de place ce mois-ci'), new Date(now));
    expect((await partner.list())[0]?.pending).toEqual([expect.objectContaining({ kind: 'status' })]);
    partner.net.online = true;
    await partner.sync();
    await worker.sync();
    const [answered] = await worker.list();
    expect(answered?.server).toMatchObject({ statut: 'refusee', motif: 'complet' });
    expect(answered?.server?.historique.at(-1)?.note).toBe('Plus de place ce mois-ci');
  });

  it('carries the appointment of an acceptance given offline to the worker, who keeps it offline', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    const partner = await device({ role: 'partenaire', nom: 'Épicerie Un', structure_id: 'test--s001' });
    const draft = aDraft();
    await write(worker.db, draft);
    await worker.sync();
    await partner.sync();
    partner.net.online = false;
    const appointment = { date: '2026-03-04', heure: '09:15', interlocuteur: 'Mme Martin' };
    await queueStatusChange(partner.db, draft.id, acceptWith(appointment), new Date(now));
    partner.net.online = true;
    await partner.sync();
    await worker.sync();
    worker.net.online = false;
    const [answered] = await worker.list();
    expect(answered?.server).toMatchObject({ statut: 'acceptee', rendez_vous: appointment });
  });

  it('shows a refusal by the server with its reason, and moves on to the next action', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    const unknown = aDraft({ service_id: 'test--v003' });
    const fine = aDraft();
    await write(worker.db, unknown);
    await write(worker.db, fine);
    expect(await worker.sync()).toMatchObject({ sent: 1, refused: 1 });
    const byId = Object.fromEntries((await worker.list()).map((r) => [r.id, r]));
    expect(byId[unknown.id]?.refusal).toMatch(/invalide/i);
    expect(byId[unknown.id]?.pending).toEqual([]);
    expect(byId[fine.id]?.server?.statut).toBe('envoyee');
  });

  it('keeps a referral written offline that the server refuses because the partner was disabled meanwhile, with the reason, never dropped', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    worker.net.online = false;
    const draft = aDraft();
    await write(worker.db, draft);
    const [reception] = (await test.store.listAccounts()).filter((a) => a.account.structure_id === 'test--s001');
    if (!reception) throw new Error('fixture');
    await setDisabled(test.store, SERVER_OPERATOR, reception.account.id, true, new Date(now));
    worker.net.online = true;
    expect(await worker.sync()).toMatchObject({ sent: 0, refused: 1 });
    const [kept] = await worker.list();
    expect(kept).toMatchObject({ id: draft.id, server: null, pending: [] });
    expect(kept?.refusal).toMatch(/ne reçoit pas les orientations dans Boussole/);
    // Everything the worker wrote is still there to print as a fiche de liaison.
    expect(kept?.draft?.reponses).toEqual(draft.reponses);
    expect(await unsentReferralCount(worker.db)).toBe(0);
  });

  it('erases personal fields on the device after the retention period, keeping the anonymous record', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    const partner = await device({ role: 'partenaire', nom: 'Épicerie Un', structure_id: 'test--s001' });
    const draft = aDraft();
    await write(worker.db, draft);
    await worker.sync();
    await partner.sync();
    await queueStatusChange(partner.db, draft.id, refuse('hors-criteres'), new Date(now));
    await partner.sync();
    await worker.sync();
    // The partner's device is used meanwhile: a token idle for 90 days stops working.
    now += 45 * 86_400_000;
    await partner.sync();
    now += 46 * 86_400_000;
    // The worker's device erases by itself, even before the server's erasure reaches it.
    expect(
      await eraseExpiredCopies(worker.db, new Date(now), {
        rappel_jours: 10,
        expiration_jours: 30,
        conservation_jours: 90,
      }),
    ).toBe(1);
    await partner.sync(); // the server erased too and its feed brings the anonymous copy
    for (const d of [worker, partner]) {
      const text = JSON.stringify(await d.db.referrals.toArray());
      for (const personal of PERSONAL) expect(text).not.toContain(personal);
      expect((await d.list())[0]?.server).toMatchObject({ statut: 'refusee', motif: 'hors-criteres', reponses: {} });
    }
  });

  it('removes every local copy at sign-out, unsent ones included', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    await write(worker.db, aDraft());
    await worker.sync();
    worker.net.online = false;
    await write(worker.db, aDraft());
    expect(await unsentReferralCount(worker.db)).toBe(1);
    await signOutDevice(worker.db);
    expect(await worker.db.referrals.count()).toBe(0);
    expect(await worker.db.referralOutbox.count()).toBe(0);
  });

  it('keeps only unsent referrals when another account signs in on the device', async () => {
    const worker = await device({ role: 'travailleur', nom: 'Wendy' });
    const session = { token: worker.session.token, clientId: worker.session.clientId, account: worker.session.account };
    await saveSession(worker.db, session);
    await write(worker.db, aDraft());
    await worker.sync();
    worker.net.online = false;
    const unsent = aDraft();
    await write(worker.db, unsent);
    const other = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Walid' });
    await saveSession(worker.db, { token: other.token, clientId: other.clientId, account: other.account });
    expect((await worker.list()).map((r) => r.id)).toEqual([unsent.id]);
  });
});
