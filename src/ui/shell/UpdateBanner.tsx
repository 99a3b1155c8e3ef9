import type { Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { hasUnsavedWork } from '../editor/unsaved-work.ts';
import { fr } from '../strings.ts';

/**
 * Shown when a new version is installed and waiting; nothing reloads until the person chooses "Mettre à jour",
 * and not while a form holds input that is not saved yet. Saved edits, synced or not, are in IndexedDB and
 * survive the reload.
 */
export function UpdateBanner({ waiting, onApply }: { waiting: Signal<boolean>; onApply: () => void }) {
  const [dismissed, setDismissed] = useState(false);
  if (!waiting.value || dismissed) return null;
  const unsaved = hasUnsavedWork.value;
  return (
    <div class="update-banner" role="status">
      <p>
        {fr.update.available}
        {unsaved && <span class="update-wait"> — {fr.update.saveFirst}</span>}
      </p>
      <button type="button" class="button primary" onClick={onApply} disabled={unsaved}>
        {fr.update.apply}
      </button>
      <button type="button" class="button" onClick={() => setDismissed(true)}>
        {fr.update.later}
      </button>
    </div>
  );
}
