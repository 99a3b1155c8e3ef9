#!/usr/bin/env node
// `npm test`: every check and every test, browser tests included, then one line "N passed, N failed, N skipped"
// totalling all runners (scripts/test-counts.mjs says how each failure mode is counted). Exits non-zero on any
// failure, and when no test passed. Installs Debian's Chromium first when it is missing and we are root on Debian
// (a fresh machine); otherwise a missing browser fails the run: browser tests never skip. PostgreSQL likewise: vitest
// runs with a throwaway PostgreSQL server (scripts/postgres-cluster.mjs, or the one BOUSSOLE_TEST_DATABASE_URL
// already names), Debian's `postgresql` installed first when missing; without it the run fails, and so do the
// tests that need it.
//
// `--only vitest` runs vitest alone, `--vitest-config` and `--reports` point it elsewhere: the runner's own test
// (tests/runner/) uses them on a fixture of failure modes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensurePostgres, startPostgresCluster, stopAtExit, TEST_DATABASE_URL } from './postgres-cluster.mjs';
import { countCheck, countPlaywright, countVitest, summaryLine } from './test-counts.mjs';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    'vitest-config': { type: 'string' },
    reports: { type: 'string', default: '.reports' },
  },
});
const REPORTS = options.reports;
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const problems = [];

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(result.error.message);
  return {
    exit: { status: result.status, signal: result.signal },
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  };
}

function record(label, counts, seconds, { runner = true } = {}) {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  problems.push(...counts.problems);
  const tests = runner ? `: ${summaryLine(counts)}` : '';
  lines.push(`${counts.failed === 0 ? 'ok    ' : 'FAILED'} ${label} (${seconds} s)${tests}`);
  return counts.failed === 0;
}

/** A check that is not a test runner (typecheck, lint, build) counts as one failure when it fails. */
function check(label, command, args) {
  const { exit, seconds } = run(command, args);
  return record(label, countCheck(label, exit), seconds, { runner: false });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium absent : installation du paquet Debian « chromium »…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], env);
  }
  if (existsSync(path)) return true;
  console.error(`Chromium introuvable (${path}) : installez le paquet « chromium » ou définissez CHROMIUM_PATH.`);
  return false;
}

/**
 * The test PostgreSQL server for vitest: `{ url, stop }`, or undefined (and one failure counted) when it cannot
 * start — then the tests that need it fail too, with the reason.
 */
function postgresForTests() {
  const given = process.env[TEST_DATABASE_URL];
  if (given) return { url: given, stop: () => {} };
  const started = Date.now();
  try {
    if (!ensurePostgres()) throw new Error('PostgreSQL introuvable : installez le paquet Debian « postgresql ».');
    const cluster = startPostgresCluster({ log: console.log });
    stopAtExit(cluster);
    return cluster;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    record('PostgreSQL (test server)', countCheck('PostgreSQL', { status: 1 }), seconds, { runner: false });
    return undefined;
  }
}

function vitest() {
  const counts = resolve(REPORTS, 'vitest-counts.json');
  const config = options['vitest-config'] ? ['--config', options['vitest-config']] : [];
  const postgres = postgresForTests();
  const { exit, seconds } = run(
    'npx',
    ['vitest', 'run', ...config, '--reporter=default', `--reporter=${resolve('scripts/vitest-counts-reporter.mjs')}`],
    { BOUSSOLE_VITEST_COUNTS: counts, ...(postgres ? { [TEST_DATABASE_URL]: postgres.url } : {}) },
  );
  postgres?.stop();
  record('unit and integration tests (vitest)', countVitest(readJson(counts), exit), seconds);
}

function playwright() {
  if (!ensureChromium()) {
    record('browser tests', countCheck('Chromium', { status: 1 }), '0.0');
    return;
  }
  if (!check('build (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn'])) return;
  if (!check('build (server)', process.execPath, ['scripts/build-server.mjs'])) return;
  const report = join(REPORTS, 'playwright.json');
  const { exit, seconds } = run('npx', ['playwright', 'test'], {
    CI: process.env.CI ?? 'true',
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  record('browser tests (playwright, Chromium)', countPlaywright(readJson(report), exit), seconds);
}

if (options.only === undefined) {
  check('typecheck (tsc -b)', 'npx', ['tsc', '-b']);
  check('lint (biome check)', 'npx', ['biome', 'check', '.']);
}
if (options.only === undefined || options.only === 'vitest') vitest();
if (options.only === undefined || options.only === 'playwright') playwright();

console.log(`\n${lines.join('\n')}`);
if (problems.length > 0) console.log(`\nWhat failed outside a test's own assertions:\n- ${problems.join('\n- ')}`);
const summary = summaryLine(total);
writeFileSync(join(REPORTS, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
