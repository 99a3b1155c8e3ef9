// What the person has to look at on the Synchronisation screen: conflicts to settle and changes the server
// refused (what waits to be sent is the pending model's, src/ui/sync/pending-model.ts), read by the review
// repository (src/db/review-repo.ts). Live while the screen follows it (`follow()`): every list follows the
// database as sync runs. Loaded with the Synchronisation screen's chunk, not on the first load.
import { computed } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { resolveConflict } from '../../db/local-edits.ts';
import { dismissRejection, readReview } from '../../db/review-repo.ts';
import { liveValue } from '../components/live-value.ts';

export interface RecordLabel {
  key: string;
  nom: string;
}

export function createReviewModel(db: BoussoleDatabase) {
  const list = liveValue(
    () => readReview(db),
    (error) => {
      console.error('Lecture de la file de synchronisation impossible', error);
      return null;
    },
  );
  return {
    /** False until the device has been read once: until then the lists are unknown, not empty. */
    loaded: computed(() => list.value !== null),
    conflicts: computed(() => list.value?.conflicts ?? []),
    rejections: computed(() => list.value?.rejections ?? []),
    /** Names of the records concerned, to say "Épicerie X" rather than an id. */
    names: computed(() => list.value?.names ?? {}),
    follow: list.follow,
    resolve: (conflictId: string, value: unknown) => resolveConflict(db, conflictId, value),
    dismissRejection: (rowId: number) => dismissRejection(db, rowId),
  };
}

export type ReviewModel = ReturnType<typeof createReviewModel>;
