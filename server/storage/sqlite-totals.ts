// Readers' totals kept at write time in SQLite: one counter per (count bucket, kind) in `totals`, and each live
// record's buckets in `counted` (sync/visibility.ts « Count buckets »). Every write of a record moves its counters
// in the write's own transaction, from the buckets stored with it (not recomputed: its structure may have changed
// since) to its new ones; a structure whose buckets change recounts its services. A pull's total is then one read
// of a few counters, whatever the size of the directory.
import type Database from 'better-sqlite3';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import {
  bucketChanges,
  type ReaderClass,
  readerBuckets,
  type StructureVisibility,
  serviceBuckets,
  structureBuckets,
} from '../sync/visibility.ts';
import { bucketsOf, type ParentColumns, parentOf } from './count-buckets.ts';

// The proposer is read from the JSON of a proposal only.
const PARENT_SQL = `SELECT visibilite, statut,
    CASE WHEN statut = 'proposee' THEN json_extract(data, '$.proposee_par.account_id') END AS author
  FROM records WHERE kind = 'structure' AND id = ?`;

export type SqliteTotals = ReturnType<typeof createSqliteTotals>;

export function createSqliteTotals(db: Database.Database) {
  const s = {
    parent: db.prepare<[string], ParentColumns>(PARENT_SQL),
    buckets: db.prepare<[string, string], { buckets: string }>('SELECT buckets FROM counted WHERE kind = ? AND id = ?'),
    setBuckets: db.prepare<[string, string, string]>(
      `INSERT INTO counted (kind, id, buckets) VALUES (?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET buckets = excluded.buckets`,
    ),
    dropBuckets: db.prepare<[string, string]>('DELETE FROM counted WHERE kind = ? AND id = ?'),
    add: db.prepare<[string, string, number]>(
      `INSERT INTO totals (bucket, kind, n) VALUES (?, ?, ?)
       ON CONFLICT (bucket, kind) DO UPDATE SET n = n + excluded.n`,
    ),
    // Not an upsert: the row to insert would fail the check n >= 0 before its conflict is seen.
    takeAway: db.prepare<[number, string, string]>('UPDATE totals SET n = n - ? WHERE bucket = ? AND kind = ?'),
    // Reads the covering index records_visibility, never a service's row.
    servicesOf: db.prepare<[string], { id: string; visibilite: string | null; buckets: string | null }>(
      `SELECT r.id, r.visibilite, c.buckets FROM records r LEFT JOIN counted c ON c.kind = 'service' AND c.id = r.id
       WHERE r.kind = 'service' AND r.structure_id = ?`,
    ),
    read: db.prepare<[string], { bucket: string; kind: string; n: number }>(
      'SELECT bucket, kind, n FROM totals WHERE bucket IN (SELECT value FROM json_each(?))',
    ),
  };

  function move(kind: string, before: readonly string[], after: readonly string[]): void {
    for (const [bucket, n] of bucketChanges(before, after)) {
      if (n > 0) s.add.run(bucket, kind, n);
      else s.takeAway.run(-n, bucket, kind);
    }
  }

  function stored(kind: string, id: string): string[] {
    const row = s.buckets.get(kind, id);
    return row ? (JSON.parse(row.buckets) as string[]) : [];
  }

  /** A structure's services follow its visibility: their counters move when the structure's buckets do. */
  function recountServices(structureId: string, parent: StructureVisibility | undefined): void {
    for (const row of s.servicesOf.all(structureId)) {
      const before: string[] = row.buckets === null ? [] : JSON.parse(row.buckets);
      const after = serviceBuckets(
        { structure_id: structureId, visibilite: row.visibilite as RecordOfKind['service']['visibilite'] },
        parent,
      );
      if (before.join('\n') === after.join('\n')) continue;
      move('service', before, after);
      s.setBuckets.run('service', row.id, JSON.stringify(after));
    }
  }

  return {
    /** What decides who sees a live structure and its services, read from its columns (no record parsed). */
    structureVisibility: (id: string) => parentOf(s.parent.get(id)),

    /** After `record` was written (created, changed or restored), in the same transaction. */
    written(kind: RecordKind, id: string, record: unknown): void {
      const before = stored(kind, id);
      const after = bucketsOf(kind, record, (parentId) => parentOf(s.parent.get(parentId)));
      const changed = before.join('\n') !== after.join('\n');
      if (changed) {
        move(kind, before, after);
        s.setBuckets.run(kind, id, JSON.stringify(after));
      }
      if (kind === 'structure' && changed) recountServices(id, parentOf(s.parent.get(id)));
    },

    /** After the live record was deleted, in the same transaction. */
    deleted(kind: RecordKind, id: string): void {
      move(kind, stored(kind, id), []);
      s.dropBuckets.run(kind, id);
      if (kind === 'structure') recountServices(id, undefined);
    },

    /** Live records a reader class sees, per kind. */
    byKind(cls: ReaderClass): Map<string, number> {
      const { add, subtract } = readerBuckets(cls);
      const sign = new Map<string, number>([
        ...add.map((b) => [b, 1] as const),
        ...subtract.map((b) => [b, -1] as const),
      ]);
      const out = new Map<string, number>();
      for (const row of s.read.all(JSON.stringify([...sign.keys()]))) {
        out.set(row.kind, (out.get(row.kind) ?? 0) + (sign.get(row.bucket) ?? 0) * row.n);
      }
      return out;
    },
  };
}

/**
 * Counts every live record from scratch into `counted` and `totals` (a migration's backfill; a 500k directory in
 * one pass). Structures' visibility is read first, from the index, so that services need no lookup.
 */
export function backfillSqliteTotals(db: Database.Database): void {
  db.exec('DELETE FROM counted; DELETE FROM totals;');
  const parents = new Map<string, StructureVisibility | undefined>();
  const structures = db.prepare<[], ParentColumns & { id: string }>(
    `SELECT id, visibilite, statut, json_extract(data, '$.proposee_par.account_id') AS author
     FROM records WHERE kind = 'structure'`,
  );
  for (const row of structures.iterate()) parents.set(row.id, parentOf(row));
  const parent = (id: string) => parents.get(id);
  const counts = new Map<string, number>();
  const put = db.prepare<[string, string, string]>('INSERT INTO counted (kind, id, buckets) VALUES (?, ?, ?)');
  const all = db.prepare<[], { kind: string; id: string; structure_id: string | null; visibilite: string | null }>(
    'SELECT kind, id, structure_id, visibilite FROM records',
  );
  const data = db.prepare<[string, string], { data: string }>('SELECT data FROM records WHERE kind = ? AND id = ?');
  const rows = all.all();
  for (const row of rows) {
    const kind = row.kind as RecordKind;
    let buckets: string[];
    if (kind === 'service' && row.structure_id !== null) {
      buckets = serviceBuckets(
        { structure_id: row.structure_id, visibilite: row.visibilite as RecordOfKind['service']['visibilite'] },
        parent(row.structure_id),
      );
    } else if (kind === 'structure') {
      const facts = parent(row.id);
      buckets = facts ? structureBuckets({ id: row.id, ...facts }) : [];
    } else {
      let record: unknown;
      try {
        record = JSON.parse(data.get(kind, row.id)?.data ?? 'null');
      } catch {
        record = undefined;
      }
      buckets = bucketsOf(kind, record, parent);
    }
    put.run(kind, row.id, JSON.stringify(buckets));
    for (const b of buckets) counts.set(`${b}\n${kind}`, (counts.get(`${b}\n${kind}`) ?? 0) + 1);
  }
  const insert = db.prepare<[string, string, number]>('INSERT INTO totals (bucket, kind, n) VALUES (?, ?, ?)');
  for (const [key, n] of counts) {
    const [b, kind] = key.split('\n') as [string, string];
    insert.run(b, kind, n);
  }
}
