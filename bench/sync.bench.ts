// Figures of the sync engine and the server, against the real server process (server/main.ts) on a
// temporary SQLite file seeded with the generated directory (10k services unless `--sizes`):
// - pull-full: first visit of the app (built by the run, `ctx.app()`) in headless Chromium until its IndexedDB
//   holds every record;
// - pull-delta: an up-to-date device pulls 100 changes (Node, fake-indexeddb);
// - pull-delta-browser: the same in the built app in headless Chromium, real IndexedDB (sync/pull-delta-browser.ts);
// - push: 100 mutations pushed and acknowledged (Node, fake-indexeddb);
// - server-p99: 50 concurrent connections pulling a 100-change delta (autocannon), with p99;
// - page-compaction: what a device stores after 50 delta syncs of 100 changes, its page rows compacted or not (Node).
// `npm run bench -- --only sync` runs them all; `--only pull-full` (etc.) one of them.
import type { BenchContext, Report } from './run.ts';
import { measurePullDeltaBrowser } from './sync/pull-delta-browser.ts';
import { measurePullFull } from './sync/pull-full.ts';
import { measureServerP99 } from './sync/server-p99.ts';
import { startServer } from './sync/server-process.ts';

const FIGURES = ['pull-full', 'pull-delta', 'pull-delta-browser', 'push', 'server-p99', 'page-compaction'];
const SIZES = [10_000];

// The server's database: SQLite, or PostgreSQL when BOUSSOLE_DATABASE_URL is set (the server process inherits it).
const database = process.env.BOUSSOLE_DATABASE_URL ? 'postgres' : 'sqlite';

export default async function syncBench(report: Report, ctx: BenchContext): Promise<void> {
  if (!FIGURES.some((f) => ctx.wants(f))) return;
  for (const services of ctx.sizes ?? SIZES) {
    const server = await startServer({ services, staticDir: ctx.app() });
    try {
      if (ctx.wants('pull-full')) {
        report({ bench: 'pull-full', services, ...(await measurePullFull(server.url, { runs: 5 })) });
      }
      if (ctx.wants('pull-delta-browser')) {
        report({
          bench: 'pull-delta-browser',
          services,
          ...(await measurePullDeltaBrowser(server, { runs: 15, warmup: 3 })),
        });
      }
      if (ctx.wants('pull-delta') || ctx.wants('push') || ctx.wants('page-compaction')) {
        // Loaded only here: it installs fake-indexeddb as the process's indexedDB.
        const { measurePageCompaction, measurePullDelta, measurePush } = await import('./sync/device-node.ts');
        if (ctx.wants('pull-delta')) {
          const line = await measurePullDelta(server, { runs: 15, warmup: 3 });
          report({ bench: 'pull-delta', services, database, ...line });
        }
        if (ctx.wants('push')) {
          report({ bench: 'push', services, database, ...(await measurePush(server, { runs: 15, warmup: 3 })) });
        }
        if (ctx.wants('page-compaction')) {
          report({ bench: 'page-compaction', services, ...(await measurePageCompaction(server, { syncs: 50 })) });
        }
      }
      if (ctx.wants('server-p99')) {
        const { token } = await server.signIn('travailleur');
        report({
          bench: 'server-p99',
          services,
          ...(await measureServerP99(server.url, token, { seconds: 10 })),
        });
      }
    } finally {
      await server.stop();
    }
  }
}
