import { Icon } from '../components/Icon.tsx';
import { formatWhen, fr } from '../strings.ts';
import type { PendingModel } from './pending-model.ts';
import type { SyncModel } from './sync-model.ts';

/** The sync status line: download progress, a sync running, the last success or the failure. */
export function syncStateText(model: SyncModel): string {
  const status = model.status.value;
  if (status.phase === 'syncing') {
    return status.progress ? fr.sync.progress(status.progress.received, status.progress.total) : fr.sync.syncing;
  }
  if (status.phase === 'error' && status.error) return fr.sync.error(status.error);
  if (status.phase === 'unauthenticated' || status.phase === 'outdated') return fr.sync[status.phase];
  return status.lastSuccessAt ? fr.sync.lastSync(formatWhen(status.lastSuccessAt, new Date())) : fr.sync.neverSynced;
}

/**
 * In the bar, always visible: online or not, the sync state, what waits to be sent (every queue, one count) and
 * what a person must look at, all one tap from Synchronisation; and the manual sync. On a phone the words behind
 * the dot and the counts are for screen readers only; the dot's shape, not only its colour, says offline.
 */
export function SyncStatus({
  model,
  pending,
  onSync,
}: {
  model: SyncModel;
  pending: PendingModel;
  onSync: () => void;
}) {
  const online = model.online.value;
  const phase = model.status.value.phase;
  // Sync is stuck (failing, signed out by the server, app too old): a warning sign, not only a colour, at every width.
  const stuck = phase === 'error' || phase === 'unauthenticated' || phase === 'outdated';
  const n = pending.items.value.length;
  const toReview = pending.toReview.value;
  return (
    <>
      <a href="/synchronisation" class="bar-status">
        <span class="status-lines">
          <span class={`connection ${online ? 'is-online' : 'is-offline'}`} data-testid="connection">
            {stuck ? (
              <span aria-hidden="true" class="stuck">
                ⚠
              </span>
            ) : (
              <span aria-hidden="true" class="dot" />
            )}
            <span class="wide-only">{online ? fr.sync.online : fr.sync.offline}</span>
          </span>
          <span class="wide-only sync-state" data-testid="sync-state">
            {syncStateText(model)}
          </span>
        </span>
        {n > 0 && (
          <span class="count" data-testid="pending-count">
            {/* An arrow up, « to send », so that the bare number on a phone says what it counts. */}
            <svg aria-hidden="true" viewBox="0 0 24 24" width="12" height="12" class="icon">
              <path d="M12 19V5M6 11l6-6 6 6" />
            </svg>
            {n}
            <span class="wide-only">{fr.nav.pending}</span>
          </span>
        )}
        {toReview > 0 && (
          <span class="count alert" data-testid="review-count">
            {/* On a phone a « ! » alone (the bar has no room for two numbers); the count is read out. */}
            <span aria-hidden="true">!</span>
            <span class="wide-only">
              {toReview}
              {fr.nav.toReview}
            </span>
          </span>
        )}
      </a>
      {/* Read out as it changes (download progress, failure), wherever the status line is shown. */}
      <span class="sr-only" aria-live="polite">
        {phase === 'syncing' || stuck ? syncStateText(model) : ''}
      </span>
      <button
        type="button"
        class="bar-button sync-button"
        onClick={onSync}
        disabled={!online || phase === 'syncing'}
        aria-busy={phase === 'syncing'}
      >
        <Icon d="M20 11a8 8 0 0 0-14.3-4.9M4 13a8 8 0 0 0 14.3 4.9M6 2v4h4M18 22v-4h-4" />
        <span class="wide-only">{fr.sync.syncNow}</span>
      </button>
    </>
  );
}
