// What every command an administrator runs on the BOUSSOLE_DB file shares (`npm run admin`, `export`, `import`):
// open the SQLite store, run, close it, exit with the command's code. Safe while the server runs: SQLite in WAL mode
// lets both write, one transaction at a time.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readConfig } from './config.ts';
import type { DirectoryStore } from './storage/directory-store.ts';
import { openSqliteStore } from './storage/sqlite-store.ts';

export interface CommandContext {
  store: DirectoryStore;
  out: (line: string) => void;
  err: (line: string) => void;
  now: Date;
}

export function runOnDatabase(command: (ctx: CommandContext, argv: string[]) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const config = readConfig(process.env);
    if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
    const store = openSqliteStore({ path: config.dbPath });
    try {
      return await command(
        {
          store,
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
          now: new Date(),
        },
        process.argv.slice(2),
      );
    } finally {
      await store.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
