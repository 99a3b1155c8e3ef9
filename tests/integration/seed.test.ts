// First-start seeding writes the directory once, atomically with its flag: seeding again, or restarting on the
// same file, changes nothing — same counts, same epoch, same seqs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger, silentLogger } from '../../server/logger.ts';
import { DEMO_SEEDED_KEY, needsSeeding, SeedError, seedDirectory } from '../../server/seed.ts';
import { createMemoryStore } from '../../server/storage/memory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { makeDirectory, makeService, makeStructure } from './fixtures/directory-fixture.ts';

const options = { source: 'test', logger: silentLogger };

describe('seeding the directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boussole-seed-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes every record once, each structure followed by its services, and sets the flag', async () => {
    const store = createMemoryStore();
    const logger = createCapturingLogger();
    const fixture = makeDirectory(3, 2);
    expect(await needsSeeding(store)).toBe(true);
    expect(await seedDirectory(store, fixture, { source: 'test', logger })).toEqual({
      seeded: true,
      structures: 3,
      services: 6,
    });
    const { entries } = await store.page(0, 100);
    expect(entries.slice(0, 3).map((e) => e.record.id)).toEqual(['test--s001', 'test--v001', 'test--v002']);
    expect(JSON.parse((await store.getMeta(DEMO_SEEDED_KEY)) ?? '')).toMatchObject({ source: 'test', services: 6 });
    expect(await needsSeeding(store)).toBe(false);
    expect(logger.lines).toMatchObject([{ event: 'seeded', structures: 3, services: 6 }]);
  });

  it('is idempotent: seeding twice writes nothing the second time', async () => {
    const store = createMemoryStore();
    await seedDirectory(store, makeDirectory(3, 2), options);
    const before = await store.page(0, 100);
    expect(await seedDirectory(store, makeDirectory(5, 5), options)).toEqual({
      seeded: false,
      structures: 3,
      services: 6,
    });
    expect(await store.page(0, 100)).toEqual(before);
  });

  it('survives a restart: the same SQLite file reopened and seeded again keeps counts, epoch and seqs', async () => {
    const path = join(dir, 'boussole.sqlite');
    const first = openSqliteStore({ path });
    await seedDirectory(first, makeDirectory(4, 3), options);
    const epoch = await first.epoch();
    const page = await first.page(0, 100);
    await first.close();

    const second = openSqliteStore({ path });
    expect((await seedDirectory(second, makeDirectory(4, 3), options)).seeded).toBe(false);
    expect(await second.epoch()).toBe(epoch);
    expect(await second.counts()).toEqual({ structures: 4, services: 12 });
    const again = await second.page(0, 100);
    expect(again).toEqual(page);
    const seqs = again.entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(again.entries).toHaveLength(16);
    await second.close();
  });

  it('validates every record first and reports all problems, writing nothing and no flag', async () => {
    const store = createMemoryStore();
    const fixture = {
      structures: [makeStructure(1), makeStructure(2, { code_insee: 'xx' })],
      services: [makeService(1, 'test--s001', { modes_accueil: [] }), makeService(2, 'test--s404')],
    };
    const attempt = seedDirectory(store, fixture, options);
    await expect(attempt).rejects.toBeInstanceOf(SeedError);
    await expect(attempt).rejects.toThrow(/3 problème/);
    await expect(attempt).rejects.toThrow(/code_insee/);
    await expect(attempt).rejects.toThrow(/test--s404 absente/);
    expect(await store.counts()).toEqual({ structures: 0, services: 0 });
    expect(await needsSeeding(store)).toBe(true);
  });
});
