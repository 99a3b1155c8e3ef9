// Writes the demo directory as JSON: `npm run demo:generate -- --services 10000 --out /tmp/demo.json`.
// Options: --services N (default 600), --seed S, --now ISO-instant, --out PATH (default: stdout), --pretty.
// Prints the counts (structures, services per food category) and the generation time to stderr.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { countByCategory, DEMO_NOW, type DemoOptions, generateDirectory } from '../src/demo/generate-directory.ts';

const { values } = parseArgs({
  options: {
    services: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    out: { type: 'string' },
    pretty: { type: 'boolean', default: false },
  },
});

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} : entier positif attendu, reçu « ${raw} »`);
    process.exit(2);
  }
  return n;
}

const options: DemoOptions = {};
const services = integer('services', values.services);
const seed = integer('seed', values.seed);
if (services !== undefined) options.services = services;
if (seed !== undefined) options.seed = seed;
if (values.now !== undefined) options.now = values.now;

const started = performance.now();
const directory = generateDirectory(options);
const elapsed = performance.now() - started;
const json = JSON.stringify(directory, null, values.pretty ? 1 : undefined);
if (values.out) writeFileSync(values.out, `${json}\n`);
else process.stdout.write(`${json}\n`);

const report = [
  `${directory.structures.length} structures, ${directory.services.length} services`,
  `généré en ${Math.round(elapsed)} ms (now = ${options.now ?? DEMO_NOW}), ${(json.length / 1e6).toFixed(1)} Mo de JSON`,
  ...Object.entries(countByCategory(directory.services)).map(([category, n]) => `  ${category.padEnd(24)} ${n}`),
];
if (values.out) report.push(`écrit dans ${values.out}`);
console.error(report.join('\n'));
