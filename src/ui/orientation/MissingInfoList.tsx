import type { MissingInfo } from '../../matching/orient/types.ts';
import type { OrientationModel } from './orientation-model.ts';
import { frOrientation } from './strings-orientation.ts';
import { frProfileFields } from './strings-profile-fields.ts';

const T = frOrientation;
/** Fields that only reorder results: the few most useful, not every unanswered question. */
const RANKING_SHOWN = 3;

/** "Préciser … changerait N résultats": each goes back to the field in the profile step, focus on it. */
export function MissingInfoList({ model, missing }: { model: OrientationModel; missing: readonly MissingInfo[] }) {
  const verdict = missing.filter((m) => m.effect === 'verdict');
  const ranking = missing.filter((m) => m.effect === 'ranking').slice(0, RANKING_SHOWN);
  const shown = [...verdict, ...ranking];
  if (shown.length === 0) return null;
  return (
    <section class="missing-info" aria-labelledby="o-missing-title">
      <h3 id="o-missing-title">{T.missingTitle}</h3>
      <ul class="plain">
        {shown.map((m) => (
          <li key={m.field}>
            <button type="button" class="link-button" onClick={() => model.editField(m.field)}>
              {m.effect === 'verdict'
                ? T.missingVerdict(frProfileFields[m.field], m.services)
                : T.missingRanking(frProfileFields[m.field])}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
