// Lighthouse 12 on the built app served by the real server (demo mode, fresh SQLite), in Debian's Chromium.
// Quality bars (issue 5): performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, measured with the desktop
// preset (Boussole is used on tablets and office PCs). The first visit downloads the whole directory into
// IndexedDB on the main thread; under the mobile preset's 4× CPU slowdown that work costs seconds of blocking time
// (see README, "Quality figures") — moving the sync into a Web Worker is the known next step. Prints one JSON line per
// category and writes .reports/lighthouse.json for the test runner; exits 1 when a bar is missed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPrivateServer } from './private-server.ts';

const BARS: Record<string, number> = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 0 };

const server = await startPrivateServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  userDataDir: mkdtempSync(join(tmpdir(), 'boussole-lh-')),
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failed = 0;
const results: Array<{ category: string; score: number; bar: number; ok: boolean }> = [];
try {
  const run = await lighthouse(
    server.url,
    {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(BARS),
    },
    (await import('lighthouse/core/config/desktop-config.js')).default,
  );
  if (!run) throw new Error('Lighthouse n’a rien rendu');
  for (const [category, bar] of Object.entries(BARS)) {
    const score = Math.round((run.lhr.categories[category]?.score ?? 0) * 100);
    const ok = score >= bar;
    if (!ok) failed++;
    results.push({ category, score, bar, ok });
    console.log(JSON.stringify({ bench: 'lighthouse', category, score, bar }));
  }
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ]) {
    const audit = run.lhr.audits[id];
    if (audit) console.log(`  ${audit.title} : ${audit.displayValue ?? ''} (score ${audit.score})`);
  }
  for (const audit of Object.values(run.lhr.audits)) {
    if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') {
      const items = (audit.details as { items?: unknown[] } | undefined)?.items ?? [];
      console.log(`  à revoir : ${audit.id} — ${audit.title} ${JSON.stringify(items.slice(0, 3)).slice(0, 400)}`);
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
mkdirSync('.reports', { recursive: true });
writeFileSync('.reports/lighthouse.json', JSON.stringify(results));
process.exit(failed === 0 ? 0 : 1);
