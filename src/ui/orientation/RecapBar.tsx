import type { RecapModel } from './recap-model.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation.recap;

/** How many partners are in the person's sheet, and the way to it; always in view during an orientation. */
export function RecapBar({ recap }: { recap: RecapModel }) {
  const n = recap.count.value;
  return (
    <aside class="recap-bar" aria-label={T.label}>
      <p aria-live="polite" data-testid="recap-count">
        {n === 0 ? T.empty : T.count(n)}
      </p>
      {n > 0 && (
        <a class="button primary" href="/fiche">
          {T.open}
        </a>
      )}
    </aside>
  );
}
