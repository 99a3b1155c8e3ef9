// What every command an administrator runs on the server's database shares (`npm run admin`, `export`, `import`):
// open the store (the BOUSSOLE_DB file, or PostgreSQL with BOUSSOLE_DATABASE_URL), run, close it, exit with the
// command's code. Safe while the server runs: SQLite in WAL mode lets both write, one transaction at a time, and
// PostgreSQL takes writes from every process.
import { readConfig } from './config.ts';
import type { DirectoryStore } from './storage/directory-store.ts';
import { openConfiguredStore } from './storage/open-store.ts';

export interface CommandContext {
  store: DirectoryStore;
  out: (line: string) => void;
  err: (line: string) => void;
  now: Date;
}

export function runOnDatabase(command: (ctx: CommandContext, argv: string[]) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const config = readConfig(process.env);
    const store = await openConfiguredStore(config);
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
