import { useState } from 'preact/hooks';
import type { ConflictRow } from '../../db/review-repo.ts';
import { displayValue, fieldLabel } from './describe-change.ts';
import { frSync } from './strings-sync.ts';

/** The two versions side by side; keep one, or write the merged value (text fields). */
export function ConflictCard({
  conflict,
  nom,
  onResolve,
}: {
  conflict: ConflictRow;
  nom: string;
  onResolve: (id: string, value: unknown) => Promise<void>;
}) {
  const [merged, setMerged] = useState<string | null>(null);
  const deletion = conflict.field === '*';
  const label = deletion ? frSync.deletedRecord : fieldLabel(conflict.field);
  const canMerge = !deletion && (typeof conflict.mine === 'string' || typeof conflict.theirs === 'string');
  const inputId = `merge-${conflict.id}`;
  return (
    <article class="card conflict" aria-label={`${nom} : ${label}`}>
      <p>{frSync.conflictIntro(nom, label)}</p>
      <div class="side-by-side">
        {(
          [
            ['mine', conflict.mine, conflict.mine_by.nom],
            ['theirs', conflict.theirs, conflict.theirs_by.nom],
          ] as const
        ).map(([side, value, by]) => (
          <section key={side} class="version">
            <h3>{side === 'mine' ? frSync.mine(by) : frSync.theirs(by)}</h3>
            <pre data-testid={`conflict-${side}`}>{displayValue(value)}</pre>
            <button type="button" class="button" onClick={() => void onResolve(conflict.id, value ?? null)}>
              {frSync.keep}
            </button>
          </section>
        ))}
      </div>
      {canMerge &&
        (merged === null ? (
          <button type="button" class="button" onClick={() => setMerged(String(conflict.mine ?? ''))}>
            {frSync.merge}
          </button>
        ) : (
          <div class="field wide">
            <label for={inputId}>{frSync.mergeLabel}</label>
            <textarea id={inputId} rows={3} value={merged} onInput={(e) => setMerged(e.currentTarget.value)} />
            <button type="button" class="button primary" onClick={() => void onResolve(conflict.id, merged)}>
              {frSync.mergeSave}
            </button>
          </div>
        ))}
    </article>
  );
}
