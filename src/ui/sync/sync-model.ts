// Sync and device status as signals for the UI: connection, last sync, download progress, storage persistence,
// and the pending app update (what waits to be sent is the pending model's). Components read these; they never
// touch the database or the network.
import { signal } from '@preact/signals';
import type { Persistence } from '../../pwa/storage-persistence.ts';
import type { SyncStatus } from '../../sync/sync-controller.ts';

export function createSyncModel(initial: { lastSuccessAt: string | null; online: boolean }) {
  return {
    status: signal<SyncStatus>({ phase: 'idle', progress: null, lastSuccessAt: initial.lastSuccessAt, error: null }),
    online: signal(initial.online),
    persistence: signal<Persistence | null>(null),
    updateWaiting: signal(false),
    /** « Stockage non garanti » said in the page (known before the first paint; closed once for good). */
    storageNotice: signal(false),
  };
}

export type SyncModel = ReturnType<typeof createSyncModel>;
