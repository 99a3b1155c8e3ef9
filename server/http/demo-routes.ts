// GET /api/v1/demo: the demo codes, for the sign-in screen's "Essayer la démo" buttons. Only in demo mode; a
// production server answers 404, as if the route did not exist.
import { Hono } from 'hono';
import { readDemoCodes } from '../demo-accounts.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { emptyQuerySchema } from './api-schemas.ts';
import type { AppEnv } from './env.ts';
import { invalidRequest, notFound, parseQuery } from './query.ts';

/** What the demo route use of the store. */
export type DemoRoutesStore = Pick<DirectoryStore, 'getMeta'>;

export function createDemoRoutes(store: DemoRoutesStore, demo: boolean): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/demo', async (c) => {
    const missing = () => notFound(c, 'Pas de mode démonstration sur ce serveur.');
    if (!demo) return missing();
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const codes = await readDemoCodes(store);
    return codes ? c.json(codes) : missing();
  });
  return routes;
}
