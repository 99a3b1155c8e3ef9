// Readers' totals kept at write time in PostgreSQL, as in SQLite (sqlite-totals.ts): one counter per (count bucket,
// kind) in `totals`, each live record's buckets in `counted`, both moved in the write's own transaction (under the
// store's write lock, so two instances never move one counter at once). A push's record moves its counters in one
// statement (`recordWritten`); seeding and structures go by batches (`recordsWritten`), each reading what it needs in
// a few statements.
import type { Fragment, ISql } from 'postgres';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import {
  type ReaderClass,
  readerBuckets,
  type StructureVisibility,
  serviceBuckets,
  structureBuckets,
} from '../sync/visibility.ts';
import { bucketsOf, type ParentColumns, parentOf } from './count-buckets.ts';

interface ParentRow extends ParentColumns {
  id: string;
}

type Visibilite = RecordOfKind['service']['visibilite'];

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Counter changes of one batch, summed per (bucket, kind), then written in two statements. */
class Moves {
  private readonly byKey = new Map<string, { bucket: string; kind: string; n: number }>();
  add(kind: string, buckets: readonly string[], sign: 1 | -1): void {
    for (const bucket of buckets) {
      const key = keyOf(kind, bucket);
      const found = this.byKey.get(key);
      if (found) found.n += sign;
      else this.byKey.set(key, { bucket, kind, n: sign });
    }
  }
  async write(db: ISql): Promise<void> {
    const all = [...this.byKey.values()].filter((m) => m.n !== 0);
    const up = all.filter((m) => m.n > 0);
    const down = all.filter((m) => m.n < 0);
    if (up.length > 0) {
      await db`
        INSERT INTO totals (bucket, kind, n)
        SELECT * FROM unnest(${up.map((m) => m.bucket)}::text[], ${up.map((m) => m.kind)}::text[], ${up.map((m) => m.n)}::int[])
        ON CONFLICT (bucket, kind) DO UPDATE SET n = totals.n + excluded.n`;
    }
    // Not an upsert: the row to insert would fail the check n >= 0.
    if (down.length > 0) {
      await db`
        UPDATE totals t SET n = t.n + d.n
        FROM unnest(${down.map((m) => m.bucket)}::text[], ${down.map((m) => m.kind)}::text[], ${down.map((m) => m.n)}::int[])
          AS d (bucket, kind, n)
        WHERE t.bucket = d.bucket AND t.kind = d.kind`;
    }
  }
}

async function storeBuckets(db: ISql, rows: ReadonlyArray<{ kind: string; id: string; buckets: string[] }>) {
  if (rows.length === 0) return;
  await db`
    INSERT INTO counted (kind, id, buckets)
    SELECT k, i, b::jsonb FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.id)}::text[],
      ${rows.map((r) => JSON.stringify(r.buckets))}::text[]) AS x (k, i, b)
    ON CONFLICT (kind, id) DO UPDATE SET buckets = excluded.buckets`;
}

async function storedBuckets(db: ISql, keys: ReadonlyArray<{ kind: string; id: string }>) {
  const found = new Map<string, string[]>();
  if (keys.length === 0) return found;
  const rows = await db<{ kind: string; id: string; buckets: string[] }[]>`
    SELECT c.kind, c.id, c.buckets FROM counted c
    JOIN unnest(${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.id)}::text[]) AS x (kind, id)
      ON c.kind = x.kind AND c.id = x.id`;
  for (const row of rows) found.set(keyOf(row.kind, row.id), row.buckets);
  return found;
}

/** The services of structures whose buckets changed follow them: their counters move too. */
async function recountServices(
  db: ISql,
  moves: Moves,
  parents: ReadonlyMap<string, StructureVisibility | undefined>,
): Promise<void> {
  if (parents.size === 0) return;
  const rows = await db<{ id: string; structure_id: string; visibilite: string | null; buckets: string[] | null }[]>`
    SELECT r.id, r.structure_id, r.visibilite, c.buckets FROM records r
    LEFT JOIN counted c ON c.kind = 'service' AND c.id = r.id
    WHERE r.kind = 'service' AND r.structure_id = ANY(${[...parents.keys()]})`;
  const changed: Array<{ kind: string; id: string; buckets: string[] }> = [];
  for (const row of rows) {
    const before = row.buckets ?? [];
    const after = serviceBuckets(
      { structure_id: row.structure_id, visibilite: row.visibilite as Visibilite },
      parents.get(row.structure_id),
    );
    if (same(before, after)) continue;
    moves.add('service', before, -1);
    moves.add('service', after, 1);
    changed.push({ kind: 'service', id: row.id, buckets: after });
  }
  await storeBuckets(db, changed);
}

/**
 * After one record other than a structure was written, in the same transaction: the one statement that moves its
 * counters (a push writes records one by one under the store's write lock, so each round trip there delays every
 * writer; the caller sends it, with COMMIT). `parent`: its structure's visibility, for a service.
 */
export function recordWritten(
  db: ISql,
  kind: Exclude<RecordKind, 'structure'>,
  record: { id: string },
  parent: StructureVisibility | undefined,
): Fragment {
  const buckets = JSON.stringify(bucketsOf(kind, record, () => parent));
  return db`
    WITH old AS (SELECT buckets FROM counted WHERE kind = ${kind} AND id = ${record.id}),
    kept AS (
      INSERT INTO counted (kind, id, buckets) VALUES (${kind}, ${record.id}, ${buckets}::text::jsonb)
      ON CONFLICT (kind, id) DO UPDATE SET buckets = excluded.buckets
      WHERE counted.buckets IS DISTINCT FROM excluded.buckets
    ),
    delta AS (
      SELECT b, sum(d)::int AS d FROM (
        SELECT jsonb_array_elements_text(buckets) AS b, -1 AS d FROM old
        UNION ALL SELECT jsonb_array_elements_text(${buckets}::text::jsonb), 1
      ) x GROUP BY b HAVING sum(d) <> 0
    ),
    down AS (
      UPDATE totals t SET n = t.n + delta.d FROM delta WHERE delta.d < 0 AND t.bucket = delta.b AND t.kind = ${kind}
    )
    INSERT INTO totals (bucket, kind, n) SELECT b, ${kind}, d FROM delta WHERE d > 0
    ON CONFLICT (bucket, kind) DO UPDATE SET n = totals.n + excluded.n`;
}

/** After `records` were written (created, changed or restored; one write per record), in the same transaction. */
export async function recordsWritten(
  db: ISql,
  records: ReadonlyArray<{ kind: RecordKind; record: { id: string } }>,
): Promise<void> {
  const before = await storedBuckets(
    db,
    records.map((w) => ({ kind: w.kind, id: w.record.id })),
  );
  // Parents as written by this batch, else as stored.
  const parents = new Map<string, StructureVisibility | undefined>();
  for (const w of records) {
    if (w.kind === 'structure') parents.set(w.record.id, w.record as RecordOfKind['structure']);
  }
  const missing = new Set<string>();
  for (const w of records) {
    const parent = (w.record as { structure_id?: unknown }).structure_id;
    if (w.kind === 'service' && typeof parent === 'string' && !parents.has(parent)) missing.add(parent);
  }
  for (const [id, visibility] of await structureVisibilities(db, [...missing])) parents.set(id, visibility);
  const moves = new Moves();
  const changed: Array<{ kind: string; id: string; buckets: string[] }> = [];
  const movedStructures = new Map<string, StructureVisibility | undefined>();
  for (const w of records) {
    const old = before.get(keyOf(w.kind, w.record.id)) ?? [];
    const now = bucketsOf(w.kind, w.record, (id) => parents.get(id));
    if (same(old, now)) continue;
    moves.add(w.kind, old, -1);
    moves.add(w.kind, now, 1);
    changed.push({ kind: w.kind, id: w.record.id, buckets: now });
    if (w.kind === 'structure') movedStructures.set(w.record.id, parents.get(w.record.id));
  }
  await storeBuckets(db, changed);
  await recountServices(db, moves, movedStructures);
  await moves.write(db);
}

/** After the live record was deleted, in the same transaction. */
export async function recordDeleted(db: ISql, kind: RecordKind, id: string): Promise<void> {
  const moves = new Moves();
  const [row] = await db<{ buckets: string[] }[]>`
    DELETE FROM counted WHERE kind = ${kind} AND id = ${id} RETURNING buckets`;
  moves.add(kind, row?.buckets ?? [], -1);
  if (kind === 'structure') await recountServices(db, moves, new Map([[id, undefined]]));
  await moves.write(db);
}

/** What decides who sees these live structures and their services, from their columns (no record parsed). */
export async function structureVisibilities(
  db: ISql,
  ids: readonly string[],
): Promise<Map<string, StructureVisibility | undefined>> {
  const found = new Map<string, StructureVisibility | undefined>();
  if (ids.length === 0) return found;
  const rows = await db<ParentRow[]>`
    SELECT id, statut, visibilite, CASE WHEN statut = 'proposee' THEN data #>> '{proposee_par,account_id}' END AS author
    FROM records WHERE kind = 'structure' AND id = ANY(${ids})`;
  for (const row of rows) found.set(row.id, parentOf(row));
  return found;
}

/**
 * The counters a reader class reads (`buckets`), and what they give: its live records per kind (`byKind`, from those
 * counters' rows). The pull reads the rows within its own statement (postgres-feed.ts).
 */
export function readerTotals(cls: ReaderClass) {
  const { add, subtract } = readerBuckets(cls);
  const sign = new Map<string, number>([...add.map((b) => [b, 1] as const), ...subtract.map((b) => [b, -1] as const)]);
  return {
    buckets: [...sign.keys()],
    byKind(rows: Iterable<{ bucket: string; kind: string; n: number }>): Map<string, number> {
      const out = new Map<string, number>();
      for (const row of rows) out.set(row.kind, (out.get(row.kind) ?? 0) + (sign.get(row.bucket) ?? 0) * row.n);
      return out;
    },
  };
}

/** Rows per statement when backfilling. */
const BACKFILL_BATCH = 5000;

/**
 * Counts every live record from scratch into `counted` and `totals` (a migration's backfill). Structures'
 * visibility is read first; services are counted from their columns, other kinds from their JSON.
 */
export async function backfillPostgresTotals(db: ISql): Promise<void> {
  await db`DELETE FROM counted`;
  await db`DELETE FROM totals`;
  const parents = new Map<string, StructureVisibility | undefined>();
  const structures = await db<ParentRow[]>`
    SELECT id, statut, visibilite, data #>> '{proposee_par,account_id}' AS author FROM records
    WHERE kind = 'structure'`;
  for (const row of structures) parents.set(row.id, parentOf(row));
  const counts = new Map<string, { bucket: string; kind: string; n: number }>();
  // Keyset pages on the primary key, so that a 500k directory is never held whole.
  let after = { kind: '', id: '' };
  for (;;) {
    const rows = await db<
      { kind: RecordKind; id: string; structure_id: string | null; visibilite: string | null; data: unknown }[]
    >`
      SELECT kind, id, structure_id, visibilite, CASE WHEN kind NOT IN ('structure', 'service') THEN data END AS data
      FROM records WHERE (kind, id) > (${after.kind}, ${after.id}) ORDER BY kind, id LIMIT ${BACKFILL_BATCH}`;
    const last = rows.at(-1);
    if (!last) break;
    after = { kind: last.kind, id: last.id };
    const batch: Array<{ kind: string; id: string; buckets: string[] }> = [];
    for (const row of rows) {
      let buckets: string[];
      if (row.kind === 'service' && row.structure_id !== null) {
        buckets = serviceBuckets(
          { structure_id: row.structure_id, visibilite: row.visibilite as Visibilite },
          parents.get(row.structure_id),
        );
      } else if (row.kind === 'structure') {
        const facts = parents.get(row.id);
        buckets = facts ? structureBuckets({ id: row.id, ...facts }) : [];
      } else {
        buckets = bucketsOf(row.kind, row.data, (id) => parents.get(id));
      }
      batch.push({ kind: row.kind, id: row.id, buckets });
      for (const bucket of buckets) {
        const key = keyOf(row.kind, bucket);
        const found = counts.get(key);
        if (found) found.n++;
        else counts.set(key, { bucket, kind: row.kind, n: 1 });
      }
    }
    await storeBuckets(db, batch);
  }
  const all = [...counts.values()];
  for (let start = 0; start < all.length; start += BACKFILL_BATCH) {
    const slice = all.slice(start, start + BACKFILL_BATCH);
    await db`
      INSERT INTO totals (bucket, kind, n)
      SELECT * FROM unnest(${slice.map((m) => m.bucket)}::text[], ${slice.map((m) => m.kind)}::text[], ${slice.map((m) => m.n)}::int[])`;
  }
}
