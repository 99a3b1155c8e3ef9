import { useState } from 'preact/hooks';
import type { ConflictRow } from '../../db/database.ts';
import { fr } from '../strings.ts';
import { displayValue, fieldLabel } from './describe-change.ts';

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
  const label = deletion ? fr.review.deletedRecord : fieldLabel(conflict.field);
  const canMerge = !deletion && (typeof conflict.mine === 'string' || typeof conflict.theirs === 'string');
  const inputId = `merge-${conflict.id}`;
  return (
    <article class="card conflict" aria-label={`${nom} : ${label}`}>
      <p>{fr.review.conflictIntro(nom, label)}</p>
      <div class="side-by-side">
        {(
          [
            ['mine', conflict.mine, conflict.mine_by.nom],
            ['theirs', conflict.theirs, conflict.theirs_by.nom],
          ] as const
        ).map(([side, value, by]) => (
          <section key={side} class="version">
            <h3>{side === 'mine' ? fr.review.mine(by) : fr.review.theirs(by)}</h3>
            <pre data-testid={`conflict-${side}`}>{displayValue(value)}</pre>
            <button type="button" class="button" onClick={() => void onResolve(conflict.id, value ?? null)}>
              {fr.review.keep}
            </button>
          </section>
        ))}
      </div>
      {canMerge &&
        (merged === null ? (
          <button type="button" class="button" onClick={() => setMerged(String(conflict.mine ?? ''))}>
            {fr.review.merge}
          </button>
        ) : (
          <div class="field wide">
            <label for={inputId}>{fr.review.mergeLabel}</label>
            <textarea id={inputId} rows={3} value={merged} onInput={(e) => setMerged(e.currentTarget.value)} />
            <button type="button" class="button primary" onClick={() => void onResolve(conflict.id, merged)}>
              {fr.review.mergeSave}
            </button>
          </div>
        ))}
    </article>
  );
}
