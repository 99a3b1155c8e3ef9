// The real process, as production runs it: the server compiled to JavaScript (scripts/build-server.mjs, no
// TypeScript loader in the process) on a free port and a temporary database. It must print
// its URL once listening, serve, stop cleanly on SIGTERM/SIGINT with exit code 0, and find its data again on the
// next start. No fixed sleeps: every wait is on the process's own output or exit.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { healthSchema } from '../../server/http/api-schemas.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { demoCodesSchema, sessionSchema, signInResponseSchema } from '../../src/domain/sync-protocol.ts';
import { createTestDatabase } from '../fixtures/postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY = /^Boussole écoute sur (http:\/\/localhost:\d+)$/m;
const COMPILED = '.scratch/server-under-test';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', `${COMPILED}/main.mjs`], {
    cwd: ROOT,
    // No loader inherited from the test runner either: what runs is plain JavaScript.
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Starts main and resolves once it printed its URL; rejects with its output if it exits first. */
function start(env: Record<string, string>): Promise<Running> {
  const started = run(env);
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = READY.exec(started.output().stdout);
      if (match?.[1]) resolve({ ...started, url: match[1].replace('localhost', '127.0.0.1') });
    };
    started.child.stdout?.on('data', check);
    // A deadline for a readable failure (with the process's output) rather than a bare test timeout.
    const deadline = setTimeout(
      () => reject(new Error(`main not listening after 30 s:\n${JSON.stringify(started.output())}`)),
      30_000,
    );
    deadline.unref();
    void started.exited.then((code) =>
      reject(new Error(`main exited (${code}) before listening:\n${started.output().stderr}`)),
    );
  });
}

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  running.child.kill(signal);
  return running.exited;
}

describe('server/main.ts', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--outdir', COMPILED], { cwd: ROOT });
  });
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boussole-main-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('in demo mode: starts, seeds, prints one demo code per role after the URL, serves, stops on SIGTERM with code 0, and finds the same data and codes after a restart', async () => {
    const db = join(dir, 'nested', 'boussole.sqlite'); // the directory does not exist yet: main creates it
    const env = { PORT: '0', BOUSSOLE_DB: db, BOUSSOLE_STATIC: join(dir, 'no-dist'), BOUSSOLE_MODE: 'demo' };

    const first = await start(env);
    const health = healthSchema.parse(await (await fetch(`${first.url}/api/v1/health`)).json());
    expect(health.counts.structures).toBeGreaterThan(0);
    expect(health.counts.services).toBeGreaterThan(0);
    const page = directoryPageSchema.parse(await (await fetch(`${first.url}/api/v1/directory?limit=50`)).json());
    expect(page).toMatchObject({ epoch: health.epoch, hasMore: true });
    // The URL line first of the plain lines (startup logs may come before it), then one line per role.
    const all = first.output().stdout.split('\n');
    const lines = all.slice(all.findIndex((line) => READY.test(line)));
    expect(all.filter((line) => !line.startsWith('{')).slice(0, 4)).toEqual(lines.slice(0, 4));
    expect(lines.slice(1, 4)).toEqual([
      expect.stringMatching(/^Code démo coordinateur : DEMO-COORD(-[A-Z0-9]{4}){4}$/),
      expect.stringMatching(/^Code démo travailleur : DEMO-TRAV(-[A-Z0-9]{4}){4}$/),
      expect.stringMatching(/^Code démo partenaire : DEMO-PART(-[A-Z0-9]{4}){4}$/),
    ]);
    const codes = demoCodesSchema.parse(await (await fetch(`${first.url}/api/v1/demo`)).json());
    expect(codes.codes.map((c) => c.role)).toEqual(['coordinateur', 'travailleur', 'partenaire']);
    expect(lines.slice(1, 4).map((l) => l.split(' : ')[1])).toEqual(codes.codes.map((c) => c.code));
    const partnerCode = codes.codes[2]?.code ?? '';
    const signIn = await fetch(`${first.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: partnerCode, appareil: 'Test' }),
    });
    const session = signInResponseSchema.parse(await signIn.json());
    expect(session.account).toMatchObject({ role: 'partenaire', structure_id: expect.any(String) });
    const shell = await fetch(`${first.url}/`);
    expect(shell.status).toBe(503);
    expect(apiErrorSchema.parse(await shell.json()).error.message).toContain('npm run build');
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(first.output().stdout).toContain('"event":"stopped"');
    expect(existsSync(`${db}-wal`)).toBe(false); // the database was closed, its WAL checkpointed

    const second = await start(env);
    const again = healthSchema.parse(await (await fetch(`${second.url}/api/v1/health`)).json());
    expect(again).toEqual(health);
    expect(second.output().stdout).toContain('"seeded_now":false');
    expect(second.output().stdout).toContain(`Code démo partenaire : ${partnerCode}`);
    expect(await stop(second, 'SIGINT')).toBe(0);
  }, 60_000);

  it('on SIGTERM drains: a request in flight is answered in full, a new connection is refused, then exit 0', async () => {
    const env = {
      PORT: '0',
      BOUSSOLE_DB: join(dir, 'drain.sqlite'),
      BOUSSOLE_STATIC: join(dir, 'x'),
      BOUSSOLE_MODE: 'demo',
    };
    const running = await start(env);
    const code = demoCodesSchema.parse(await (await fetch(`${running.url}/api/v1/demo`)).json()).codes[1]?.code;
    const body = Buffer.from(JSON.stringify({ protocol: PROTOCOL_VERSION, code, appareil: 'Tablette' }));
    const { port } = new URL(running.url);
    // A sign-in whose body is still arriving when the signal comes: the server has begun it and must finish it.
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const closed = once(socket, 'close');
    socket.write(
      `POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, 10));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      answer += chunk;
    });
    const stopping = new Promise<void>((resolve) => {
      const check = () => {
        if (running.output().stdout.includes('"event":"stopping"')) resolve();
      };
      running.child.stdout?.on('data', check);
      check();
    });
    running.child.kill('SIGTERM');
    await stopping;
    // New connections are no longer accepted.
    await expect(fetch(`${running.url}/api/v1/health`)).rejects.toThrow();
    expect(running.child.exitCode).toBe(null);
    socket.end(body.subarray(10));
    await closed;
    expect(await running.exited).toBe(0);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const json = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(signInResponseSchema.parse(JSON.parse(json)).account.role).toBe('travailleur');
    expect(running.output().stdout).toContain('"event":"stopped"');
  }, 60_000);

  it('in production mode (the default): no demo directory, no demo codes printed or served', async () => {
    const running = await start({ PORT: '0', BOUSSOLE_DB: join(dir, 'prod.sqlite'), BOUSSOLE_STATIC: join(dir, 'x') });
    const health = healthSchema.parse(await (await fetch(`${running.url}/api/v1/health`)).json());
    expect(health.counts).toEqual({ structures: 0, services: 0 });
    expect(running.output().stdout).not.toContain('Code démo');
    expect((await fetch(`${running.url}/api/v1/demo`)).status).toBe(404);
    expect(await stop(running, 'SIGTERM')).toBe(0);
  }, 60_000);

  it('on PostgreSQL: two instances share one database — seeded once, a device signed in on one is known to the other, and the admin command sees its account', async () => {
    const database = await createTestDatabase();
    try {
      const env = {
        PORT: '0',
        BOUSSOLE_DATABASE_URL: database.url,
        BOUSSOLE_STATIC: join(dir, 'no-dist'),
        BOUSSOLE_MODE: 'demo',
      };
      const first = await start(env);
      const second = await start(env);
      expect(second.output().stdout).toContain('"seeded_now":false');
      const health = healthSchema.parse(await (await fetch(`${first.url}/api/v1/health`)).json());
      expect(health.counts.services).toBeGreaterThan(0);
      expect(healthSchema.parse(await (await fetch(`${second.url}/api/v1/health`)).json())).toEqual(health);
      const codes = demoCodesSchema.parse(await (await fetch(`${second.url}/api/v1/demo`)).json());
      const signIn = await fetch(`${first.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: codes.codes[1]?.code, appareil: 'Test' }),
      });
      const signedIn = signInResponseSchema.parse(await signIn.json());
      const session = await fetch(`${second.url}/api/v1/session`, {
        headers: { Authorization: `Bearer ${signedIn.token}`, 'X-Boussole-Protocol': String(PROTOCOL_VERSION) },
      });
      expect(sessionSchema.parse(await session.json()).clientId).toBe(signedIn.clientId);
      const listed = execFileSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'list-accounts'], {
        cwd: ROOT,
        env: { ...process.env, BOUSSOLE_DATABASE_URL: database.url },
        encoding: 'utf8',
      });
      expect(listed).toContain(signedIn.account.id);
      expect(await stop(first, 'SIGTERM')).toBe(0);
      expect(await stop(second, 'SIGTERM')).toBe(0);
    } finally {
      await database.drop();
    }
  }, 90_000);

  it('refuses an invalid configuration with a clear message and code 1', async () => {
    const started = run({ PORT: 'huit-mille', BOUSSOLE_DB: join(dir, 'b.sqlite') });
    expect(await started.exited).toBe(1);
    expect(started.output().stderr).toMatch(/Configuration invalide : PORT/);
  }, 30_000);
});
