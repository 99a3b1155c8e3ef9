// The read endpoints of the directory under /api/v1. Routes stay thin: parse the query, ask the store, shape
// the answer. Signing in is optional here: each answer holds what its reader may see (sync/visibility.ts).
// Sessions, push and history are in session-routes.ts and sync-routes.ts.
//
// Responses are not re-validated against the domain schemas on every request: each record was parsed when the
// store read it back (a row that does not parse is left out and logged there), and the envelope is built here
// from typed values. Tests validate every response shape against the schemas instead (tests/integration/).
import { Hono } from 'hono';
import { recordId } from '../../src/domain/primitives.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
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
import type { SessionStore } from './auth.ts';
import { optionalSession } from './auth.ts';
import type { AppEnv, Clock } from './env.ts';
import { acceptsGzip, keepPage, PageCache, pageBody } from './feed-body.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest, notFound, parseQuery } from './query.ts';

/** What the directory routes use of the store. */
export type ApiRoutesStore = SessionStore &
  Pick<DirectoryStore, 'counts' | 'epoch' | 'feedHead' | 'getStructure' | 'listServices' | 'listStructures' | 'pull'>;

/** Memory for kept feed pages (compressed): a 50k directory's first download, with room for deltas. */
const PAGE_CACHE_BYTES = 48 * 1024 * 1024;

/** Readers that receive the same feed: same visibility class, and the same account for its conflicts. */
function readerKey(account: Account | undefined): string {
  return account ? `${account.role}|${account.id}|${account.structure_id ?? ''}` : 'anonymous';
}

export function createApiRoutes(store: ApiRoutesStore, clock: Clock): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const session = optionalSession(store, clock);

  api.get('/health', async (c) => {
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const [epoch, counts] = await Promise.all([store.epoch(), store.counts()]);
    const body: Health = { ok: true, protocol: answerProtocol(c), epoch, counts };
    return c.json(body);
  });

  // The pull of the sync protocol: the app fills IndexedDB from here, pages ordered by seq, from cursor 0 on a
  // first download, from its last cursor afterwards. `epoch` changes when the database is replaced: the client
  // then starts over. A signed-in device also learns its last handled mutation id (read with the page). Pages
  // are kept serialised and compressed (feed-body.ts) until the last seq moves, from the second time they are asked.
  const pages = new PageCache(PAGE_CACHE_BYTES);
  api.get('/directory', session, async (c) => {
    const query = parseQuery(c, directoryStrictQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const { cursor, limit } = query.value;
    const current = c.get('session');
    const clientId = current?.clientId;
    // Clients of an older protocol get a feed without the kinds they do not know (sync/feed.ts): kept apart.
    const protocol = answerProtocol(c);
    const pageQuery = `${cursor}|${limit}|${protocol}|${readerKey(current?.account)}`;
    const keyOf = (head: { epoch: string; lastSeq: number }) => `${head.epoch}|${head.lastSeq}|${pageQuery}`;
    // The head says whether a kept page is still current; when no page of this query is kept (a device's delta from
    // its own cursor, mostly), there is nothing to look for, and the pull reads the head itself, in its snapshot.
    const head = pages.keeps(pageQuery) ? await store.feedHead(clientId) : undefined;
    let page = head && pages.get(keyOf(head));
    let lastMutationId = head?.lastMutationId ?? null;
    if (!page) {
      const reader = readerOf(current?.account);
      const {
        epoch,
        lastSeq,
        lastMutationId: last,
        ...read
      } = await store.pull({
        cursor,
        limit,
        reader,
        protocol,
        ...(clientId === undefined ? {} : { clientId }),
      });
      page = keepPage({ protocol, epoch, ...read });
      if (pages.worthKeeping(pageQuery)) pages.put(keyOf({ epoch, lastSeq }), page, pageQuery);
      lastMutationId = last;
    }
    const { body, encoding } = pageBody(page, lastMutationId, acceptsGzip(c.req.header('Accept-Encoding')));
    c.header('Content-Type', 'application/json');
    c.header('Vary', 'Accept-Encoding, Authorization');
    if (encoding) c.header('Content-Encoding', encoding);
    return c.body(body);
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
    const body: StructuresPage = { protocol: answerProtocol(c), structures: page.items, next: page.next };
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
    const body: StructureDetail = { protocol: answerProtocol(c), ...found };
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
    const body: ServicesPage = { protocol: answerProtocol(c), services: page.items, next: page.next };
    return c.json(body);
  });

  return api;
}
