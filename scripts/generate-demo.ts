// Writes the demo directory as JSON: `npm run demo:generate -- --services 10000 --out /tmp/demo.json`.
// Options: --services N (default 600), --seed S, --now ISO-instant, --out PATH (default: stdout), --pretty.
// Prints the counts (structures, services per food category), the generation and writing times and the peak
// memory to stderr. The file is written record by record: a national directory (500,000 services, about a
// gigabyte of JSON) is past the longest string V8 can make, and its text need not be held beside its records.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
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

/**
 * The same text as `JSON.stringify(value, null, indent)` for an object of arrays of records, written in chunks of
 * about a megabyte (waiting for the stream to drain) so that memory does not grow with the file. Returns the bytes.
 */
async function writeJson(out: Writable, value: Record<string, readonly unknown[]>, indent: number): Promise<number> {
  const nl = indent > 0 ? '\n' : '';
  const pad = (depth: number) => ' '.repeat(indent * depth);
  let bytes = 0;
  let chunk = '';
  const emit = async (text: string, flush = false) => {
    chunk += text;
    if (chunk.length < 1 << 20 && !flush) return;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  const keys = Object.keys(value);
  await emit(`{${nl}`);
  for (const [k, key] of keys.entries()) {
    const list = value[key] ?? [];
    await emit(`${pad(1)}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}[`);
    for (const [i, item] of list.entries()) {
      const text = JSON.stringify(item, null, indent || undefined);
      await emit(`${i > 0 ? ',' : ''}${nl}${pad(2)}${indent > 0 ? text.replaceAll('\n', `\n${pad(2)}`) : text}`);
    }
    await emit(`${list.length > 0 ? `${nl}${pad(1)}` : ''}]${k < keys.length - 1 ? ',' : ''}${nl}`);
  }
  await emit('}\n', true);
  return bytes;
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
const out = values.out ? createWriteStream(values.out) : process.stdout;
const writeStarted = performance.now();
const bytes = await writeJson(out, { ...directory }, values.pretty ? 1 : 0);
if (values.out) {
  out.end();
  await once(out, 'finish');
}
const written = performance.now() - writeStarted;

const report = [
  `${directory.structures.length} structures, ${directory.services.length} services`,
  `généré en ${Math.round(elapsed)} ms (now = ${options.now ?? DEMO_NOW}), ${(bytes / 1e6).toFixed(1)} Mo de JSON écrits en ${Math.round(written)} ms`,
  `mémoire maximale ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`,
  ...Object.entries(countByCategory(directory.services)).map(([category, n]) => `  ${category.padEnd(24)} ${n}`),
];
if (values.out) report.push(`écrit dans ${values.out}`);
console.error(report.join('\n'));
