// Turns what a store read after a cursor into the entries one reader receives (docs/sync-protocol.md, "Pull").
// Pure and shared by every store, so that SQLite, memory and later PostgreSQL filter identically:
// - a record the reader may see travels whole; one it may not see travels as a tombstone (it may hold an older,
//   visible copy: a listing turned professionals-only, a structure unpublished);
// - a deleted record travels as a tombstone;
// - from cursor 0 the reader holds nothing, so tombstones (of either kind) are left out of a first download;
// - a conflict travels to its two authors and to coordinators only;
// - a client of a protocol older than a kind (src/domain/record-kinds.ts `since`) receives nothing of that kind:
//   its schemas would refuse the whole page.
import type { DirectoryEntry, FeedEntry } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { kindKnownBy } from '../../src/domain/record-kinds.ts';
import type { Conflict, RecordKind } from '../../src/domain/sync-protocol.ts';
import { type StoredConflict, SYSTEM_AUTHOR_ID } from './decision.ts';
import { rulesOf } from './record-kinds.ts';
import { canSeeConflict, type Reader, readable, type StructureVisibility } from './visibility.ts';

export type FeedItem =
  | { source: 'record'; entry: DirectoryEntry }
  | { source: 'tombstone'; seq: number; kind: RecordKind; id: string }
  | { source: 'conflict'; seq: number; conflict: StoredConflict };

export interface FeedContext {
  reader: Reader;
  cursor: number;
  /** The live structure of a service (what decides its visibility only), for the visibility of services. */
  structureOf(id: string): StructureVisibility | undefined;
  /** An account's name for conflict authors. */
  nameOf(accountId: string): string | undefined;
  /** The protocol the reader's client speaks (the header it sent); default: this server's. */
  protocol?: number;
}

/** Whether a reader may see a live record of any kind (server/sync/record-kinds.ts `canSee`). */
export function canSeeRecord(
  reader: Reader,
  entry: DirectoryEntry,
  structureOf: (id: string) => StructureVisibility | undefined,
): boolean {
  const canSee = rulesOf(entry.kind).canSee as (
    r: Reader,
    record: DirectoryEntry['record'],
    s: (id: string) => StructureVisibility | undefined,
  ) => boolean;
  return canSee(reader, entry.record, structureOf);
}

// The copy of an entry without professionals' annotations, made once per entry: the stores hand the same entry
// objects to every reader, and the HTTP layer keeps each entry's JSON by object (http/feed-body.ts).
const withoutAnnotations = new WeakMap<DirectoryEntry, FeedEntry>();

function readableEntry(reader: Reader, entry: DirectoryEntry): FeedEntry {
  if (readable(reader, entry.record) === entry.record) return entry;
  let copy = withoutAnnotations.get(entry);
  if (!copy) {
    copy = { ...entry, record: readable(reader, entry.record) } as FeedEntry;
    withoutAnnotations.set(entry, copy);
  }
  return copy;
}

export function feedEntries(items: readonly FeedItem[], context: FeedContext): FeedEntry[] {
  const { reader, cursor } = context;
  const protocol = context.protocol ?? PROTOCOL_VERSION;
  const out: FeedEntry[] = [];
  for (const item of items) {
    if (item.source === 'conflict') {
      if (kindKnownBy(item.conflict.record_kind, protocol) && canSeeConflict(reader, item.conflict)) {
        out.push({ kind: 'conflict', seq: item.seq, conflict: publicConflict(item.conflict, context.nameOf) });
      }
      continue;
    }
    if (item.source === 'tombstone') {
      if (cursor > 0 && kindKnownBy(item.kind, protocol)) {
        out.push({ kind: 'tombstone', seq: item.seq, record_kind: item.kind, id: item.id });
      }
      continue;
    }
    const { entry } = item;
    if (!kindKnownBy(entry.kind, protocol)) continue;
    if (canSeeRecord(reader, entry, context.structureOf)) out.push(readableEntry(reader, entry));
    else if (cursor > 0) out.push({ kind: 'tombstone', seq: entry.seq, record_kind: entry.kind, id: entry.record.id });
  }
  return out;
}

/** The name shown for an author id: imports and seeding have no account. */
export function authorName(accountId: string, nameOf: (id: string) => string | undefined): string {
  if (accountId === SYSTEM_AUTHOR_ID) return 'Import ou administration';
  return nameOf(accountId) ?? 'Compte supprimé';
}

/** A stored conflict as it travels: authors with their names. */
export function publicConflict(stored: StoredConflict, nameOf: (id: string) => string | undefined): Conflict {
  const by = (id: string) => ({ account_id: id, nom: authorName(id, nameOf) });
  return {
    id: stored.id,
    record_kind: stored.record_kind,
    record_id: stored.record_id,
    field: stored.field,
    base: stored.base,
    mine: stored.mine,
    theirs: stored.theirs,
    mine_by: by(stored.mine_by),
    theirs_by: by(stored.theirs_by),
    created_at: stored.created_at,
    statut: stored.statut,
    ...(stored.statut === 'resolu'
      ? {
          resolution: stored.resolution ?? null,
          ...(stored.resolved_by === undefined ? {} : { resolved_by: by(stored.resolved_by) }),
          ...(stored.resolved_at === undefined ? {} : { resolved_at: stored.resolved_at }),
        }
      : {}),
  };
}
