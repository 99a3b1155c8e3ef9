// One run of the convergence test for one seed: four people on their devices (coordinator, two workers, a
// partner) and the real server, random steps through a lossy network (fuzz-ops.ts), then the heal — the network
// repaired, everyone signed in and syncing until nothing is pending — and the invariants (fuzz-checks.ts).
// Downloads come in pages of 1 to 5 entries in most seeds (a page of 1000 in the others, as the app asks), so that
// a download spans many requests and is cut and resumed between them. Edits are audited after every step
// (fuzz-edits.ts). A failure names the seed, the last steps and the last network faults; the seed replays
// identically (`npm run soak -- --seed N`).
import { sha256 } from '../../../server/auth/secrets.ts';
import { Rng } from '../../../src/demo/random.ts';
import { type Fixture, makeDirectory } from '../../integration/fixtures/directory-fixture.ts';
import type { ServerUnderTest } from '../harness/sync-server.ts';
import { CLAIRE, PAULINE, THEO, TINA, world } from '../harness/world.ts';
import { checkInvariants } from './fuzz-checks.ts';
import { auditOutboxes, newLedger } from './fuzz-ledger.ts';
import { type Actor, type FuzzState, lossyNetwork, step, sync } from './fuzz-ops.ts';

const PAGE_SIZES = [1, 2, 3, 5, 1000] as const;
/** A hung request waits this long for the transport's AbortSignal (a real timer: kept short). */
const TIMEOUT_MS = 5;

/** Small on purpose: devices keep meeting on the same records. s001 is the partner's; s003 is for professionals. */
export function fuzzDirectory(): Fixture {
  const directory = makeDirectory(3, 2);
  const [, , s3] = directory.structures;
  if (s3) s3.visibilite = 'professionnels';
  const v4 = directory.services[3];
  if (v4) v4.visibilite = 'professionnels';
  return directory;
}

async function heal(state: FuzzState): Promise<void> {
  const { network } = state.world;
  network.offline.clear();
  network.chooser = () => 'deliver';
  await network.flushLate();
  let quiet = 0;
  for (let round = 1; round <= 10; round++) {
    for (const actor of state.actors) {
      const line = `[réparation ${round}] ${await sync(state, actor, { signIn: true })}`;
      state.trace.push(line);
      await auditOutboxes(state, new Set(), line);
    }
    let pending = 0;
    for (const actor of state.actors) pending += await actor.device.db.outbox.count();
    const idle = state.actors.every((a) => a.device.controller.status.phase === 'idle');
    quiet = pending === 0 && idle ? quiet + 1 : 0;
    // A round that sent nothing after one that left nothing pending: everyone has downloaded everything.
    if (quiet === 2) return;
  }
  throw new Error('still not quiet after 10 rounds of sync on a healthy network');
}

export async function runSeed(
  seed: number,
  {
    steps = [20, 40],
    start,
  }: { steps?: [number, number]; start?: (fixture?: Fixture) => Promise<ServerUnderTest> } = {},
) {
  const rng = new Rng(seed);
  const initial = fuzzDirectory();
  const w = await world({ fixture: fuzzDirectory(), ...(start ? { start } : {}) });
  const pageSize = rng.pick(PAGE_SIZES);
  // Even seeds store pages of two entries or more as page rows, the way a first download is (src/db/feed-pages.ts),
  // odd seeds record by record: both layouts meet edits, acknowledgements and restarts. Not drawn from `rng`, so
  // that a pinned seed replays the same steps.
  const pageRowsFrom = seed % 2 === 0 ? 2 : undefined;
  const actors: Actor[] = [];
  for (const [name, person] of [
    ['Claire', CLAIRE],
    ['Théo', THEO],
    ['Tina', TINA],
    ['Pauline', PAULINE],
  ] as const) {
    const device = await w.device(person, {
      pageSize,
      timeoutMs: TIMEOUT_MS,
      ...(pageRowsFrom === undefined ? {} : { pageRowsFrom }),
    });
    const session = await w.server.store.authenticate(sha256(device.authToken ?? ''), new Date());
    actors.push({ name, person: { ...person, ...(session ? { account_id: session.account.id } : {}) }, device });
  }
  const state: FuzzState = {
    rng,
    world: w,
    actors,
    trace: [],
    created: 0,
    notes: 0,
    ledger: newLedger(),
    local: new Set(),
    backups: [],
  };
  const rate = rng.pick([0.1, 0.25, 0.4]);
  lossyNetwork(state, rate);
  const count = rng.int(steps[0], steps[1]);
  try {
    // A backup of the directory as everyone first downloaded it, for a restore to go back to.
    if (rng.chance(0.3)) state.backups.push(await w.server.backup());
    for (let i = 0; i < count; i++) {
      state.local.clear();
      const line = await step(state);
      state.trace.push(line);
      await auditOutboxes(state, state.local, line);
    }
    await heal(state);
    await checkInvariants(w.server, actors, initial, state.ledger);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const faults = w.network.log
      .filter((e) => e.fault !== 'deliver')
      .slice(-20)
      .map((e) => `${e.device} ${e.method} ${e.path}: ${e.fault}`);
    throw new Error(
      `seed ${seed} (pertes ${rate}, pages de ${pageSize}${pageRowsFrom ? ' en lignes de page' : ''}, ${count} étapes) — rejouer : npm run soak -- --seed ${seed}\n` +
        `${state.trace.slice(-60).join('\n')}\n\nDerniers incidents réseau :\n${faults.join('\n')}\n\n${detail}`,
      { cause: error },
    );
  }
}
