// Lighthouse 12 on the built app served by the real server (demo mode, fresh SQLite), in Debian's Chromium.
// Quality bars (issue 5): performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, with the desktop preset
// (Boussole is used on tablets and office PCs). Run: `npm run build && npx tsx scripts/lighthouse.ts`.
//
// Lighthouse is fetched by npx rather than pinned in package.json: one of its dependencies asks for another
// package at version "latest", which breaks `npm ci` each time that package is released.
// Prints one JSON line per category, writes .reports/lighthouse.json; exits 1 when a bar is missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateServer } from './private-server.ts';

const BARS: Record<string, number> = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 0 };
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { title: string; displayValue?: string; score: number | null }>;
}

const server = await startPrivateServer();
const output = join(mkdtempSync(join(tmpdir(), 'boussole-lh-')), 'report.json');
let failed = 0;
const results: Array<{ category: string; score: number; bar: number; ok: boolean }> = [];
try {
  execFileSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.8.2',
      server.url,
      '--preset=desktop',
      `--only-categories=${Object.keys(BARS).join(',')}`,
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--chrome-flags=${FLAGS.join(' ')}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
  );
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  for (const [category, bar] of Object.entries(BARS)) {
    const score = Math.round((report.categories[category]?.score ?? 0) * 100);
    const ok = score >= bar;
    if (!ok) failed++;
    results.push({ category, score, bar, ok });
    console.log(JSON.stringify({ bench: 'lighthouse', category, score, bar }));
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']) {
    const audit = report.audits[id];
    if (audit) console.log(`  ${audit.title} : ${audit.displayValue ?? ''} (score ${audit.score})`);
  }
} finally {
  await server.stop();
}
mkdirSync('.reports', { recursive: true });
writeFileSync('.reports/lighthouse.json', JSON.stringify(results));
process.exit(failed === 0 ? 0 : 1);
