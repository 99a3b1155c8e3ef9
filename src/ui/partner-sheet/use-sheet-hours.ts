import { useEffect, useState } from 'preact/hooks';
import type { StructureSummary } from '../../db/directory-repo.ts';
import { addDays, daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { tableEngine } from '../../matching/hours/table-engine.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { hoursTableOffThread } from '../hours/hours-worker-client.ts';
import { HORIZON_DAYS } from '../text/hours-status.ts';

/** Every hours string a partner and its services carry: reception hours, stops', exceptional hours. */
export function hoursStringsOf(item: StructureSummary): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === 'horaires_accueil' || key === 'horaires') found.add(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(item, '');
  return [...found].sort();
}

/**
 * The engine a partner sheet draws its hours with: the page's own once the hours library is loaded (a filter, an
 * editor), else a table of the sheet's strings over the days it shows, worked out by the hours worker — the library
 * is then not compiled on the page for a sheet. Null until one of them is there (each line says it is working its
 * hours out). A question the table cannot answer, or no worker, loads the library on the page.
 */
export function useSheetHours(
  catalog: CatalogModel | null,
  item: StructureSummary | null | undefined,
): HoursEngine | null {
  const own = catalog?.hours.value ?? null;
  const [table, setTable] = useState<{ key: string; engine: HoursEngine } | null>(null);
  const today = parisDay(Date.now());
  const values = item ? hoursStringsOf(item) : null;
  const key = JSON.stringify([today, values]);
  useEffect(() => {
    if (own || !catalog || !values) return;
    let live = true;
    const loadOwn = () => void catalog.ensureHours();
    // From the day before (an opening past midnight) to the last day a sheet looks at.
    const days = daysFrom(addDays(today, -1), HORIZON_DAYS + 2);
    void hoursTableOffThread(values, days).then((found) => {
      if (!found) loadOwn();
      else if (live) setTable({ key, engine: tableEngine(found, loadOwn) });
    });
    return () => {
      live = false;
    };
  }, [key, own, catalog]);
  if (own) return own;
  return table?.key === key ? table.engine : null;
}
