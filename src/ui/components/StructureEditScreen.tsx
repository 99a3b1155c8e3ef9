import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AppContext } from '../boot.ts';
import { EDITABLE_STRUCTURE_FIELDS, type EditableField } from '../models/structure-editor-model.ts';
import { useUnsavedWork } from '../models/unsaved-work.ts';
import { fr } from '../strings.ts';
import { MissingRecord } from './StructureScreen.tsx';

const MULTILINE: ReadonlySet<EditableField> = new Set(['description', 'horaires_note']);

export function StructureEditScreen({ context, id }: { context: AppContext; id: string }) {
  const location = useLocation();
  const editor = useMemo(() => {
    const model = context.editor(id);
    void model.load();
    return model;
  }, [id]);
  const status = editor.status.value;
  const original = editor.original.value;
  useUnsavedWork(`structure:${id}`, editor.dirty.value);
  if (status === 'loading') return <p aria-busy="true">{fr.directory.loading}</p>;
  if (status === 'missing' || !original) return <MissingRecord />;
  const errors = editor.errors.value;
  const sheet = `/partenaires/${encodeURIComponent(id)}`;

  return (
    <section aria-labelledby="editor-title" class="narrow">
      <h1 id="editor-title">{fr.editor.title(original.nom)}</h1>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (await editor.save()) {
            void context.refresh();
            location.route(sheet);
          } else document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        }}
      >
        {Object.keys(errors).length > 0 && (
          <p class="field-error" role="alert">
            {errors.form ?? fr.editor.invalid}
          </p>
        )}
        {EDITABLE_STRUCTURE_FIELDS.map((field) => {
          const error = errors[field];
          const hint = fr.editor.hints[field];
          const describedBy = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
          const common = {
            id: field,
            name: field,
            value: editor.values.value[field],
            'aria-invalid': error ? ('true' as const) : undefined,
            'aria-describedby': describedBy || undefined,
            onInput: (e: Event) => editor.set(field, (e.currentTarget as HTMLInputElement).value),
          };
          return (
            <div class="field wide" key={field}>
              <label for={field}>{fr.editor.labels[field]}</label>
              {MULTILINE.has(field) ? <textarea rows={4} {...common} /> : <input {...common} />}
              {hint && (
                <p id={`${field}-hint`} class="hint">
                  {hint}
                </p>
              )}
              {error && (
                <p id={`${field}-error`} class="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div class="actions">
          <button type="submit" class="button primary" disabled={status === 'saving'}>
            {fr.editor.save}
          </button>
          <a class="button" href={sheet}>
            {fr.editor.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
