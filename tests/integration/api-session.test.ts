// Signing a device in with an invitation code, asking who it is, signing out; the bearer token on every route;
// demo codes only in demo mode; bad bodies, old protocols and oversized bodies refused with JSON naming the field.
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { seedDemoAccounts } from '../../server/demo-accounts.ts';
import { silentLogger } from '../../server/logger.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { demoCodesSchema, sessionSchema, signInResponseSchema } from '../../src/domain/sync-protocol.ts';
import { aStructure } from '../fixtures/records.ts';
import { postJson, pull, signInAs } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await jsonOf(response)).error;
}

describe('POST /api/v1/session', () => {
  it('exchanges a code for a token, a client id and the account; the token then says who the device is', async () => {
    const { app, store } = await makeTestApp();
    await store.createInvitations([
      {
        codeHash: sha256('BSL-ABCD-EFGH-JKMN'),
        role: 'travailleur',
        nom: 'Théo',
        created_at: NOW.toISOString(),
        reusable: false,
      },
    ]);
    // Typed on a tablet: lower case and spaces are forgiven.
    const response = await postJson(app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: ' bsl-abcd-efgh-jkmn ',
      appareil: 'Tablette MDM',
    });
    expect(response.status).toBe(200);
    const session = signInResponseSchema.parse(await jsonOf(response));
    expect(session.account).toMatchObject({ nom: 'Théo', role: 'travailleur' });
    const me = await app.request('/api/v1/session', { headers: { Authorization: `Bearer ${session.token}` } });
    expect(sessionSchema.parse(await jsonOf(me))).toEqual({
      protocol: PROTOCOL_VERSION,
      clientId: session.clientId,
      account: session.account,
    });
    // The token itself is never stored.
    expect(JSON.stringify(await store.listDevices())).not.toContain(session.token);
  });

  it('refuses an unknown, used or expired code with a French 401 naming `code`', async () => {
    const { app, store } = await makeTestApp();
    await store.createInvitations([
      {
        codeHash: sha256('BSL-UTIL-ISEE-0000'),
        role: 'travailleur',
        nom: 'A',
        created_at: NOW.toISOString(),
        reusable: false,
      },
      {
        codeHash: sha256('BSL-EXPI-REEE-0000'),
        role: 'travailleur',
        nom: 'B',
        created_at: NOW.toISOString(),
        expires_at: NOW.toISOString(),
        reusable: false,
      },
    ]);
    const signIn = (code: string) =>
      postJson(app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code, appareil: 'Tablette' });
    expect((await signIn('BSL-UTIL-ISEE-0000')).status).toBe(200);
    for (const [code, words] of [
      ['BSL-UTIL-ISEE-0000', /déjà servi/],
      ['BSL-EXPI-REEE-0000', /expiré/],
      ['BSL-INCO-NNUE-0000', /inconnu/],
    ] as const) {
      const response = await signIn(code);
      expect(response.status).toBe(401);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'invalid_invitation', problems: [{ path: 'code' }] });
      expect(error.message).toMatch(words);
    }
  });

  it('refuses a malformed body with 400 naming each field, an old protocol with 426, a huge body with 413', async () => {
    const { app } = await makeTestApp();
    const bad = await postJson(app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code: 'a b', appareil: '' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).problems?.map((p) => p.path).sort()).toEqual(['appareil', 'code']);
    const notJson = await postJson(app, '/api/v1/session', '{"protocol": 1,');
    expect([notJson.status, (await errorOf(notJson)).code]).toEqual([400, 'invalid_request']);
    const old = await postJson(app, '/api/v1/session', { protocol: 0, whatever: true });
    expect([old.status, (await errorOf(old)).code]).toEqual([426, 'client_outdated']);
    const future = await postJson(app, '/api/v1/session', { protocol: 99, code: 'BSL-0000-0000', appareil: 'x' });
    expect([future.status, (await errorOf(future)).problems?.[0]?.path]).toEqual([400, 'protocol']);
    const huge = await postJson(app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: 'BSL-0000',
      appareil: 'x'.repeat(20_000),
    });
    expect([huge.status, (await errorOf(huge)).code]).toEqual([413, 'payload_too_large']);
  });
});

describe('the device token', () => {
  it('is revoked by DELETE /session: the next requests get 401 unauthenticated, reads included', async () => {
    const { app, store } = await makeTestApp();
    const device = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    expect((await app.request('/api/v1/session', { method: 'DELETE', headers: device.auth })).status).toBe(204);
    for (const url of ['/api/v1/session', '/api/v1/directory', '/api/v1/structures']) {
      const response = await app.request(url, { headers: device.auth });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthenticated');
    }
  });

  it('is required where the route needs an account, and a malformed one is refused rather than ignored', async () => {
    const { app } = await makeTestApp();
    expect((await app.request('/api/v1/session')).status).toBe(401);
    expect((await app.request('/api/v1/history?kind=structure&id=test--s001')).status).toBe(401);
    expect(
      (await postJson(app, '/api/v1/push', { protocol: PROTOCOL_VERSION, clientId: 'x', mutations: [] })).status,
    ).toBe(401);
    const garbage = await app.request('/api/v1/directory', { headers: { Authorization: 'Basic abc' } });
    expect(garbage.status).toBe(401);
    expect((await pull(app, undefined)).lastMutationId).toBeNull();
  });

  it('refuses a GET whose X-Boussole-Protocol header is too old (426) or not a version (400)', async () => {
    const { app } = await makeTestApp();
    const old = await app.request('/api/v1/directory', { headers: { 'X-Boussole-Protocol': '0' } });
    expect([old.status, (await errorOf(old)).code]).toEqual([426, 'client_outdated']);
    const bad = await app.request('/api/v1/directory', { headers: { 'X-Boussole-Protocol': 'un' } });
    expect([bad.status, (await errorOf(bad)).problems?.[0]?.path]).toEqual([400, 'X-Boussole-Protocol']);
    const current = await app.request('/api/v1/directory', { headers: { 'X-Boussole-Protocol': '1' } });
    expect(current.status).toBe(200);
  });
});

describe('demo codes', () => {
  it('are served and accepted in demo mode, one shared account per role, the partner bound to a structure with services', async () => {
    const { app, store } = await makeTestApp({ mode: 'demo' });
    await seedDemoAccounts(store, { now: NOW, logger: silentLogger });
    const { codes } = demoCodesSchema.parse(await jsonOf(await app.request('/api/v1/demo')));
    expect(codes.map((c) => [c.role, c.code.replace(/(-[A-HJKMNP-Z2-9]{4}){4}$/, '-XXXX-XXXX-XXXX-XXXX')])).toEqual([
      ['coordinateur', 'DEMO-COORD-XXXX-XXXX-XXXX-XXXX'],
      ['travailleur', 'DEMO-TRAV-XXXX-XXXX-XXXX-XXXX'],
      ['partenaire', 'DEMO-PART-XXXX-XXXX-XXXX-XXXX'],
    ]);
    // They never expire and open shared accounts: 16 characters drawn from 31 are about 79 bits, out of reach of
    // guessing (at least 60 bits were asked for), and each role's is its own.
    expect(new Set(codes.map((c) => c.code.split('-').slice(2).join(''))).size).toBe(3);
    const signIn = async (code: string) =>
      signInResponseSchema.parse(
        await jsonOf(await postJson(app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code, appareil: 'Démo' })),
      );
    const partner = await signIn(codes[2]?.code ?? '');
    expect(partner.account.structure_id).toBe('test--s002'); // the first épicerie sociale of the fixture
    const again = await signIn(codes[2]?.code ?? '');
    expect(again.account).toEqual(partner.account);
    expect(again.clientId).not.toBe(partner.clientId);
    // Seeding again (a restart) keeps the same codes.
    expect((await seedDemoAccounts(store, { now: NOW, logger: silentLogger })).codes).toEqual(codes);
  });

  it('sign the demo worker into a team: the first MDM of the directory, else the first structure', async () => {
    const { app, store } = await makeTestApp({ mode: 'demo' });
    const mdm = aStructure(900, { nom: 'Maison de la Métropole Vénissieux – Centre' });
    await store.upsert([{ kind: 'structure', record: mdm }]);
    const { codes } = await seedDemoAccounts(store, { now: NOW, logger: silentLogger });
    const worker = signInResponseSchema.parse(
      await jsonOf(
        await postJson(app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code: codes[1]?.code, appareil: 'Démo' }),
      ),
    );
    expect(worker.account).toMatchObject({ role: 'travailleur', equipe_id: mdm.id });
    expect(worker.account.structure_id).toBeUndefined();

    const plain = await makeTestApp({ mode: 'demo' });
    await seedDemoAccounts(plain.store, { now: NOW, logger: silentLogger });
    const { codes: plainCodes } = demoCodesSchema.parse(await jsonOf(await plain.app.request('/api/v1/demo')));
    const other = signInResponseSchema.parse(
      await jsonOf(
        await postJson(plain.app, '/api/v1/session', {
          protocol: PROTOCOL_VERSION,
          code: plainCodes[1]?.code,
          appareil: 'Démo',
        }),
      ),
    );
    expect(other.account.equipe_id).toBe('test--s001');
  });

  it('are neither served nor accepted in production mode', async () => {
    const { app, store } = await makeTestApp();
    const { codes } = await seedDemoAccounts(store, { now: NOW, logger: silentLogger });
    expect((await app.request('/api/v1/demo')).status).toBe(404);
    const response = await postJson(app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: codes[0]?.code,
      appareil: 'x',
    });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/démonstration/);
  });
});
