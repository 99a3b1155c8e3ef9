// Server processes for the load benchmark, as production runs them: the compiled server (scripts/build-server.mjs,
// no TypeScript loader), demo mode (its codes let the bench invite one account per device), logs to a file. One
// instance or several over the same database — a SQLite file, or a PostgreSQL database named by
// BOUSSOLE_DATABASE_URL — and their CPU time read from /proc, so a line can say what a request costs the server
// whatever the machine's load.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Inside the repository, so that the compiled server resolves its packages from node_modules. */
export const COMPILED_SERVER = join(ROOT, '.scratch', 'bench-server', 'main.mjs');
const READY = /^Boussole écoute sur (http:\/\/[^\s]+:\d+)$/m;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux whatever the kernel's HZ). */
const TICKS_PER_S = 100;

/** Compiles the server once per run (a few hundred milliseconds): what is measured is the working tree. */
export function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--outdir', join('.scratch', 'bench-server')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface Instance {
  url: string;
  pid: number;
  logPath: string;
  /** The process's user + system CPU time so far, in milliseconds (Linux /proc). */
  cpuMs(): number;
  /** Peak resident memory so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<number | null>;
}

/**
 * The database of an instance: a SQLite file, or a PostgreSQL URL. A PostgreSQL instance is also given a SQLite path
 * that must stay absent (`unused`): a server that ignored BOUSSOLE_DATABASE_URL would create it, and the bench says so.
 */
export type Database = { sqlite: string } | { postgres: string; unused: string };

export async function startInstance(
  database: Database,
  {
    logPath,
    services,
    staticDir,
    nodeArgs = [],
  }: { logPath: string; services: number; staticDir: string; nodeArgs?: readonly string[] },
): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    PORT: '0',
    HOST: '127.0.0.1',
    BOUSSOLE_STATIC: staticDir,
    BOUSSOLE_MODE: 'demo',
    BOUSSOLE_DEMO_SERVICES: String(services),
  };
  if ('sqlite' in database) {
    env.BOUSSOLE_DB = database.sqlite;
    delete env.BOUSSOLE_DATABASE_URL;
  } else {
    env.BOUSSOLE_DATABASE_URL = database.postgres;
    env.BOUSSOLE_DB = database.unused;
  }
  const log = openSync(logPath, 'w');
  // BOUSSOLE_BENCH_SERVER_ARGS: Node options for the servers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
  const extra = (process.env.BOUSSOLE_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...extra, ...nodeArgs, '--enable-source-maps', COMPILED_SERVER],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const output = () => readFileSync(logPath, 'utf8');
  let url: string | undefined;
  // A first start seeds the generated directory (minutes at a national size); the URL line says it is done.
  while (url === undefined) {
    if (exitCode !== undefined)
      throw new Error(`server exited (${exitCode}) before listening:\n${output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    url = READY.exec(output())?.[1]?.replace('localhost', '127.0.0.1');
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    logPath,
    cpuMs: () => processCpuMs(pid),
    peakRssMb() {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Math.round(Number(kb) / 1024);
    },
    async stop() {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A process's user + system CPU time so far in milliseconds (Linux /proc); 0 when it is gone or elsewhere. */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is the 14th field of
  // the line, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

/** The PostgreSQL backends serving the instances on `url`'s database (psql, pg_stat_activity). */
export async function postgresBackends(url: string): Promise<number[]> {
  const { stdout: out } = await promisify(execFile)(
    'psql',
    [
      '-X',
      '-tA',
      '-d',
      url,
      '-c',
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean).map(Number);
}

/** Size of a SQLite database on disk (the file and its write-ahead log), in MB. */
export function sqliteSizeMb(path: string): number {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return Math.round(((size(path) + size(`${path}-wal`)) / 1_048_576) * 10) / 10;
}

/** Request durations the instances logged (`ms` of each `request` line) from byte `from` of their log on. */
export function loggedDurations(logPath: string, from: number): number[] {
  const text = readFileSync(logPath).subarray(from).toString('utf8');
  const out: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{"') || !line.includes('"event":"request"')) continue;
    const ms = (JSON.parse(line) as { ms?: unknown }).ms;
    if (typeof ms === 'number') out.push(ms);
  }
  return out;
}

export function logSize(logPath: string): number {
  return statSync(logPath).size;
}
