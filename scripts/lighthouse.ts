// Lighthouse 12 on the built app served by the real server (demo mode, fresh SQLite), in Debian's Chromium.
// Quality bars: performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, with the desktop preset
// (Boussole is used on tablets and office PCs). Phones too: `-- --mobile` uses Lighthouse's mobile
// emulation (a slow phone on a throttled network) and bars cumulative layout shift at 0.05 (what moves under the
// finger while the first screen fills in). `-- --path /annuaire` audits another screen (repeat or comma-separate).
// Run: `npm run build && npx tsx scripts/lighthouse.ts [--mobile] [--path /,/annuaire]`.
//
// Lighthouse is fetched by npx rather than pinned in package.json: one of its dependencies asks for another
// package at version "latest", which breaks `npm ci` each time that package is released.
// Prints one JSON line per page and category (then the elements that moved), writes .reports/lighthouse.json;
// exits 1 when a bar is missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPrivateServer } from './private-server.ts';

const { values } = parseArgs({
  options: { mobile: { type: 'boolean', default: false }, path: { type: 'string', multiple: true, default: ['/'] } },
});
const formFactor = values.mobile ? 'mobile' : 'desktop';
const paths = values.path.flatMap((p) => p.split(',')).filter(Boolean);
const BARS: Record<string, number> = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 0 };
const CLS_BAR = 0.05;
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

interface Audit {
  title: string;
  displayValue?: string;
  score: number | null;
  numericValue?: number;
  details?: {
    items?: Array<{
      node?: { snippet?: string; selector?: string };
      score?: number;
      items?: Array<{ node?: { snippet?: string } }>;
      url?: string;
      duration?: number;
      startTime?: number;
    }>;
  };
}
interface Report {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, Audit>;
}

const server = await startPrivateServer();
let failed = 0;
const results: Array<Record<string, unknown>> = [];
try {
  for (const path of paths) {
    const output = join(mkdtempSync(join(tmpdir(), 'boussole-lh-')), 'report.json');
    execFileSync(
      'npx',
      [
        '--yes',
        'lighthouse@12.8.2',
        new URL(path, server.url).href,
        // Without a preset Lighthouse emulates a mid-range phone (Moto G Power, slow 4G, 4× CPU slowdown).
        ...(values.mobile ? [] : ['--preset=desktop']),
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
      results.push({ path, formFactor, category, score, bar, ok });
      console.log(JSON.stringify({ bench: 'lighthouse', path, formFactor, category, score, bar }));
    }
    const cls = report.audits['cumulative-layout-shift']?.numericValue ?? 0;
    const clsOk = cls <= CLS_BAR;
    if (!clsOk) failed++;
    results.push({ path, formFactor, category: 'cls', score: cls, bar: CLS_BAR, ok: clsOk });
    console.log(JSON.stringify({ bench: 'lighthouse', path, formFactor, category: 'cls', value: cls, bar: CLS_BAR }));
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']) {
      const audit = report.audits[id];
      if (audit) console.log(`  ${audit.title} : ${audit.displayValue ?? ''} (score ${audit.score})`);
    }
    // Failed audits outside performance (whose figures are above), so that a lost point can be traced.
    for (const category of ['accessibility', 'best-practices']) {
      for (const ref of report.categories[category]?.auditRefs ?? []) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit?.score !== null && (audit?.score ?? 1) < 1)
          console.log(`  échec : ${audit?.title}`);
      }
    }
    // The largest paint's element and the long tasks, so that a slow figure can be traced.
    const lcp = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
    if (lcp) console.log(`  plus grand élément : ${lcp}`);
    for (const task of report.audits['long-tasks']?.details?.items?.slice(0, 5) ?? []) {
      console.log(
        `  tâche longue ${Math.round(task.duration ?? 0)} ms à ${Math.round(task.startTime ?? 0)} ms : ${task.url}`,
      );
    }
    // What moved, so that a shift can be traced to its element.
    for (const item of report.audits['layout-shifts']?.details?.items ?? []) {
      console.log(`  décalage ${item.score?.toFixed(3)} : ${item.node?.selector ?? ''} ${item.node?.snippet ?? ''}`);
    }
  }
} finally {
  await server.stop();
}
mkdirSync('.reports', { recursive: true });
writeFileSync('.reports/lighthouse.json', JSON.stringify(results));
process.exit(failed === 0 ? 0 : 1);
