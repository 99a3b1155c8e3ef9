import { useRef, useState } from 'preact/hooks';
import { RESSOURCES, URGENCES } from '../../domain/vocabulary.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { BudgetDisclosure, budgetErrors } from './BudgetFields.tsx';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { HouseholdFields } from './HouseholdFields.tsx';
import { MoreFields } from './MoreFields.tsx';
import type { OrientationModel } from './orientation-model.ts';
import { PlaceFields } from './PlaceFields.tsx';
import { frOrientation } from './strings-orientation.ts';
import { useStepFocus } from './use-step-focus.ts';
import { WORK_IN_PROGRESS_HOURS } from './work-in-progress.ts';

const T = frOrientation;

/**
 * Step 1: what the situation needs and nothing more — where, the household, resources and urgency first; the
 * amounts (épiceries decide on them) and the other criteria behind disclosures. Every field is optional.
 */
export function ProfileStep({ model }: { model: OrientationModel }) {
  const heading = useStepFocus(model);
  const d = model.draft.value;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  return (
    <form
      ref={form}
      class="step"
      aria-labelledby="o-step-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // An amount that is not one would silently count for nothing: the worker fixes it (or clears it) first.
        const found = budgetErrors(model);
        setErrors(found);
        if (Object.keys(found).length > 0) {
          model.budgetOpen.value = true;
          setFailures((n) => n + 1);
          return;
        }
        model.go('besoins');
      }}
    >
      <h2 id="o-step-title" tabIndex={-1} ref={heading}>
        {T.stepTitle.profil}
      </h2>
      <ErrorSummary errors={errors} idOf={(id) => id} />
      <p class="notice">{T.privacy(WORK_IN_PROGRESS_HOURS)}</p>
      <PlaceFields model={model} />
      <HouseholdFields model={model} />
      <ChoiceGroup
        id="o-ressources"
        legend={T.situation.ressources}
        options={RESSOURCES}
        value={d.ressources}
        onChange={(v) => model.set('ressources', v)}
      />
      <BudgetDisclosure model={model} />
      <ChoiceGroup
        id="o-urgence"
        legend={T.urgency}
        options={URGENCES}
        value={d.urgence}
        onChange={(v) => model.set('urgence', v)}
      />
      <details
        class="more"
        open={model.moreOpen.value}
        onToggle={(e) => {
          model.moreOpen.value = e.currentTarget.open;
        }}
      >
        <summary>{T.more}</summary>
        {model.moreOpen.value && <MoreFields model={model} />}
      </details>
      <div class="actions">
        <button type="submit" class="button primary">
          {T.next}
        </button>
      </div>
    </form>
  );
}
