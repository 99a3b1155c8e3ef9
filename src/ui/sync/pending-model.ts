// What the device still has to send, as signals for the shell: the header's badge, the Synchronisation list and
// the sign-out warning read this one model (src/db/pending-repo.ts reads every queue), so they always agree.
import { signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { followRead } from '../../db/live-read.ts';
import { type PendingItem, readDeviceQueue } from '../../db/pending-repo.ts';

export function createPendingModel(db: BoussoleDatabase) {
  /** False until the device has been read once: until then "nothing pending" would be a claim. */
  const loaded = signal(false);
  const items = signal<PendingItem[]>([]);
  /** Conflicts to settle and refused changes to look at. */
  const toReview = signal(0);
  const dispose = followRead(
    () => readDeviceQueue(db),
    (queue) => {
      items.value = queue.pending;
      toReview.value = queue.toReview;
      loaded.value = true;
    },
    (error) => console.error('Lecture des envois en attente impossible', error),
  );
  return { loaded, items, toReview, dispose };
}

export type PendingModel = ReturnType<typeof createPendingModel>;
