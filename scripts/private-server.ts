// A private server for browser tests and quality scripts that must change what is deployed (a new build): it serves its own
// copy of dist/ on its own port and SQLite file, and is stopped by the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateServer {
  url: string;
  staticDir: string;
  stop(): Promise<void>;
}

/** Starts on a free port (PORT=0): the URL is read from the line the server prints. */
export async function startPrivateServer(): Promise<PrivateServer> {
  const root = mkdtempSync(join(tmpdir(), 'boussole-e2e-private-'));
  const staticDir = join(root, 'dist');
  cpSync('dist', staticDir, { recursive: true });
  // The server itself, in one process (not through npx and tsx's launcher): stopping it stops it, where a signal to
  // npx left the server running after every test run.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      BOUSSOLE_DB: join(root, 'db.sqlite'),
      BOUSSOLE_STATIC: staticDir,
      BOUSSOLE_MODE: 'demo',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Boussole écoute sur (http:\/\/\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`le serveur s'est arrêté (code ${code}) : ${errors.slice(-500)}`)));
  });
  return {
    url,
    staticDir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
