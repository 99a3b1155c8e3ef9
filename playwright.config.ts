import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { serverOutputFile } from './tests/e2e/personal-data.ts';

// Browser tests drive Debian's Chromium (npm cannot download browsers here). A missing browser is an error,
// never a skip. The server under test is the real one as production runs it (server/main.ts compiled to
// dist-server/main.mjs) on a fresh SQLite file, serving the built app from dist/ (`npm run test:e2e` builds both).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium introuvable (${chromiumPath}) : installez le paquet Debian « chromium » ou définissez CHROMIUM_PATH.`,
  );
}
// A port per run (workers inherit the variable), so two runs on one machine do not collide.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.E2E_PORT);
// A directory per run, the same in the workers: the database, the server's output and the personal values typed.
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'boussole-e2e-'));
const database = join(process.env.E2E_RUN_DIR, 'e2e.sqlite');
// The server's stdout and stderr, searched after the run for what the tests typed (tests/e2e/personal-data.ts);
// shown here if the server fails to start.
const serverOutput = JSON.stringify(serverOutputFile());

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  globalTeardown: './tests/e2e/personal-data.ts',
  // npm test (scripts/test-all.mjs) counts the JSON report; it names the file.
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.reports/playwright.json' }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node --enable-source-maps dist-server/main.mjs > ${serverOutput} 2>&1 || { tail -n 30 ${serverOutput} >&2; exit 1; }`,
    url: `http://localhost:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), BOUSSOLE_DB: database, BOUSSOLE_STATIC: 'dist', BOUSSOLE_MODE: 'demo' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
