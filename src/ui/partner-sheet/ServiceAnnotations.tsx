import { useRef, useState } from 'preact/hooks';
import type { Service } from '../../domain/service.ts';
import type { Parsed } from '../../domain/validation.ts';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { frEditor } from '../editor/strings-editor.ts';
import { dateWords } from '../text/hours-status.ts';
import { frListings } from '../text/strings-listings.ts';
import type { ListingActions } from './listing-actions.ts';

const L = frListings;

interface Props {
  service: Service;
  actions: ListingActions;
  accountId: string;
  coordinator: boolean;
  suggestions: readonly string[];
}

/**
 * Professionals' notes and own criteria on a service, shown to professionals only: the feed never brings
 * them to partners or anonymous devices. Adding works offline; two colleagues' additions merge on the server.
 */
export function ServiceAnnotations({ service, actions, accountId, coordinator, suggestions }: Props) {
  const id = service.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const [errors, setErrors] = useState<{ note?: string; tag?: string }>({});
  // A one-field form: its message is beside the field, which takes the focus back after a refusal.
  const [failures, setFailures] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  useFocusFirstError(root, failures);
  const fail = (found: { note?: string; tag?: string }) => {
    setErrors(found);
    setFailures((n) => n + 1);
  };
  const run = async (field: 'note' | 'tag', action: () => Promise<Parsed<unknown>>, clear: () => void) => {
    const result = await action();
    if (result.ok) {
      clear();
      setErrors({});
    } else fail({ [field]: result.problems[0]?.message ?? frEditor.invalid });
  };
  const notes = service.notes_pro ?? [];
  const tags = service.criteres ?? [];
  return (
    <div class="annotations" ref={root} data-testid={`annotations-${service.id}`}>
      <h4>{L.criteresTitle}</h4>
      {tags.length === 0 ? (
        <p class="muted">{L.noCriteres}</p>
      ) : (
        <ul class="chips">
          {tags.map((t) => (
            <li key={t}>
              {t}{' '}
              <button
                type="button"
                class="link"
                aria-label={L.critereRemove(t)}
                onClick={() => void actions.removeCritere(service.id, t)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            'tag',
            () => actions.addCritere(service.id, tag),
            () => setTag(''),
          );
        }}
      >
        <label for={`critere-${id}`}>{L.critereLabel}</label>
        <input
          id={`critere-${id}`}
          list={`criteres-${id}`}
          value={tag}
          aria-invalid={errors.tag ? 'true' : undefined}
          aria-describedby={`critere-${id}-hint${errors.tag ? ` critere-${id}-error` : ''}`}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <datalist id={`criteres-${id}`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" class="button">
          {L.critereAdd}
        </button>
        <p id={`critere-${id}-hint`} class="hint">
          {L.critereHint}
        </p>
        {errors.tag && (
          <p id={`critere-${id}-error`} class="field-error">
            {L.critereInvalid}
          </p>
        )}
      </form>

      <h4>{L.notesTitle}</h4>
      <p class="hint">{L.notesHint}</p>
      {notes.length === 0 ? (
        <p class="muted">{L.noNotes}</p>
      ) : (
        <ul class="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p>{n.texte}</p>
              <p class="muted">{L.noteBy(n.auteur.nom, dateWords(n.le.slice(0, 10)))}</p>
              {(coordinator || n.auteur.account_id === accountId) && (
                <button type="button" class="link" onClick={() => void actions.removeNote(service.id, n.id)}>
                  {L.noteRemove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim() === '') {
            fail({ note: L.noteEmpty });
            return;
          }
          void run(
            'note',
            () => actions.addNote(service.id, note),
            () => setNote(''),
          );
        }}
      >
        <div class="field wide">
          <label for={`note-${id}`}>{L.noteLabel}</label>
          <textarea
            id={`note-${id}`}
            rows={2}
            value={note}
            aria-invalid={errors.note ? 'true' : undefined}
            aria-describedby={errors.note ? `note-${id}-error` : undefined}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          {errors.note && (
            <p id={`note-${id}-error`} class="field-error">
              {errors.note}
            </p>
          )}
        </div>
        <button type="submit" class="button">
          {L.noteAdd}
        </button>
      </form>
    </div>
  );
}
