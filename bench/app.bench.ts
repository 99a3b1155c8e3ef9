// Figures of the app in the browser, against the real server process on the generated directory (10k
// services unless `--sizes`), serving the app built by the run (`ctx.app()`): `cold-start-search`
// (bench/app/cold-start-search.ts). `npm run bench -- --only cold-start-search`.
import { measureColdStartSearch } from './app/cold-start-search.ts';
import type { BenchContext, Report } from './run.ts';
import { startServer } from './sync/server-process.ts';

const SIZES = [10_000];

export default async function appBench(report: Report, ctx: BenchContext): Promise<void> {
  if (!ctx.wants('cold-start-search')) return;
  for (const services of ctx.sizes ?? SIZES) {
    const server = await startServer({ services, staticDir: ctx.app() });
    try {
      report({ bench: 'cold-start-search', services, ...(await measureColdStartSearch(server.url, { runs: 5 })) });
    } finally {
      await server.stop();
    }
  }
}
