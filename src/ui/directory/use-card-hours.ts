import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { inSlices } from '../components/page-turn.ts';
import { hoursEngineOffThread } from '../hours/hours-worker-client.ts';
import type { HoursStatus } from '../text/hours-status.ts';
import { cardHours, type DirectoryAnswer, type DirectoryResult, withCardHours } from './directory-search-model.ts';

const MINUTE = 60_000;

/**
 * The Annuaire's cards with their hours, worked out after the cards are shown. With the hours library already on the
 * page (an « open » filter, a partner sheet seen before), a few at a time there: a service's hours take up to a
 * millisecond to parse on a tablet, and twenty of them in one go held the page for a long task. Without it, by the
 * hours worker, so that the library is not compiled on the page for the cards alone; `loadEngine` is called when no
 * worker can answer. Worked-out hours are kept for the minute (a new page of results or a new query reuses them)
 * and with the hours engine they came from.
 */
export function useCardHours(
  answer: DirectoryAnswer,
  engine: HoursEngine | null | undefined,
  loadEngine: () => void,
): DirectoryAnswer {
  const known = useRef({ engine, minute: -1, statuses: new Map<string, HoursStatus>() });
  const [worked, setWorked] = useState(0);
  const minute = Math.floor(Date.now() / MINUTE);
  if (known.current.engine !== engine || known.current.minute !== minute) {
    known.current = { engine, minute, statuses: new Map() };
  }
  const { statuses } = known.current;
  useEffect(() => {
    if (answer.state !== 'ready') return;
    const missing = answer.results.filter((r) => !statuses.has(r.entry.id));
    if (missing.length === 0) return;
    let stopped = false;
    const now = Date.now();
    // Without the library on the page, a table of the cards' hours from the hours worker, read as an engine.
    const engineOf: Promise<HoursEngine | null> = engine
      ? Promise.resolve(engine)
      : hoursEngineOffThread(hoursOf(missing), parisDay(now), loadEngine);
    const work = engineOf.then(
      (answering) =>
        answering !== null &&
        inSlices(
          missing,
          (result) => statuses.set(result.entry.id, cardHours(answering, result.entry, now)),
          () => stopped,
        ),
    );
    void work.then((done) => {
      if (done) setWorked((n) => n + 1);
    });
    return () => {
      stopped = true;
    };
  }, [answer, engine, statuses]);
  // `worked` counts the writes into `statuses`: the cards are drawn again with them.
  return useMemo(() => withCardHours(answer, statuses), [answer, statuses, worked]);
}

/** The hours strings the cards read: regular, stops', exceptional. */
function hoursOf(results: readonly DirectoryResult[]): string[] {
  const found = new Set<string>();
  for (const { entry } of results) {
    if (entry.hours !== null) found.add(entry.hours);
    for (const stop of entry.stopHours ?? []) found.add(stop);
    for (const period of entry.temporary) if (period.horaires !== null) found.add(period.horaires);
  }
  return [...found];
}
