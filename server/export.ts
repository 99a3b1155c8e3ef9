// `npm run export -- …` on the BOUSSOLE_DB file (commands in interop/commands.ts). Safe while the server runs: SQLite
// in WAL mode lets both write, one transaction at a time; devices get an import at their next sync.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readConfig } from './config.ts';
import { runExport } from './interop/commands.ts';
import { openSqliteStore } from './storage/sqlite-store.ts';

async function main(): Promise<number> {
  const config = readConfig(process.env);
  if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
  const store = openSqliteStore({ path: config.dbPath });
  try {
    return await runExport(
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
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
