#!/usr/bin/env node
// `npm run soak`: the randomized convergence test (tests/sync/convergence.test.ts) on 5,000 seeds (CI runs 200;
// `--seeds N` for another count), split across parallel vitest processes (tens of minutes on a 2-core machine).
// `--from N` starts elsewhere than seed 1; `--seed N` replays one seed (a failure prints its seed, the last steps and
// network faults). Exits non-zero if any seed fails.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5000' },
    from: { type: 'string', default: '1' },
    seed: { type: 'string' },
    jobs: { type: 'string', default: String(availableParallelism()) },
  },
});
const from = Number(values.seed ?? values.from);
const total = values.seed === undefined ? Number(values.seeds) : 1;
const jobs = Math.max(1, Math.min(Number(values.jobs), total));
if (![from, total, jobs].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('Usage : npm run soak -- [--seeds 5000] [--from 1] [--jobs 2] | --seed N');
  process.exit(2);
}

function shard(start, count) {
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      [
        'vitest',
        'run',
        '--project',
        'app',
        'tests/sync/convergence.test.ts',
        '--reporter',
        total === 1 ? 'default' : 'dot',
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, BOUSSOLE_FUZZ_FROM: String(start), BOUSSOLE_FUZZ_SEEDS: String(count) },
      },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const started = Date.now();
const size = Math.ceil(total / jobs);
const codes = await Promise.all(
  Array.from({ length: jobs }, (_, i) => [from + i * size, Math.min(size, total - i * size)])
    .filter(([, count]) => count > 0)
    .map(([start, count]) => shard(start, count)),
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const failed = codes.some((code) => code !== 0);
console.log(
  `soak: seeds ${from}–${from + total - 1}, ${jobs} jobs, ${seconds} s: ${failed ? 'FAILED' : 'all converged'}`,
);
process.exit(failed ? 1 : 0);
