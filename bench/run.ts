// `npm run bench` runs every bench/*.bench.ts module and prints one JSON line per figure, after a first line that
// describes the machine. A module exports `default async (report, ctx) => …`; add sync or server benchmarks as
// new files. Filters: `npm run bench -- --only matching` (module file names or figure names, comma-separated or
// repeated), `--sizes 1000` (directory sizes; each module has its own default). The modules that measure the app
// in a browser get it from `ctx.app()`, built once per run from the working tree (its `build` line says so).
import { readdirSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BuiltApp, buildApp } from './build-app.ts';

export type Report = (line: { bench: string } & Record<string, unknown>) => void;

export interface BenchContext {
  /** Whether a figure of this name is asked for. */
  wants(figure: string): boolean;
  /** Directory sizes asked for (`--sizes`), else undefined: each module then runs at its own default sizes. */
  sizes: readonly number[] | undefined;
  /** The built app's directory: the first call builds it (`vite build` of the working tree, reported). */
  app(): string;
}

export type BenchModule = (report: Report, ctx: BenchContext) => Promise<void>;

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    sizes: { type: 'string' },
  },
});
const only = (values.only ?? []).flatMap((o) => o.split(',')).filter(Boolean);
const sizes = values.sizes
  ?.split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

const report: Report = (line) => console.log(JSON.stringify(line));
const cpu = cpus();
report({
  bench: 'machine',
  cpus: cpu.length,
  cpu_model: cpu[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${platform()}-${arch()}`,
  memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  loadavg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
});

let built: BuiltApp | undefined;
const app = () => {
  if (!built) {
    built = buildApp();
    report(built.line);
  }
  return built.dir;
};

const here = dirname(fileURLToPath(import.meta.url));
try {
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const name = file.replace(/\.bench\.ts$/, '');
    const whole = only.length === 0 || only.some((o) => name.includes(o));
    const ctx: BenchContext = { sizes, app, wants: (figure) => whole || only.includes(figure) };
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
    await mod.default(report, ctx);
  }
} finally {
  built?.remove();
}
