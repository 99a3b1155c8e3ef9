// What a person has to look at on the device: conflicts still open and changes the server refused, with the name
// of each record concerned. Settling a conflict is an offline edit (local-edits.ts `resolveConflict`); a refused
// change is dismissed once read.
import { RECORD_KINDS } from '../domain/record-keys.ts';
import type { BoussoleDatabase, ConflictRow, RejectionRow } from './database.ts';
import { tableOfKind } from './record-tables.ts';

export type { ConflictRow, RejectionRow };

export interface ReviewList {
  conflicts: ConflictRow[];
  rejections: RejectionRow[];
  /** By record key: its name (« Épicerie X » rather than an id), from the record or the server's copy under it. */
  names: Record<string, string>;
}

export async function readReview(db: BoussoleDatabase): Promise<ReviewList> {
  const [conflicts, rejections] = await Promise.all([
    db.conflicts.where('statut').equals('ouvert').toArray(),
    db.rejections.toArray(),
  ]);
  const names: Record<string, string> = {};
  for (const key of new Set([...conflicts, ...rejections].map((x) => x.recordKey))) {
    const [kind, ...rest] = key.split(':');
    const id = rest.join(':');
    const kindKey = RECORD_KINDS.find((k) => k === kind);
    const record = kindKey ? await tableOfKind(db, kindKey).get(id) : undefined;
    const shadow = record ? undefined : await db.shadows.get(key);
    const named = record ?? shadow?.record ?? undefined;
    // Structures and services have a `nom`, actions a `titre`.
    names[key] = (named?.nom as string | undefined) ?? (named?.titre as string | undefined) ?? id;
  }
  return { conflicts, rejections, names };
}

export async function dismissRejection(db: BoussoleDatabase, rowId: number): Promise<void> {
  await db.rejections.delete(rowId);
}
