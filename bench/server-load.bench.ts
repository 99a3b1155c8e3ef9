// `server-load`: many distinct devices against the compiled server, one JSON line per configuration, all measured
// with the same mix in one run (bench/load/devices.ts: 80 % delta pulls, 15 % pushes of 1 to 3 edits, 5 % referral
// reads; each device its own account, token, cursor and mutation ids, an exponential think time between actions):
// - sqlite-1: one instance on a SQLite file (what `npm start` runs);
// - sqlite-2: two instances on the same file (an old and a new process overlapping during a restart);
// - pg-1, pg-2: one and two instances on one PostgreSQL database (BOUSSOLE_DATABASE_URL), when a server is there:
//   BOUSSOLE_BENCH_DATABASE_URL (a role that may CREATE DATABASE), else a throwaway cluster started with
//   scripts/postgres-cluster.mjs (Debian's `postgresql` package); without either the line says it was skipped.
//   That cluster is durable (`durable: true`: PostgreSQL's defaults, a commit answers once its WAL is on disk), as
//   a production server is, not the tests' one without fsync: the write lock is held until COMMIT answers, so the
//   flush is part of every writer's wait. Each pg line names the server's settings (`postgres_durability`: fsync,
//   synchronous_commit, full_page_writes, commit_delay, read from the server), so a figure from a server without
//   them cannot pass for a durable one.
// Two instances get requests round-robin, as a reverse proxy without affinity sends them.
//
// Each line: latency percentiles seen by the devices (all requests, and pulls, pushes and referral reads apart;
// `tail_kinds`: the kinds of the requests at or above p99),
// the same from the servers' own request logs (no client queueing), requests per second, errors (any non-2xx or
// failed request), the server processes' CPU time per request (/proc utime + stime: what more cores would scale;
// on PostgreSQL also its backends' CPU per request, when it runs on this machine),
// the database size and the machine's load. Before the load, an `export-data-inclusion` line: the data·inclusion
// export of every public listing (JSON and CSV over HTTP) from a server whose heap is held to 256 MB, and its peak
// memory.
//
// Knobs (environment): BOUSSOLE_BENCH_DEVICES (200), BOUSSOLE_BENCH_SECONDS (measured seconds per configuration,
// 20, after 5 s of warm-up), BOUSSOLE_BENCH_THINK_MS (mean pause of a device between two actions, 1000: 200
// devices then offer about 200 requests a second, as 6,000 devices syncing every half minute would),
// BOUSSOLE_BENCH_CONFIGS (a comma-separated subset, e.g. `sqlite-1,pg-1`), BOUSSOLE_BENCH_SERVER_ARGS (Node options
// of the servers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), BOUSSOLE_BENCH_SAMPLES (a path prefix: every request
// and the servers' logs written there, see below).
// `--sizes 500000` runs it on the national-size directory (seeding it takes minutes: not in the default run).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { enrolFleet, type Sample } from './load/devices.ts';
import {
  buildServer,
  type Database,
  type Instance,
  loggedDurations,
  logSize,
  postgresBackends,
  processCpuMs,
  sqliteSizeMb,
  startInstance,
} from './load/instances.ts';
import type { BenchContext, Report } from './run.ts';
import { p99, summarize } from './sync/stats.ts';

const SIZES = [10_000];
const WARMUP_MS = 5_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

interface Configuration {
  name: string;
  instances: number;
  engine: 'sqlite' | 'postgres';
}

const CONFIGURATIONS: Configuration[] = [
  { name: 'sqlite-1', instances: 1, engine: 'sqlite' },
  { name: 'sqlite-2', instances: 2, engine: 'sqlite' },
  { name: 'pg-1', instances: 1, engine: 'postgres' },
  { name: 'pg-2', instances: 2, engine: 'postgres' },
];

/** A PostgreSQL server for the pg configurations, or why there is none. */
async function postgresServer(): Promise<{ url: string; stop(): void } | { missing: string }> {
  const given = process.env.BOUSSOLE_BENCH_DATABASE_URL;
  if (given) return { url: given, stop() {} };
  const script = join(ROOT, 'scripts', 'postgres-cluster.mjs');
  if (!existsSync(script)) {
    return {
      missing: 'no PostgreSQL store in this tree (scripts/postgres-cluster.mjs) and no BOUSSOLE_BENCH_DATABASE_URL',
    };
  }
  const cluster = (await import(pathToFileURL(script).href)) as {
    ensurePostgres(): boolean;
    startPostgresCluster(options: { durable: boolean }): { url: string; stop(): void };
  };
  if (!cluster.ensurePostgres()) return { missing: 'PostgreSQL is not installed (Debian package postgresql)' };
  return cluster.startPostgresCluster({ durable: true });
}

/** The settings that decide what a commit waits for, as the server answers them. */
function postgresDurability(url: string): Record<string, string> {
  const rows = execFileSync(
    'psql',
    [
      '-X',
      '-tA',
      '-F',
      '=',
      '-d',
      url,
      '-c',
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'commit_delay') ORDER BY name",
    ],
    { encoding: 'utf8' },
  );
  return Object.fromEntries(
    rows
      .split('\n')
      .filter(Boolean)
      .map((row) => row.split('=') as [string, string]),
  );
}

/** A new, empty database on that server for one configuration (psql, from the same Debian packages). */
function createDatabase(serverUrl: string, name: string): string {
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', serverUrl, '-c', `CREATE DATABASE ${name}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

function postgresSizeMb(url: string): number {
  const bytes = execFileSync('psql', ['-X', '-tA', '-d', url, '-c', 'SELECT pg_database_size(current_database())'], {
    encoding: 'utf8',
  });
  return Math.round((Number(bytes.trim()) / 1_048_576) * 10) / 10;
}

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

const machine = () => ({ cpus: cpus().length, loadavg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 });

/** Streams one export file through the HTTP API and counts its bytes (never holding it). */
function download(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode}`));
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * The export's server runs with a small JavaScript heap: an export that held the directory (as records or as text)
 * would fail there, so the line also proves that it streams. Its peak resident memory is in the line.
 */
const EXPORT_HEAP_MB = 256;

export default async function serverLoadBench(report: Report, ctx: BenchContext): Promise<void> {
  if (!ctx.wants('server-load')) return;
  const devices = numberFromEnv('BOUSSOLE_BENCH_DEVICES', 200);
  const seconds = numberFromEnv('BOUSSOLE_BENCH_SECONDS', 20);
  const thinkMs = numberFromEnv('BOUSSOLE_BENCH_THINK_MS', 1000);
  const staticDir = ctx.app();
  buildServer();
  const dir = await mkdtemp(join(tmpdir(), 'boussole-load-'));
  let postgres: Awaited<ReturnType<typeof postgresServer>> | undefined;
  try {
    for (const services of ctx.sizes ?? SIZES) {
      // The directory is seeded once (demo mode, first start), then each SQLite configuration starts from a copy.
      const template = join(dir, `template-${services}.sqlite`);
      const seeding = performance.now();
      const seeder = await startInstance(
        { sqlite: template },
        { logPath: join(dir, `seed-${services}.log`), services, staticDir },
      );
      const seedMs = Math.round(performance.now() - seeding);

      const seedingRss = seeder.peakRssMb();
      await seeder.stop();
      // The export as data·inclusion harvests it (anonymous: the public listings), from a freshly started process.
      const exporter = await startInstance(
        { sqlite: template },
        {
          logPath: join(dir, `export-${services}.log`),
          services,
          staticDir,
          nodeArgs: [`--max-old-space-size=${EXPORT_HEAP_MB}`],
        },
      );
      try {
        const idleRss = exporter.peakRssMb();
        const exportStarted = performance.now();
        let bytes = 0;
        for (const file of ['services.json', 'services.csv', 'structures.json', 'structures.csv']) {
          bytes += await download(`${exporter.url}/api/v1/export/data-inclusion/${file}`);
        }
        report({
          bench: 'export-data-inclusion',
          services,
          files: 4,
          mb: Math.round((bytes / 1_048_576) * 10) / 10,
          seconds: Math.round((performance.now() - exportStarted) / 100) / 10,
          idle_rss_mb: idleRss,
          peak_rss_mb: exporter.peakRssMb(),
          heap_limit_mb: EXPORT_HEAP_MB,
          seeding_peak_rss_mb: seedingRss,
          seeding_s: Math.round(seedMs / 100) / 10,
          ...machine(),
        });
      } finally {
        await exporter.stop();
      }

      const asked = process.env.BOUSSOLE_BENCH_CONFIGS?.split(',').filter(Boolean);
      for (const configuration of CONFIGURATIONS.filter((c) => !asked || asked.includes(c.name))) {
        let database: Database;
        if (configuration.engine === 'sqlite') {
          const file = join(dir, `${configuration.name}-${services}.sqlite`);
          copyFileSync(template, file);
          database = { sqlite: file };
        } else {
          postgres ??= await postgresServer();
          if ('missing' in postgres) {
            report({ bench: 'server-load', config: configuration.name, services, skipped: postgres.missing });
            continue;
          }
          database = {
            postgres: createDatabase(postgres.url, `boussole_load_${configuration.name.replace('-', '_')}_${services}`),
            unused: join(dir, `${configuration.name}-${services}-unused.sqlite`),
          };
        }
        report({
          bench: 'server-load',
          config: configuration.name,
          instances: configuration.instances,
          services,
          ...(await measureConfiguration(database, configuration, {
            services,
            devices,
            seconds,
            thinkMs,
            staticDir,
            dir,
          })),
        });
      }
    }
  } finally {
    if (postgres && !('missing' in postgres)) postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureConfiguration(
  database: Database,
  configuration: Configuration,
  options: { services: number; devices: number; seconds: number; thinkMs: number; staticDir: string; dir: string },
) {
  const { services, devices, seconds, thinkMs, staticDir, dir } = options;
  const instances: Instance[] = [];
  try {
    // One after the other: the first start on an empty PostgreSQL database migrates and seeds it.
    for (let i = 0; i < configuration.instances; i++) {
      const logPath = join(dir, `${configuration.name}-${services}-${i}.log`);
      instances.push(await startInstance(database, { logPath, services, staticDir }));
    }
    // A server that ignored BOUSSOLE_DATABASE_URL would have opened (created) its SQLite file on start.
    if ('unused' in database && existsSync(database.unused)) {
      throw new Error(
        `${configuration.name}: the server opened SQLite, not PostgreSQL (BOUSSOLE_DATABASE_URL ignored)`,
      );
    }
    const fleet = await enrolFleet(
      instances.map((instance) => instance.url),
      devices,
    );
    const samples: Sample[] = [];
    const start = performance.now();
    const from = start + WARMUP_MS;
    const until = from + seconds * 1000;
    // The measured window opens after the warm-up: CPU and logs are read then (a timer, while devices run).
    let cpuFrom = 0;
    let logFrom: number[] = [];
    // PostgreSQL's own work, when it runs on this machine: its backends serving the instances (pooled connections,
    // open since the warm-up) are read from /proc like the instances.
    let backends: Array<{ pid: number; from: number }> = [];
    // The backends are listed a second before the window, by a psql run that does not block this process: run
    // synchronously at the window's start, it held the devices' event loop (answers unread, the next requests unsent)
    // and began the measured window with a burst of requests of its own making.
    const listed =
      'postgres' in database
        ? new Promise<number[]>((resolve) => setTimeout(resolve, from - 1000 - start)).then(() =>
            postgresBackends(database.postgres),
          )
        : Promise.resolve([]);
    const opened = listed.then(
      (pids) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            backends = pids.map((pid) => ({ pid, from: processCpuMs(pid) }));
            cpuFrom = instances.reduce((sum, instance) => sum + instance.cpuMs(), 0);
            logFrom = instances.map((instance) => logSize(instance.logPath));
            resolve();
          }, from - performance.now()),
        ),
    );
    const counts = await fleet.run({ from, until, thinkMs, samples });
    await opened;
    // BOUSSOLE_BENCH_SAMPLES=prefix: every sample (when it left, kind, duration, outcome) and the servers' logs, in
    // <prefix>-<config>.json, to find out when and why the slowest requests were slow.
    const dump = process.env.BOUSSOLE_BENCH_SAMPLES;
    if (dump) {
      const logs = instances.map((instance) => readFileSync(instance.logPath, 'utf8'));
      writeFileSync(`${dump}-${configuration.name}.json`, JSON.stringify({ samples, logs }));
    }
    const cpuMs = instances.reduce((sum, instance) => sum + instance.cpuMs(), 0) - cpuFrom;
    const dbCpuMs = backends.reduce((sum, b) => sum + Math.max(0, processCpuMs(b.pid) - b.from), 0);
    const logged = instances.flatMap((instance, i) => loggedDurations(instance.logPath, logFrom[i] ?? 0));
    // Requests are sampled when they start inside the window; after it each device still ends its think time (the
    // longest of 200 exponential pauses: seconds), which is no traffic: counted in, it made a 20 s run report a
    // quarter fewer requests per second than were served.
    const wall = (Math.min(performance.now(), until) - from) / 1000;
    const times = samples.map((s) => s.ms);
    const p99All = p99(times);
    const failed = samples.filter((s) => s.outcome !== 200);
    const of = (action: Sample['action']) => samples.filter((s) => s.action === action).map((s) => s.ms);
    const size = 'sqlite' in database ? sqliteSizeMb(database.sqlite) : postgresSizeMb(database.postgres);
    return {
      devices,
      think_ms: thinkMs,
      seconds,
      requests: samples.length,
      requests_per_s: Math.round(samples.length / wall),
      p50_ms: summarize(times).median_ms,
      p99_ms: p99All,
      pull_delta: { n: of('pull').length, p50_ms: summarize(of('pull')).median_ms, p99_ms: p99(of('pull')) },
      push: { n: of('push').length, p50_ms: summarize(of('push')).median_ms, p99_ms: p99(of('push')) },
      referrals: {
        n: of('referrals').length,
        p50_ms: summarize(of('referrals')).median_ms,
        p99_ms: p99(of('referrals')),
      },
      // The requests at or above p99, by kind: which kind the tail is made of.
      tail_kinds: tally(samples.filter((s) => s.ms >= p99All).map((s) => s.action)),
      server_logged: { n: logged.length, p50_ms: summarize(logged).median_ms, p99_ms: p99(logged) },
      errors: failed.length,
      ...(failed.length > 0 ? { error_kinds: tally(failed.map((s) => String(s.outcome))) } : {}),
      mutations: counts,
      cpu_ms_per_request: Math.round((cpuMs / Math.max(1, logged.length)) * 100) / 100,
      ...('postgres' in database
        ? {
            postgres_durability: postgresDurability(database.postgres),
            postgres_backends: backends.length,
            postgres_cpu_ms_per_request: Math.round((dbCpuMs / Math.max(1, logged.length)) * 100) / 100,
          }
        : {}),
      data_mb: size,
      engine: configuration.engine,
      ...machine(),
    };
  } finally {
    for (const instance of instances) await instance.stop();
  }
}
