// What the person has to look at on the Synchronisation screen: conflicts to settle and changes the server
// refused (what waits to be sent is the pending model's, src/ui/models/pending-model.ts). Live: every list follows
// the database as sync runs. Loaded with the Synchronisation screen's chunk, not on the first load.
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { BoussoleDatabase, ConflictRow, RejectionRow } from '../../db/database.ts';
import { resolveConflict } from '../../db/local-edits.ts';
import { tableOfKind } from '../../db/record-tables.ts';
import { RECORD_KINDS } from '../../domain/record-keys.ts';

export interface RecordLabel {
  key: string;
  nom: string;
}

export function createReviewModel(db: BoussoleDatabase) {
  /** False until the device has been read once: until then the lists are unknown, not empty. */
  const loaded = signal(false);
  const conflicts = signal<ConflictRow[]>([]);
  const rejections = signal<RejectionRow[]>([]);
  /** Names of the records concerned, to say "Épicerie X" rather than an id. */
  const names = signal<Record<string, string>>({});

  const subscription = liveQuery(async () => {
    const [c, r] = await Promise.all([
      db.conflicts.where('statut').equals('ouvert').toArray(),
      db.rejections.toArray(),
    ]);
    const keys = new Set([...c, ...r].map((x) => x.recordKey));
    const labels: Record<string, string> = {};
    for (const key of keys) {
      const [kind, ...rest] = key.split(':');
      const id = rest.join(':');
      const kindKey = RECORD_KINDS.find((k) => k === kind);
      const record = kindKey ? await tableOfKind(db, kindKey).get(id) : undefined;
      const shadow = record ? undefined : await db.shadows.get(key);
      const named = record ?? shadow?.record ?? undefined;
      // Structures and services have a `nom`, actions a `titre`.
      labels[key] = (named?.nom as string | undefined) ?? (named?.titre as string | undefined) ?? id;
    }
    return { c, r, labels };
  }).subscribe({
    next: ({ c, r, labels }) => {
      conflicts.value = c;
      rejections.value = r;
      names.value = labels;
      loaded.value = true;
    },
    error: (error: unknown) => console.error('Lecture de la file de synchronisation impossible', error),
  });

  return {
    loaded,
    conflicts,
    rejections,
    names,
    resolve: (conflictId: string, value: unknown) => resolveConflict(db, conflictId, value),
    dismissRejection: async (rowId: number) => {
      await db.rejections.delete(rowId);
    },
    dispose: () => subscription.unsubscribe(),
  };
}

export type ReviewModel = ReturnType<typeof createReviewModel>;
