import { budgetFigures } from '../../domain/budget.ts';
import { frProfile } from '../text/strings-profile.ts';
import {
  AMOUNT_KEYS,
  AMOUNT_MAX,
  type AmountKey,
  type AmountProblem,
  amountOf,
  CHARGE_KEYS,
  parseCount,
  RESOURCE_KEYS,
} from './budget-draft.ts';
import type { OrientationModel } from './orientation-model.ts';

const B = frProfile.budget;
const idOf = (key: AmountKey) => `o-${key.replace('.', '-').replace(/_/g, '-')}`;

function problemText(problem: AmountProblem, max: number): string {
  return problem === 'negative' ? B.negative : problem === 'too-large' ? B.tooLarge(max) : B.invalid;
}

/** The amounts typed that are not amounts, by their field's element id, with their message (for the summary). */
export function budgetErrors(model: OrientationModel): Record<string, string> {
  const amounts = model.draft.value.amounts;
  const errors: Record<string, string> = {};
  for (const key of AMOUNT_KEYS) {
    const { problem } = amountOf(amounts, key);
    if (problem) errors[idOf(key)] = problemText(problem, AMOUNT_MAX[key]);
  }
  return errors;
}

/** A labelled amount in euros; its message, if the text is not an amount, right under it. */
function AmountField({
  model,
  field,
  label,
  hint,
}: {
  model: OrientationModel;
  field: AmountKey;
  label: string;
  hint?: string;
}) {
  const amounts = model.draft.value.amounts;
  const id = idOf(field);
  const { problem } = amountOf(amounts, field);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field amount-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={amounts[field]}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => model.set('amounts', { ...model.draft.value.amounts, [field]: e.currentTarget.value })}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} class="field-error">
          {problemText(problem, AMOUNT_MAX[field])}
        </p>
      )}
    </div>
  );
}

/** The reste à vivre and the QF as computed now, each with how (or what is missing to compute it). */
function Figures({ model }: { model: OrientationModel }) {
  const profile = model.profile.value;
  const f = budgetFigures(profile.budget, profile.foyer);
  const qf = f.qf;
  return (
    <output class="budget-figures" for={`${RESOURCE_KEYS.map(idOf).join(' ')} ${CHARGE_KEYS.map(idOf).join(' ')}`}>
      <strong class="budget-figures-title">{B.resultTitle}</strong>
      {f.resteAVivre !== null && f.ressources !== null && f.personnes !== null ? (
        <span data-testid="reste-a-vivre">
          <span class="figure">{B.rav(f.resteAVivre)}</span>
          <span class="hint">{B.ravHow(f.ressources, f.charges, f.personnes)}</span>
        </span>
      ) : (
        <span class="hint" data-testid="reste-a-vivre">
          {f.ressources === null ? B.ravNeedsAmounts : B.ravNeedsHousehold}
        </span>
      )}
      {qf ? (
        <span data-testid="quotient-familial">
          <span class="figure">{qf.source === 'caf' ? B.qfFromCaf(qf.value) : B.qfEstimated(qf.value)}</span>
          {qf.source === 'estimation' && qf.revenusMois !== null && qf.prestations !== null && qf.parts !== null && (
            <span class="hint">{B.qfHow(qf.revenusMois, qf.prestations, qf.parts)}</span>
          )}
        </span>
      ) : (
        <span class="hint" data-testid="quotient-familial">
          {B.qfNeeds}
        </span>
      )}
    </output>
  );
}

/** « Ressources et charges »: what épiceries decide on, in euros per month, and the figures computed from it. */
export function BudgetFields({ model }: { model: OrientationModel }) {
  const d = model.draft.value;
  const disabled = parseCount(d.disabledChildren, d.ages.length);
  return (
    <div class="more-fields budget-fields">
      <p class="hint">{B.intro}</p>
      <fieldset class="group" id="o-budget">
        <legend>{B.resourcesLegend}</legend>
        <div class="amount-grid">
          {RESOURCE_KEYS.map((key) => (
            <AmountField
              key={key}
              model={model}
              field={key}
              label={B.resources[key.slice('ressources.'.length) as keyof typeof B.resources]}
            />
          ))}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>{B.chargesLegend}</legend>
        <div class="amount-grid">
          {CHARGE_KEYS.map((key) => (
            <AmountField
              key={key}
              model={model}
              field={key}
              label={B.charges[key.slice('charges.'.length) as keyof typeof B.charges]}
            />
          ))}
        </div>
      </fieldset>
      {/* Right under the amounts, where the worker is typing; the QF's own entries follow. */}
      <Figures model={model} />
      <fieldset class="group">
        <legend>{B.qfLegend}</legend>
        <div class="amount-grid">
          <AmountField model={model} field="quotient_familial_caf" label={B.qfCaf} hint={B.qfCafHint} />
          <AmountField model={model} field="revenus_imposables_annuels" label={B.taxable} hint={B.taxableHint} />
          {d.ages.length > 0 && (
            <div class="field amount-field">
              <label for="o-enfants-handicapes">{B.disabledChildren}</label>
              <input
                id="o-enfants-handicapes"
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={d.disabledChildren}
                aria-invalid={disabled.problem ? 'true' : undefined}
                aria-describedby={
                  disabled.problem
                    ? 'o-enfants-handicapes-hint o-enfants-handicapes-error'
                    : 'o-enfants-handicapes-hint'
                }
                onInput={(e) => model.set('disabledChildren', e.currentTarget.value)}
              />
              <p id="o-enfants-handicapes-hint" class="hint">
                {B.disabledChildrenHint}
              </p>
              {disabled.problem && (
                <p id="o-enfants-handicapes-error" class="field-error">
                  {B.countInvalid(d.ages.length)}
                </p>
              )}
            </div>
          )}
        </div>
      </fieldset>
      <p class="hint">{B.source}</p>
    </div>
  );
}

/** The disclosure on the profile step; once computed, the reste à vivre shows in its summary, closed or open. */
export function BudgetDisclosure({ model }: { model: OrientationModel }) {
  const profile = model.profile.value;
  const rav = profile.budget ? budgetFigures(profile.budget, profile.foyer).resteAVivre : null;
  return (
    <details
      class="more"
      open={model.budgetOpen.value}
      onToggle={(e) => {
        model.budgetOpen.value = e.currentTarget.open;
      }}
    >
      <summary>
        {B.summary}
        {rav !== null && <span class="summary-figure">{B.rav(rav)}</span>}
      </summary>
      {model.budgetOpen.value && <BudgetFields model={model} />}
    </details>
  );
}
