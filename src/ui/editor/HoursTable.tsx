// The parts of the hours editor's table: a day's ranges, the week, the nth weekdays of the month, the seasons and
// the dated periods. Each input is labelled for a screen reader with its day and range; a message about a part is
// announced on its inputs (aria-describedby) and shown beside it, as the person types.
import { JOURS } from '../../domain/vocabulary.ts';
import { DAYS, type Day, RANKS, type TimeRange, type Week } from './hours-document.ts';
import type { HoursEditor } from './hours-editor-model.ts';
import { frHours as T } from './strings-hours.ts';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const shown = (time: string) => (time === '24:00' ? '00:00' : time);

interface RangesProps {
  ranges: readonly TimeRange[];
  /** « mardi », « jour du mois 1 »: said in each input's label. */
  name: string;
  id: string;
  problemId: string | undefined;
  onTime(index: number, end: keyof TimeRange, time: string): void;
  onAdd(): void;
  onRemove(index: number): void;
  /** The add button's words (« Ajouter une plage le mardi »). */
  addLabel: string;
}

export function RangesEditor({ ranges, name, id, problemId, onTime, onAdd, onRemove, addLabel }: RangesProps) {
  return (
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
                value={shown(range[end])}
                aria-invalid={problemId ? 'true' : undefined}
                aria-describedby={problemId}
                onInput={(e) => onTime(i, end, e.currentTarget.value)}
              />
            </span>
          ))}
          <button type="button" class="button small" onClick={() => onRemove(i)}>
            <span aria-hidden="true">✕</span>
            <span class="visually-hidden">{T.removeRange(name, i + 1)}</span>
          </button>
        </span>
      ))}
      <button type="button" class="button small" onClick={onAdd}>
        {addLabel}
      </button>
    </div>
  );
}

function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} class="field-error">
      {capitalised(text)}
    </p>
  ) : null;
}

/** The seven days of the regular week (`season` null) or of a season. */
export function WeekTable(props: {
  editor: HoursEditor;
  week: Week;
  season: number | null;
  idPrefix: string;
  problems: Record<string, string>;
  weekError?: string | undefined;
}) {
  const { editor, week, season, idPrefix, problems, weekError } = props;
  const at = season === null ? 'week.' : `season.${season}.`;
  return (
    <ul class="hours-days">
      {DAYS.map((day) => {
        const ranges = week[day];
        const name = season === null ? JOURS[day] : `${JOURS[day]} (${T.season(season + 1).toLowerCase()})`;
        const id = `${idPrefix}-${day}`;
        const problem = problems[`${at}${day}`];
        return (
          <li class="hours-day" key={day}>
            <label class="check day-name">
              <input
                type="checkbox"
                id={`${id}-open`}
                checked={ranges.length > 0}
                aria-invalid={day === 'Mo' && weekError ? 'true' : undefined}
                aria-describedby={day === 'Mo' ? weekError : undefined}
                onChange={(e) => editor.setOpen(season, day, e.currentTarget.checked)}
              />
              {T.openOn(JOURS[day])}
            </label>
            {ranges.length > 0 && (
              <RangesEditor
                ranges={ranges}
                name={name}
                id={id}
                problemId={problem ? `${id}-error` : undefined}
                onTime={(i, end, t) => editor.setRange(season, day, i, end, t)}
                onAdd={() => editor.addRange(season, day)}
                onRemove={(i) => editor.removeRange(season, day, i)}
                addLabel={T.addRange(name)}
              />
            )}
            {season === null && day === 'Mo' && ranges.length > 0 && (
              <button type="button" class="button small" onClick={editor.copyToWeekdays}>
                {T.copyToWeekdays}
              </button>
            )}
            <Problem id={`${id}-error`} text={problem} />
          </li>
        );
      })}
    </ul>
  );
}

export function MonthlyList({
  editor,
  idPrefix,
  problems,
}: {
  editor: HoursEditor;
  idPrefix: string;
  problems: Record<string, string>;
}) {
  const monthly = editor.doc.value.monthly;
  return (
    <fieldset class="hours-part">
      <legend>{T.monthlyLegend}</legend>
      <p class="hint">{T.monthlyIntro}</p>
      {monthly.map((m, i) => {
        const id = `${idPrefix}-monthly-${i}`;
        const problem = problems[`monthly.${i}`];
        return (
          <div class="hours-item" key={i}>
            <div class="field">
              <label for={`${id}-day`}>{T.monthlyDay}</label>
              <select
                id={`${id}-day`}
                value={m.day}
                onChange={(e) => editor.setMonthlyDay(i, e.currentTarget.value as Day)}
              >
                {DAYS.map((d) => (
                  <option key={d} value={d}>
                    {JOURS[d]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset class="hours-ranks">
              <legend>{T.monthlyRanks}</legend>
              {RANKS.map((r) => (
                <label class="check" key={r}>
                  <input
                    type="checkbox"
                    checked={m.n.includes(r)}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    onChange={(e) => editor.setMonthlyRank(i, r, e.currentTarget.checked)}
                  />
                  {T.rank(r)}
                </label>
              ))}
            </fieldset>
            <RangesEditor
              ranges={m.ranges}
              name={T.monthlyName(i + 1)}
              addLabel={T.addRangeTo(T.monthlyName(i + 1))}
              id={id}
              problemId={problem ? `${id}-error` : undefined}
              onTime={(r, end, t) => editor.setMonthlyRange(i, r, end, t)}
              onAdd={() => editor.addMonthlyRange(i)}
              onRemove={(r) => editor.removeMonthlyRange(i, r)}
            />
            <Problem id={`${id}-error`} text={problem} />
            <button type="button" class="button small" onClick={() => editor.removeMonthly(i)}>
              {T.removeMonthly(i + 1)}
            </button>
          </div>
        );
      })}
      <button type="button" class="button" onClick={editor.addMonthly}>
        {T.addMonthly}
      </button>
    </fieldset>
  );
}

/** `<input type="date">` for a date with or without its year (`MM-DD` shown in the current year). */
function DateInput(props: {
  id: string;
  label: string;
  value: string;
  year: string;
  describedBy?: string | undefined;
  onDate(v: string): void;
}) {
  const { id, label, value, year, describedBy, onDate } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        type="date"
        id={id}
        value={value.length === 5 ? `${year}-${value}` : value}
        aria-describedby={describedBy}
        onInput={(e) => onDate(e.currentTarget.value)}
      />
    </div>
  );
}

export function SeasonList(props: {
  editor: HoursEditor;
  idPrefix: string;
  problems: Record<string, string>;
  today: string;
}) {
  const { editor, idPrefix, problems, today } = props;
  const year = today.slice(0, 4);
  return (
    <fieldset class="hours-part">
      <legend>{T.seasonsLegend}</legend>
      <p class="hint">{T.seasonsIntro}</p>
      {editor.doc.value.seasons.map((s, i) => {
        const id = `${idPrefix}-season-${i}`;
        const problem = problems[`season.${i}`];
        const describedBy = problem ? `${id}-error` : undefined;
        return (
          <fieldset class="hours-item" key={i}>
            <legend>{T.season(i + 1)}</legend>
            <div class="field-row">
              {(['from', 'to'] as const).map((end) => (
                <DateInput
                  key={end}
                  id={`${id}-${end}`}
                  label={end === 'from' ? T.seasonFrom : T.seasonTo}
                  value={s[end]}
                  year={year}
                  describedBy={describedBy}
                  onDate={(v) => editor.setSeasonDate(i, end, v.slice(5))}
                />
              ))}
            </div>
            <Problem id={`${id}-error`} text={problem} />
            <WeekTable editor={editor} week={s.week} season={i} idPrefix={id} problems={problems} />
            <button type="button" class="button small" onClick={() => editor.removeSeason(i)}>
              {T.removeSeason(i + 1)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" class="button" onClick={editor.addSeason}>
        {T.addSeason}
      </button>
    </fieldset>
  );
}

export function PeriodList(props: {
  editor: HoursEditor;
  idPrefix: string;
  problems: Record<string, string>;
  today: string;
}) {
  const { editor, idPrefix, problems, today } = props;
  const year = today.slice(0, 4);
  return (
    <fieldset class="hours-part">
      <legend>{T.periodsLegend}</legend>
      <p class="hint">{T.periodsIntro}</p>
      {editor.doc.value.periods.map((p, i) => {
        const id = `${idPrefix}-period-${i}`;
        const problem = problems[`period.${i}`];
        const describedBy = problem ? `${id}-error` : undefined;
        const everyYear = p.from.length === 5;
        const set = (v: string) => (everyYear ? v.slice(5) : v);
        return (
          <fieldset class="hours-item" key={i}>
            <legend>{T.period(i + 1)}</legend>
            <div class="field-row">
              <DateInput
                id={`${id}-from`}
                label={T.periodFrom}
                value={p.from}
                year={year}
                describedBy={describedBy}
                onDate={(v) => editor.setPeriod(i, { from: set(v) })}
              />
              <DateInput
                id={`${id}-to`}
                label={T.periodTo}
                value={p.to}
                year={year}
                describedBy={describedBy}
                onDate={(v) => editor.setPeriod(i, { to: set(v) })}
              />
            </div>
            <label class="check">
              <input
                type="checkbox"
                checked={everyYear}
                onChange={(e) => editor.setPeriodEveryYear(i, e.currentTarget.checked, today)}
              />
              {T.periodEveryYear}
            </label>
            <div class="choices" role="radiogroup" aria-label={T.period(i + 1)}>
              {([true, false] as const).map((closed) => (
                <label class="check" key={String(closed)}>
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    checked={(p.ranges.length === 0) === closed}
                    onChange={() => editor.setPeriod(i, { ranges: closed ? [] : [{ from: '09:00', to: '12:00' }] })}
                  />
                  {closed ? T.periodClosed : T.periodOpen}
                </label>
              ))}
            </div>
            {p.ranges.length > 0 && (
              <RangesEditor
                ranges={p.ranges}
                name={T.periodName(i + 1)}
                addLabel={T.addRangeTo(T.periodName(i + 1))}
                id={id}
                problemId={describedBy}
                onTime={(r, end, t) => editor.setPeriodRange(i, r, end, t)}
                onAdd={() => editor.setPeriod(i, { ranges: [...p.ranges, { from: '14:00', to: '17:00' }] })}
                onRemove={(r) => editor.setPeriod(i, { ranges: p.ranges.filter((_, k) => k !== r) })}
              />
            )}
            <Problem id={`${id}-error`} text={problem} />
            <button type="button" class="button small" onClick={() => editor.removePeriod(i)}>
              {T.removePeriod(i + 1)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" class="button" onClick={() => editor.addPeriod(today)}>
        {T.addPeriod}
      </button>
    </fieldset>
  );
}
