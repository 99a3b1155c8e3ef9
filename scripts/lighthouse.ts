// Lighthouse 12 on the built app served by the real server (demo mode, fresh SQLite), in Debian's Chromium.
// Quality bars: performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, with the desktop preset
// (Boussole is used on tablets and office PCs). Phones too: `-- --mobile` uses Lighthouse's mobile
// emulation (a slow phone on a throttled network) and bars cumulative layout shift at 0.05 (what moves under the
// finger while the first screen fills in). `-- --path /annuaire` audits another screen (repeat or comma-separate).
// Signed-in screens: `--role travailleur|partenaire|coordination|anonyme` (repeat or comma-separate) audits the paths
// as that demo account sees them: the account signs in once through the app (« Essayer en tant que … ») in a Chromium
// profile, and Lighthouse runs on that profile with its storage kept (`--disable-storage-reset`): the installed app,
// its service worker and its directory, as a signed-in person opens a screen. `--every-screen` audits every screen of
// every role (or of the roles given), the list the overflow and axe sweeps visit (tests/e2e/screens.ts).
// `--runs 3` audits each screen three times and keeps each figure's median, as Lighthouse's documentation advises
// on a machine whose load varies: single runs here differ by up to 15 points.
// Run: `npm run build && npx tsx scripts/lighthouse.ts [--mobile] [--path /,/annuaire] [--role partenaire] [--every-screen]`.
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
import { chromium } from '@playwright/test';
import { everyScreen, ROLES, type Role } from '../tests/e2e/screens.ts';
import { startPrivateServer } from './private-server.ts';

const { values } = parseArgs({
  options: {
    mobile: { type: 'boolean', default: false },
    path: { type: 'string', multiple: true, default: ['/'] },
    role: { type: 'string', multiple: true },
    'every-screen': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
  },
});
const formFactor = values.mobile ? 'mobile' : 'desktop';
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs attend un entier positif : ${values.runs}`);
const paths = values.path.flatMap((p) => p.split(',')).filter(Boolean);
const ROLE_NAMES: Record<string, Role> = {
  anonyme: null,
  travailleur: ROLES[0],
  partenaire: ROLES[1],
  coordination: ROLES[2],
};
const roles = values.role?.flatMap((r) => r.split(',')).filter(Boolean);
for (const role of roles ?? []) {
  if (!(role in ROLE_NAMES)) throw new Error(`rôle inconnu : ${role} (${Object.keys(ROLE_NAMES).join(', ')})`);
}
const BARS: Record<string, number> = { performance: 90, accessibility: 100, 'best-practices': 95, seo: 0 };
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

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A Chromium profile in which the demo account has signed in through the app, as a person does: the service worker
 * controls the app and the account's directory is on the device once the sign-in screen has routed home.
 */
async function signedInProfile(base: string, role: NonNullable<Role>): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'boussole-lh-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS.filter((flag) => !flag.startsWith('--headless') && flag !== '--no-sandbox'),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL('/connexion', base).href);
    // (In the page; this script's types have no DOM.)
    const controlled = () =>
      (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker
        .controller !== null;
    await page.waitForFunction(controlled, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: `Essayer en tant que ${role}` }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 120_000 });
    await page.getByTestId('account').waitFor({ timeout: 60_000 });
  } finally {
    await context.close();
  }
  return profile;
}

/** Which screens to audit, for whom: the paths given (anonymously unless roles are), or every screen. */
async function audits(base: string): Promise<Array<{ role: Role; paths: string[] }>> {
  const wanted = roles?.map((r) => ROLE_NAMES[r] ?? null);
  if (values['every-screen']) {
    const get = (path: string) => fetch(new URL(path, base)).then((response) => response.json() as Promise<unknown>);
    const screens = await everyScreen(get);
    return wanted ? screens.filter((s) => wanted.includes(s.role)) : screens;
  }
  return (wanted ?? [null]).map((role) => ({ role, paths }));
}

/** The lower median (a value measured, never an average of two). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * One Lighthouse audit of `url`, or null when it could not record the page load: under load it sometimes fails
 * (« Please run Lighthouse again »), so it gets two more tries.
 */
function lighthouse(url: string, profile: string | null): Report | null {
  const output = join(mkdtempSync(join(tmpdir(), 'boussole-lh-')), 'report.json');
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      execFileSync(
        'npx',
        [
          '--yes',
          'lighthouse@12.8.2',
          url,
          // Without a preset Lighthouse emulates a mid-range phone (Moto G Power, slow 4G, 4× CPU slowdown).
          ...(values.mobile ? [] : ['--preset=desktop']),
          `--only-categories=${Object.keys(BARS).join(',')}`,
          '--output=json',
          `--output-path=${output}`,
          '--quiet',
          // Signed in: the profile where the account signed in, its storage kept (the last flag of a kind wins over
          // the profile Lighthouse's launcher would make).
          ...(profile ? ['--disable-storage-reset'] : []),
          `--chrome-flags=${[...FLAGS, ...(profile ? [`--user-data-dir=${profile}`] : [])].join(' ')}`,
        ],
        { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROMIUM } },
      );
      console.log(`  rapport : ${output}`);
      return JSON.parse(readFileSync(output, 'utf8')) as Report;
    } catch {
      console.log(`  Lighthouse n’a pas pu mesurer ${url} (essai ${attempt} sur 3)`);
    }
  }
  return null;
}

const server = await startPrivateServer();
let failed = 0;
/** One row per screen, printed at the end. */
const table: Array<Record<string, unknown>> = [];
const results: Array<Record<string, unknown>> = [];
try {
  for (const { role, paths } of await audits(server.url)) {
    const profile = role ? await signedInProfile(server.url, role) : null;
    const who = role ?? 'sans compte';
    for (const path of paths) {
      const reports: Report[] = [];
      for (let run = 0; run < runs; run++) {
        const report = lighthouse(new URL(path, server.url).href, profile);
        if (report) reports.push(report);
      }
      if (reports.length === 0) {
        failed++;
        results.push({ role: who, path, formFactor, category: 'error', ok: false });
        table.push({ role: who, path, performance: 'échec de mesure' });
        continue;
      }
      const scoresOf = (category: string) => reports.map((r) => Math.round((r.categories[category]?.score ?? 0) * 100));
      // The figures below are the run of median performance's; each category's score is its own median.
      const performances = scoresOf('performance');
      const report = reports[performances.indexOf(median(performances))] as Report;
      if (runs > 1) console.log(`  performance des ${reports.length} mesures : ${performances.join(', ')}`);
      const line: Record<string, unknown> = { role: who, path };
      for (const [category, bar] of Object.entries(BARS)) {
        const score = median(scoresOf(category));
        const ok = score >= bar;
        if (!ok) failed++;
        line[category] = score;
        results.push({ role: who, path, formFactor, category, score, bar, ok });
        console.log(
          JSON.stringify({
            bench: 'lighthouse',
            role: who,
            path,
            formFactor,
            category,
            score,
            bar,
            runs: reports.length,
          }),
        );
      }
      const cls = median(reports.map((r) => r.audits['cumulative-layout-shift']?.numericValue ?? 0));
      const clsOk = cls <= CLS_BAR;
      if (!clsOk) failed++;
      line.cls = Math.round(cls * 1000) / 1000;
      table.push(line);
      results.push({ role: who, path, formFactor, category: 'cls', score: cls, bar: CLS_BAR, ok: clsOk });
      console.log(
        JSON.stringify({ bench: 'lighthouse', role: who, path, formFactor, category: 'cls', value: cls, bar: CLS_BAR }),
      );
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
  }
} finally {
  await server.stop();
}
// Every screen's figures in one table (Markdown), the bars above it.
const columns = ['role', 'path', ...Object.keys(BARS).filter((c) => BARS[c]), 'cls'];
console.log(`\n| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
for (const row of table) console.log(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
mkdirSync('.reports', { recursive: true });
writeFileSync('.reports/lighthouse.json', JSON.stringify(results));
process.exit(failed === 0 ? 0 : 1);
