import { frProfile } from '../text/strings-profile.ts';
import { CheckGroup } from './CheckGroup.tsx';
import type { OrientationModel } from './orientation-model.ts';

const C = frProfile.criteres;

/**
 * The criteria colleagues and the MDM gave services (« bon accueil des familles monoparentales »), as the device
 * holds them: ticked ones move the services carrying them up, with the reason said; they exclude nothing. Only
 * professionals' feeds carry criteria, so the group shows only to them.
 */
export function ColleagueCriteria({ model }: { model: OrientationModel }) {
  const tags = model.criteresInUse.value;
  if (tags.length === 0) return null;
  const options = Object.fromEntries(tags.map((t) => [t, t])) as Record<string, string>;
  return (
    <CheckGroup
      id="o-criteres"
      legend={C.legend}
      hint={C.hint}
      options={options}
      // A criterion no service carries any more is dropped from the choice, not kept invisibly.
      values={model.draft.value.criteres.filter((t) => tags.includes(t))}
      onChange={(v) => model.set('criteres', v)}
      layout="columns"
    />
  );
}
