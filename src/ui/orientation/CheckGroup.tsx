interface Props<V extends string> {
  id: string;
  legend: string;
  options: Readonly<Record<V, string>>;
  values: readonly V[];
  onChange: (values: V[]) => void;
  /** Extra class for long lists laid out in columns. */
  layout?: 'columns';
  /** A sentence under the legend, read with the group. */
  hint?: string;
}

/** Several answers, as checkboxes with large targets (Tab to each, Space to tick). Order follows the options. */
export function CheckGroup<V extends string>({ id, legend, options, values, onChange, layout, hint }: Props<V>) {
  const keys = Object.keys(options) as V[];
  const toggle = (v: V, on: boolean) => {
    const next = new Set(values);
    if (on) next.add(v);
    else next.delete(v);
    onChange(keys.filter((k) => next.has(k)));
  };
  return (
    <fieldset id={id} class="choices" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <div class={layout === 'columns' ? 'choice-list columns' : 'choice-list'}>
        {keys.map((v) => (
          <label key={v} class="choice">
            <input
              type="checkbox"
              name={id}
              value={v}
              checked={values.includes(v)}
              onChange={(e) => toggle(v, e.currentTarget.checked)}
            />
            <span>{options[v]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
