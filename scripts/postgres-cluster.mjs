#!/usr/bin/env node
// A throwaway PostgreSQL server for the tests: a new cluster in a temporary directory, listening on a free port of
// 127.0.0.1 and on a socket inside that directory (nothing shared with a PostgreSQL of the machine), stopped and
// deleted at the end. PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user
// (Debian's package creates it) and its programs run as that user (runuser); otherwise as the current user.
// Durability is off for the tests (DURABILITY.throwaway): a crash loses a test database, never anything else, and a
// commit waits for no disk. `durable: true` (`--durable`) keeps PostgreSQL's defaults, as a production server runs:
// a commit answers once its WAL is on disk. server-load measures that one, because the store's write lock is held
// until COMMIT answers, so a flush lengthens every writer's wait.
//
// `node scripts/postgres-cluster.mjs [--durable] <command…>` runs a command with BOUSSOLE_TEST_DATABASE_URL set, e.g.
// `node scripts/postgres-cluster.mjs npx vitest run server/storage/postgres-store.test.ts`.
// `npm test` (scripts/test-all.mjs) starts one for the whole run; tests open a database of their own in it
// (tests/fixtures/postgres.ts). A watcher process stops and deletes the cluster if the process that started it dies
// without doing so (killed, or a test worker its runner ends without an exit event).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that names the test server: `postgres://user@127.0.0.1:port/postgres`. */
export const TEST_DATABASE_URL = 'BOUSSOLE_TEST_DATABASE_URL';

/** The directory of initdb, pg_ctl and postgres: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(env = process.env) {
  if (env.PG_BIN) return existsSync(join(env.PG_BIN, 'initdb')) ? env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Installs Debian's `postgresql` when it is missing and we are root on Debian (a fresh machine), as Chromium. */
export function ensurePostgres() {
  if (postgresBinDir()) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('PostgreSQL absent : installation du paquet Debian « postgresql »…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  }
  return postgresBinDir() !== undefined;
}

/** The settings each kind of cluster starts with (`SHOW fsync`… answers them; tests/integration checks it). */
export const DURABILITY = {
  throwaway: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  durable: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' },
};

/** A TCP port nobody listens on at this instant (a child process asks the OS for one and releases it). */
function freePort() {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** Runs a PostgreSQL program as the cluster's owner: `postgres` when we are root, else ourselves. */
function runAsOwner(bin, program, args) {
  const [command, commandArgs] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${program} a échoué (${result.status ?? result.signal}) : ${result.stderr || result.stdout}`);
  }
}

function stopAndDelete(bin, dir) {
  try {
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
      runAsOwner(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The watcher: once `pid` is gone, stops the cluster in `dir` if it still runs. */
function watch(pid, bin, dir) {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!existsSync(dir)) clearInterval(timer);
    else if (!alive()) {
      clearInterval(timer);
      stopAndDelete(bin, dir);
    }
  }, 500);
}

function uidOf(user) {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/**
 * Starts a cluster; returns its URL (database `postgres`, superuser `postgres`, no password: trust on 127.0.0.1
 * and the private socket only), its `durability` settings and `stop()`, which stops the server and deletes the
 * directory. Throws with a French message saying what is missing.
 */
export function startPostgresCluster({ log = () => {}, durable = false } = {}) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL introuvable (initdb) : installez le paquet Debian « postgresql » ou définissez PG_BIN (le dossier de initdb).',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'boussole-pg-'));
  const data = join(dir, 'data');
  const runAs = (program, args) => runAsOwner(bin, program, args);
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      stopAndDelete(bin, dir);
    } else rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const uid = uidOf('postgres');
      if (uid === undefined) throw new Error('Utilisateur système « postgres » absent : PostgreSQL refuse root.');
      chownSync(dir, uid, -1);
    }
    runAs('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = freePort();
    const durability = durable ? DURABILITY.durable : DURABILITY.throwaway;
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      ...Object.entries(durability).map(([name, value]) => `-c ${name}=${value}`),
      '-c max_connections=300',
      '-c shared_buffers=64MB',
    ].join(' ');
    runAs('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
    spawn(process.execPath, [new URL(import.meta.url).pathname, '--watch', String(process.pid), bin, dir], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const owner = asRoot ? 'utilisateur postgres' : 'utilisateur courant';
    log(`PostgreSQL de test : ${url} (${owner}, ${durable ? 'durable' : 'sans fsync'}, ${dir})`);
    return { url, dir, durability, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Stops the cluster when this process ends, however it ends (a signal included). */
export function stopAtExit(cluster) {
  process.on('exit', cluster.stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      cluster.stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--watch') {
  const [pid, bin, dir] = process.argv.slice(3);
  watch(Number(pid), bin, dir);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const durable = process.argv[2] === '--durable';
  const command = process.argv.slice(durable ? 3 : 2);
  if (command.length === 0) {
    console.error(
      'Usage : node scripts/postgres-cluster.mjs [--durable] <commande…>  (la commande reçoit BOUSSOLE_TEST_DATABASE_URL)',
    );
    process.exit(2);
  }
  if (!ensurePostgres()) {
    console.error('PostgreSQL introuvable : installez le paquet Debian « postgresql » ou définissez PG_BIN.');
    process.exit(1);
  }
  const cluster = startPostgresCluster({ log: console.log, durable });
  stopAtExit(cluster);
  const [program, ...args] = command;
  const result = spawnSync(program, args, {
    stdio: 'inherit',
    env: { ...process.env, [TEST_DATABASE_URL]: cluster.url },
  });
  process.exitCode = result.status ?? 1;
}
