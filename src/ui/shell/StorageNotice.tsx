import { fr } from '../strings.ts';

/**
 * « Stockage non garanti », said until the person closes it: the browser may evict the device's data, pending work
 * included; then only Synchronisation says it. Whether to show it is known before the first paint (boot.ts), so
 * that it never arrives above a page already drawn.
 */
export function StorageNotice({ onClose }: { onClose: () => void }) {
  return (
    <div class="storage-notice" role="status">
      <p>{fr.sync.storageBestEffort}</p>
      <button type="button" class="button" onClick={onClose}>
        {fr.sync.understood}
      </button>
    </div>
  );
}
