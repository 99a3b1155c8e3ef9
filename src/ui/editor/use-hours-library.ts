import { useEffect, useRef, useState } from 'preact/hooks';
import { parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { AppContext } from '../boot.ts';
import { hoursEngineOffThread } from '../hours/hours-worker-client.ts';

export type HoursLibraryContext = Pick<AppContext, 'catalog' | 'hoursEngine'>;

/**
 * The hours engine of an editor, and whether it is there yet (`settled`): the form waits for it, because its hours
 * preview grows from one line to five openings when it comes, and moved « Enregistrer » from under a finger about
 * to tap it (up to 270 px on a phone).
 * - Came from a partner sheet: the catalog's engine, there already; nothing waits.
 * - Opened from a link: a table of the record's hours `strings` (null while the record is read) from the hours
 *   worker, as the partner sheet gets it; the hours library (700 kB of JavaScript) is then not compiled on the page
 *   until the person types hours the table was not made for (the editor waits for it before saving them, hours-
 *   editor-model.ts) — or at once, without a worker.
 */
export function useHoursLibrary(
  context: HoursLibraryContext,
  strings: readonly string[] | null,
): { settled: boolean; engine: HoursEngine | null } {
  const fromCatalog = context.catalog.value?.hours.value ?? null;
  const [own, setOwn] = useState<{ engine: HoursEngine | null } | null>(null);
  const [table, setTable] = useState<HoursEngine | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const asked = useRef(false);
  useEffect(() => {
    if (fromCatalog || !strings || asked.current) return;
    asked.current = true;
    const loadOwn = () =>
      void context.hoursEngine().then((engine) => {
        if (mounted.current) setOwn({ engine });
      });
    void hoursEngineOffThread(strings, parisDay(Date.now()), loadOwn).then((engine) => {
      if (engine && mounted.current) setTable(engine);
    });
  }, [fromCatalog, strings]);
  return {
    settled: fromCatalog !== null || own !== null || table !== null,
    engine: fromCatalog ?? own?.engine ?? table,
  };
}
