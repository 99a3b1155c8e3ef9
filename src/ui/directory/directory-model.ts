// What the device holds: counts for the sync bar, and a version that moves each time the device was read again
// after a sync or a local edit (screens showing one record re-read it then). Lists and search read the matching
// snapshot (catalog-model.ts), not this model.
import { signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { countDirectory } from '../../db/directory-state.ts';

export function createDirectoryModel(db: BoussoleDatabase) {
  const totals = signal({ structures: 0, services: 0 });
  const version = signal(0);

  return {
    totals,
    version,
    async reload(): Promise<void> {
      totals.value = await countDirectory(db);
      version.value++;
    },
  };
}

export type DirectoryModel = ReturnType<typeof createDirectoryModel>;
