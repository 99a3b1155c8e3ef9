// Edits made on the device. Each one writes the record AND its outbox entry in ONE transaction: a change the UI
// calls saved is in IndexedDB and queued, or nothing happened. The first pending edit of a record keeps the
// server's copy aside (the shadow) so that pulls can be applied under pending edits and a rejection can be undone.
// Successive edits of a record merge into its last pending mutation until that mutation has been sent once.
import { applyFieldChanges, fieldValue } from '../domain/record-changes.ts';
import { recordKey } from '../domain/record-keys.ts';
import { parseRecord } from '../domain/record-kinds.ts';
import type { Mutation, RecordKind } from '../domain/sync-protocol.ts';
import type { Parsed } from '../domain/validation.ts';
import { type AnyRecord, replay, sameValue } from '../sync/replay.ts';
import type { BoussoleDatabase, OutboxEntry } from './database.ts';
import { kindTables, recordTables, tableOfKind } from './record-tables.ts';

export const NEXT_MUTATION_KEY = 'next-mutation-id';

const tableOf = tableOfKind;

function validate(kind: RecordKind, record: unknown): Parsed<AnyRecord> {
  return parseRecord(kind, record) as Parsed<AnyRecord>;
}

async function nextMutationId(db: BoussoleDatabase): Promise<number> {
  const row = await db.meta.get(NEXT_MUTATION_KEY);
  const id = typeof row?.value === 'number' ? row.value : 1;
  await db.meta.put({ key: NEXT_MUTATION_KEY, value: id + 1 });
  return id;
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

async function queue(db: BoussoleDatabase, key: string, build: (id: number) => Mutation, resolves?: { field: string }) {
  const mutationId = await nextMutationId(db);
  const entry: OutboxEntry = {
    mutationId,
    recordKey: key,
    mutation: build(mutationId),
    sent: false,
    createdAt: new Date().toISOString(),
    ...(resolves ? { resolves } : {}),
  };
  await db.outbox.add(entry);
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
    const server = await ensureShadow(db, key, current);

    const last = await db.outbox.where('recordKey').equals(key).last();
    if (last && !last.sent && last.mutation.name === 'record.update') {
      const args = last.mutation.args;
      for (const field of changed) {
        if (!(field in args.base)) args.base[field] = fieldValue(server, field);
        args.changes[field] = fieldValue(next, field);
      }
      await db.outbox.put(last);
    } else if (last && !last.sent && last.mutation.name === 'record.create') {
      last.mutation.args.record = next;
      await db.outbox.put(last);
    } else {
      const base = Object.fromEntries(changed.map((f) => [f, fieldValue(server, f)]));
      const fieldChanges = Object.fromEntries(changed.map((f) => [f, fieldValue(next, f)]));
      await queue(db, key, (mutationId) => ({
        id: mutationId,
        name: 'record.update',
        args: { kind, id, base, changes: fieldChanges },
      }));
    }
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
    await queue(db, key, (mutationId) => ({
      id: mutationId,
      name: 'record.create',
      args: { kind, record: parsed.value },
    }));
    await writeLocal(db, kind, parsed.value.id, parsed.value);
    return parsed;
  });
}

/**
 * Gives the outbox entries from id `from` on the ids `from`, `from + 1`…, in order, and the next edit the id after
 * them: entries the server never saw were removed, and it expects each client's ids 1, 2, 3… and refuses a gap.
 * Runs inside the caller's transaction (outbox and meta).
 */
export async function closeIdGap(db: BoussoleDatabase, from: number): Promise<void> {
  const later = await db.outbox.where('mutationId').aboveOrEqual(from).sortBy('mutationId');
  await db.outbox.bulkDelete(later.map((entry) => entry.mutationId));
  let next = from;
  for (const entry of later) {
    const mutationId = next++;
    await db.outbox.add({ ...entry, mutationId, mutation: { ...entry.mutation, id: mutationId } });
  }
  await db.meta.put({ key: NEXT_MUTATION_KEY, value: next });
}

/**
 * Removes entries that were never sent, and renumbers the later ones to close the hole. Later entries are unsent
 * too (a push always takes the oldest first); were one already sent, it is left alone rather than sent again under
 * another id.
 */
async function dropUnsent(db: BoussoleDatabase, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.outbox.bulkDelete([...ids]);
  const first = Math.min(...ids);
  const later = await db.outbox.where('mutationId').above(first).toArray();
  if (later.some((entry) => entry.sent)) return;
  await closeIdGap(db, first);
}

/** Deletes a record. A record never sent to the server just disappears with its pending creation. */
export async function deleteRecord(db: BoussoleDatabase, kind: RecordKind, id: string): Promise<void> {
  await db.transaction('rw', editTables(db, kind), async () => {
    const key = recordKey(kind, id);
    const current = (await tableOf(db, kind).get(id)) as AnyRecord | undefined;
    const server = await ensureShadow(db, key, current ?? null);
    const pending = await db.outbox.where('recordKey').equals(key).toArray();
    if (!server && pending.every((p) => !p.sent)) {
      await dropUnsent(
        db,
        pending.map((p) => p.mutationId),
      );
      await db.shadows.delete(key);
    } else {
      // A creation already sent may have reached the server (its answer not back yet): delete it there too.
      const baseVersion = typeof server?.version === 'number' ? server.version : 1;
      await queue(db, key, (mutationId) => ({
        id: mutationId,
        name: 'record.delete',
        args: { kind, id, baseVersion },
      }));
    }
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
    await queue(db, key, (mutationId) => ({ id: mutationId, name: 'conflict.resolve', args: { conflictId, value } }), {
      field: conflict.field,
    });
    const pending = await db.outbox.where('recordKey').equals(key).sortBy('mutationId');
    await writeLocal(db, conflict.record_kind, conflict.record_id, replay(server, pending));
    // Settled for this person at once; the server's version of the conflict arrives with the next pull (and a
    // refusal, e.g. already settled by the other party, shows in the review list).
    await db.conflicts.put({ ...conflict, statut: 'resolu', resolution: value });
  });
}
