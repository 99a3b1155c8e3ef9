import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { frSync } from '../strings-sync.ts';

const SEEN_KEY = 'boussole.avis-stockage-vu';

/** Whether the person has already closed the notice on this device (then Synchronisation alone says it). */
function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) !== null;
  } catch {
    return true; // no storage to remember the choice in: never nag
  }
}

/**
 * « Stockage non garanti », said until the person closes it: the browser may evict the device's data, pending work
 * included. It comes after the page rather than above it, so that its arrival (after the first paint) pushes
 * nothing down; once closed it is only on Synchronisation. A chunk of its own: most devices never show it.
 */
export function StorageNotice() {
  const [open, setOpen] = useState(() => !seen());
  const { path } = useLocation();
  // Synchronisation says it in its own list.
  if (!open || path === '/synchronisation') return null;
  return (
    <div class="storage-notice" role="status">
      <p>{frSync.storageBestEffort}</p>
      <button
        type="button"
        class="button"
        onClick={() => {
          try {
            localStorage.setItem(SEEN_KEY, new Date().toISOString());
          } catch {
            // nothing to remember it in: it goes for this visit
          }
          setOpen(false);
        }}
      >
        {frSync.storageNoticeClose}
      </button>
    </div>
  );
}
