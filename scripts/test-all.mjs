#!/usr/bin/env node
// `npm test`: every check and every test, browser tests included, then one line "N passed, N failed" that
// totals all runners (a test file that fails to load counts as a failure). Exits non-zero on any failure.
// Installs Debian's Chromium first when it is missing and we are root on Debian (a fresh machine); otherwise
// a missing browser fails the run: browser tests never skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  lines.push(`${ok ? 'ok    ' : 'FAILED'} ${label} (${seconds} s)`);
  return ok;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium absent : installation du paquet Debian « chromium »…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get update', 'apt-get', ['update', '-qq'], env);
    run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], env);
  }
  if (existsSync(path)) return true;
  console.error(`Chromium introuvable (${path}) : installez le paquet « chromium » ou définissez CHROMIUM_PATH.`);
  return false;
}

/** A check that is not a test runner (typecheck, lint, build) counts as one failure when it fails. */
function check(label, command, args) {
  if (!run(label, command, args)) failed++;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck (tsc -b)', 'npx', ['tsc', '-b']);
check('lint (biome check)', 'npx', ['biome', 'check', '.']);

run('unit and integration tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/vitest.json`,
]);
const vitest = readJson(`${REPORTS}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // Files that failed to import report no test at all: count each as a failure.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  lines.push(`       vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  failed++;
  lines.push('FAILED vitest wrote no report');
}

if (!ensureChromium()) {
  failed++;
} else if (run('build (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  run('browser tests (playwright, Chromium)', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? 'true' });
  const pw = readJson(`${REPORTS}/playwright.json`);
  if (pw) {
    const ok = pw.stats.expected + pw.stats.flaky;
    // A skipped browser test is a failure here: it proved nothing.
    const bad = pw.stats.unexpected + pw.stats.skipped + (pw.errors?.length ?? 0);
    passed += ok;
    failed += bad;
    lines.push(`       playwright: ${ok} passed, ${bad} failed (${pw.stats.skipped} skipped)`);
  } else {
    failed++;
    lines.push('FAILED playwright wrote no report');
  }
} else {
  failed++;
}

console.log(`\n${lines.join('\n')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${REPORTS}/summary.txt`, `${summary}\n`);
console.log(summary);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
