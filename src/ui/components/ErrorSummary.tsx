import { useLayoutEffect, useState } from 'preact/hooks';
import { fieldId } from './FormFields.tsx';
import { frForms } from './strings-forms.ts';

const S = frForms.summary;

/** The field's name as its label says it, for the summary's links (the label, the group's legend, or its aria). */
function labelText(element: HTMLElement): string | undefined {
  const labelledBy = element.getAttribute('aria-labelledby');
  const text =
    (element as HTMLInputElement).labels?.[0]?.textContent ??
    (labelledBy ? document.getElementById(labelledBy.split(' ')[0] ?? '')?.textContent : null) ??
    element.getAttribute('aria-label') ??
    element.closest('fieldset')?.querySelector('legend')?.textContent;
  // A long label (a consent's sentence) would drown its message: the message alone then names the error.
  const clean = text?.replace(/\s+/g, ' ').trim().replace(/[.:]$/, '');
  return clean && clean.length <= 80 ? clean : undefined;
}

/** What can take the focus for a field: the element itself, or the first control of a group. */
function focusTarget(element: HTMLElement): HTMLElement {
  if (element.matches('input, select, textarea, button, [tabindex]')) return element;
  return element.querySelector<HTMLElement>('input, select, textarea, button') ?? element;
}

/** Moves to a field as the summary's links do: its label in view under the sticky bar, the field focused. */
export function goToField(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const target = focusTarget(element);
  const label = (target as HTMLInputElement).labels?.[0] ?? target.closest('fieldset')?.querySelector('legend');
  (label ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

/**
 * The error summary of a form (the French State's design system and GOV.UK's pattern): at the top of the form,
 * « Le formulaire contient N erreurs », each error a link to its field; the message stays beside the field too.
 * `useFocusFirstError` gives it the focus after a failed submit. `errors` are keyed like the form's fields
 * (`idOf` gives a field's element id); `form` is a message about the whole form, said without a link.
 */
export function ErrorSummary({
  errors,
  idOf = fieldId,
  intro = S.intro,
}: {
  errors: Readonly<Record<string, string>>;
  idOf?: (key: string) => string;
  /** The sentence under the title; null for a form with nothing to save (sign-in). */
  intro?: string | null;
}) {
  const [labels, setLabels] = useState<Record<string, string | null>>({});
  const [order, setOrder] = useState<string[]>([]);
  const found = Object.entries(errors).filter(([key]) => key !== 'form');
  const signature = found.map(([key]) => key).join('|');
  // The labels are the fields' own, and the errors come in the form's order: both read once the fields are in the
  // page (before it is painted).
  useLayoutEffect(() => {
    const next: Record<string, string | null> = {};
    const elements = new Map<string, HTMLElement>();
    for (const [key] of found) {
      const element = document.getElementById(idOf(key));
      if (element) elements.set(key, element);
      next[key] = element ? (labelText(element) ?? labelText(focusTarget(element)) ?? '') : null;
    }
    const before = (a: HTMLElement, b: HTMLElement) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    setOrder(
      found
        .map(([key]) => key)
        .sort((a, b) => {
          const [x, y] = [elements.get(a), elements.get(b)];
          return x && y ? before(x, y) : x ? -1 : y ? 1 : 0;
        }),
    );
    setLabels(next);
  }, [signature]);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const entries = [...found].sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0 && !errors.form) return null;
  const count = Math.max(entries.length, 1);
  return (
    <div class="error-summary" tabIndex={-1} data-error-summary>
      <div role="alert">
        <h2>{S.title(count)}</h2>
        {errors.form ? <p>{errors.form}</p> : intro && <p>{intro}</p>}
        {entries.length > 0 && (
          <ul>
            {entries.map(([key, message]) => {
              const label = labels[key];
              const id = idOf(key);
              return (
                <li key={key}>
                  {label === null ? (
                    message
                  ) : (
                    <a
                      href={`#${id}`}
                      onClick={(event) => {
                        if (goToField(id)) event.preventDefault();
                      }}
                    >
                      {label ? S.item(label, message) : message}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
