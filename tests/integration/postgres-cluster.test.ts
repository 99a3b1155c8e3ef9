// scripts/postgres-cluster.mjs starts two kinds of cluster: the tests' (no disk flush: a crash loses only test data)
// and the durable one server-load measures (PostgreSQL's defaults, as in production). Each must run with the
// settings it names, as the server answers them: a durable bench on a cluster without fsync would report commits
// that never waited for the disk.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { DURABILITY, startPostgresCluster } from '../../scripts/postgres-cluster.mjs';

async function settingsOf(durable: boolean) {
  const cluster = startPostgresCluster({ durable });
  const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; setting: string }[]>`
      SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')`;
    return { reported: cluster.durability, answered: Object.fromEntries(rows.map((r) => [r.name, r.setting])) };
  } finally {
    await sql.end();
    cluster.stop();
  }
}

describe('postgres-cluster.mjs durability', () => {
  it('a durable cluster flushes every commit to disk (fsync, synchronous_commit, full_page_writes on)', async () => {
    const { reported, answered } = await settingsOf(true);
    expect(answered).toEqual({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
    expect(reported).toEqual(answered);
    expect(DURABILITY.durable).toEqual(answered);
  }, 60_000);

  it('the tests’ cluster keeps its fast settings (all three off)', async () => {
    const { reported, answered } = await settingsOf(false);
    expect(answered).toEqual({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
    expect(reported).toEqual(answered);
  }, 60_000);
});
