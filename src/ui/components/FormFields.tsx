import type { ComponentChildren } from 'preact';

/** An element id from a record path: `fiche_liaison.courriel` → `f-fiche_liaison-courriel`. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </>
  );
}

interface TextProps {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time';
  inputMode?: 'decimal' | 'numeric';
}

/** A labelled input whose message sits right under it (aria-invalid + aria-describedby). */
export function TextField({
  path,
  label,
  value,
  onInput,
  error,
  hint,
  multiline,
  type = 'text',
  inputMode,
}: TextProps) {
  const id = fieldId(path);
  const common = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field wide">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} inputMode={inputMode} {...common} />}
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectProps {
  path: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
  error?: string | undefined;
}

export function SelectField({ path, label, value, options, onChange, error }: SelectProps) {
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} />
    </div>
  );
}

export function CheckboxField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="check">
      <input type="checkbox" id={fieldId(path)} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Several choices among a vocabulary's labels; the message, if any, under the group. */
export function CheckboxGroup<T extends string>({
  path,
  legend,
  options,
  selected,
  onChange,
  error,
}: {
  path: string;
  legend: string;
  options: ReadonlyArray<readonly [T, string]>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error?: string | undefined;
}) {
  const id = fieldId(path);
  return (
    <fieldset class="choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map(([value, label], i) => (
        <label class="check" key={value}>
          <input
            type="checkbox"
            id={i === 0 ? id : `${id}-${value}`}
            checked={selected.includes(value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...selected, value] : selected.filter((v) => v !== value))
            }
          />
          {label}
        </label>
      ))}
      <Messages id={id} error={error} />
    </fieldset>
  );
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
