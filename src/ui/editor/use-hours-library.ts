import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { CatalogModel } from '../directory/catalog-model.ts';

/**
 * True once the hours library has arrived or failed to: an editor's form waits for it, because its hours preview
 * grows from one line to five openings when it comes, and moved « Enregistrer » from under a finger about to tap
 * it (up to 270 px on a phone). Came from a partner sheet, the library is there already and nothing waits.
 */
export function useHoursLibrary(catalog: ReadonlySignal<CatalogModel | null>): boolean {
  const model = catalog.value;
  const [settled, setSettled] = useState(model?.hours.peek() != null);
  useEffect(() => {
    if (!model || settled) return;
    let live = true;
    void model.ensureHours().then(() => {
      if (live) setSettled(true);
    });
    return () => {
      live = false;
    };
  }, [model, settled]);
  return settled;
}
