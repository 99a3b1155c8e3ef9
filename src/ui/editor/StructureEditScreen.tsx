import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { AppContext } from '../boot.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { MissingRecord } from '../components/MissingRecord.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { hoursStringsOf } from '../hours/use-hours-engine.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { HoursEditor } from './HoursEditor.tsx';
import { frEditor } from './strings-editor.ts';
import { frStatistics } from './strings-statistics.ts';
import { EDITABLE_STRUCTURE_FIELDS, type EditableField, type StructureEditor } from './structure-editor-model.ts';
import { useUnsavedWork } from './unsaved-work.ts';
import { useHoursLibrary } from './use-hours-library.ts';

const MULTILINE: ReadonlySet<EditableField> = new Set(['description', 'horaires_note']);
/** The keyboard each contact calls for on a phone or a tablet. */
const TYPES: Partial<Record<EditableField, 'tel' | 'email' | 'url'>> = {
  telephone: 'tel',
  courriel: 'email',
  site_web: 'url',
};

export type StructureEditContext = Pick<AppContext, 'editor' | 'catalog' | 'hoursEngine' | 'refresh'> & {
  session: Pick<AppContext['session'], 'account'>;
};

/** "Modifier" a partner: its identity, address, contacts and reception hours, saved on the device at once. */
export function StructureEditScreen({ context, id }: { context: StructureEditContext; id: string }) {
  const [editor, setEditor] = useState<StructureEditor | null>(null);
  useEffect(() => {
    let live = true;
    setEditor(null);
    void context.editor(id).then((model) => {
      void model.load();
      if (live) setEditor(model);
    });
    return () => {
      live = false;
    };
  }, [id]);
  const original = editor?.original.value;
  const strings = useMemo(() => (original ? hoursStringsOf(original) : null), [original]);
  const hoursLibrary = useHoursLibrary(context, strings);
  if (!editor || !hoursLibrary.settled) return <p aria-busy="true">{frDirectory.loading}</p>;
  return <StructureForm context={context} id={id} editor={editor} engine={hoursLibrary.engine} />;
}

function StructureForm({
  context,
  id,
  editor,
  engine,
}: {
  context: StructureEditContext;
  id: string;
  editor: StructureEditor;
  engine: HoursEngine | null;
}) {
  const location = useLocation();
  const form = useRef<HTMLFormElement>(null);
  const status = editor.status.value;
  const original = editor.original.value;
  useUnsavedWork(`structure:${id}`, editor.dirty.value);
  useFocusFirstError(form, editor.failures.value);
  if (status === 'loading') return <p aria-busy="true">{frDirectory.loading}</p>;
  if (status === 'missing' || !original) return <MissingRecord />;
  const errors = editor.errors.value;
  const sheet = `/partenaires/${encodeURIComponent(id)}`;

  const field = (name: EditableField) => {
    const error = errors[name];
    const hint = frEditor.hints[name];
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id: name,
      name,
      value: editor.values.value[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
      onInput: (e: Event) => editor.set(name, (e.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="field wide" key={name}>
        <label for={name}>{frEditor.labels[name]}</label>
        {MULTILINE.has(name) ? <textarea rows={4} {...common} /> : <input type={TYPES[name] ?? 'text'} {...common} />}
        {hint && (
          <p id={`${name}-hint`} class="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${name}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="editor-title" class="narrow">
      <h1 id="editor-title">{frEditor.title(original.nom)}</h1>
      <form
        ref={form}
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (await editor.save()) {
            void context.refresh();
            location.route(sheet);
          }
        }}
      >
        <ErrorSummary errors={errors} idOf={(name) => name} />
        {EDITABLE_STRUCTURE_FIELDS.filter((f) => f !== 'horaires_note').map(field)}
        <HoursEditor
          value={original.horaires_accueil}
          onChange={editor.setHours}
          engine={engine}
          idPrefix="horaires_accueil"
          legend={frEditor.labels.horaires_accueil}
          error={editor.hoursError.value}
          osm={context.session.account.value?.role === 'coordinateur'}
        />
        {field('horaires_note')}
        <div class="field wide">
          <label class="check">
            <input
              type="checkbox"
              checked={editor.participation.value}
              aria-describedby="participation-hint"
              onChange={(e) => {
                editor.participation.value = e.currentTarget.checked;
              }}
            />{' '}
            {frStatistics.participation}
          </label>
          <p id="participation-hint" class="hint">
            {frStatistics.participationHint}
          </p>
        </div>
        <p class="hint">{frEditor.temporaryHint}</p>
        <div class="actions">
          <button type="submit" class="button primary" disabled={status === 'saving'}>
            {frEditor.save}
          </button>
          <a class="button" href={sheet}>
            {frEditor.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
