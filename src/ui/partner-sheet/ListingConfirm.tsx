import { useState } from 'preact/hooks';
import { frEditor } from '../editor/strings-editor.ts';
import { frListings } from '../text/strings-listings.ts';

const L = frListings;

/**
 * "Les informations sont à jour": one tap confirms the structure and its services without changing them.
 * Saved on the device and queued, so it works offline; the sheet's freshness line updates at once.
 */
export function ListingConfirm({ onConfirm }: { onConfirm: () => Promise<boolean> }) {
  const [state, setState] = useState<'idle' | 'saving' | 'done' | 'failed'>('idle');
  return (
    <div class="listing-confirm">
      <button
        type="button"
        class="button primary"
        aria-describedby="listing-confirm-hint"
        disabled={state === 'saving'}
        onClick={async () => {
          setState('saving');
          setState((await onConfirm().catch(() => false)) ? 'done' : 'failed');
        }}
      >
        {L.confirm}
      </button>
      <p id="listing-confirm-hint" class="hint">
        {L.confirmHint}
      </p>
      <p role="status" data-testid="listing-confirmed">
        {state === 'done' ? L.confirmed : state === 'failed' ? frEditor.invalid : ''}
      </p>
    </div>
  );
}
