// Runs the DirectoryStore contract against every implementation: memory, SQLite in memory, SQLite on a file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { createMemoryStore } from '../../server/storage/memory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { directoryStoreContract, type StoreHarness } from './directory-store.contract.ts';

/** Tracks opened stores so each test closes what it opened, even when it fails half-way. */
function tracking(open: () => Promise<DirectoryStore>, cleanup = async () => {}): StoreHarness {
  const opened: DirectoryStore[] = [];
  return {
    async openFresh() {
      const store = await open();
      opened.push(store);
      return store;
    },
    async dispose() {
      for (const store of opened) await store.close();
      await cleanup();
    },
  };
}

directoryStoreContract('memory', () => tracking(async () => createMemoryStore()));

directoryStoreContract('sqlite :memory:', () => tracking(async () => openSqliteStore({ path: ':memory:' })));

directoryStoreContract('sqlite file', () => {
  let dir: string | undefined;
  const opened: DirectoryStore[] = [];
  const pathOf = new Map<DirectoryStore, string>();
  const openAt = (path: string) => {
    const store = openSqliteStore({ path });
    opened.push(store);
    pathOf.set(store, path);
    return store;
  };
  return {
    async openFresh() {
      dir ??= await mkdtemp(join(tmpdir(), 'boussole-store-'));
      return openAt(join(dir, `directory-${opened.length}.sqlite`));
    },
    async reopen(store) {
      const path = pathOf.get(store);
      if (!path) throw new Error('store not opened by this harness');
      await store.close();
      return openAt(path);
    },
    async dispose() {
      for (const store of opened) await store.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
});
