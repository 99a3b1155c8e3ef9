// The read endpoints of the directory under /api/v1. Routes stay thin: parse the query, ask the store, shape
// the answer. Signing in is optional here: each answer holds what its reader may see (sync/visibility.ts).
// Sessions, push and history are in session-routes.ts and sync-routes.ts.
//
// Responses are not re-validated against the domain schemas on every request: each record was parsed when the
// store read it back (a row that does not parse is left out and logged there), and the envelope is built here
// from typed values. Tests validate every response shape against the schemas instead (tests/integration/).
import { Hono } from 'hono';
import { type DirectoryPage, PROTOCOL_VERSION } from '../../src/domain/directory.ts';
import { recordId } from '../../src/domain/primitives.ts';
import { parse } from '../../src/domain/validation.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { readerOf } from '../sync/visibility.ts';
import {
  directoryStrictQuerySchema,
  emptyQuerySchema,
  type Health,
  type ServicesPage,
  type StructureDetail,
  type StructuresPage,
  servicesQuerySchema,
  structuresQuerySchema,
} from './api-schemas.ts';
import { optionalSession } from './auth.ts';
import type { AppEnv, Clock } from './env.ts';
import { invalidRequest, notFound, parseQuery } from './query.ts';

export function createApiRoutes(store: DirectoryStore, clock: Clock): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const session = optionalSession(store, clock);

  api.get('/health', async (c) => {
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const [epoch, counts] = await Promise.all([store.epoch(), store.counts()]);
    const body: Health = { ok: true, protocol: PROTOCOL_VERSION, epoch, counts };
    return c.json(body);
  });

  // The pull of the sync protocol: the app fills IndexedDB from here, pages ordered by seq, from cursor 0 on a
  // first download, from its last cursor afterwards. `epoch` changes when the database is replaced: the client
  // then starts over. A signed-in device also learns its last handled mutation id (read with the page).
  api.get('/directory', session, async (c) => {
    const query = parseQuery(c, directoryStrictQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const current = c.get('session');
    const [epoch, page] = await Promise.all([
      store.epoch(),
      store.pull({
        cursor: query.value.cursor,
        limit: query.value.limit,
        reader: readerOf(current?.account),
        ...(current ? { clientId: current.clientId } : {}),
      }),
    ]);
    const body: DirectoryPage = { protocol: PROTOCOL_VERSION, epoch, ...page };
    return c.json(body);
  });

  api.get('/structures', session, async (c) => {
    const query = parseQuery(c, structuresQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const { after, limit, code_insee } = query.value;
    const page = await store.listStructures({
      reader: readerOf(c.get('session')?.account),
      limit,
      ...(after === undefined ? {} : { after }),
      ...(code_insee === undefined ? {} : { code_insee }),
    });
    const body: StructuresPage = { protocol: PROTOCOL_VERSION, structures: page.items, next: page.next };
    return c.json(body);
  });

  api.get('/structures/:id', session, async (c) => {
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const id = parse(recordId, c.req.param('id'));
    if (!id.ok)
      return invalidRequest(
        c,
        id.problems.map((p) => ({ ...p, path: 'id' })),
      );
    const found = await store.getStructure(id.value, readerOf(c.get('session')?.account));
    if (!found) return notFound(c, 'Structure inconnue : elle a peut-être été supprimée ou fusionnée.');
    const body: StructureDetail = { protocol: PROTOCOL_VERSION, ...found };
    return c.json(body);
  });

  api.get('/services', session, async (c) => {
    const query = parseQuery(c, servicesQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const { after, limit, structure_id, categorie } = query.value;
    const page = await store.listServices({
      reader: readerOf(c.get('session')?.account),
      limit,
      ...(after === undefined ? {} : { after }),
      ...(structure_id === undefined ? {} : { structure_id }),
      ...(categorie === undefined ? {} : { categorie }),
    });
    const body: ServicesPage = { protocol: PROTOCOL_VERSION, services: page.items, next: page.next };
    return c.json(body);
  });

  return api;
}
