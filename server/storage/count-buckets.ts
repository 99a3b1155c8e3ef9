// What the SQL stores' totals (sqlite-totals.ts, postgres-totals.ts) share: a structure's visibility as its columns
// give it, and a record's count buckets by the rule of its kind (sync/visibility.ts « Count buckets »).
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import { rulesOf } from '../sync/record-kinds.ts';
import type { StructureVisibility } from '../sync/visibility.ts';

/** A structure's visibility columns; `author` is the proposer's account, read from a proposal's JSON only. */
export interface ParentColumns {
  statut: string | null;
  visibilite: string | null;
  author: string | null;
}

export function parentOf(row: ParentColumns | undefined): StructureVisibility | undefined {
  if (!row) return undefined;
  return {
    statut: row.statut as StructureVisibility['statut'],
    visibilite: row.visibilite as StructureVisibility['visibilite'],
    ...(row.author === null ? {} : { proposee_par: { account_id: row.author } }),
  };
}

/** A live record's buckets; none for a record that does not conform (the feed skips it too). */
export function bucketsOf(
  kind: RecordKind,
  record: unknown,
  parent: (id: string) => StructureVisibility | undefined,
): string[] {
  try {
    const rule = rulesOf(kind).countBuckets as (r: unknown, p: typeof parent) => string[];
    return rule(record, parent);
  } catch {
    return [];
  }
}
