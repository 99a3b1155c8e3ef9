import { useEffect, useRef, useState } from 'preact/hooks';
import { parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { hoursEngineOffThread } from './hours-worker-client.ts';

/** Every hours string in some records (a partner and its services, a directory): reception, stops', exceptional. */
export function hoursStringsOf(records: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === 'horaires_accueil' || key === 'horaires') found.add(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(records, '');
  return [...found].sort();
}

/** Where a screen's engine may come from besides the hours worker. */
export interface HoursSources {
  /** The catalog, when the screen reads it: its engine once loaded, and it loads the library when needed. */
  catalog: CatalogModel | null;
  /** The library's engine on the page, for a screen that does not load the catalog (boot.ts `hoursEngine`). */
  library?: (() => Promise<HoursEngine | null>) | undefined;
}

/**
 * The engine a screen draws read-only hours with: the page's own once the hours library is loaded (a filter, an
 * editor), else a table of the screen's hours strings over the days it shows, worked out by the hours worker — the
 * library (700 kB of JavaScript) is then not compiled on the page for it. Null until one of them is there, or while
 * `strings` is (the screen's records are being read). A question the table cannot answer, or no worker, loads the
 * library on the page — through the catalog, or without it from `library` — and the screen draws again with it.
 */
export function useHoursEngine(
  { catalog, library }: HoursSources,
  strings: readonly string[] | null,
): HoursEngine | null {
  const [loaded, setLoaded] = useState<HoursEngine | null>(null);
  const own = catalog?.hours.value ?? loaded;
  const [table, setTable] = useState<{ key: string; engine: HoursEngine } | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const today = parisDay(Date.now());
  const key = JSON.stringify([today, strings]);
  useEffect(() => {
    if (own || !strings || !(catalog || library)) return;
    let live = true;
    const loadOwn = () => {
      if (catalog) void catalog.ensureHours();
      else
        void library?.().then((engine) => {
          if (engine && mounted.current) setLoaded(engine);
        });
    };
    void hoursEngineOffThread(strings, today, loadOwn).then((engine) => {
      if (engine && live) setTable({ key, engine });
    });
    return () => {
      live = false;
    };
  }, [key, own, catalog]);
  if (own) return own;
  return table?.key === key ? table.engine : null;
}
