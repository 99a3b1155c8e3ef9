// The app the browser benchmarks measure is built by the benchmark run itself, from the working tree as it is,
// into a directory of its own (never dist/, which may be older than the sources or another command's). Its line
// says which commit it was built from and whether the tree had uncommitted changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuiltApp {
  dir: string;
  line: { bench: 'build'; out_dir: string; build_ms: number; commit: string; uncommitted_changes: boolean };
  remove(): void;
}

function git(...args: string[]): string {
  const run = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : '';
}

/** `vite build` of the working tree into a new temporary directory (~3 s). */
export function buildApp(): BuiltApp {
  const dir = mkdtempSync(join(tmpdir(), 'boussole-bench-app-'));
  const started = performance.now();
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0 || !existsSync(join(dir, 'index.html'))) throw new Error('npx vite build a échoué');
  return {
    dir,
    line: {
      bench: 'build',
      out_dir: dir,
      build_ms: Math.round(performance.now() - started),
      commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
      uncommitted_changes: git('status', '--porcelain') !== '',
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
