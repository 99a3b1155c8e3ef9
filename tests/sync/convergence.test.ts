// The randomized convergence test: for each seed, four devices and the real server go through random
// edits, creations, deletions and resolutions, partitions, lost, duplicated and late messages, hung requests, the
// server killed in the middle of a push, device and server restarts, revoked tokens and re-sign-ins, the database
// restored from a backup with a new epoch, and downloads cut between small pages; then heal. Every device must equal
// the server, the feed and the mutation ids have no gap, and each edit — followed by its content across client ids —
// is applied exactly once or shown as a conflict or rejection (fuzz/fuzz-checks.ts). CI runs REGRESSIONS and seeds
// 1–200; `npm run soak -- --seeds 5000` runs more (BOUSSOLE_FUZZ_FROM / BOUSSOLE_FUZZ_SEEDS).
import { describe, it } from 'vitest';
import { runSeed } from './fuzz/run-seed.ts';

/** Seeds that once failed, with the bug each found. Never remove one. */
const REGRESSIONS: ReadonlyArray<readonly [number, string]> = [
  [8, 'an edit that changed nothing kept a server copy aside forever'],
  [316, 'a device revoked just before the heal: the heal stopped after one quiet round (test harness)'],
  [359, 'a resolution the server refused stayed settled on the device while open on the server'],
  [55, 'a device signed out by a refused token pulled the public feed into its account’s copy, then missed a conflict'],
  [67, 'a creation applied, its answer lost, sent again after a re-sign-in: refused as existing (sentBefore)'],
  [75, 'the same in pages of 2: the person told their new service was refused while it was listed'],
  [41, 'seed 55’s bug with today’s steps: a signed-out device’s public download left a listing missing'],
  [727, 'an edit replaced by the next one, both sent within one step, taken for lost (test harness)'],
  [2584, 'an answer of a replaced database taken as held: a late copy was decided again (test harness)'],
];

const from = Number(process.env.BOUSSOLE_FUZZ_FROM ?? 1);
const count = Number(process.env.BOUSSOLE_FUZZ_SEEDS ?? 200);
const seeds = Array.from({ length: count }, (_, i) => from + i);

describe('randomized convergence of devices and server', () => {
  it.each(REGRESSIONS)('regression seed %i (%s) still converges', async (seed) => runSeed(seed), 30_000);

  it.each(seeds)(
    'seed %i: every device ends equal to the server, each acknowledged mutation applied once or shown',
    async (seed) => runSeed(seed),
    30_000,
  );
});
