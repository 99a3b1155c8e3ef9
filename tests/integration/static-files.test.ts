// The server also serves the built PWA: right content types, caching that never pins an old service worker or
// shell, deep links answered by the shell, and a clear 503 when the app has not been built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const HTML = '<!doctype html><title>Boussole</title>';
const html = { Accept: 'text/html,application/xhtml+xml' };

describe('serving the built app', () => {
  let base: string;
  let dist: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'boussole-dist-'));
    dist = join(base, 'dist');
    await writeFile(join(base, 'secret.txt'), 'SECRET');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await mkdir(join(dist, 'icons'));
    await writeFile(join(dist, 'index.html'), HTML);
    await writeFile(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(join(dist, 'assets', 'index-Bx12ab.js'), 'console.log("app");');
    await writeFile(join(dist, 'assets', 'index-Cd34ef.css'), 'body{}');
    await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"Boussole"}');
    await writeFile(join(dist, 'icons', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  afterEach(async () => rm(base, { recursive: true, force: true }));

  it.each([
    ['/', 'text/html', 'no-cache'],
    ['/index.html', 'text/html', 'no-cache'],
    ['/sw.js', 'text/javascript', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/icons/icon.svg', 'image/svg+xml', 'no-cache'],
    ['/assets/index-Bx12ab.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/assets/index-Cd34ef.css', 'text/css', 'public, max-age=31536000, immutable'],
  ])('%s is served as %s with Cache-Control %s', async (url, type, cache) => {
    const { app } = await makeTestApp({ staticDir: dist });
    const response = await app.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')?.startsWith(type)).toBe(true);
    expect(response.headers.get('Cache-Control')).toBe(cache);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers deep links with the shell, uncached, so the app router can open them', async () => {
    const { app } = await makeTestApp({ staticDir: dist });
    for (const [url, headers] of [
      ['/structures/test--s001', html],
      ['/orientation/resultats', {}],
      ['/partenaire/demo--abc.1', { 'Sec-Fetch-Mode': 'navigate' }],
    ] as const) {
      const response = await app.request(url, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
      expect(await response.text()).toBe(HTML);
    }
  });

  it('keeps a missing asset a 404 (never HTML for a script) and the API out of the fallback', async () => {
    const { app } = await makeTestApp({ staticDir: dist });
    const asset = await app.request('/assets/index-OLD999.js');
    expect(asset.status).toBe(404);
    expect(apiErrorSchema.parse(await jsonOf(asset)).error.code).toBe('not_found');
    const api = await app.request('/api/v1/nope', { headers: html });
    expect(api.status).toBe(404);
    expect(apiErrorSchema.parse(await jsonOf(api)).error.code).toBe('not_found');
    expect((await app.request('/api/v1/health', { headers: html })).status).toBe(200);
  });

  it('refuses to leave the directory', async () => {
    const { app } = await makeTestApp({ staticDir: dist });
    for (const url of ['/..%2fsecret.txt', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await app.request(`http://localhost${url}`, { headers: html });
      expect(await response.text()).not.toContain('SECRET');
    }
    // The control: the same file is readable when it is inside the served directory.
    await writeFile(join(dist, 'secret.txt'), 'SECRET');
    expect(await (await app.request('/secret.txt')).text()).toBe('SECRET');
  });

  it('answers a JSON 503 naming `npm run build` when the app is not built, while the API works', async () => {
    const { app } = await makeTestApp({ staticDir: join(dist, 'absent') });
    const page = await app.request('/', { headers: html });
    expect(page.status).toBe(503);
    const body = apiErrorSchema.parse(await jsonOf(page));
    expect(body.error.code).toBe('app_not_built');
    expect(body.error.message).toContain('npm run build');
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });
});
