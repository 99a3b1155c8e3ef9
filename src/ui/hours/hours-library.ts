// The opening-hours library and an engine on it, for a page that has no catalog to ask (the catalog has its own:
// catalog-model.ts `ensureHours`). Loaded once for the page.
import type { HoursEngine, OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';

let loading: Promise<HoursEngine | null> | null = null;

/** The engine, once the library's chunk has loaded; null when it cannot be (asked again next time). */
export function hoursLibraryEngine(): Promise<HoursEngine | null> {
  loading ??= Promise.all([import('opening_hours'), import('../../matching/hours/hours-engine.ts')]).then(
    ([library, { createHoursEngine }]) => createHoursEngine(library.default as unknown as OpeningHoursConstructor),
    (error: unknown) => {
      console.warn('Horaires indisponibles', error);
      loading = null;
      return null;
    },
  );
  return loading;
}
