// /api/v1/admin: every action allowed to coordinators only, within their territory; a disabled account's devices
// answer 401 `device_revoked` at once; tokens expire after 90 days without use and are renewed by use; every action
// is in the audit trail; a claim accepted becomes a partner invitation; a coordinator of a territory decides the
// proposals and counts the referrals of its communes only.
import { beforeEach, describe, expect, it } from 'vitest';
import { inviteAccount, SERVER_OPERATOR } from '../../server/admin/admin-actions.ts';
import {
  accountsResponseSchema,
  auditResponseSchema,
  claimsResponseSchema,
  invitationAnswerSchema,
} from '../../src/domain/admin.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { type Account, signInResponseSchema } from '../../src/domain/sync-protocol.ts';
import { type Device, postJson } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

// The fixture: test--s001 and test--s003 in Villeurbanne (69266), test--s002 in Lyon 1er (69381).
const VILLEURBANNE = '69266';
const DAY = 86_400_000;

describe('administration over HTTP', () => {
  let now: number;
  let test: Awaited<ReturnType<typeof makeTestApp>>;
  let metropole: Device;
  let villeurbanne: Device;
  let worker: Device;
  let partner: Device;

  const clock = () => new Date(now);
  const signIn = async (code: string, appareil = 'Poste') => {
    const response = await postJson(test.app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code, appareil });
    const session = signInResponseSchema.parse(await jsonOf(response));
    return { ...session, auth: { Authorization: `Bearer ${session.token}` } };
  };
  /** An account invited by the server's operator (as `npm run admin` does), signed in on one device. */
  const invited = async (input: { role: Account['role']; nom: string; structure_id?: string; communes?: string[] }) => {
    const outcome = await inviteAccount(test.store, SERVER_OPERATOR, input, clock());
    if (!outcome.ok) throw new Error(outcome.message);
    return signIn(outcome.value.code);
  };
  const get = (path: string, device?: Device) =>
    test.app.request(`/api/v1${path}`, { headers: device ? device.auth : {} });
  const post = (path: string, device?: Device, body: object = {}) =>
    postJson(test.app, `/api/v1${path}`, { protocol: PROTOCOL_VERSION, ...body }, device?.auth);

  beforeEach(async () => {
    now = Date.parse('2026-12-01T09:00:00Z');
    test = await makeTestApp({ clock });
    metropole = await invited({ role: 'coordinateur', nom: 'Claire Métropole' });
    villeurbanne = await invited({ role: 'coordinateur', nom: 'Vincent Villeurbanne', communes: [VILLEURBANNE] });
    worker = await invited({ role: 'travailleur', nom: 'Wendy', structure_id: 'test--s001' });
    partner = await invited({ role: 'partenaire', nom: 'Paul', structure_id: 'test--s002' });
  });

  it('refuses every admin route to anonymous readers (401), workers and partners (403)', async () => {
    const { id } = worker.account;
    const calls: Array<(d?: Device) => Response | Promise<Response>> = [
      (d) => get('/admin/accounts', d),
      (d) => post('/admin/invitations', d, { role: 'travailleur', nom: 'X Y' }),
      (d) => post(`/admin/accounts/${id}/disable`, d),
      (d) => post(`/admin/accounts/${id}/enable`, d),
      (d) => post(`/admin/accounts/${id}/invitation`, d),
      (d) => post(`/admin/devices/${worker.clientId}/revoke`, d),
      (d) => get('/admin/audit', d),
      (d) => get('/admin/claims', d),
      (d) => post('/admin/claims/x/accept', d),
      (d) => post('/admin/claims/x/refuse', d),
    ];
    for (const call of calls) {
      expect((await call()).status).toBe(401);
      expect((await call(worker)).status).toBe(403);
      expect((await call(partner)).status).toBe(403);
    }
    expect((await get('/admin/audit', metropole)).status).toBe(200);
    // Nothing the refused calls asked was done: the worker still signs in.
    expect((await get('/session', worker)).status).toBe(200);
  });

  it('invites with a code that signs in once, and lists the account with its state, devices and last sync', async () => {
    const answer = invitationAnswerSchema.parse(
      await jsonOf(
        await post('/admin/invitations', metropole, {
          role: 'partenaire',
          nom: 'Épicerie 1',
          structure_id: 'test--s001',
        }),
      ),
    );
    expect(answer.compte).toMatchObject({
      etat: 'invite',
      role: 'partenaire',
      structure_id: 'test--s001',
      appareils: [],
    });
    expect(answer.courriel_envoye).toBe(false);
    const device = await signIn(answer.code, 'Téléphone de l’épicerie');
    expect(device.account).toMatchObject({ id: answer.compte.id, role: 'partenaire', structure_id: 'test--s001' });
    const { comptes } = accountsResponseSchema.parse(await jsonOf(await get('/admin/accounts', metropole)));
    const listed = comptes.find((c) => c.id === answer.compte.id);
    expect(listed).toMatchObject({ etat: 'actif', derniere_synchro: '2026-12-01T09:00:00.000Z' });
    expect(listed?.appareils.map((a) => a.label)).toEqual(['Téléphone de l’épicerie']);
    const again = await post('/session', undefined, { code: answer.code, appareil: 'Autre' });
    expect(again.status).toBe(401);
  });

  it('refuses a bad invitation with the field named, and writes nothing', async () => {
    const before = (await test.store.listAccounts()).length;
    for (const [body, path] of [
      [{ role: 'partenaire', nom: 'Sans structure' }, 'structure_id'],
      [{ role: 'partenaire', nom: 'X', structure_id: 'test--s404' }, 'structure_id'],
      [{ role: 'travailleur', nom: 'X', communes: [VILLEURBANNE] }, 'communes'],
      [{ role: 'chef', nom: 'X' }, 'role'],
      [{ role: 'travailleur', nom: '' }, 'nom'],
    ] as const) {
      const response = await post('/admin/invitations', metropole, body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await jsonOf(response))).toContain(path);
    }
    expect((await test.store.listAccounts()).length).toBe(before);
  });

  it('disabling an account signs out all its devices at once (401 device_revoked); enabling lets a new code in', async () => {
    const second = await signIn(
      invitationAnswerSchema.parse(
        await jsonOf(await post(`/admin/accounts/${worker.account.id}/invitation`, metropole)),
      ).code,
      'Tablette 2',
    );
    expect((await get('/session', second)).status).toBe(200);
    const disabled = await post(`/admin/accounts/${worker.account.id}/disable`, metropole);
    expect(disabled.status).toBe(200);
    for (const device of [worker, second]) {
      const response = await get('/directory?cursor=0&limit=10', device);
      expect(response.status).toBe(401);
      expect(((await jsonOf(response)) as { error: { code: string } }).error.code).toBe('device_revoked');
    }
    expect((await post(`/admin/accounts/${worker.account.id}/invitation`, metropole)).status).toBe(409);
    expect((await post(`/admin/accounts/${worker.account.id}/enable`, metropole)).status).toBe(200);
    const code = invitationAnswerSchema.parse(
      await jsonOf(await post(`/admin/accounts/${worker.account.id}/invitation`, metropole)),
    ).code;
    const back = await signIn(code);
    expect(back.account.id).toBe(worker.account.id);
    // The revoked tokens stay revoked.
    expect((await get('/session', worker)).status).toBe(401);
  });

  it('revokes one device only; a device that signed itself out is not told to erase its data', async () => {
    const second = await signIn(
      invitationAnswerSchema.parse(
        await jsonOf(await post(`/admin/accounts/${worker.account.id}/invitation`, metropole)),
      ).code,
    );
    expect((await post(`/admin/devices/${worker.clientId}/revoke`, metropole)).status).toBe(200);
    const revoked = await get('/session', worker);
    expect(((await jsonOf(revoked)) as { error: { code: string } }).error.code).toBe('device_revoked');
    expect((await get('/session', second)).status).toBe(200);
    await test.app.request('/api/v1/session', { method: 'DELETE', headers: second.auth });
    const signedOut = await get('/session', second);
    expect(((await jsonOf(signedOut)) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('expires a token after 90 days without use, and renews it by use', async () => {
    now += 89 * DAY;
    expect((await get('/session', worker)).status).toBe(200);
    now += 89 * DAY;
    expect((await get('/session', worker)).status).toBe(200);
    now += 91 * DAY;
    const expired = await get('/session', worker);
    expect(expired.status).toBe(401);
    expect(((await jsonOf(expired)) as { error: { code: string } }).error.code).toBe('session_expired');
  });

  it('keeps a coordinator of a territory to the accounts of its communes', async () => {
    const { comptes } = accountsResponseSchema.parse(await jsonOf(await get('/admin/accounts', villeurbanne)));
    expect(comptes.map((c) => c.nom).sort()).toEqual(['Vincent Villeurbanne', 'Wendy']);
    // Paul is the partner of test--s002, in Lyon 1er; Claire is a coordinator.
    expect((await post(`/admin/accounts/${partner.account.id}/disable`, villeurbanne)).status).toBe(403);
    expect((await post(`/admin/accounts/${metropole.account.id}/disable`, villeurbanne)).status).toBe(403);
    expect((await post(`/admin/devices/${partner.clientId}/revoke`, villeurbanne)).status).toBe(403);
    expect((await post(`/admin/accounts/${partner.account.id}/invitation`, villeurbanne)).status).toBe(403);
    expect((await get('/session', partner)).status).toBe(200);
    expect(
      (await post('/admin/invitations', villeurbanne, { role: 'partenaire', nom: 'P', structure_id: 'test--s002' }))
        .status,
    ).toBe(403);
    expect((await post('/admin/invitations', villeurbanne, { role: 'coordinateur', nom: 'C' })).status).toBe(403);
    expect(
      (await post('/admin/invitations', villeurbanne, { role: 'partenaire', nom: 'P', structure_id: 'test--s003' }))
        .status,
    ).toBe(201);
    expect((await post(`/admin/accounts/${worker.account.id}/disable`, villeurbanne)).status).toBe(200);
    // The Métropole-wide coordinator manages every account.
    expect((await post(`/admin/accounts/${partner.account.id}/disable`, metropole)).status).toBe(200);
  });

  it('writes every action to the audit trail, with account names and nothing else', async () => {
    const answer = invitationAnswerSchema.parse(
      await jsonOf(
        await post('/admin/invitations', villeurbanne, {
          role: 'travailleur',
          nom: 'Nina',
          structure_id: 'test--s001',
        }),
      ),
    );
    await post(`/admin/accounts/${answer.compte.id}/invitation`, villeurbanne);
    await post(`/admin/devices/${worker.clientId}/revoke`, villeurbanne);
    await post(`/admin/accounts/${worker.account.id}/disable`, villeurbanne);
    await post(`/admin/accounts/${worker.account.id}/enable`, villeurbanne);
    await post(`/admin/accounts/${partner.account.id}/disable`, metropole);
    const { journal } = auditResponseSchema.parse(await jsonOf(await get('/admin/audit', metropole)));
    expect(journal.slice(0, 6).map((l) => [l.acteur, l.action, l.cible])).toEqual([
      ['Claire Métropole', 'desactivation', 'Paul'],
      ['Vincent Villeurbanne', 'reactivation', 'Wendy'],
      ['Vincent Villeurbanne', 'desactivation', 'Wendy'],
      ['Vincent Villeurbanne', 'revocation_appareil', 'Wendy'],
      ['Vincent Villeurbanne', 'nouvelle_invitation', 'Nina'],
      ['Vincent Villeurbanne', 'invitation', 'Nina'],
    ]);
    expect(JSON.stringify(journal)).not.toContain(answer.code);
    // The coordinator of Villeurbanne does not read what happened in Lyon 1er.
    const own = auditResponseSchema.parse(await jsonOf(await get('/admin/audit', villeurbanne))).journal;
    expect(own.map((l) => l.cible)).not.toContain('Paul');
  });

  it('turns an accepted claim into a partner account of that structure, and sets its reach flag when it signs in', async () => {
    const claim = await post('/claims', undefined, {
      structure_id: 'test--s001',
      nom: 'Gérante',
      contact: '04 72 00 00 00',
    });
    expect(claim.status).toBe(201);
    expect((await post('/claims', undefined, { structure_id: 'test--s404', nom: 'X', contact: 'y' })).status).toBe(400);
    const { demandes } = claimsResponseSchema.parse(await jsonOf(await get('/admin/claims', villeurbanne)));
    expect(demandes).toMatchObject([{ structure_nom: expect.any(String), nom: 'Gérante', contact: '04 72 00 00 00' }]);
    const id = demandes[0]?.id ?? '';
    const reach = async () =>
      (await test.store.getStructure('test--s001', { kind: 'server' }))?.structure.recoit_orientations;
    expect(await reach()).toBeUndefined();
    const accepted = invitationAnswerSchema.parse(await jsonOf(await post(`/admin/claims/${id}/accept`, villeurbanne)));
    expect(accepted.compte).toMatchObject({ role: 'partenaire', structure_id: 'test--s001', nom: 'Gérante' });
    expect((await post(`/admin/claims/${id}/accept`, villeurbanne)).status).toBe(409);
    const after = claimsResponseSchema.parse(await jsonOf(await get('/admin/claims', metropole))).demandes;
    expect(after[0]).toMatchObject({ etat: 'acceptee', contact: null });
    await signIn(accepted.code);
    expect(await reach()).toBe(true);
    await post(`/admin/accounts/${accepted.compte.id}/disable`, metropole);
    expect(await reach()).toBe(false);
  });

  it('lets a coordinator of a territory decide the status (publication) of listings of its communes only', async () => {
    const publish = (device: Device, id: string, mutationId: number) =>
      post('/push', device, {
        clientId: device.clientId,
        mutations: [update(mutationId, 'structure', id, { statut: 'publiee' }, { statut: 'proposee' })],
      });
    const result = async (response: Response) =>
      ((await jsonOf(response)) as { results: Array<{ status: string }> }).results[0]?.status;
    expect(await result(await publish(villeurbanne, 'test--s002', 1))).toBe('rejected');
    expect(await result(await publish(villeurbanne, 'test--s001', 2))).toBe('applied');
    expect(await result(await publish(metropole, 'test--s002', 1))).toBe('applied');
  });
});
