import preact from '@preact/preset-vite';
import { configDefaults, defineConfig } from 'vitest/config';

// Three environments, as the tsconfigs: pure code and the server run in Node; the app's code runs in happy-dom
// with fake-indexeddb (a fresh database per test). Browser tests are Playwright's (tests/e2e/), not vitest's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'pure',
          environment: 'node',
          include: [
            'src/domain/**/*.test.ts',
            'src/matching/**/*.test.ts',
            'src/demo/**/*.test.ts',
            'src/interop/**/*.test.ts',
            'src/sync/core/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: [
            'server/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/runner/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'app',
          environment: 'happy-dom',
          setupFiles: ['tests/setup-app.ts'],
          include: ['src/{db,sync,ui,pwa}/**/*.test.{ts,tsx}', 'tests/sync/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/sync/core/**'],
        },
      },
    ],
  },
});
