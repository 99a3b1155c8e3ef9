// Types of scripts/postgres-cluster.mjs for the tests that start a cluster (tests/fixtures/postgres.ts).
export const TEST_DATABASE_URL: 'BOUSSOLE_TEST_DATABASE_URL';
type Durability = Record<'fsync' | 'synchronous_commit' | 'full_page_writes', 'on' | 'off'>;
export const DURABILITY: { throwaway: Durability; durable: Durability };
export interface PostgresCluster {
  url: string;
  dir: string;
  durability: Durability;
  stop(): void;
}
export function postgresBinDir(env?: Record<string, string | undefined>): string | undefined;
export function ensurePostgres(): boolean;
export function startPostgresCluster(options?: { log?: (line: string) => void; durable?: boolean }): PostgresCluster;
export function stopAtExit(cluster: PostgresCluster): void;
