// The directory list shown on the first screen: the commune filter, the structures read from the device (never
// from the network), and how many are shown. Reloaded after every sync that brought changes.
import { computed, signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { countDirectory, readStructures, type StructureSummary } from '../../db/directory-repo.ts';

const PAGE = 30;

export function createDirectoryModel(db: BoussoleDatabase) {
  const commune = signal<string>('');
  const items = signal<StructureSummary[] | null>(null);
  const invalidRows = signal(0);
  const shown = signal(PAGE);
  const totals = signal({ structures: 0, services: 0 });
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    const filter = commune.value ? { code_insee: commune.value } : {};
    const [result, counts] = await Promise.all([readStructures(db, filter), countDirectory(db)]);
    if (mine !== generation) return; // a newer filter won the race
    items.value = result.items;
    invalidRows.value = result.invalid.length;
    totals.value = counts;
  }

  return {
    commune,
    items,
    invalidRows,
    totals,
    visible: computed(() => items.value?.slice(0, shown.value) ?? []),
    remaining: computed(() => Math.max(0, (items.value?.length ?? 0) - shown.value)),
    serviceCount: computed(() => (items.value ?? []).reduce((n, item) => n + item.services.length, 0)),
    reload,
    setCommune(code: string) {
      commune.value = code;
      shown.value = PAGE;
      return reload();
    },
    showMore() {
      shown.value += PAGE;
    },
  };
}

export type DirectoryModel = ReturnType<typeof createDirectoryModel>;
