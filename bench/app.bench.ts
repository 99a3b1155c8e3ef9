// Figures of the app in the browser (issue 5), against the real server process on the generated 10k-service
// directory: `cold-start-search` (bench/app/cold-start-search.ts). `npm run bench -- --only cold-start-search`.
import { measureColdStartSearch } from './app/cold-start-search.ts';
import type { BenchContext, Report } from './run.ts';
import { startServer } from './sync/server-process.ts';

const SERVICES = 10_000;

export default async function appBench(report: Report, ctx: BenchContext): Promise<void> {
  if (!ctx.wants('cold-start-search')) return;
  const server = await startServer({ services: SERVICES });
  try {
    report({
      bench: 'cold-start-search',
      services: SERVICES,
      ...(await measureColdStartSearch(server.url, { runs: 5 })),
    });
  } finally {
    await server.stop();
  }
}
