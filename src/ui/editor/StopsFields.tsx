import { useLayoutEffect, useRef } from 'preact/hooks';
import { ADDRESSABLE_COMMUNES } from '../../domain/communes.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { temporaryPeriods } from '../../matching/hours/temporary.ts';
import { fieldId, SelectField, TextField } from '../components/FormFields.tsx';
import { frStops as A } from '../text/strings-stops.ts';
import { HoursEditor } from './HoursEditor.tsx';
import type { ServiceEditor } from './service-editor-model.ts';

const collator = new Intl.Collator('fr', { numeric: true });
const COMMUNE_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['', A.chooseCommune],
  ...ADDRESSABLE_COMMUNES.map((c) => [c.code_insee, c.nom] as const).sort((a, b) => collator.compare(a[1], b[1])),
];

/**
 * The stops of a service that moves: for each, where (a name people use, an address, the commune) and when (its
 * own hours, in the same hours editor as the service's). Added and removed on the device, saved with the service.
 */
export function StopsFields({
  editor,
  engine,
  osm,
}: {
  editor: ServiceEditor;
  engine: HoursEngine | null;
  /** Coordinators may open the OSM text of the hours. */
  osm: boolean;
}) {
  const stops = editor.stops.value;
  const drafts = stops.drafts.value;
  const errors = editor.errors.value;
  const temporary = temporaryPeriods(editor.original.value?.infos_temporaires ?? []);
  // A stop just added takes the focus, so that a keyboard or screen reader user lands in it.
  const added = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (added.current === null) return;
    document.getElementById(added.current)?.focus();
    added.current = null;
  });
  return (
    <fieldset class="form-section" data-testid="stops-fields">
      <legend>{A.legend}</legend>
      <p class="hint">{A.intro}</p>
      {drafts.length === 0 && <p>{A.none}</p>}
      <ol class="plain stack">
        {drafts.map((d, i) => {
          const at = `arrets[${i}]`;
          return (
            <li key={d.id} class="card stop-draft">
              <h3>{A.stopLegend(i + 1, d.nom.trim())}</h3>
              <TextField
                path={`${at}.nom`}
                label={A.nom}
                hint={A.nomHint}
                value={d.nom}
                onInput={(v) => editor.setStop(i, 'nom', v)}
                error={errors[`${at}.nom`]}
              />
              <TextField
                path={`${at}.adresse`}
                label={A.adresse}
                value={d.adresse}
                onInput={(v) => editor.setStop(i, 'adresse', v)}
                error={errors[`${at}.adresse`]}
              />
              <SelectField
                path={`${at}.code_insee`}
                label={A.commune}
                value={d.code_insee}
                options={COMMUNE_OPTIONS}
                onChange={(v) => editor.setStop(i, 'code_insee', v)}
                error={errors[`${at}.code_insee`]}
              />
              <TextField
                path={`${at}.precisions`}
                label={A.precisions}
                hint={A.precisionsHint}
                value={d.precisions}
                onInput={(v) => editor.setStop(i, 'precisions', v)}
                error={errors[`${at}.precisions`]}
              />
              <HoursEditor
                value={stops.initialHoursOf(d.id)}
                onChange={(change) => editor.setStopHours(i, d.id, change)}
                engine={engine}
                idPrefix={fieldId(`${at}.horaires`)}
                legend={A.hoursLegend(i + 1)}
                temporary={temporary}
                error={errors[`${at}.horaires`]}
                osm={osm}
              />
              <button type="button" class="button small" onClick={() => editor.removeStop(i)}>
                {A.remove(i + 1)}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button"
        onClick={() => {
          added.current = fieldId(`arrets[${drafts.length}].nom`);
          editor.addStop();
        }}
      >
        {A.add}
      </button>
    </fieldset>
  );
}
