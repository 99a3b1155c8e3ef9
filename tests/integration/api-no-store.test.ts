// No API answer may stay in an HTTP cache: a computer shared by an office keeps what its browser cached, and the
// answers carry tokens (sign-in), the device's account, referrals about a person, pending conflicts, demo codes
// and the professionals-only listings a signed-in reader sees. Each route is called as a real device would, with
// an answer that carries its data (2xx); the list is checked against the app's routes, so a new route must be
// added here and is private unless its author decides otherwise.
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { seedDemoAccounts } from '../../server/demo-accounts.ts';
import { silentLogger } from '../../server/logger.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { aDraft, move } from '../fixtures/referrals.ts';
import { type Device, postJson, signInAs } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';

type Call = { route: string; send: () => Response | Promise<Response> };

async function everyApiCall() {
  const { app, store } = await makeTestApp({ mode: 'demo' });
  await seedDemoAccounts(store, { now: new Date(), logger: silentLogger });
  const worker = await signInAs(app, store, { role: 'travailleur', nom: 'Wendy' });
  const partner = await signInAs(app, store, { role: 'partenaire', nom: 'Épicerie', structure_id: 'test--s001' });
  const coordinator = await signInAs(app, store, { role: 'coordinateur', nom: 'Claire' });
  const leaving = await signInAs(app, store, { role: 'travailleur', nom: 'Léo' });
  await store.createInvitations([
    {
      role: 'travailleur',
      nom: 'Théo',
      codeHash: sha256('BSL-NOST-ORE0-CODE'),
      created_at: '2026-11-28T09:00:00Z',
      reusable: false,
    },
  ]);
  const target = await signInAs(app, store, { role: 'travailleur', nom: 'Cible' });
  for (const id of ['demande-1', 'demande-2']) {
    await store.createClaim({
      id,
      structure_id: 'test--s002',
      nom: 'Gérante',
      contact: '04 00 00 00 00',
      etat: 'ouverte',
      created_at: '2026-11-28T09:00:00Z',
      decided_at: null,
      account_id: null,
    });
  }
  const draft = aDraft();
  const get = (path: string, device?: Device) => () =>
    app.request(`/api/v1${path}`, { headers: device ? device.auth : {} });
  const post = (path: string, body: object, device?: Device) => () =>
    postJson(app, `/api/v1${path}`, { protocol: PROTOCOL_VERSION, ...body }, device?.auth);
  // In order: the referral is sent before its status changes, the session deleted last.
  const calls: Call[] = [
    { route: 'GET /health', send: get('/health') },
    { route: 'POST /session', send: post('/session', { code: 'BSL-NOST-ORE0-CODE', appareil: 'Poste partagé' }) },
    { route: 'GET /session', send: get('/session', worker) },
    { route: 'GET /demo', send: get('/demo') },
    { route: 'GET /directory', send: get('/directory?cursor=0&limit=500', worker) },
    { route: 'GET /structures', send: get('/structures', worker) },
    { route: 'GET /structures/:id', send: get('/structures/test--s001', worker) },
    { route: 'GET /services', send: get('/services', worker) },
    {
      route: 'POST /push',
      send: post(
        '/push',
        {
          clientId: worker.clientId,
          mutations: [update(1, 'structure', 'test--s001', {}, { telephone: '04 00 00 00 01' })],
        },
        worker,
      ),
    },
    { route: 'GET /history', send: get('/history?kind=structure&id=test--s001', worker) },
    { route: 'POST /referrals', send: post('/referrals', { referral: draft }, worker) },
    {
      route: 'POST /referrals/:id/status',
      send: post(`/referrals/${draft.id}/status`, { change: move('recue') }, partner),
    },
    { route: 'GET /referrals', send: get('/referrals', partner) },
    { route: 'GET /referrals/stats', send: get('/referrals/stats', coordinator) },
    {
      route: 'POST /orientation-events',
      send: post(
        '/orientation-events',
        {
          events: [
            {
              id: 'evt-000001-0123456789',
              semaine: '2026-W46',
              commune: '69259',
              besoins: ['repas'],
              foyer: '1',
              resultats: { eligibles: 0, a_verifier: 0, exclus: 3 },
              motifs_exclusion: [],
              orientation_envoyee: false,
            },
          ],
        },
        worker,
      ),
    },
    { route: 'GET /stats/orientations', send: get('/stats/orientations', coordinator) },
    { route: 'GET /stats/evaluation', send: get('/stats/evaluation', coordinator) },
    { route: 'GET /notifications', send: get('/notifications', worker) },
    {
      route: 'PUT /notifications',
      send: () =>
        app.request('/api/v1/notifications', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', ...worker.auth },
          body: JSON.stringify({ protocol: PROTOCOL_VERSION, notifications: 'daily' }),
        }),
    },
    { route: 'GET /agenda/commune/:file', send: get('/agenda/commune/69259.ics') },
    { route: 'GET /agenda/structure/:file', send: get('/agenda/structure/test--s001.ics') },
    { route: 'GET /export/data-inclusion/:file', send: get('/export/data-inclusion/structures.csv', worker) },
    {
      route: 'POST /import',
      send: post(
        '/import',
        { format: 'data-inclusion', files: [{ name: 'structures.json', content: '[]' }] },
        coordinator,
      ),
    },
    { route: 'GET /admin/accounts', send: get('/admin/accounts', coordinator) },
    {
      route: 'POST /admin/invitations',
      send: post('/admin/invitations', { role: 'travailleur', nom: 'Nouvelle' }, coordinator),
    },
    {
      route: 'POST /admin/accounts/:id/invitation',
      send: post(`/admin/accounts/${target.account.id}/invitation`, {}, coordinator),
    },
    {
      route: 'POST /admin/devices/:clientId/revoke',
      send: post(`/admin/devices/${target.clientId}/revoke`, {}, coordinator),
    },
    {
      route: 'POST /admin/accounts/:id/disable',
      send: post(`/admin/accounts/${target.account.id}/disable`, {}, coordinator),
    },
    {
      route: 'POST /admin/accounts/:id/enable',
      send: post(`/admin/accounts/${target.account.id}/enable`, {}, coordinator),
    },
    { route: 'GET /admin/audit', send: get('/admin/audit', coordinator) },
    { route: 'GET /admin/claims', send: get('/admin/claims', coordinator) },
    { route: 'POST /admin/claims/:id/accept', send: post('/admin/claims/demande-1/accept', {}, coordinator) },
    { route: 'POST /admin/claims/:id/refuse', send: post('/admin/claims/demande-2/refuse', {}, coordinator) },
    {
      route: 'POST /claims',
      send: post('/claims', { structure_id: 'test--s003', nom: 'Gérant', contact: 'gerant@example.org' }),
    },
    {
      route: 'DELETE /session',
      send: () => app.request('/api/v1/session', { method: 'DELETE', headers: leaving.auth }),
    },
  ];
  // `GET /structures/:id` for hono's `/api/v1/structures/:id`; `:file{…}` patterns lose their regular expression.
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/\{.*\}$/, '')}`);
  return { app, calls, routes };
}

describe('Cache-Control of the API', () => {
  it('lists a call for every API route, so that none escapes the check below', async () => {
    const { calls, routes } = await everyApiCall();
    expect(calls.map((c) => c.route).sort()).toEqual([...new Set(routes)].sort());
  });

  it('is no-store on every answer: tokens, accounts, referrals, listings for professionals, codes, exports', async () => {
    const { calls } = await everyApiCall();
    const seen: Array<[string, number, string | null]> = [];
    for (const call of calls) {
      const response = await call.send();
      seen.push([call.route, response.status < 300 ? 200 : response.status, response.headers.get('Cache-Control')]);
    }
    const exportRoute = 'GET /export/data-inclusion/:file';
    // The export route set its own, stricter-sounding equivalent before this rule existed.
    expect(seen).toEqual(calls.map((c) => [c.route, 200, c.route === exportRoute ? 'private, no-store' : 'no-store']));
  });

  it('is no-store on refusals and errors too: a refused code, an unknown route, an outdated client', async () => {
    const { app } = await makeTestApp();
    const refused = await postJson(app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: 'BSL-FAUX-FAUX-FAUX',
      appareil: 'x',
    });
    const unknown = await app.request('/api/v1/nulle-part');
    const outdated = await app.request('/api/v1/health', { headers: { 'X-Boussole-Protocol': '0' } });
    expect([refused.status, unknown.status, outdated.status]).toEqual([401, 404, 426]);
    for (const response of [refused, unknown, outdated]) expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});
