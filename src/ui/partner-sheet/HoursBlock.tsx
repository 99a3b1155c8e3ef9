import { parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { ServiceHours } from '../../matching/hours/schedule.ts';
import { closesOnHolidays, hoursStatus, openingWords, weekWords } from '../text/hours-status.ts';
import { osmSentence } from '../text/osm-sentence.ts';
import { frHoursShown } from '../text/strings-hours-shown.ts';
import { frSheet } from './strings-sheet.ts';

interface Props {
  engine: HoursEngine | null;
  hours: ServiceHours;
  now: number;
  /** The next seven days one by one (the regular week explained). */
  week?: boolean;
  /** Heading level of the block's sub-titles. */
  level?: 3 | 4;
  testId?: string;
}

/**
 * Open now or when it opens next, the next openings and the coming week in words, computed on the device in
 * Paris time with the temporary closures and exceptional hours applied.
 */
export function HoursBlock({ engine, hours, now, week = false, level = 3, testId }: Props) {
  if (hours.regular === null && hours.temporary.length === 0) return <p>{frSheet.noHours}</p>;
  if (!engine) return <p aria-busy="true">{frSheet.hoursLoading}</p>;
  if (hours.regular !== null && !engine.isValid(hours.regular)) {
    // What can be said of them in French, never the OSM text itself.
    const sentence = osmSentence(hours.regular);
    return (
      <>
        <p>{frSheet.hoursInvalid}</p>
        {sentence && <p class="muted">{sentence}</p>}
      </>
    );
  }
  const H = level === 3 ? 'h3' : 'h4';
  const _today = parisDay(now);
  const status = hoursStatus(engine, hours, now, 3);
  return (
    <div class="hours-block">
      <p class={`hours-status ${status.open ? 'is-open' : 'is-closed'}`} data-testid={testId}>
        {status.text}
      </p>
      {status.next.length > 0 && (
        <>
          <H>{frSheet.nextOpenings}</H>
          <ul class="plain">
            {status.next.map((o) => (
              <li key={o.start}>{openingWords(o, now)}</li>
            ))}
          </ul>
        </>
      )}
      {week && (
        <>
          <H>{frSheet.nextDays}</H>
          <dl class="week" data-testid={testId ? `${testId}-week` : undefined}>
            {weekWords(engine, hours, now).map((line) => (
              <div key={line.day} class={`week-day is-${line.kind}`}>
                <dt>{line.label}</dt>
                <dd>{line.text}</dd>
              </div>
            ))}
          </dl>
          {closesOnHolidays(hours.regular) && <p>{frHoursShown.holidaysClosed}</p>}
        </>
      )}
    </div>
  );
}
