// The referral endpoints through the HTTP app (in-process): delivered once, visible to the two sides only,
// counts for coordinators, bad input refused with fields and nothing written, no personal data in logs or errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import {
  type ReferralDraft,
  referralAnswerSchema,
  referralPageSchema,
  referralStatsSchema,
} from '../../src/domain/referral.ts';
import { acceptWith, aDraft, move, PERSONAL, refuse } from '../fixtures/referrals.ts';
import { type Device, postJson, signInAs } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');

describe('referral endpoints', () => {
  let test: Awaited<ReturnType<typeof makeTestApp>>;
  let now = T0;
  let worker: Device;
  let partner: Device;
  let otherPartner: Device;
  let coordinator: Device;

  beforeEach(async () => {
    now = T0;
    test = await makeTestApp({ clock: () => new Date(now) });
    worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Wendy' });
    partner = await signInAs(test.app, test.store, {
      role: 'partenaire',
      nom: 'Épicerie Un',
      structure_id: 'test--s001',
    });
    otherPartner = await signInAs(test.app, test.store, {
      role: 'partenaire',
      nom: 'Épicerie Deux',
      structure_id: 'test--s002',
    });
    coordinator = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Coordination' });
  });

  const send = (device: Device, referral: unknown) =>
    postJson(test.app, '/api/v1/referrals', { protocol: PROTOCOL_VERSION, referral }, device.auth);
  const setStatus = (device: Device, id: string, change: unknown) =>
    postJson(test.app, `/api/v1/referrals/${id}/status`, { protocol: PROTOCOL_VERSION, change }, device.auth);
  const feed = async (device: Device, cursor = 0) => {
    const response = await test.app.request(`/api/v1/referrals?cursor=${cursor}`, { headers: device.auth });
    expect(response.status).toBe(200);
    return referralPageSchema.parse(await jsonOf(response));
  };
  const sent = async (draft: ReferralDraft) => {
    const response = await send(worker, draft);
    expect(response.status).toBe(200);
    return referralAnswerSchema.parse(await jsonOf(response)).referral;
  };

  it('acknowledges a referral with the server time and answers an identical resend the same way', async () => {
    const draft = aDraft();
    const first = await sent(draft);
    expect(first).toMatchObject({ id: draft.id, statut: 'envoyee', envoyee_le: new Date(T0).toISOString() });
    now += 60_000;
    expect(await sent(draft)).toEqual(first);
  });

  it('lands concurrent identical sends on one referral', async () => {
    const draft = aDraft();
    const responses = await Promise.all([send(worker, draft), send(worker, draft), send(worker, draft)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await feed(partner)).referrals).toHaveLength(1);
  });

  it('refuses the same id with another content (409), keeps the first and flags it in the log', async () => {
    const draft = aDraft();
    await sent(draft);
    const response = await send(worker, { ...draft, reponses: { ...draft.reponses, situation: 'Autre' } });
    expect(response.status).toBe(409);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'referral_id_reused' } });
    expect((await feed(partner)).referrals[0]?.reponses.situation).toBe('Fin de droits');
    expect(test.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'referral_id_reused', referral_id: draft.id }),
    );
  });

  it('refuses bad input with the field and the reason, writes nothing, and quotes no personal data', async () => {
    const draft = aDraft({ reponses: { personne_nom: 'Awa Diallo', revenus: 'Awa Diallo 900 €' } });
    const { consentement: _, ...noConsent } = aDraft();
    for (const bad of [draft, noConsent, aDraft({ service_id: 'test--v003' })]) {
      const response = await send(worker, bad);
      expect(response.status).toBe(400);
      const body = JSON.stringify(await jsonOf(response));
      expect(body).toContain('"path"');
      for (const personal of PERSONAL) expect(body).not.toContain(personal);
    }
    const body = JSON.stringify(await jsonOf(await send(worker, draft)));
    expect(body).toContain('referral.reponses.revenus');
    expect(body).toContain('referral.reponses.situation');
    expect((await feed(worker)).referrals).toEqual([]);
  });

  it('shows a referral to the sending worker and the receiving partner, to nobody else', async () => {
    const draft = aDraft();
    await sent(draft);
    expect((await feed(worker)).referrals.map((r) => r.id)).toEqual([draft.id]);
    expect((await feed(partner)).referrals.map((r) => r.id)).toEqual([draft.id]);
    expect((await feed(otherPartner)).referrals).toEqual([]);
    const other = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Walid' });
    expect((await feed(other)).referrals).toEqual([]);
    const coordinatorFeed = await test.app.request('/api/v1/referrals', { headers: coordinator.auth });
    expect(coordinatorFeed.status).toBe(403);
    expect((await setStatus(otherPartner, draft.id, move('acceptee'))).status).toBe(404);
    expect((await setStatus(coordinator, draft.id, move('acceptee'))).status).toBe(404);
    expect((await test.app.request('/api/v1/referrals')).status).toBe(401);
  });

  it('shows a team worker’s referral and the partner’s answer to a colleague of the same team, nothing to another team', async () => {
    const mdm = { role: 'travailleur', equipe_id: 'test--s003' } as const;
    const mina = await signInAs(test.app, test.store, { ...mdm, nom: 'Mina' });
    const marc = await signInAs(test.app, test.store, { ...mdm, nom: 'Marc' });
    const alix = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Alix', equipe_id: 'test--s002' });
    expect(mina.account.equipe_id).toBe('test--s003'); // carried in the session answer
    const draft = aDraft();
    expect((await send(mina, draft)).status).toBe(200);
    expect((await setStatus(partner, draft.id, refuse('complet', 'Plus de place'))).status).toBe(200);
    const seen = (await feed(marc)).referrals;
    expect(seen.map((r) => [r.id, r.statut, r.motif, r.envoyeur.nom])).toEqual([
      [draft.id, 'refusee', 'complet', 'Mina'],
    ]);
    expect(seen[0]?.historique.at(-1)).toMatchObject({ statut: 'refusee', note: 'Plus de place' });
    expect((await feed(alix)).referrals).toEqual([]);
    expect((await feed(worker)).referrals).toEqual([]);
    expect((await setStatus(alix, draft.id, move('annulee'))).status).toBe(404);
    const stats = referralStatsSchema.parse(
      await jsonOf(await test.app.request('/api/v1/referrals/stats', { headers: coordinator.auth })),
    );
    expect(stats).toMatchObject({ total: 1, par_statut: { refusee: 1 } });
    expect((await test.app.request('/api/v1/referrals', { headers: coordinator.auth })).status).toBe(403);
  });

  it('gives coordinators counts only, never a person', async () => {
    const draft = aDraft();
    await sent(draft);
    await setStatus(partner, draft.id, refuse('complet'));
    const response = await test.app.request('/api/v1/referrals/stats', { headers: coordinator.auth });
    expect(response.status).toBe(200);
    const raw = await jsonOf(response);
    const stats = referralStatsSchema.parse(raw);
    expect(stats).toMatchObject({ total: 1, par_statut: { refusee: 1 }, par_motif: { complet: 1 } });
    for (const personal of PERSONAL) expect(JSON.stringify(raw)).not.toContain(personal);
    expect((await test.app.request('/api/v1/referrals/stats', { headers: worker.auth })).status).toBe(403);
  });

  it('lets the partner refuse with a reason, which the worker then reads in its feed', async () => {
    const draft = aDraft();
    await sent(draft);
    const { cursor } = await feed(worker);
    const response = await setStatus(partner, draft.id, refuse('hors-criteres', 'Habite hors secteur'));
    expect(response.status).toBe(200);
    const [changed] = (await feed(worker, cursor)).referrals;
    expect(changed).toMatchObject({ statut: 'refusee', motif: 'hors-criteres' });
    expect(changed?.historique.at(-1)?.note).toBe('Habite hors secteur');
    const again = await setStatus(partner, draft.id, move('acceptee'));
    expect(again.status).toBe(409);
    expect(await jsonOf(again)).toMatchObject({ error: { code: 'status_refused' } });
  });

  it('stores an acceptance with its appointment, which the worker then reads in its feed', async () => {
    const draft = aDraft();
    await sent(draft);
    const { cursor } = await feed(worker);
    const appointment = { date: '2026-03-10', heure: '14:30', lieu: 'Salle 2', interlocuteur: 'Mme Martin' };
    const response = await setStatus(partner, draft.id, acceptWith(appointment));
    expect(response.status).toBe(200);
    expect(referralAnswerSchema.parse(await jsonOf(response)).referral.rendez_vous).toEqual(appointment);
    const [changed] = (await feed(worker, cursor)).referrals;
    expect(changed).toMatchObject({ statut: 'acceptee', rendez_vous: appointment });
  });

  it('refuses an appointment with the field and the reason, and changes nothing', async () => {
    const draft = aDraft();
    await sent(draft);
    const cases: Array<[unknown, string, RegExp]> = [
      // Before the referral was sent (server clock 2 March 2026): a slip, whatever the device's clock said.
      [acceptWith({ date: '2026-03-01' }), 'change.rendez_vous.date', /passée/],
      [acceptWith({ date: '2027-06-01' }), 'change.rendez_vous.date', /année/],
      [acceptWith({ date: '2026-02-30' }), 'change.rendez_vous.date', /Date attendue/],
      [acceptWith({ date: '2026-03-10', heure: '25:00' }), 'change.rendez_vous.heure', /Heure attendue/],
      [acceptWith({ date: '2026-03-10', lieu: '' }), 'change.rendez_vous.lieu', /vide/],
      [{ ...refuse('complet'), rendez_vous: { date: '2026-03-10' } }, 'change.rendez_vous', /acceptation/],
    ];
    for (const [change, path, reason] of cases) {
      const response = await setStatus(partner, draft.id, change);
      expect(response.status).toBe(400);
      const body = (await jsonOf(response)) as {
        error: { code: string; problems: Array<{ path: string; message: string }> };
      };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.problems).toContainEqual({ path, message: expect.stringMatching(reason) });
    }
    const [still] = (await feed(worker)).referrals;
    expect(still).toMatchObject({ statut: 'envoyee' });
    expect(still?.rendez_vous).toBeUndefined();
  });

  it('accepts late an appointment given offline whose day has passed since, as long as it follows the sending', async () => {
    const draft = aDraft();
    await sent(draft);
    now += 20 * 86_400_000;
    const response = await setStatus(partner, draft.id, acceptWith({ date: '2026-03-05' }));
    expect(response.status).toBe(200);
  });

  it('expires an unanswered referral and erases it later, by the server clock, before answering a read', async () => {
    const draft = aDraft();
    await sent(draft);
    now = T0 + 30 * 86_400_000;
    const [expired] = (await feed(partner)).referrals;
    expect(expired?.statut).toBe('expiree');
    // The worker's device is used meanwhile: a token idle for 90 days stops working.
    await feed(worker);
    now += 90 * 86_400_000;
    const page = await feed(worker);
    expect(page.policy).toEqual({
      rappel_jours: 10,
      expiration_jours: 30,
      conservation_jours: 90,
      notifications_courriel: false,
    });
    for (const personal of PERSONAL) expect(JSON.stringify(page)).not.toContain(personal);
  });

  it('never writes a field of a referral to the log', async () => {
    const draft = aDraft();
    await sent(draft);
    await setStatus(partner, draft.id, refuse('injoignable', 'Awa Diallo ne répond pas'));
    await feed(worker);
    const log = JSON.stringify(test.logger.lines);
    for (const personal of [...PERSONAL, 'ne répond pas']) expect(log).not.toContain(personal);
  });

  it('refuses a malformed id or query with the field named', async () => {
    const badId = await setStatus(partner, 'x', move('recue'));
    expect(badId.status).toBe(400);
    const badQuery = await test.app.request('/api/v1/referrals?cursor=-1&limt=3', { headers: worker.auth });
    expect(badQuery.status).toBe(400);
    const body = JSON.stringify(await jsonOf(badQuery));
    expect(body).toContain('cursor');
    expect(body).toContain('limt');
  });
});
