// The real server for the sync benchmarks: `server/main.ts` in its own process, demo mode (so it has invitation
// codes), on a fresh SQLite file seeded on first start with the generated directory of `services` services
// (BOUSSOLE_DEMO_SERVICES), serving the app the benchmark run built (`ctx.app()`, bench/build-app.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { demoCodesSchema, type SignInResponse, signInResponseSchema } from '../../src/domain/sync-protocol.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY = /^Boussole écoute sur (http:\/\/[^\s]+:\d+)$/m;

export interface RunningServer {
  url: string;
  /** Signs a new device in with the demo code of `role` (demo codes are reusable). */
  signIn(role: 'coordinateur' | 'travailleur' | 'partenaire'): Promise<SignInResponse>;
  /** What the process printed so far (its JSON log lines carry each request's duration). */
  output(): string;
  stop(): Promise<void>;
}

export async function startServer({
  services,
  staticDir,
}: {
  services: number;
  staticDir: string;
}): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'boussole-bench-'));
  // Its output goes to a file, as in production (a journal, not a pipe): a pipe that the benchmark's own process,
  // busy with autocannon, drains late would block the server on its log writes and show up as latency.
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BOUSSOLE_DB: join(dir, 'bench.sqlite'),
      BOUSSOLE_STATIC: staticDir,
      BOUSSOLE_MODE: 'demo',
      BOUSSOLE_DEMO_SERVICES: String(services),
    },
    stdio: ['ignore', log, log],
  });
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
  // Seeding 10k services takes a while on first start; the URL line says the port is open.
  while (url === undefined) {
    if (exitCode !== undefined) throw new Error(`server/main.ts exited (${exitCode}) before listening:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    url = READY.exec(output())?.[1]?.replace('localhost', '127.0.0.1');
  }
  const demo = demoCodesSchema.parse(await (await fetch(`${url}/api/v1/demo`)).json());
  return {
    url,
    output,
    async signIn(role) {
      const code = demo.codes.find((c) => c.role === role)?.code;
      if (!code) throw new Error(`no demo code for ${role}`);
      const response = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, appareil: 'Banc de mesure' }),
      });
      return signInResponseSchema.parse(await response.json());
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
