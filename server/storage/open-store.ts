// The store the configuration names (config.ts): PostgreSQL with BOUSSOLE_DATABASE_URL, else the SQLite file
// BOUSSOLE_DB, its directory created when missing. The server, `npm run admin`, `export` and `import` open it here.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerConfig } from '../config.ts';
import type { JobLeases } from '../jobs/scheduler.ts';
import { type Logger, silentLogger } from '../logger.ts';
import type { DirectoryStore } from './directory-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

export async function openConfiguredStore(
  config: Pick<ServerConfig, 'dbPath' | 'databaseUrl'>,
  logger: Logger = silentLogger,
): Promise<DirectoryStore & { jobLeases: JobLeases }> {
  if (config.databaseUrl !== undefined) return openPostgresStore({ url: config.databaseUrl, logger });
  if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
  return openSqliteStore({ path: config.dbPath, logger });
}
