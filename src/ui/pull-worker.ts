// The worker that does the directory's heavy work (see src/sync/worker-pull.ts): downloads with its own connection
// to the device's database and its own transport — the same code the page would run — and makes the catalog's
// start-up copy (src/db/catalog-cache.ts). The page's sync controller never asks for two downloads at once.
import { applyDirectoryPage } from '../db/directory-repo.ts';
import { readSyncState } from '../db/directory-state.ts';
import { openDatabase } from '../db/open-database.ts';
import { pullDirectory } from '../sync/directory-pull.ts';
import { httpTransport } from '../sync/transport.ts';
import { describeFailure, PULL_MEASURE, type WorkerReply, type WorkerRequest } from '../sync/worker-pull.ts';
import { makeCatalogCache } from './models/catalog-cache-maker.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};
// Opened as the worker loads (at the page's boot), not when the first request comes; a failure shows at first use.
const { db, opened } = openDatabase();
opened.catch(() => {});

function download(id: number, token: string | null) {
  return pullDirectory({
    transport: httpTransport({ getToken: () => token }),
    store: {
      readState: () => readSyncState(db),
      applyPage: (page, options) => applyDirectoryPage(db, page, options),
    },
    now: () => new Date(),
    onProgress: (progress) => scope.postMessage({ id, type: 'progress', progress }),
  });
}

scope.onmessage = async ({ data: request }) => {
  try {
    if (request.type === 'pull') {
      const started = performance.now();
      const { pages, received } = await download(request.id, request.token);
      // A User Timing entry per download, on the worker's timeline: how long it took as the device lived it (the
      // browser benchmarks read it; nothing in it identifies a record).
      performance.measure(PULL_MEASURE, { start: started, detail: { pages, received } });
    } else await makeCatalogCache(db);
    scope.postMessage({ id: request.id, type: 'done' });
  } catch (error) {
    scope.postMessage({ id: request.id, type: 'failed', error: describeFailure(error) });
  }
};
