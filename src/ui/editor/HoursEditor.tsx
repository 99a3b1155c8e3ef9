import { useEffect, useState } from 'preact/hooks';
import { parisDay } from '../../domain/time/paris-time.ts';
import { JOURS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { TemporaryPeriod } from '../../matching/hours/temporary.ts';
import { hoursStatus, openingWords } from '../text/hours-status.ts';
import { osmSentence } from '../text/osm-sentence.ts';
import { MonthlyList, PeriodList, SeasonList, WeekTable } from './HoursTable.tsx';
import { createHoursEditor, type HoursEditor as HoursEditorModel } from './hours-editor-model.ts';
import { frHours as T } from './strings-hours.ts';

/** What the editor holds: the string to save (undefined: no hours) and, by place, what stops saving it. */
export interface HoursChange {
  value: string | undefined;
  problems: Record<string, string>;
}

interface Props {
  /** The stored hours, read when the editor first shows (later changes of the prop are not followed). */
  value: string | undefined;
  onChange(change: HoursChange): void;
  engine: HoursEngine | null;
  /** Prefix of the element ids, unique in the page. */
  idPrefix: string;
  legend?: string;
  /** Temporary closures and exceptional hours to apply in the preview. */
  temporary?: readonly TemporaryPeriod[];
  /** A message about the hours as a whole from the form (e.g. no day open). */
  error?: string | undefined;
  /** Coordinators may open the OSM text (« avancé »); partners never see it. */
  osm?: boolean;
}

/**
 * Opening hours for people who never heard of OpenStreetMap: a sentence in French that fills the table, a week of
 * days with as many ranges as needed, « fermé les jours fériés », the nth weekdays of the month, seasons and dated
 * periods, and a preview of the next openings that says, as the person types, what is still wrong. Hours the table
 * cannot show are kept as they are and said in French.
 */
export function HoursEditor({
  value,
  onChange,
  engine,
  idPrefix,
  legend = T.legend,
  temporary = [],
  error,
  osm = false,
}: Props) {
  const [editor] = useState(() => createHoursEditor(value));
  const today = parisDay(Date.now());
  const problems = editor.problems(engine, today);
  const current = editor.value.value;
  const key = JSON.stringify([current, problems]);
  useEffect(() => onChange({ value: current ?? undefined, problems }), [key]);

  const errorId = `${idPrefix}-error`;
  const mode = editor.mode.value;
  return (
    <fieldset class="hours-editor" id={idPrefix}>
      <legend>{legend}</legend>
      {mode !== 'advanced' && <FrenchField editor={editor} engine={engine} idPrefix={idPrefix} />}
      {mode === 'table' && (
        <>
          <p class="hint">{T.intro}</p>
          <fieldset class="hours-part">
            <legend>{T.weekLegend}</legend>
            <WeekTable
              editor={editor}
              week={editor.doc.value.week}
              season={null}
              idPrefix={idPrefix}
              problems={problems}
              weekError={error ? errorId : undefined}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={editor.doc.value.holidaysClosed}
                onChange={(e) => editor.setHolidaysClosed(e.currentTarget.checked)}
              />
              {T.holidaysClosed}
            </label>
          </fieldset>
          <MonthlyList editor={editor} idPrefix={idPrefix} problems={problems} />
          <SeasonList editor={editor} idPrefix={idPrefix} problems={problems} today={today} />
          <PeriodList editor={editor} idPrefix={idPrefix} problems={problems} today={today} />
        </>
      )}
      {mode === 'kept' && <Kept editor={editor} />}
      {mode === 'advanced' && <Advanced editor={editor} idPrefix={idPrefix} problem={problems.value} />}
      {osm && mode !== 'advanced' && (
        <p>
          <button type="button" class="button link" onClick={editor.openAdvanced}>
            {T.advancedOpen}
          </button>
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      <Preview editor={editor} engine={engine} temporary={temporary} problems={problems} idPrefix={idPrefix} />
    </fieldset>
  );
}

function FrenchField({
  editor,
  engine,
  idPrefix,
}: {
  editor: HoursEditorModel;
  engine: HoursEngine | null;
  idPrefix: string;
}) {
  const state = editor.frenchState.value;
  const id = `${idPrefix}-french`;
  return (
    <div class="field wide">
      <label for={id}>{T.frenchLabel}</label>
      <input
        id={id}
        value={editor.french.value}
        autocomplete="off"
        aria-describedby={`${id}-hint ${id}-state`}
        aria-invalid={state.kind === 'not-understood' ? 'true' : undefined}
        onInput={(e) => editor.setFrench(e.currentTarget.value, engine)}
      />
      <p id={`${id}-hint`} class="hint">
        {T.frenchHint}
      </p>
      <p id={`${id}-state`} role="status" class={state.kind === 'not-understood' ? 'field-error' : 'hint'}>
        {state.kind === 'filled'
          ? T.frenchFilled
          : state.kind === 'not-understood'
            ? state.part
              ? T.frenchNotUnderstood(state.part)
              : T.frenchNotUnderstoodWhole
            : ''}
      </p>
    </div>
  );
}

function Kept({ editor }: { editor: HoursEditorModel }) {
  const sentence = osmSentence(editor.raw.value);
  return (
    <div class="hours-kept" data-testid="hours-kept">
      <h3>{T.keptTitle}</h3>
      {sentence ? (
        <>
          <p>{T.keptIntro}</p>
          <p class="hours-sentence">{sentence}</p>
        </>
      ) : (
        <p>{T.keptUnsaid}</p>
      )}
      <button type="button" class="button link" onClick={editor.replaceWithTable}>
        {T.replaceWithTable}
      </button>
    </div>
  );
}

function Advanced({
  editor,
  idPrefix,
  problem,
}: {
  editor: HoursEditorModel;
  idPrefix: string;
  problem: string | undefined;
}) {
  const id = `${idPrefix}-raw`;
  return (
    <div class="field wide">
      <label for={id}>{T.advancedLabel}</label>
      <input
        id={id}
        value={editor.raw.value}
        spellcheck={false}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(e) => editor.setRaw(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {T.advancedHint}
      </p>
      <button type="button" class="button link" onClick={editor.closeAdvanced}>
        {T.backToTable}
      </button>
    </div>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** « Lundi », « Saison 1, mardi », « Période 2 »: where a problem is, for the preview's list. */
function placeOf(at: string): string {
  const [kind, n, day] = at.split('.');
  const dayName = (d: string | undefined) => (d ? JOURS[d as keyof typeof JOURS] : '');
  if (kind === 'week') return capitalised(dayName(n));
  if (kind === 'monthly') return capitalised(T.monthlyName(Number(n) + 1));
  if (kind === 'season') return day ? `${T.season(Number(n) + 1)}, ${dayName(day)}` : T.season(Number(n) + 1);
  if (kind === 'period') return T.period(Number(n) + 1);
  return '';
}

function Preview(props: {
  editor: HoursEditorModel;
  engine: HoursEngine | null;
  temporary: readonly TemporaryPeriod[];
  problems: Record<string, string>;
  idPrefix: string;
}) {
  const { editor, engine, temporary, problems, idPrefix } = props;
  const value = editor.value.value;
  const entries = Object.entries(problems);
  let body: preact.ComponentChildren;
  if (entries.length > 0) {
    body = (
      <>
        <p>{T.previewProblems}</p>
        <ul data-testid="hours-problems">
          {entries.map(([at, text]) => (
            <li key={at}>{placeOf(at) ? `${placeOf(at)} : ${text}` : text}</li>
          ))}
        </ul>
      </>
    );
  } else if (value === null) body = <p>{T.previewEmpty}</p>;
  else if (!engine) body = <p>{T.previewLoading}</p>;
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
    <div class="hours-preview" aria-live="polite" id={`${idPrefix}-preview`}>
      <h2>{T.preview}</h2>
      {body}
    </div>
  );
}
