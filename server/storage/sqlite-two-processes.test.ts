import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'boussole-two-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// During a restart an old and a new server overlap on one SQLite file. A write that finds the other process's
// write lock must wait for it (write transactions take the lock when they begin, with a busy timeout), never
// answer « database is locked ». Started together on a new file, they also race to create and migrate it.
describe('deux processus sur un même fichier SQLite', () => {
  it('écrivent en même temps sans « database is locked » ni écriture perdue', async () => {
    const path = join(dir, 'shared.sqlite');
    const writer = (offset: number) =>
      run(process.execPath, [
        '--import',
        'tsx',
        'tests/fixtures/sqlite-writer-process.ts',
        path,
        String(offset),
        '1000',
      ]);
    const outcomes = await Promise.all([writer(1_000), writer(2_000), writer(3_000)]);
    const results = outcomes.map((o) => JSON.parse(o.stdout) as { written: number; error?: string });
    expect(results).toEqual([{ written: 1000 }, { written: 1000 }, { written: 1000 }]);
    const store = openSqliteStore({ path });
    expect((await store.counts()).structures).toBe(3000);
    const seqs = (await store.page(0, 5_000)).entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(3000);
    await store.close();
  }, 120_000);
});
