// Compaction of the page rows (src/db/feed-pages.ts). A page row is never rewritten by a sync: a record updated
// later lives in its record table, one deleted is masked, one a later page brings again is read from there — and the
// older copy stays in the page row's body until the next reset, so the device's storage grows with every edit of
// the directory. A page row whose entries are mostly overridden gives way: the records still read from it move to
// their record tables (where later syncs put records anyway), and the row goes.
//
// The device shows the same records before and after: what the record tables hold is untouched (pending edits,
// shadows, conflicts and the outbox are not even read), every record still read from a dropped row is written to its
// table, and a record a dropped row deleted (`gone`) while an earlier row still holds it is masked, so that it does
// not come back. It is all one transaction: a crash leaves the rows as they were, and a reader sees either state.
import type { Table } from 'dexie';
import { splitRecordKey } from '../domain/record-keys.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';
import { entriesOf, type FeedPageKeysRow, PAGE_ROW_KINDS, type PagePlace, tableOf } from './feed-pages.ts';
import { pagePlaces } from './record-reads.ts';
import { recordTables } from './record-tables.ts';

/** A page row is compacted once at most this share of the records it holds is still read from it. */
export const COMPACT_WHEN_LIVE_AT_MOST = 0.5;

export interface CompactionResult {
  /** Page rows dropped. */
  pages: number;
  /** Records moved from them to the record tables. */
  moved: number;
  /** Bytes of page bodies dropped (the moved records are written again in their tables). */
  bodyBytes: number;
}

const PAGE_KINDS = [...PAGE_ROW_KINDS];

/** Which page rows would be compacted now: mostly overridden. */
function overridden(rows: readonly FeedPageKeysRow[], places: Map<string, PagePlace>): Set<number> {
  const live = new Map<number, number>();
  for (const place of places.values()) live.set(place.page, (live.get(place.page) ?? 0) + 1);
  const pages = new Set<number>();
  for (const row of rows) {
    // Only the records a row holds count: the other entries of its body (actions, conflicts, tombstones) are filed
    // elsewhere when it arrives, and weigh the same whether the row stays or not until its records are overridden.
    const held = row.keys.reduce((n, key) => (key === '' ? n : n + 1), 0);
    if ((live.get(row.page) ?? 0) <= held * COMPACT_WHEN_LIVE_AT_MOST) pages.add(row.page);
  }
  return pages;
}

/**
 * The records page rows hold, as `pagePlaces` finds them, computed from the given key rows: for what the device
 * would show from the rows left, before any is dropped.
 */
function placesOf(rows: readonly FeedPageKeysRow[], hidden: ReadonlySet<string>): Set<string> {
  const live = new Set<string>();
  for (const row of rows) {
    for (const key of row.gone) live.delete(key);
    for (const key of row.keys) if (key !== '') live.add(key);
  }
  for (const key of hidden) live.delete(key);
  return live;
}

/** Compacts the page rows that are mostly overridden; nothing is written when none is. */
export function compactFeedPages(db: BoussoleDatabase): Promise<CompactionResult> {
  return db.transaction('rw', recordTables(db), async () => {
    const none: CompactionResult = { pages: 0, moved: 0, bodyBytes: 0 };
    const rows = await db.feedPageKeys.toArray();
    if (rows.length === 0) return none;
    const places = await pagePlaces(db, PAGE_KINDS);
    const dropped = overridden(rows, places);
    if (dropped.size === 0) return none;

    // Still read from a dropped row: written to its table, where it overrides every page row from now on.
    const bodies = await db.feedPages.bulkGet([...dropped]);
    const entries = new Map(bodies.flatMap((row) => (row ? [[row.page, entriesOf(row)] as const] : [])));
    const moving = [...places.values()].filter((place) => dropped.has(place.page));
    const byKind = new Map<RecordKind, AnyRecord[]>();
    for (const place of moving) {
      const record = entries.get(place.page)?.[place.entry]?.record;
      if (!record) continue;
      const { kind } = splitRecordKey(place.key);
      byKind.set(kind, [...(byKind.get(kind) ?? []), record]);
    }

    // What the rows left would show that the device does not show now: records a dropped row deleted or brought
    // again. Masked, they stay hidden.
    const kept = rows.filter((row) => !dropped.has(row.page));
    const [masked, ...held] = await Promise.all([
      db.maskedKeys.toCollection().primaryKeys() as Promise<string[]>,
      ...PAGE_KINDS.map((kind) => tableOf(db, kind).toCollection().primaryKeys() as Promise<string[]>),
    ]);
    const overriddenKeys = new Set(masked);
    PAGE_KINDS.forEach((kind, i) => {
      for (const id of held[i] ?? []) overriddenKeys.add(`${kind}:${id}`);
    });
    for (const place of moving) overriddenKeys.add(place.key);
    const resurrected = [...placesOf(kept, overriddenKeys)].filter((key) => !places.has(key));
    // A mask only hides page rows' copies: one that no row left holds hides nothing.
    const heldKeys = new Set(kept.flatMap((row) => row.keys));
    const orphans = masked.filter((key) => !heldKeys.has(key));

    const bodyBytes = bodies.reduce((sum, body) => sum + (body?.body.byteLength ?? 0), 0);
    await Promise.all([
      ...[...byKind].map(([kind, list]) => (tableOf(db, kind) as unknown as Table<AnyRecord, string>).bulkPut(list)),
      db.feedPages.bulkDelete([...dropped]),
      db.feedPageKeys.bulkDelete([...dropped]),
      orphans.length > 0 ? db.maskedKeys.bulkDelete(orphans) : undefined,
      resurrected.length > 0 ? db.maskedKeys.bulkPut(resurrected.map((recordKey) => ({ recordKey }))) : undefined,
    ]);
    return { pages: dropped.size, moved: moving.length, bodyBytes };
  });
}
