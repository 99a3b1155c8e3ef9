import { JOURS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { TemporaryPeriod } from '../../matching/hours/temporary.ts';
import type { HoursEditor as HoursEditorModel } from '../models/hours-editor-model.ts';
import { hoursStatus, openingWords } from '../models/hours-status.ts';
import { checkWeek, DAYS, type Day, MAX_RANGES_PER_DAY } from '../models/osm-hours.ts';
import { fr } from '../strings.ts';

const T = fr.hoursEditor;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Props {
  editor: HoursEditorModel;
  engine: HoursEngine | null;
  /** Prefix of the element ids, unique in the page. */
  idPrefix: string;
  legend?: string;
  /** Temporary closures and exceptional hours to apply in the preview. */
  temporary?: readonly TemporaryPeriod[];
  /** A message about the hours as a whole from the form (e.g. no day open). */
  error?: string | undefined;
}

/**
 * Opening hours for people who never heard of OpenStreetMap: a row per day, one or two time ranges, "fermé les
 * jours fériés", and a preview of the next openings computed from the string that will be saved.
 */
export function HoursEditor({ editor, engine, idPrefix, legend = T.legend, temporary = [], error }: Props) {
  const errors = editor.errors.value;
  const valueErrorId = `${idPrefix}-error`;
  const wholeError = errors.value ?? error;
  return (
    <fieldset class="hours-editor" id={idPrefix}>
      <legend>{legend}</legend>
      {editor.mode.value === 'simple' ? (
        <>
          <p class="hint">{T.intro}</p>
          <ul class="hours-days">
            {DAYS.map((day) => (
              <DayRow
                key={day}
                editor={editor}
                day={day}
                idPrefix={idPrefix}
                error={errors.days?.[day]}
                weekError={day === 'Mo' && error ? valueErrorId : undefined}
              />
            ))}
          </ul>
          <label class="check">
            <input
              type="checkbox"
              checked={editor.week.value.holidaysClosed}
              onChange={(e) => editor.setHolidaysClosed(e.currentTarget.checked)}
            />
            {T.holidaysClosed}
          </label>
          <p>
            <button type="button" class="button link" onClick={editor.useAdvanced}>
              {T.useAdvanced}
            </button>
          </p>
        </>
      ) : (
        <>
          <p class="hint">{T.advancedIntro}</p>
          <div class="field wide">
            <label for={`${idPrefix}-raw`}>{T.advancedLabel}</label>
            <input
              id={`${idPrefix}-raw`}
              value={editor.raw.value}
              spellcheck={false}
              aria-invalid={errors.value ? 'true' : undefined}
              aria-describedby={`${idPrefix}-raw-hint${errors.value ? ` ${valueErrorId}` : ''}`}
              onInput={(e) => editor.setRaw(e.currentTarget.value)}
            />
            <p id={`${idPrefix}-raw-hint`} class="hint">
              {T.advancedHint}
            </p>
          </div>
          <p>
            <button type="button" class="button link" onClick={editor.useSimple}>
              {T.useSimple}
            </button>
          </p>
        </>
      )}
      {wholeError && (
        <p id={valueErrorId} class="field-error">
          {wholeError}
        </p>
      )}
      <HoursPreview editor={editor} engine={engine} temporary={temporary} />
    </fieldset>
  );
}

function DayRow({
  editor,
  day,
  idPrefix,
  error,
  weekError,
}: {
  editor: HoursEditorModel;
  day: Day;
  idPrefix: string;
  error: string | undefined;
  /** Id of a message about the whole week, announced on the first day's checkbox. */
  weekError?: string | undefined;
}) {
  const ranges = editor.week.value.days[day];
  const name = JOURS[day];
  const id = `${idPrefix}-${day}`;
  const errorId = `${id}-error`;
  const invalid = error ? ('true' as const) : undefined;
  const describedBy = error ? errorId : undefined;
  return (
    <li class="hours-day">
      <label class="check day-name">
        <input
          type="checkbox"
          id={`${id}-open`}
          checked={ranges.length > 0}
          aria-invalid={weekError ? 'true' : undefined}
          aria-describedby={weekError}
          onChange={(e) => editor.setOpen(day, e.currentTarget.checked)}
        />
        {T.openOn(name)}
      </label>
      <div class="day-ranges">
        {ranges.map((range, i) => (
          <span class="hours-range" key={i}>
            {(['from', 'to'] as const).map((end) => (
              <span class="time-field" key={end}>
                <label for={`${id}-${i}-${end}`}>
                  <span class="visually-hidden">{capitalised(T.rangeLabel(name, i + 1))} </span>
                  {end === 'from' ? T.fromShort : T.toShort}
                </label>
                <input
                  type="time"
                  id={`${id}-${i}-${end}`}
                  value={range[end]}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onInput={(e) => editor.setRange(day, i, end, e.currentTarget.value)}
                />
              </span>
            ))}
            <button type="button" class="button small" onClick={() => editor.removeRange(day, i)}>
              <span aria-hidden="true">✕</span>
              <span class="visually-hidden">{T.removeRange(name, i + 1)}</span>
            </button>
          </span>
        ))}
        {ranges.length > 0 && ranges.length < MAX_RANGES_PER_DAY && (
          <button type="button" class="button small" onClick={() => editor.addRange(day)}>
            {T.addRange(name)}
          </button>
        )}
        {day === 'Mo' && ranges.length > 0 && (
          <button type="button" class="button small" onClick={() => editor.copyToWeekdays(day)}>
            {T.copyToWeekdays}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </li>
  );
}

function HoursPreview({
  editor,
  engine,
  temporary,
}: {
  editor: HoursEditorModel;
  engine: HoursEngine | null;
  temporary: readonly TemporaryPeriod[];
}) {
  const value = editor.value.value;
  const unfinished = editor.mode.value === 'simple' && Object.keys(checkWeek(editor.week.value)).length > 0;
  let body: preact.ComponentChildren;
  if (value === null) body = <p>{T.previewEmpty}</p>;
  else if (unfinished) body = null;
  else if (!engine) body = <p>{T.previewLoading}</p>;
  else if (!engine.isValid(value)) body = <p>{T.rejected}</p>;
  else {
    const now = Date.now();
    const { next } = hoursStatus(engine, { regular: value, temporary }, now, 5);
    body =
      next.length === 0 ? (
        <p>{T.previewNone}</p>
      ) : (
        <ul class="plain" data-testid="hours-preview">
          {next.map((o) => (
            <li key={o.start}>{openingWords(o, now)}</li>
          ))}
        </ul>
      );
  }
  return (
    <div class="hours-preview">
      <h2>{T.preview}</h2>
      {body}
      {value !== null && <p class="muted">{T.result(value)}</p>}
    </div>
  );
}
