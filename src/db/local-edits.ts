// Edits made on the device. Each one writes the record AND its outbox entry in ONE transaction: a change the UI
// calls saved is in IndexedDB and queued, or nothing happened. The first pending edit of a record keeps the
// server's copy aside (the shadow) so that pulls can be applied under pending edits and a rejection can be undone.
// What an edit does to the outbox (successive edits collapse, ids are renumbered without a gap) is decided by the
// pure rules of src/sync/core/outbox.ts: a transaction here reads, asks them, and writes their answer.
import { applyFieldChanges } from '../domain/record-changes.ts';
import { recordKey } from '../domain/record-keys.ts';
import { parseRecord } from '../domain/record-kinds.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { Parsed } from '../domain/validation.ts';
import {
  type NextEntry,
  type OutboxChange,
  queueCreate,
  queueDelete,
  queueMutation,
  queueUpdate,
} from '../sync/core/outbox.ts';
import { type AnyRecord, replay, sameValue } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';
import { kindTables, recordTables, tableOfKind } from './record-tables.ts';

export const NEXT_MUTATION_KEY = 'next-mutation-id';

const tableOf = tableOfKind;

function validate(kind: RecordKind, record: unknown): Parsed<AnyRecord> {
  return parseRecord(kind, record) as Parsed<AnyRecord>;
}

/** The id the next new mutation takes, and the device clock for its entry. */
async function nextEntry(db: BoussoleDatabase): Promise<NextEntry> {
  const row = await db.meta.get(NEXT_MUTATION_KEY);
  return { mutationId: typeof row?.value === 'number' ? row.value : 1, at: new Date().toISOString() };
}

/** Writes what an outbox rule decided, inside the caller's transaction (outbox and meta). */
export async function writeOutboxChange(db: BoussoleDatabase, change: OutboxChange): Promise<void> {
  if (change.deleted.length > 0) await db.outbox.bulkDelete(change.deleted);
  if (change.written.length > 0) await db.outbox.bulkPut(change.written);
  if (change.nextMutationId !== undefined) await db.meta.put({ key: NEXT_MUTATION_KEY, value: change.nextMutationId });
}

/** The server copy of a record, recorded the first time the record gets a pending edit. */
async function ensureShadow(db: BoussoleDatabase, key: string, current: AnyRecord | null): Promise<AnyRecord | null> {
  const shadow = await db.shadows.get(key);
  if (shadow) return shadow.record;
  await db.shadows.put({ recordKey: key, record: current });
  return current;
}

async function writeLocal(db: BoussoleDatabase, kind: RecordKind, id: string, record: AnyRecord | null) {
  const table = tableOf(db, kind);
  if (record) await table.put(record);
  else await table.delete(id);
}

/** What an edit of a record of `kind` writes: callers may wrap several edits in a transaction over these. */
export const editTables = (db: BoussoleDatabase, kind: RecordKind) => [
  ...kindTables(db, kind),
  db.meta,
  db.outbox,
  db.shadows,
];

/**
 * Changes some top-level fields of a record. The result is validated with the domain schema first: an invalid
 * edit returns the problems (for messages next to the fields) and writes nothing.
 */
export async function editRecord(
  db: BoussoleDatabase,
  kind: RecordKind,
  id: string,
  changes: Record<string, unknown>,
): Promise<Parsed<AnyRecord>> {
  return db.transaction('rw', editTables(db, kind), async () => {
    const current = (await tableOf(db, kind).get(id)) as AnyRecord | undefined;
    if (!current) return { ok: false, problems: [{ path: '', message: 'Cette fiche n’existe plus sur l’appareil.' }] };
    const asMutation = Object.fromEntries(Object.entries(changes).map(([f, v]) => [f, v === undefined ? null : v]));
    const next = applyFieldChanges(current, asMutation);
    const parsed = validate(kind, next);
    if (!parsed.ok) return parsed;

    const key = recordKey(kind, id);
    const changed = Object.keys(changes).filter((f) => !sameValue(current[f], next[f]));
    if (changed.length === 0) return parsed; // nothing to send: no server copy to keep aside either
    await ensureShadow(db, key, current);
    const pending = await db.outbox.where('recordKey').equals(key).sortBy('mutationId');
    await writeOutboxChange(db, queueUpdate(pending, { kind, id, shown: current, next, changed }, await nextEntry(db)));
    await writeLocal(db, kind, id, parsed.value);
    return parsed;
  });
}

/** A new record (structure, service, action…), created on the device and queued; the server sets its version and dates. */
export async function createRecord(
  db: BoussoleDatabase,
  kind: RecordKind,
  record: unknown,
): Promise<Parsed<AnyRecord>> {
  const parsed = validate(kind, record);
  if (!parsed.ok) return parsed;
  return db.transaction('rw', editTables(db, kind), async () => {
    const key = recordKey(kind, parsed.value.id);
    if (await tableOf(db, kind).get(parsed.value.id)) {
      return { ok: false, problems: [{ path: 'id', message: 'Une fiche porte déjà cet identifiant.' }] };
    }
    await ensureShadow(db, key, null);
    await writeOutboxChange(db, queueCreate(kind, parsed.value, await nextEntry(db)));
    await writeLocal(db, kind, parsed.value.id, parsed.value);
    return parsed;
  });
}

/** The outbox from mutation id `from` on, in id order (every entry a renumbering from `from` moves). */
export function outboxFrom(db: BoussoleDatabase, from: number) {
  return db.outbox.where('mutationId').aboveOrEqual(from).sortBy('mutationId');
}

/** Deletes a record. A record never sent to the server just disappears with its pending creation. */
export async function deleteRecord(db: BoussoleDatabase, kind: RecordKind, id: string): Promise<void> {
  await db.transaction('rw', editTables(db, kind), async () => {
    const key = recordKey(kind, id);
    const current = (await tableOf(db, kind).get(id)) as AnyRecord | undefined;
    const server = await ensureShadow(db, key, current ?? null);
    const first = await db.outbox.where('recordKey').equals(key).first();
    const fromFirst = first ? await outboxFrom(db, first.mutationId) : [];
    const { change, forgotten } = queueDelete(fromFirst, { kind, id, server }, await nextEntry(db));
    await writeOutboxChange(db, change);
    if (forgotten) await db.shadows.delete(key);
    await writeLocal(db, kind, id, null);
  });
}

/** Settles a conflict with the chosen value: queued like any edit, and shown at once on the device. */
export async function resolveConflict(db: BoussoleDatabase, conflictId: string, value: unknown): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.meta, db.outbox, db.shadows, db.conflicts], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (conflict?.statut !== 'ouvert') return;
    const key = conflict.recordKey;
    const current = (await tableOf(db, conflict.record_kind).get(conflict.record_id)) as AnyRecord | undefined;
    const server = await ensureShadow(db, key, current ?? null);
    const pending = await db.outbox.where('recordKey').equals(key).sortBy('mutationId');
    const change = queueMutation(
      await nextEntry(db),
      key,
      (mutationId) => ({ id: mutationId, name: 'conflict.resolve', args: { conflictId, value } }),
      { field: conflict.field },
    );
    await writeOutboxChange(db, change);
    await writeLocal(db, conflict.record_kind, conflict.record_id, replay(server, [...pending, ...change.written]));
    // Settled for this person at once; the server's version of the conflict arrives with the next pull (and a
    // refusal, e.g. already settled by the other party, shows in the review list).
    await db.conflicts.put({ ...conflict, statut: 'resolu', resolution: value });
  });
}
