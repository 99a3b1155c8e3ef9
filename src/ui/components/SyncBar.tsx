import type { DirectoryModel } from '../models/directory-model.ts';
import type { SyncModel } from '../models/sync-model.ts';
import { formatWhen, fr } from '../strings.ts';

/** Always visible: online or not, last sync, download progress, storage protection, and a manual sync. */
export function SyncBar({
  model,
  directory,
  onSync,
}: {
  model: SyncModel;
  directory: DirectoryModel;
  onSync: () => void;
}) {
  const status = model.status.value;
  const online = model.online.value;
  const { structures, services } = directory.totals.value;
  const persistence = model.persistence.value;
  return (
    <section class="sync-bar" aria-label={fr.sync.regionLabel}>
      <p class={`connection ${online ? 'is-online' : 'is-offline'}`} data-testid="connection">
        <span aria-hidden="true" class="dot" />
        {online ? fr.sync.online : fr.sync.offline}
      </p>
      <p aria-live="polite" data-testid="sync-state">
        {status.phase === 'syncing'
          ? status.progress
            ? fr.sync.progress(status.progress.received, status.progress.total)
            : fr.sync.syncing
          : status.lastSuccessAt
            ? fr.sync.lastSync(formatWhen(status.lastSuccessAt, new Date()))
            : fr.sync.neverSynced}
      </p>
      <p data-testid="device-count">{fr.sync.onDevice(structures + services)}</p>
      {persistence && (
        <p class="persistence">
          {persistence === 'persistent'
            ? fr.sync.storagePersistent
            : persistence === 'best-effort'
              ? fr.sync.storageBestEffort
              : fr.sync.storageUnsupported}
        </p>
      )}
      {status.phase === 'error' && status.error && (
        <p class="sync-error" role="alert">
          {fr.sync.error(status.error)}
        </p>
      )}
      <button type="button" class="button" onClick={onSync} disabled={!online || status.phase === 'syncing'}>
        {fr.sync.syncNow}
      </button>
    </section>
  );
}
