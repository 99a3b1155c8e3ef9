import type { Arret, InfoTemporaire } from '../../domain/service.ts';
import { daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { computeSchedule, type Opening } from '../../matching/hours/schedule.ts';
import { temporaryPeriods } from '../../matching/hours/temporary.ts';
import { time } from '../text/fr-format.ts';
import { HORIZON_DAYS, openingWords, weekSummary } from '../text/hours-status.ts';
import { stopPlace } from '../text/stop-text.ts';
import { frStops as A } from '../text/strings-stops.ts';

interface Props {
  stops: readonly Arret[];
  infos: readonly InfoTemporaire[];
  engine: HoursEngine | null;
  now: number;
  /** Prefix of the element ids, unique in the page. */
  idPrefix: string;
}

interface Row {
  stop: Arret;
  current: Opening | null;
  next: Opening | null;
}

/**
 * The timetable of a service that moves: each stop with its days and hours and its next passage (the service's
 * closures applied), the soonest first — what a person on the street asks: where and when next.
 */
export function StopsTimetable({ stops, infos, engine, now, idPrefix }: Props) {
  const titleId = `${idPrefix}-title`;
  const rows: Row[] = stops.map((stop) => {
    if (!engine?.isValid(stop.horaires)) return { stop, current: null, next: null };
    const days = daysFrom(parisDay(now), HORIZON_DAYS);
    const s = computeSchedule(engine, { regular: stop.horaires, temporary: temporaryPeriods(infos) }, { now, days }, 1);
    return { stop, current: s.current, next: s.next_openings[0] ?? null };
  });
  const soon = (r: Row) => r.current?.start ?? r.next?.start ?? Number.POSITIVE_INFINITY;
  if (engine) rows.sort((a, b) => soon(a) - soon(b));
  return (
    <section class="stops" aria-labelledby={titleId} data-testid={idPrefix}>
      <h4 id={titleId}>{A.timetable}</h4>
      <p class="muted">{A.timetableIntro}</p>
      <ol class="stops-list">
        {rows.map(({ stop, current, next }) => (
          <li key={stop.id} class="stop">
            <p class="stop-place">
              <strong>
                {stopPlace({ nom: stop.nom ?? null, adresse: stop.adresse ?? null, commune: stop.commune })}
              </strong>
              {stop.nom && stop.adresse && <span class="muted"> — {stop.adresse}</span>}
            </p>
            {stop.precisions && <p class="muted">{stop.precisions}</p>}
            <dl class="facts stop-facts">
              <div>
                <dt>{A.days}</dt>
                {weekSummary(stop.horaires).map((line) => (
                  <dd key={line}>{line}</dd>
                ))}
              </div>
              <div>
                <dt>{A.next}</dt>
                <dd aria-busy={engine ? undefined : 'true'}>
                  {!engine
                    ? A.hoursLoading
                    : current
                      ? A.passingNow(time(current.end))
                      : next
                        ? openingWords(next, now)
                        : A.noPassageSoon}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
