import type { Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { fr } from '../strings.ts';

/** Shown when a new version is installed and waiting; nothing reloads until the person chooses "Mettre à jour". */
export function UpdateBanner({ waiting, onApply }: { waiting: Signal<boolean>; onApply: () => void }) {
  const [dismissed, setDismissed] = useState(false);
  if (!waiting.value || dismissed) return null;
  return (
    <div class="update-banner" role="status">
      <p>{fr.update.available}</p>
      <button type="button" class="button primary" onClick={onApply}>
        {fr.update.apply}
      </button>
      <button type="button" class="button" onClick={() => setDismissed(true)}>
        {fr.update.later}
      </button>
    </div>
  );
}
