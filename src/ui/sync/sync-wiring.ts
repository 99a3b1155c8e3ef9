// The sync's code: the transport (every answer parsed with the domain schemas), the engine, the outbox and, for a
// browser without module workers, the download on the page. A chunk of its own that boot asks for at once: it loads
// while the device's database opens, and the first screen, which shows what the device holds, never waits for it.
import type { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { readSyncState } from '../../db/directory-state.ts';
import { acknowledge, takeOutboxBatch } from '../../db/outbox-repo.ts';
import { directoryPuller } from '../../sync/directory-pull.ts';
import { browserSyncEnvironment, createSyncController } from '../../sync/sync-controller.ts';
import { type HttpTransport, httpTransport } from '../../sync/transport.ts';
import type { DirectoryWorker } from '../../sync/worker-pull.ts';

export { httpTransport };

type ControllerOptions = Parameters<typeof createSyncController>[0];

/** The sync loop over this device's outbox; the download runs in the worker when there is one. */
export function startSyncController(
  db: BoussoleDatabase,
  transport: HttpTransport,
  worker: DirectoryWorker | null,
  options: Omit<ControllerOptions, 'transport' | 'pull' | 'outbox' | 'env'>,
) {
  return createSyncController({
    ...options,
    transport,
    pull:
      worker?.pull ??
      directoryPuller({
        transport,
        store: { readState: () => readSyncState(db), applyPage: (page, o) => applyDirectoryPage(db, page, o) },
        now: () => new Date(),
      }),
    outbox: {
      takeBatch: (limit, maxBytes) => takeOutboxBatch(db, limit, maxBytes),
      acknowledge: (results) => acknowledge(db, results),
    },
    env: browserSyncEnvironment(),
  });
}

export type SyncController = ReturnType<typeof startSyncController>;
