import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aFeed, aStructure } from '../../tests/fixtures/records.ts';
import { ScriptedServer } from '../../tests/fixtures/scripted-transport.ts';
import { BoussoleDatabase } from '../db/database.ts';
import { applyDirectoryPage } from '../db/directory-repo.ts';
import { countDirectory, readSyncState } from '../db/directory-state.ts';
import { tableOfKind } from '../db/record-tables.ts';
import { DEFAULT_PAGE_SIZE, pullDirectory } from './directory-pull.ts';
import { OfflineError } from './transport-errors.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
function freshDatabase() {
  const db = new BoussoleDatabase(`pull-test-${++counter}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const now = () => new Date('2026-11-28T10:00:00Z');
// The first download runs on both layouts of the server's copy: record by record, and as page rows (the app's
// pages of 1000 are; here pages of two entries or more, src/db/feed-pages.ts).
let pageRowsFrom: number | undefined;
const storeOf = (db: BoussoleDatabase) => ({
  readState: () => readSyncState(db),
  applyPage: (page: Parameters<typeof applyDirectoryPage>[1], options: Parameters<typeof applyDirectoryPage>[2]) =>
    applyDirectoryPage(db, page, pageRowsFrom === undefined ? options : { ...options, pageRowsFrom }),
});

describe.each([
  ['record by record', undefined],
  ['as page rows', 2],
])('first download of the directory, stored %s', (_layout, rowsFrom) => {
  beforeEach(() => {
    pageRowsFrom = rowsFrom;
  });

  it('stores every record page by page and reports progress n / N', async () => {
    const db = freshDatabase();
    const server = new ScriptedServer(aFeed(25));
    const progress: string[] = [];
    const result = await pullDirectory({
      transport: server,
      store: storeOf(db),
      now,
      pageSize: 20,
      onProgress: (p) => progress.push(`${p.received}/${p.total}`),
    });
    expect(result).toEqual({ pages: 3, received: 50, restarted: false });
    expect(progress).toEqual(['20/50', '40/50', '50/50']);
    expect(await countDirectory(db)).toEqual({ structures: 25, services: 25 });
    expect([await db.feedPages.count(), await db.services.count()]).toEqual(rowsFrom ? [3, 0] : [0, 25]);
    expect(await readSyncState(db)).toEqual({
      epoch: 'epoch-one',
      cursor: 50,
      total: 50,
      lastSyncAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('resumes after the network drops, from the last page applied, without downloading it again', async () => {
    const db = freshDatabase();
    const server = new ScriptedServer(aFeed(25));
    server.failOn.add(3);
    await expect(pullDirectory({ transport: server, store: storeOf(db), now, pageSize: 10 })).rejects.toBeInstanceOf(
      OfflineError,
    );
    const cut = await readSyncState(db);
    expect(cut.cursor).toBe(20);
    expect(cut.lastSyncAt).toBeNull();
    expect(await countDirectory(db)).toEqual({ structures: 10, services: 10 });

    server.failOn.clear();
    server.calls = [];
    await pullDirectory({ transport: server, store: storeOf(db), now, pageSize: 10 });
    expect(server.calls[0]).toEqual({ cursor: 20, limit: 10 });
    expect(await countDirectory(db)).toEqual({ structures: 25, services: 25 });
  });

  it('a later sync asks only for what changed since its cursor', async () => {
    const db = freshDatabase();
    const server = new ScriptedServer(aFeed(5));
    await pullDirectory({ transport: server, store: storeOf(db), now });
    server.feed.push({ kind: 'structure', seq: 11, record: aStructure(1, { nom: 'Nouveau nom' }) });
    server.calls = [];
    const result = await pullDirectory({ transport: server, store: storeOf(db), now });
    expect(server.calls).toEqual([{ cursor: 10, limit: DEFAULT_PAGE_SIZE }]);
    expect(result.received).toBe(1);
    expect((await tableOfKind(db, 'structure').get('test--s1'))?.nom).toBe('Nouveau nom');
  });

  it('starts over and replaces the local copy when the server database changed (new epoch)', async () => {
    const db = freshDatabase();
    const server = new ScriptedServer(aFeed(5));
    await pullDirectory({ transport: server, store: storeOf(db), now });
    server.feed = aFeed(2);
    server.epoch = 'epoch-two';
    const result = await pullDirectory({ transport: server, store: storeOf(db), now });
    expect(result.restarted).toBe(true);
    expect(await countDirectory(db)).toEqual({ structures: 2, services: 2 });
    expect((await readSyncState(db)).epoch).toBe('epoch-two');
  });
});

describe('pages written back to back', () => {
  beforeEach(() => {
    pageRowsFrom = undefined;
  });
  /** A download of 30 entries in pages of 10 into a store whose writes the test completes by hand. */
  function handDownload() {
    const writes: Array<{ cursor: number; settle: (error?: Error) => void }> = [];
    const progress: number[] = [];
    const pull = pullDirectory({
      transport: new ScriptedServer(aFeed(15)),
      store: {
        readState: async () => ({ epoch: null, cursor: 0 }),
        applyPage: (page: { cursor: number }) =>
          new Promise<void>((resolve, reject) => {
            writes.push({ cursor: page.cursor, settle: (error) => (error ? reject(error) : resolve()) });
          }),
      },
      now,
      pageSize: 10,
      onProgress: (p) => progress.push(p.received),
    });
    return { pull, writes, progress };
  }
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 0));
  };

  it('hands the next page to the store before the previous one is committed, and reports progress in order', async () => {
    const { pull, writes, progress } = handDownload();
    await until(() => writes.length === 2);
    expect(progress).toEqual([]);
    writes[0]?.settle();
    await until(() => writes.length === 3);
    expect(progress).toEqual([10]);
    writes[1]?.settle();
    writes[2]?.settle();
    await expect(pull).resolves.toEqual({ pages: 3, received: 30, restarted: false });
    expect(progress).toEqual([10, 20, 30]);
  });

  it('a page that fails to be written stops the download with its error, after the next one has settled', async () => {
    const { pull, writes, progress } = handDownload();
    await until(() => writes.length === 2);
    let stopped = false;
    const stop = () => {
      stopped = true;
    };
    pull.then(stop, stop);
    writes[0]?.settle(new Error('disque plein'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped).toBe(false);
    writes[1]?.settle(new Error('la copie a changé'));
    await expect(pull).rejects.toThrow('disque plein');
    expect(progress).toEqual([]);
    expect(writes).toHaveLength(2);
  });
});
