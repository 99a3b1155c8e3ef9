import { describe, expect, it } from 'vitest';
import { aFeed } from '../../tests/fixtures/records.ts';
import { ScriptedServer } from '../../tests/fixtures/scripted-transport.ts';
import { type DirectoryStoreOnDevice, directoryPuller } from './directory-pull.ts';
import { createSyncController, type SyncEnvironment, type SyncStatus } from './sync-controller.ts';

/** Events and timers a test fires by hand. */
function fakeEnvironment(online: boolean) {
  const onlineListeners = new Set<() => void>();
  const timers: Array<{ callback: () => void; ms: number; cancelled: boolean }> = [];
  const env: SyncEnvironment & { online: boolean } = {
    online,
    isOnline: () => env.online,
    onOnline(listener) {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
    onVisible: () => () => {},
    setTimer(callback, ms) {
      const timer = { callback, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    withLock: (task) => task(),
  };
  return {
    env,
    timers,
    goOnline() {
      env.online = true;
      for (const l of onlineListeners) l();
    },
  };
}

function memoryStore(): DirectoryStoreOnDevice & { applied: number } {
  let state = { epoch: null as string | null, cursor: 0 };
  const store = {
    applied: 0,
    readState: async () => state,
    applyPage: async (page: { epoch: string; cursor: number; entries: readonly unknown[] }) => {
      store.applied += page.entries.length;
      state = { epoch: page.epoch, cursor: page.cursor };
    },
  };
  return store;
}

const now = () => new Date('2026-11-28T10:00:00Z');

function setUp(online: boolean) {
  const fake = fakeEnvironment(online);
  const server = new ScriptedServer(aFeed(3));
  const store = memoryStore();
  const statuses: SyncStatus[] = [];
  const controller = createSyncController({
    transport: server,
    pull: directoryPuller({ transport: server, store, now }),
    outbox: { takeBatch: async () => [], acknowledge: async () => {} },
    clientId: async () => null,
    env: fake.env,
    now,
    initialLastSuccessAt: null,
    onStatus: (s) => statuses.push(s),
  });
  return { fake, server, store, statuses, controller };
}

describe('when the device syncs', () => {
  it('offline at start: says so and does not touch the network, then syncs when the connection returns', async () => {
    const { fake, server, store, controller } = setUp(false);
    await controller.start();
    expect(controller.status.phase).toBe('offline');
    expect(server.calls).toHaveLength(0);

    fake.goOnline();
    await controller.syncNow();
    expect(store.applied).toBe(6);
    expect(controller.status).toMatchObject({ phase: 'idle', lastSuccessAt: '2026-11-28T10:00:00.000Z' });
  });

  it('a failed sync is retried later with a growing delay, and the person sees the error', async () => {
    const { fake, server, controller, statuses } = setUp(true);
    server.failOn = new Set([1, 2]);
    await controller.start();
    expect(controller.status.phase).toBe('offline');
    expect(fake.timers.map((t) => t.ms)).toEqual([5_000]);

    fake.timers[0]?.callback();
    await controller.syncNow();
    expect(fake.timers.map((t) => t.ms)).toEqual([5_000, 15_000]);

    fake.timers[1]?.callback();
    await controller.syncNow();
    expect(controller.status.phase).toBe('idle');
    expect(statuses.some((s) => s.phase === 'syncing')).toBe(true);
  });

  it('reports a server that breaks the protocol as an error in French, not as offline', async () => {
    const { server, controller } = setUp(true);
    server.getDirectoryPage = async () => {
      throw new Error('Réponse invalide : cursor : entier attendu');
    };
    await controller.start();
    expect(controller.status).toMatchObject({ phase: 'error', error: 'Réponse invalide : cursor : entier attendu' });
  });

  it('requests made during a run coalesce into one more run, started after it (a sign-in that just emptied the copy is followed by a fresh download)', async () => {
    const { server, controller } = setUp(true);
    await Promise.all([controller.syncNow(), controller.syncNow(), controller.syncNow()]);
    expect(server.calls).toHaveLength(2);
    await controller.syncNow();
    expect(server.calls).toHaveLength(3);
  });
});
