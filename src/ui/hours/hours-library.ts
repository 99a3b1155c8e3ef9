// The opening-hours library and an engine on it, for a page that has no catalog to ask (the catalog has its own:
// catalog-model.ts `ensureHours`). Loaded once for the page.
import type { HoursEngine, OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';

/** The library's constructor, its chunk loaded (the catalog's engine is made with it too). */
export function openingHoursLibrary(): Promise<OpeningHoursConstructor> {
  return import('opening_hours').then((module) => module.default as unknown as OpeningHoursConstructor);
}

let loading: Promise<HoursEngine | null> | null = null;

/** The engine, once the library's chunk has loaded; null when it cannot be (asked again next time). */
export function hoursLibraryEngine(): Promise<HoursEngine | null> {
  loading ??= Promise.all([openingHoursLibrary(), import('../../matching/hours/hours-engine.ts')]).then(
    ([OpeningHours, { createHoursEngine }]) => createHoursEngine(OpeningHours),
    (error: unknown) => {
      console.warn('Horaires indisponibles', error);
      loading = null;
      return null;
    },
  );
  return loading;
}
