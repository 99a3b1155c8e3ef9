// POST /api/v1/push delivers each mutation exactly once, in order, whatever fails on the way: a response lost
// after the commit, the same batch sent twice at once, a server restarted between two steps, a gap in the ids.
// Bad input is answered 4xx naming the field, never 500; a bad mutation is refused without blocking the queue.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { silentLogger } from '../../server/logger.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { mutationGapSchema } from '../../src/domain/sync-protocol.ts';
import { asWrites, makeDirectory, makeStructure } from './fixtures/directory-fixture.ts';
import { postJson, pull, push, pushRaw, signInAs } from './fixtures/http-client.ts';
import { create, update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const NOM_2 = 'Épicerie solidaire de test 2';
const rename = (id: number, to: string, from = NOM_2) =>
  update(id, 'structure', 'test--s002', { nom: from }, { nom: to });

async function signedIn() {
  const test = await makeTestApp();
  const device = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Théo' });
  return { ...test, device };
}

describe('POST /api/v1/push, exactly once', () => {
  it('applies a mutation whose response was lost only once: the retry gets the same result', async () => {
    const { app, store, device } = await signedIn();
    const batch = [
      rename(1, 'Épicerie du quartier'),
      update(2, 'structure', 'test--s001', { telephone: null }, { telephone: '04 00 00 00 01' }),
    ];
    const first = await push(app, device, batch); // imagine this answer lost on the way back
    const retry = await push(app, device, batch);
    expect(retry).toEqual(first);
    expect(retry).toEqual({
      protocol: PROTOCOL_VERSION,
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ],
    });
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure.version).toBe(2);
    expect(await store.history({ kind: 'structure', id: 'test--s002', limit: 10 })).toHaveLength(1);
  });

  it('applies the same batch sent twice at once only once, and answers both identically', async () => {
    const { app, store, device } = await signedIn();
    const batch = [rename(1, 'Nom un'), rename(2, 'Nom deux', 'Nom un'), rename(3, 'Nom trois', 'Nom deux')];
    const [a, b] = await Promise.all([push(app, device, batch), push(app, device, batch)]);
    expect(a).toEqual(b);
    expect(a.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure).toMatchObject({
      nom: 'Nom trois',
      version: 4,
    });
    expect(await store.history({ kind: 'structure', id: 'test--s002', limit: 10 })).toHaveLength(3);
  });

  it('keeps results and lastMutationId when the server is stopped and restarted on the same SQLite file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'boussole-restart-'));
    try {
      const path = join(dir, 'boussole.sqlite');
      let store = openSqliteStore({ path });
      await store.upsert(asWrites(makeDirectory(3, 2)));
      let app = createApp({ store, logger: silentLogger });
      const device = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
      const answered = await push(app, device, [rename(1, 'Avant arrêt')]);
      await store.close(); // killed between the commit and the device reading the answer
      store = openSqliteStore({ path });
      app = createApp({ store, logger: silentLogger });
      expect(await push(app, device, [rename(1, 'Avant arrêt')])).toEqual(answered);
      expect((await pull(app, device)).lastMutationId).toBe(1);
      expect((await push(app, device, [rename(2, 'Après redémarrage', 'Avant arrêt')])).lastMutationId).toBe(2);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops at a gap with 409 and the expected id, applying what came before and nothing after', async () => {
    const { app, store, device } = await signedIn();
    await push(app, device, [rename(1, 'Nom un')]);
    const response = await pushRaw(app, device, [rename(2, 'Nom deux', 'Nom un'), rename(4, 'Nom quatre', 'Nom deux')]);
    expect(response.status).toBe(409);
    const gap = mutationGapSchema.parse(await jsonOf(response));
    expect(gap).toMatchObject({
      error: { code: 'mutation_gap', expected: 3 },
      lastMutationId: 2,
      results: [{ id: 2, status: 'applied' }],
    });
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure.nom).toBe('Nom deux');
  });

  it('refuses an id reused for another content, without blocking the queue', async () => {
    const { app, device } = await signedIn();
    await push(app, device, [rename(1, 'Nom un')]);
    const reused = await push(app, device, [rename(1, 'Autre contenu'), rename(2, 'Nom deux', 'Nom un')]);
    expect(reused.results).toMatchObject([
      { id: 1, status: 'rejected', reason: { code: 'identifiant-reutilise' } },
      { id: 2, status: 'applied' },
    ]);
  });
});

describe('POST /api/v1/push, bad input', () => {
  it('refuses a malformed envelope with 400 naming the field, before applying anything', async () => {
    const { app, device } = await signedIn();
    const cases: Array<[unknown, string]> = [
      [{ protocol: PROTOCOL_VERSION, mutations: [rename(1, 'Nom un')] }, 'clientId'],
      [{ protocol: PROTOCOL_VERSION, clientId: device.clientId, mutations: [] }, 'mutations'],
      [
        {
          protocol: PROTOCOL_VERSION,
          clientId: device.clientId,
          mutations: Array.from({ length: 101 }, (_, i) => rename(i + 1, 'Nom')),
        },
        'mutations',
      ],
      [
        {
          protocol: PROTOCOL_VERSION,
          clientId: device.clientId,
          mutations: [rename(1, 'Nom un'), { name: 'record.update' }],
        },
        'mutations[1].id',
      ],
      [{ protocol: PROTOCOL_VERSION, clientId: device.clientId, mutations: [rename(1, 'Nom un'), 42] }, 'mutations[1]'],
    ];
    for (const [body, path] of cases) {
      const response = await postJson(app, '/api/v1/push', body, device.auth);
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await jsonOf(response)).error.problems?.map((p) => p.path)).toContain(path);
    }
    expect((await pull(app, device)).lastMutationId).toBe(0);
  });

  it('refuses another device’s client id (403), an old protocol (426) and a body over 1 MiB (413), as JSON', async () => {
    const { app, store, device } = await signedIn();
    const other = await signInAs(app, store, { role: 'travailleur', nom: 'Tina' });
    const foreign = await postJson(
      app,
      '/api/v1/push',
      { protocol: PROTOCOL_VERSION, clientId: other.clientId, mutations: [rename(1, 'Vol')] },
      device.auth,
    );
    expect([foreign.status, apiErrorSchema.parse(await jsonOf(foreign)).error.code]).toEqual([403, 'forbidden']);
    const old = await postJson(
      app,
      '/api/v1/push',
      { protocol: 0, clientId: device.clientId, mutations: [] },
      device.auth,
    );
    expect([old.status, apiErrorSchema.parse(await jsonOf(old)).error.code]).toEqual([426, 'client_outdated']);
    // 100 mutations of 12 kB each: 1.2 MB, over the 1 MiB limit of a push.
    const padded = Array.from({ length: 100 }, (_, i) => ({
      ...rename(i + 1, 'Nom'),
      remplissage: 'x'.repeat(12_000),
    }));
    const tooLarge = await pushRaw(app, device, padded);
    expect([tooLarge.status, apiErrorSchema.parse(await jsonOf(tooLarge)).error.code]).toEqual([
      413,
      'payload_too_large',
    ]);
    expect((await pull(app, device)).lastMutationId).toBe(0);
  });

  it('refuses a mutation of an unknown name or with bad arguments, moving the queue on', async () => {
    const { app, device } = await signedIn();
    const response = await push(app, device, [
      { id: 1, name: 'record.merge', args: {} },
      { id: 2, name: 'record.update', args: { kind: 'structure', id: 'pas un id', base: {}, changes: {} } },
      rename(3, 'Nom trois'),
    ]);
    expect(response).toMatchObject({
      lastMutationId: 3,
      results: [
        { id: 1, status: 'rejected', reason: { code: 'mutation-inconnue' } },
        { id: 2, status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'args.id' }] } },
        { id: 3, status: 'applied' },
      ],
    });
  });

  it('rejects `invalide` with the problems of a record the mutation would leave invalid, changing nothing', async () => {
    const { app, store, device } = await signedIn();
    const response = await push(app, device, [
      update(
        1,
        'structure',
        'test--s002',
        { code_postal: '69001', courriel: null },
        { code_postal: 'Lyon', courriel: 'pas-une-adresse' },
      ),
      create(2, 'structure', { ...makeStructure(9), langues: ['klingon'] }),
    ]);
    expect(response.results).toMatchObject([
      {
        id: 1,
        status: 'rejected',
        reason: { code: 'invalide', problems: [{ path: 'code_postal' }, { path: 'courriel' }] },
      },
      { id: 2, status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'langues[0]' }] } },
    ]);
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure).toMatchObject({
      code_postal: '69001',
      version: 1,
    });
    expect(await store.getStructure('test--s009', SERVER_READER)).toBeUndefined();
  });

  it('refuses alone a mutation nested too deep or oversized, naming the field; the others apply and a retry gets the same answers', async () => {
    const { app, store, device } = await signedIn();
    // As text: JSON.stringify itself cannot write a value this deep. 10,000 levels overflowed the stack of the
    // fingerprint; a conflicting `base` of 1,500 failed SQLite's json_valid CHECK on the conflict row. Both were
    // 500s, which the device retries forever.
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const deep = (id: number, base: string, changes: string) =>
      `{"id":${id},"name":"record.update","args":{"kind":"structure","id":"test--s002","base":${base},"changes":${changes}}}`;
    const mutations = [
      JSON.stringify(rename(1, 'Nom un')),
      deep(2, JSON.stringify({ nom: 'Nom un' }), `{"nom":${nested(10_000)}}`),
      deep(3, `{"nom":${nested(1_500)}}`, JSON.stringify({ nom: 'Nom trois' })),
      JSON.stringify(update(4, 'structure', 'test--s001', { description: null }, { description: 'x'.repeat(30_000) })),
      JSON.stringify({
        id: 5,
        name: 'conflict.resolve',
        args: { conflictId: 'c1', value: { x: [...Array(6_000)].map(() => 0) } },
      }),
      JSON.stringify(rename(6, 'Nom six', 'Nom un')),
    ];
    const body = `{"protocol":${PROTOCOL_VERSION},"clientId":"${device.clientId}","mutations":[${mutations.join(',')}]}`;
    const first = await postJson(app, '/api/v1/push', body, device.auth);
    expect(first.status).toBe(200);
    const answer = await jsonOf(first);
    const tooDeep = {
      code: 'invalide',
      problems: [{ path: 'args.changes.nom.a.a.a.a.a…', message: expect.stringMatching(/imbriquée/) }],
    };
    expect(answer).toMatchObject({
      lastMutationId: 6,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected', reason: tooDeep },
        { id: 3, status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'args.base.nom.a.a.a.a.a…' }] } },
        {
          id: 4,
          status: 'rejected',
          reason: { problems: [{ path: 'args.changes.description', message: expect.stringMatching(/trop long/) }] },
        },
        {
          id: 5,
          status: 'rejected',
          reason: { problems: [{ path: 'args.value.x', message: expect.stringMatching(/trop longue/) }] },
        },
        { id: 6, status: 'applied' },
      ],
    });
    const retry = await postJson(app, '/api/v1/push', body, device.auth);
    expect([retry.status, await jsonOf(retry)]).toEqual([200, answer]);
    expect((await store.getStructure('test--s002', SERVER_READER))?.structure).toMatchObject({
      nom: 'Nom six',
      version: 3,
    });
  });

  it('refuses with 400 naming where an envelope nested too deep, before applying anything', async () => {
    const { app, device } = await signedIn();
    const nested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const body = `{"protocol":${PROTOCOL_VERSION},"clientId":"${device.clientId}","mutations":[${JSON.stringify(rename(1, 'Nom un'))}],"extra":${nested}}`;
    const response = await postJson(app, '/api/v1/push', body, device.auth);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await jsonOf(response)).error.problems).toEqual([
      { path: 'extra[0][0][0][0][0][0][0]…', message: 'Valeur trop imbriquée (au plus 64 niveaux)' },
    ]);
    expect((await pull(app, device)).lastMutationId).toBe(0);
  });
});
