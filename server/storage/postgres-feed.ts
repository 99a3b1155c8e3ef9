// The feed for one reader on PostgreSQL (docs/sync-protocol.md, « Pull »), the same rules as sqlite-sync.ts: a pull
// is ONE statement. A statement reads one snapshot whatever the isolation level, so the page, the last seq, the
// parents' visibility, the totals and the client's last mutation id agree with each other as they did in a
// REPEATABLE READ transaction — and the feed-order rule holds the same way: the page stops at the last seq of that
// snapshot, below which every seq is committed (postgres-connection.ts). One statement is one round trip where the
// transaction took three (BEGIN with the page, the parents and totals, COMMIT): each costs this process a socket
// write, most of its time under load after building the pages, and the pull is the most frequent request.
import type { Sql } from 'postgres';
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { kindKnownBy } from '../../src/domain/record-kinds.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import type { StoredConflict } from '../sync/decision.ts';
import { type FeedItem, feedEntries } from '../sync/feed.ts';
import { readerClass, type StructureVisibility } from '../sync/visibility.ts';
import { type ParentColumns, parentOf } from './count-buckets.ts';
import { isAt } from './feed-entry-cache.ts';
import type { PgRecordAccess } from './postgres-records.ts';
import { readerTotals } from './postgres-totals.ts';
import type { PullQuery, PullResult } from './sync-store.ts';

/**
 * A row of `conflicts` as the driver reads it (jsonb parsed), or as `row_to_json` writes it: the stored conflict, with
 * nulls where it has no resolution.
 */
export type ConflictRow = Omit<StoredConflict, 'resolution' | 'resolved_by' | 'resolved_at'> & {
  resolution: unknown;
  resolved_by: string | null;
  resolved_at: string | null;
};

/** The conflict a row holds: its columns by name (a row has others, its seq among them). */
export function conflictFromRow(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    record_kind: row.record_kind,
    record_id: row.record_id,
    field: row.field,
    base: row.base,
    mine: row.mine,
    theirs: row.theirs,
    mine_by: row.mine_by,
    theirs_by: row.theirs_by,
    created_at: row.created_at,
    statut: row.statut,
    ...(row.resolution === null ? {} : { resolution: row.resolution }),
    ...(row.resolved_by === null ? {} : { resolved_by: row.resolved_by }),
    ...(row.resolved_at === null ? {} : { resolved_at: row.resolved_at }),
  };
}

/**
 * A row of the pull's statement; what its columns hold depends on `source`:
 * - `record`, `tombstone`, `conflict`: the page (at most limit + 1 rows), `n` its seq; `data` the record's JSON as
 *   text (parsed only for entries not kept already: feed-entry-cache.ts), the conflict's row as JSON;
 * - `parent`: a structure that a record of the page names, `data` its visibility columns as JSON (ParentColumns),
 *   null when there is no such structure: feedEntries asks for it synchronously, and its whole record is not needed;
 * - `total`: a counter the reader's total is made of (`id` its bucket, `n` its count);
 * - `name`: a conflict author's name (`data`, null for an account that no longer exists);
 * - `client`: the client's last mutation id (`n`); `head`: the last seq (`n`); `epoch`: the epoch (`data`).
 */
interface PullRow {
  source: 'record' | 'tombstone' | 'conflict' | 'parent' | 'total' | 'name' | 'client' | 'head' | 'epoch';
  kind: string | null;
  id: string;
  n: number;
  data: string | null;
}

/** The most seqs a pull looks up among the kept entries (a first download's page reads its rows' data). */
const MAX_KEPT_SPAN = 8192;

/**
 * The entries kept for the seqs from `from` on, and which they are as a bit string (`mask`, bit i for seq from + i,
 * up to the last kept): the pull's statement leaves out those rows' data, its largest part. A delta is mostly
 * entries kept for the devices that pulled before: reading their JSON again cost the database its conversion to text
 * and this process the decoding of every row (a quarter of what it allocated under load).
 */
function keptEntries(rows: PgRecordAccess, from: number, span: number) {
  const entries = rows.feedCache.keptFrom(from, span);
  const bits: string[] = [];
  for (const seq of entries.keys()) bits[seq - from] = '1';
  return { from, mask: Array.from(bits, (bit) => bit ?? '0').join(''), entries };
}

/**
 * The data of the page's records that came without it although their entry is not the one kept at their seq — only
 * if the database was replaced under this process (feed-entry-cache.ts) — read again. A record superseded meanwhile
 * is left out: its new seq is past this page, in the device's next one.
 */
async function readUnkept(sql: Sql, page: PullRow[], kept: Map<number, DirectoryEntry>): Promise<void> {
  const unkept = page.filter((row) => row.source === 'record' && row.data === null && !isAt(kept.get(row.n), row));
  if (unkept.length === 0) return;
  for (const row of unkept) kept.delete(row.n);
  const found = await sql<Array<{ seq: number; data: string }>>`
    SELECT seq, data::text AS data FROM records WHERE seq = ANY(${unkept.map((row) => row.n)}::bigint[])`;
  const data = new Map(found.map((row) => [row.seq, row.data]));
  for (const row of unkept) row.data = data.get(row.n) ?? null;
}

export function postgresPull(sql: Sql, rows: PgRecordAccess): (query: PullQuery) => Promise<PullResult> {
  return async (query) => {
    const { cursor: asked, limit, reader, clientId, protocol = PROTOCOL_VERSION } = query;
    const totals = readerTotals(readerClass(reader));
    const kept = keptEntries(rows, asked + 1, Math.min(4 * (limit + 1), MAX_KEPT_SPAN));
    // Each table's rows are read in seq order (its unique index) up to the limit, and the page's JSON converted to text
    // once chosen: sorting converted rows read and converted every row after the cursor (a first download's page
    // converted the whole directory, about 90 ms at 15,000 records). Parents, counters and names are looked up one
    // by one through their keys (correlated subqueries; OFFSET 0 keeps the counters' lookup from becoming a join):
    // the statement's plan is made once per connection, without knowing how few there are, and chose to read whole
    // tables (every structure; every counter, a few per account).
    const found = await sql<PullRow[]>`
      WITH head AS (SELECT last, LEAST(${asked}::bigint, last) AS cursor FROM seq_counter WHERE id = 1),
      page AS (
        SELECT * FROM (
          (SELECT 'record' AS source, kind, id, seq, data FROM records WHERE seq > (SELECT cursor FROM head)
            ORDER BY seq LIMIT ${limit + 1})
          UNION ALL (SELECT 'tombstone', kind, id, seq, NULL FROM tombstones WHERE seq > (SELECT cursor FROM head)
            ORDER BY seq LIMIT ${limit + 1})
          UNION ALL (SELECT 'conflict', record_kind, id, seq, to_jsonb(c) FROM conflicts c
            WHERE seq > (SELECT cursor FROM head) ORDER BY seq LIMIT ${limit + 1})
        ) feed
        ORDER BY seq LIMIT ${limit + 1}
      )
      SELECT source, kind, id, seq AS n, CASE
          WHEN source <> 'record' OR seq < ${kept.from} OR seq >= ${kept.from + kept.mask.length} THEN data::text
          WHEN get_bit(${kept.mask}::varbit, (seq - ${kept.from})::int) = 1 THEN NULL
          ELSE data::text END AS data
        FROM page
      UNION ALL SELECT 'parent', NULL, parent, NULL, (
          SELECT json_build_object('statut', statut, 'visibilite', visibilite,
            'author', CASE WHEN statut = 'proposee' THEN data #>> '{proposee_par,account_id}' END)::text
          FROM records WHERE kind = 'structure' AND id = parent)
        FROM (SELECT DISTINCT data ->> 'structure_id' AS parent FROM page WHERE source = 'record') parents
        WHERE parent IS NOT NULL
      UNION ALL SELECT 'total', t.kind, b.bucket, t.n, NULL FROM unnest(${totals.buckets}::text[]) AS b (bucket),
        LATERAL (SELECT kind, n FROM totals WHERE totals.bucket = b.bucket OFFSET 0) t
      UNION ALL SELECT 'name', NULL, author, NULL, (SELECT nom FROM accounts WHERE id = author)
        FROM (SELECT DISTINCT author FROM page, jsonb_array_elements_text(jsonb_build_array(
          data -> 'mine_by', data -> 'theirs_by', data -> 'resolved_by')) AS author WHERE source = 'conflict') authors
        WHERE author IS NOT NULL
      UNION ALL SELECT 'client', NULL, NULL, last_mutation_id, NULL FROM clients WHERE client_id = ${clientId ?? null}
      UNION ALL SELECT 'head', NULL, NULL, last, NULL FROM head
      UNION ALL SELECT 'epoch', NULL, NULL, NULL, value FROM meta WHERE key = 'epoch'`;

    let last = 0;
    let epoch: string | null = null;
    let lastMutationId: number | null = null;
    const page: PullRow[] = [];
    const counters: Array<{ bucket: string; kind: string; n: number }> = [];
    const parents = new Map<string, StructureVisibility | undefined>();
    const names = new Map<string, string>();
    for (const row of found) {
      switch (row.source) {
        case 'head':
          last = row.n;
          break;
        case 'epoch':
          epoch = row.data;
          break;
        case 'client':
          lastMutationId = row.n;
          break;
        case 'total':
          counters.push({ bucket: row.id, kind: row.kind ?? '', n: row.n });
          break;
        case 'parent':
          if (row.data !== null) parents.set(row.id, parentOf(JSON.parse(row.data) as ParentColumns));
          break;
        case 'name':
          if (row.data !== null) names.set(row.id, row.data);
          break;
        default:
          page.push(row);
      }
    }
    // A union's rows come in no promised order: the page is put back in seq order.
    page.sort((a, b) => a.n - b.n);
    const cursor = Math.min(asked, last);
    const shown = page.slice(0, limit);
    await readUnkept(sql, shown, kept.entries);
    // The page's own structures answer for their services first; the others come from the `parent` rows.
    const structures = new Map<string, StructureVisibility | undefined>();
    const items: FeedItem[] = [];
    for (const row of shown) {
      const kind = row.kind as RecordKind;
      if (row.source === 'tombstone') items.push({ source: 'tombstone', seq: row.n, kind, id: row.id });
      else if (row.source === 'conflict') {
        const conflict = conflictFromRow(JSON.parse(row.data ?? 'null') as ConflictRow);
        items.push({ source: 'conflict', seq: row.n, conflict });
      } else {
        const key = { kind, id: row.id, seq: row.n };
        const { data } = row;
        const entry: DirectoryEntry | undefined =
          data === null ? kept.entries.get(row.n) : rows.feedCache.entry(key, () => ({ ...key, data }));
        if (!entry) continue;
        if (entry.kind === 'structure') structures.set(entry.record.id, entry.record);
        items.push({ source: 'record', entry });
      }
    }
    if (!epoch) throw new Error('Base sans epoch : migration incomplète');
    const byKind = totals.byKind(counters);
    let total = 0;
    for (const kind of RECORD_KINDS) if (kindKnownBy(kind, protocol)) total += byKind.get(kind) ?? 0;
    return {
      entries: feedEntries(items, {
        reader,
        cursor,
        structureOf: (id) => (structures.has(id) ? structures.get(id) : parents.get(id)),
        nameOf: (id) => names.get(id),
        protocol,
      }),
      cursor: shown.at(-1)?.n ?? cursor,
      hasMore: page.length > limit,
      total,
      epoch,
      lastMutationId,
      lastSeq: last,
    };
  };
}
