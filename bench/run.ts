// `npm run bench` runs every bench/*.bench.ts module and prints one JSON line per figure, after a first line that
// describes the machine. A module exports `default async (report, ctx) => …`; add sync or server benchmarks as
// new files. Filters: `npm run bench -- --only matching` (module file names or figure names, comma-separated or
// repeated), `--sizes 10000` (directory sizes, for the modules that take them).
import { readdirSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export type Report = (line: { bench: string } & Record<string, unknown>) => void;

export interface BenchContext {
  /** Whether a figure of this name is asked for. */
  wants(figure: string): boolean;
  /** Directory sizes to run at. */
  sizes: readonly number[];
}

export type BenchModule = (report: Report, ctx: BenchContext) => Promise<void>;

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    sizes: { type: 'string' },
  },
});
const only = (values.only ?? []).flatMap((o) => o.split(',')).filter(Boolean);
const sizes = (values.sizes ?? '10000,50000')
  .split(',')
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

const here = dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const name = file.replace(/\.bench\.ts$/, '');
  const whole = only.length === 0 || only.some((o) => name.includes(o));
  const ctx: BenchContext = { sizes, wants: (figure) => whole || only.includes(figure) };
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
  await mod.default(report, ctx);
}
