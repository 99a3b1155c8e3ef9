// The worker that does the directory's heavy work (see src/sync/worker-pull.ts): downloads with its own connection
// to the device's database and its own transport — the same code the page would run — and makes the catalog's
// start-up copy (src/db/catalog-cache.ts). The page's sync controller never asks for two downloads at once.
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { readSyncState } from '../../db/directory-state.ts';
import { compactFeedPages } from '../../db/feed-page-compaction.ts';
import { openDatabase } from '../../db/open-database.ts';
import { awaitingSignIn, readSession } from '../../db/session-repo.ts';
import { DEFAULT_PAGE_SIZE, pullDirectory } from '../../sync/directory-pull.ts';
import { type Lookahead, lookahead } from '../../sync/lookahead.ts';
import { httpTransport } from '../../sync/transport.ts';
import { describeFailure, PULL_MEASURE, type WorkerReply, type WorkerRequest } from '../../sync/worker-pull.ts';
// With the worker's script, not a lazy chunk: loaded at the first copy, it made the first download slower.
import { makeCatalogCache } from '../directory/catalog-cache-maker.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};
// Opened as the worker loads (at the page's boot), not when the first request comes; a failure shows at first use.
const { db, opened } = openDatabase();
opened.catch(() => {});

/** Feed pages the worker fetches while the page boots: the page's first download takes them. */
const PAGES_AHEAD = 4;

/**
 * Online and signed out (a first visit is), the download the page is about to ask for is the public feed from the
 * copy's cursor: its first pages are fetched at once. Signed in, the token is the page's to give: nothing is asked.
 */
async function startLookahead(): Promise<Lookahead | null> {
  if (!navigator.onLine) return null;
  const [state, session, waiting] = await Promise.all([readSyncState(db), readSession(db), awaitingSignIn(db)]);
  if (session || waiting) return null;
  return lookahead(httpTransport(), { from: state.cursor, pageSize: DEFAULT_PAGE_SIZE, pages: PAGES_AHEAD });
}
let ahead: Promise<Lookahead | null> | null = startLookahead().catch(() => null);

async function download(id: number, token: string | null) {
  const early = await ahead;
  ahead = null;
  const plain = httpTransport({ getToken: () => token });
  const transport = early && token === null ? early : plain;
  try {
    return await pull(id, transport);
  } finally {
    early?.stop();
  }
}

function pull(id: number, transport: Pick<ReturnType<typeof httpTransport>, 'getDirectoryPage'>) {
  return pullDirectory({
    transport,
    store: {
      readState: () => readSyncState(db),
      applyPage: (page, options) => applyDirectoryPage(db, page, options),
    },
    now: () => new Date(),
    onProgress: (progress) => scope.postMessage({ id, type: 'progress', progress }),
  });
}

/**
 * Page rows mostly overridden by later syncs give way (src/db/feed-page-compaction.ts) before the start-up copy is
 * made: a copy is asked for after each sync that changed the directory, off the download's path, and made after
 * compaction it stays at the directory's revision. A compaction that fails leaves the rows as they were: the copy is
 * made all the same.
 */
async function compactPageRows() {
  try {
    await compactFeedPages(db);
  } catch (error) {
    console.warn('Compactage des pages non fait', error instanceof Error ? error.name : error);
  }
}

scope.onmessage = async ({ data: request }) => {
  try {
    if (request.type === 'pull') {
      const started = performance.now();
      const { pages, received } = await download(request.id, request.token);
      // A User Timing entry per download, on the worker's timeline: how long it took as the device lived it (the
      // browser benchmarks read it; nothing in it identifies a record).
      performance.measure(PULL_MEASURE, { start: started, detail: { pages, received } });
    } else {
      await compactPageRows();
      await makeCatalogCache(db);
    }
    scope.postMessage({ id: request.id, type: 'done' });
  } catch (error) {
    scope.postMessage({ id: request.id, type: 'failed', error: describeFailure(error) });
  }
};
