import { BESOINS, type NeedValue } from '../../domain/vocabulary.ts';
import { frFood } from '../text/strings-food.ts';
import { CheckGroup } from './CheckGroup.tsx';
import { ColleagueCriteria } from './ColleagueCriteria.tsx';
import type { OrientationModel } from './orientation-model.ts';
import { frOrientation } from './strings-orientation.ts';
import { useStepFocus } from './use-step-focus.ts';

const T = frOrientation;
const NEED_LABELS = Object.fromEntries(Object.entries(BESOINS).map(([k, v]) => [k, v.label])) as Record<
  NeedValue,
  string
>;

/** Step 2: the needs (BESOINS), and colleagues' criteria when the device has some. None ticked examines every partner. */
export function NeedsStep({ model }: { model: OrientationModel }) {
  const heading = useStepFocus(model);
  return (
    <form
      class="step"
      aria-labelledby="o-step-title"
      onSubmit={(e) => {
        e.preventDefault();
        model.showResults();
      }}
    >
      <h2 id="o-step-title" tabIndex={-1} ref={heading}>
        {T.stepTitle.besoins}
      </h2>
      <CheckGroup
        id="o-besoins"
        legend={T.needsLegend}
        options={NEED_LABELS}
        values={model.draft.value.besoins}
        onChange={(v) => model.set('besoins', v)}
        layout="columns"
      />
      <label class="check">
        <input
          type="checkbox"
          id="o-alimentation-qualite"
          aria-describedby="o-alimentation-qualite-hint"
          checked={model.draft.value.alimentation_qualite}
          onChange={(e) => model.set('alimentation_qualite', e.currentTarget.checked)}
        />
        {frFood.orientation.favour}
      </label>
      <p class="hint" id="o-alimentation-qualite-hint">
        {frFood.orientation.favourHint}
      </p>
      <ColleagueCriteria model={model} />
      <div class="actions">
        <button type="button" class="button" onClick={() => model.go('profil')}>
          {T.back}
        </button>
        <button type="submit" class="button primary">
          {T.seeResults}
        </button>
      </div>
    </form>
  );
}
