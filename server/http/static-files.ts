// Serves the built PWA (vite build → dist/) next to the API, so one process and one origin do everything.
//
// Caching contract, chosen so that an update is never half-applied:
// - /assets/* are content-hashed by Vite: cached for a year, immutable (a new build has new names);
// - everything else (index.html, sw.js, the manifest, icons, registerSW.js) is `no-cache`: the browser must
//   revalidate, so a new service worker and a new shell are seen on the next visit. The service worker does the
//   offline caching itself; HTTP caching must not hold an old sw.js or index.html.
// Deep links (/structures/abc in the app's router) answer index.html, as the service worker does offline; a
// missing file with an extension (a stale hashed asset) stays a 404, so the browser never runs HTML as a script.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiError } from '../../src/domain/api-error.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

function cacheControlFor(requestPath: string): string {
  return requestPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/** A request the browser makes to display a page, as opposed to loading a resource of it. */
function isNavigation(c: Context): boolean {
  if (c.req.header('Sec-Fetch-Mode') === 'navigate') return true;
  if (c.req.header('Accept')?.includes('text/html')) return true;
  const lastSegment = c.req.path.split('/').at(-1) ?? '';
  return !lastSegment.includes('.');
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * GET/HEAD handler for everything outside /api. `staticDir` is looked up on every request (one stat): a server
 * started before `npm run build` starts serving the app as soon as the build exists.
 */
export function staticFiles(staticDir: string): MiddlewareHandler {
  const root = resolve(staticDir);
  const indexPath = join(root, 'index.html');
  // Built on first use: serveStatic prints a non-JSON warning when its root is missing at construction.
  let handlers: { files: MiddlewareHandler; shell: MiddlewareHandler } | undefined;
  // Headers go on the Response serveStatic built (its onFound hook runs too late for c.header to reach it), and
  // only when a file was found: a 404 must never be cached as immutable.
  const withCache = (response: Response, policy: string) => {
    response.headers.set('Cache-Control', policy);
    return response;
  };

  return async (c, next) => {
    if (isApi(c.req.path)) return next();
    if (!existsSync(indexPath)) {
      const body: ApiError = {
        error: {
          code: 'app_not_built',
          message: `L'application n'est pas construite (${staticDir}/index.html absent) : lancez « npm run build », puis rechargez la page. L'API /api/v1 fonctionne.`,
        },
      };
      c.header('Cache-Control', REVALIDATE);
      return c.json(body, 503);
    }
    handlers ??= { files: serveStatic({ root }), shell: serveStatic({ root, path: 'index.html' }) };
    const { files, shell } = handlers;
    const served = await files(c, async () => {});
    if (served) return withCache(served, cacheControlFor(c.req.path));
    if (isNavigation(c)) {
      const fallback = await shell(c, async () => {});
      if (fallback) return withCache(fallback, REVALIDATE);
    }
    return next();
  };
}
