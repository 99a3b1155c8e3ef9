// Bad input gets a 400 that names the field in French, unknown addresses a JSON 404, and a failure inside a
// handler a generic JSON 500 — the process keeps serving. Logs carry route patterns, never raw URLs or values.
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../server/logger.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { createMemoryStore } from '../../server/storage/memory-store.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { postJson, signInAs } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

/** French, and not zod's English defaults. */
const FRENCH = /attendu|Trop|non reconnue|entier|répété|Option invalide|Identifiant|Code INSEE/;
const ENGLISH = /expected|Invalid input|Too (big|small)|Unrecognized/;

describe('a malformed query', () => {
  it.each([
    ['/api/v1/directory?limit=abc', 'limit'],
    ['/api/v1/directory?limit=0', 'limit'],
    ['/api/v1/directory?limit=100000', 'limit'],
    ['/api/v1/directory?limit=2.5', 'limit'],
    ['/api/v1/directory?cursor=-1', 'cursor'],
    ['/api/v1/directory?cursor=abc', 'cursor'],
    ['/api/v1/directory?limt=10', 'limt'],
    ['/api/v1/directory?limit=10&limit=20', 'limit'],
    ['/api/v1/health?verbose=1', 'verbose'],
    ['/api/v1/structures?code_insee=lyon', 'code_insee'],
    ['/api/v1/structures?after=pas%20un%20id', 'after'],
    ['/api/v1/structures?limit=501', 'limit'],
    ['/api/v1/services?categorie=pizza', 'categorie'],
    ['/api/v1/services?structure=test--s001', 'structure'],
    ['/api/v1/structures/PAS-UN-ID', 'id'],
  ])('%s → 400 naming `%s` in French', async (url, field) => {
    const { app } = await makeTestApp();
    const response = await app.request(url);
    expect(response.status).toBe(400);
    const { error } = apiErrorSchema.parse(await jsonOf(response));
    expect(error.code).toBe('invalid_request');
    expect(error.problems?.[0]?.path).toBe(field);
    expect(error.problems?.[0]?.message).toMatch(FRENCH);
    expect(error.problems?.[0]?.message).not.toMatch(ENGLISH);
  });

  it('reports every faulty parameter, not only the first', async () => {
    const { app } = await makeTestApp();
    const body = apiErrorSchema.parse(await jsonOf(await app.request('/api/v1/directory?cursor=-1&limit=0&x=1')));
    expect(body.error.problems?.map((p) => p.path).sort()).toEqual(['cursor', 'limit', 'x']);
  });
});

describe('a body nested too deep', () => {
  // JSON.parse reads any depth; what runs after it (fingerprints, comparisons, SQLite's JSON CHECK) does not.
  const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  it.each([
    ['/api/v1/session', undefined],
    ['/api/v1/referrals', 'travailleur'],
    ['/api/v1/referrals/abcdefghijklmnop/status', 'travailleur'],
    ['/api/v1/import', 'coordinateur'],
    ['/api/v1/push', 'travailleur'],
  ] as const)('POST %s → 400 naming where, in French', async (url, role) => {
    const { app, store } = await makeTestApp();
    const device = role ? await signInAs(app, store, { role, nom: 'Camille' }) : undefined;
    const body = `{"protocol":${PROTOCOL_VERSION},"clientId":"${device?.clientId}","extra":${nested}}`;
    const response = await postJson(app, url, body, device?.auth);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await jsonOf(response)).error.problems).toEqual([
      { path: 'extra[0][0][0][0][0][0][0]…', message: 'Valeur trop imbriquée (au plus 64 niveaux)' },
    ]);
  });
});

describe('an unknown address', () => {
  it.each([
    ['GET', '/api/v1/nope'],
    ['GET', '/api/v2/directory'],
    ['GET', '/api'],
    ['POST', '/api/v1/directory'],
    ['DELETE', '/api/v1/structures/test--s001'],
    ['GET', '/'],
  ])('%s %s → JSON 404 not_found', async (method, url) => {
    const { app } = await makeTestApp();
    const response = await app.request(url, { method });
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await jsonOf(response)).error.code).toBe('not_found');
  });
});

describe('a failure inside a handler', () => {
  it('answers a generic JSON 500, logs the error with the route, and keeps serving', async () => {
    const failing: DirectoryStore = {
      ...createMemoryStore(),
      pull: async () => {
        throw new Error('disque plein');
      },
    };
    const { app, logger } = await makeTestApp({ store: failing });
    const response = await app.request('/api/v1/directory?cursor=0');
    expect(response.status).toBe(500);
    const body = apiErrorSchema.parse(await jsonOf(response));
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).not.toContain('disque plein');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        event: 'unhandled_error',
        route: '/api/v1/directory',
        error: { name: 'Error', frames: expect.arrayContaining([expect.stringContaining('api-errors.test.ts')]) },
      }),
    );
    expect(JSON.stringify(logger.lines)).not.toContain('disque plein');
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });
});

describe('request logs', () => {
  it('are one line per request with method, route pattern, status and duration', async () => {
    const { app, logger } = await makeTestApp();
    await app.request('/api/v1/structures/test--s002');
    await app.request('/api/v1/nope');
    const requests = logger.lines.filter((l) => l.event === 'request');
    expect(requests).toEqual([
      {
        level: 'info',
        event: 'request',
        method: 'GET',
        route: '/api/v1/structures/:id',
        status: 200,
        ms: expect.any(Number),
      },
      { level: 'info', event: 'request', method: 'GET', route: '(aucune route)', status: 404, ms: expect.any(Number) },
    ]);
  });

  it('never contain query values, path parameters or the raw URL', async () => {
    const { app, logger } = await makeTestApp();
    await app.request('/api/v1/structures?code_insee=69381&after=test--s001');
    await app.request('/api/v1/structures/test--s003');
    await app.request('/api/v1/services?structure_id=test--s002&categorie=pizza');
    const logged = JSON.stringify(logger.lines);
    for (const value of ['69381', 'test--s001', 'test--s003', 'test--s002', 'pizza', 'code_insee=', '?'])
      expect(logged).not.toContain(value);
    expect(logger.lines.map((l) => l.route)).toEqual([
      '/api/v1/structures',
      '/api/v1/structures/:id',
      '/api/v1/services',
    ]);
  });

  it('are written as JSON lines, errors apart from the rest', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createJsonLogger({ out: (l) => out.push(l), err: (l) => err.push(l) });
    logger.info({ event: 'request', route: '/api/v1/health', status: 200 });
    logger.error({ event: 'unhandled_error' });
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ level: 'info', event: 'request', time: expect.any(String) });
    expect(JSON.parse(err[0] ?? '')).toMatchObject({ level: 'error', event: 'unhandled_error' });
  });
});
