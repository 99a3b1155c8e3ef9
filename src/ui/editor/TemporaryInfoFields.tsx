import { INFOS_TEMPORAIRES } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { fieldId, SelectField, TextField } from '../components/FormFields.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import type { ServiceEditor } from './service-editor-model.ts';
import { frServiceEditor } from './strings-service-editor.ts';

const E = frServiceEditor;
const TYPES = Object.entries(INFOS_TEMPORAIRES) as Array<[keyof typeof INFOS_TEMPORAIRES, string]>;

/** Closures, exceptional hours and messages, each with its dates; exceptional hours use the hours editor. */
export function TemporaryInfoFields({
  editor,
  engine,
  osm,
}: {
  editor: ServiceEditor;
  engine: HoursEngine | null;
  /** Coordinators may open the OSM text of the hours. */
  osm: boolean;
}) {
  const infos = editor.values.value?.infos ?? [];
  const errors = editor.errors.value;
  return (
    <fieldset class="form-section">
      <legend>{E.temporaryLegend}</legend>
      <p class="hint">{E.temporaryIntro}</p>
      <ol class="plain stack">
        {infos.map((info, i) => {
          const at = `infos_temporaires[${i}]`;
          const hours = info.type === 'horaires-exceptionnels' && editor.hasInfoHours(info.id);
          return (
            <li key={info.id} class="card temporary-info">
              <h2>{E.temporaryItem(i + 1)}</h2>
              <SelectField
                path={`${at}.type`}
                label={E.type}
                value={info.type}
                options={TYPES}
                onChange={(v) => editor.setInfo(i, 'type', v)}
                error={errors[`${at}.type`]}
              />
              <div class="field-row">
                <TextField
                  path={`${at}.debut`}
                  label={E.debut}
                  type="date"
                  value={info.debut}
                  onInput={(v) => editor.setInfo(i, 'debut', v)}
                  error={errors[`${at}.debut`]}
                />
                <TextField
                  path={`${at}.fin`}
                  label={E.fin}
                  type="date"
                  value={info.fin}
                  hint={E.finHint}
                  onInput={(v) => editor.setInfo(i, 'fin', v)}
                  error={errors[`${at}.fin`]}
                />
              </div>
              {hours && (
                <HoursEditor
                  value={editor.infoInitialHours(info.id)}
                  onChange={(change) => editor.setInfoHours(info.id, change)}
                  osm={osm}
                  engine={engine}
                  idPrefix={fieldId(`${at}.horaires`)}
                  legend={E.exceptionalHours}
                  error={errors[`${at}.horaires`]}
                />
              )}
              <TextField
                path={`${at}.message`}
                label={info.type === 'message' ? E.message : E.messageOptional}
                multiline
                value={info.message}
                onInput={(v) => editor.setInfo(i, 'message', v)}
                error={errors[`${at}.message`]}
              />
              <button type="button" class="button small" onClick={() => editor.removeInfo(i)}>
                {E.removeTemporary(i + 1)}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" class="button" onClick={editor.addInfo}>
        {E.addTemporary}
      </button>
    </fieldset>
  );
}
