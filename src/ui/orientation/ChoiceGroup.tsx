import { frOrientation } from './strings-orientation.ts';

interface Props<V extends string> {
  id: string;
  legend: string;
  options: Readonly<Record<V, string>>;
  value: V | null;
  onChange: (value: V | null) => void;
}

/**
 * One answer among a few, as radio buttons with large targets; "Effacer" takes the answer back (nothing is ever
 * required). Keyboard: Tab enters the group, arrows choose, Space selects the focused one.
 */
export function ChoiceGroup<V extends string>({ id, legend, options, value, onChange }: Props<V>) {
  const clear = () => {
    onChange(null);
    document.getElementById(id)?.querySelector<HTMLInputElement>('input')?.focus();
  };
  return (
    <fieldset id={id} class="choices">
      <legend>{legend}</legend>
      <div class="choice-list">
        {(Object.entries(options) as [V, string][]).map(([v, label]) => (
          <label key={v} class="choice">
            <input type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {value !== null && (
        <button type="button" class="link-button" aria-label={frOrientation.clearNamed(legend)} onClick={clear}>
          {frOrientation.clear}
        </button>
      )}
    </fieldset>
  );
}

const YES_NO = { oui: frOrientation.yes, non: frOrientation.no } as const;

/** A yes / no question that may stay unanswered. */
export function YesNoGroup(props: {
  id: string;
  legend: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
}) {
  return (
    <ChoiceGroup
      id={props.id}
      legend={props.legend}
      options={YES_NO}
      value={props.value === null ? null : props.value ? 'oui' : 'non'}
      onChange={(v) => props.onChange(v === null ? null : v === 'oui')}
    />
  );
}
