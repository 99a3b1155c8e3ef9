// Wires the device's database, the sync controller and the service worker to the UI models. The only place
// where the layers meet; everything it creates is passed down, so tests can build the same graph with fakes.
import { BoussoleDatabase } from '../db/database.ts';
import { applyDirectoryPage, readSyncState } from '../db/directory-repo.ts';
import { registerServiceWorker } from '../pwa/service-worker.ts';
import { requestPersistentStorage } from '../pwa/storage-persistence.ts';
import { browserSyncEnvironment, createSyncController } from '../sync/sync-controller.ts';
import { httpTransport } from '../sync/transport.ts';
import { createDirectoryModel } from './models/directory-model.ts';
import { createSyncModel } from './models/sync-model.ts';

export async function boot() {
  const db = new BoussoleDatabase();
  await db.open();
  const state = await readSyncState(db);
  const syncModel = createSyncModel({ lastSuccessAt: state.lastSyncAt, online: navigator.onLine });
  const directory = createDirectoryModel(db);

  const controller = createSyncController({
    transport: httpTransport(),
    store: {
      readState: () => readSyncState(db),
      applyPage: (page, options) => applyDirectoryPage(db, page, options),
    },
    env: browserSyncEnvironment(),
    now: () => new Date(),
    initialLastSuccessAt: state.lastSyncAt,
    onStatus(status) {
      const finished = syncModel.status.value.phase === 'syncing' && status.phase !== 'syncing';
      syncModel.status.value = status;
      if (finished || (status.progress && directory.items.value?.length === 0)) void directory.reload();
    },
  });
  window.addEventListener('online', () => {
    syncModel.online.value = true;
  });
  window.addEventListener('offline', () => {
    syncModel.online.value = false;
  });

  const serviceWorker = registerServiceWorker({
    onUpdateWaiting: () => {
      syncModel.updateWaiting.value = true;
    },
    onError: (error) => console.warn('Service worker non enregistré', error),
  });
  void requestPersistentStorage().then((p) => {
    syncModel.persistence.value = p;
  });

  await directory.reload();
  void controller.start();
  return {
    syncModel,
    directory,
    syncNow: () => controller.syncNow(),
    applyUpdate: () => serviceWorker?.applyUpdate(),
  };
}

export type AppContext = Awaited<ReturnType<typeof boot>>;
