// The device's outbox rules, as functions of data: given the entries a change concerns, what the outbox becomes.
// Nothing here stores anything: src/db reads the entries inside its transaction, calls a rule and writes the
// `OutboxChange` it returns, so that an edit is still saved with its outbox entry in one transaction, and the rules
// are tested over any sequence of edits without a database (outbox.test.ts).
import { fieldValue } from '../../domain/record-changes.ts';
import { recordKey } from '../../domain/record-keys.ts';
import { MAX_SENT_BEFORE, type Mutation, type MutationResult, type RecordKind } from '../../domain/sync-protocol.ts';
import type { AnyRecord, PendingChange } from './replay.ts';

/** A change made on this device and not yet acknowledged by the server (docs/sync-protocol.md, Push). */
export interface OutboxEntry {
  mutationId: number;
  recordKey: string;
  mutation: Mutation;
  /** Sent at least once: frozen, later edits of the record make a new mutation. */
  sent: boolean;
  /** Device clock, for display only ("modifié il y a 5 min"). */
  createdAt: string;
  resolves?: { field: string };
}

/**
 * What a rule does to the outbox, written in this order: the entries `deleted` (by mutation id), then the entries
 * `written` (new, changed or renumbered), and the id the next new mutation takes when it moves.
 */
export interface OutboxChange {
  deleted: number[];
  written: OutboxEntry[];
  nextMutationId?: number;
}

/** Where a new entry goes: the id it takes (the device's next mutation id) and the device clock. */
export interface NextEntry {
  mutationId: number;
  at: string;
}

/** A new mutation at the end of the outbox. */
export function queueMutation(
  next: NextEntry,
  key: string,
  build: (mutationId: number) => Mutation,
  resolves?: { field: string },
): OutboxChange {
  const entry: OutboxEntry = {
    mutationId: next.mutationId,
    recordKey: key,
    mutation: build(next.mutationId),
    sent: false,
    createdAt: next.at,
    ...(resolves ? { resolves } : {}),
  };
  return { deleted: [], written: [entry], nextMutationId: next.mutationId + 1 };
}

/** A record changed on the device: `next` is the record after the edit, `changed` the fields whose value moved. */
export interface RecordEdit {
  kind: RecordKind;
  id: string;
  /**
   * The record as the device showed it when the person edited it: the server's copy with this device's changes on
   * top, sent or not. It is what the person changed from, hence each field's `base`: the copy kept aside would make
   * a value that a sent change removed and this edit puts back look unchanged to the server's merge, and it may lag
   * behind changes already answered (it is kept until the record has no pending change left).
   */
  shown: AnyRecord;
  next: AnyRecord;
  changed: readonly string[];
}

/**
 * Successive edits of a record collapse into its last pending mutation until that mutation has been sent once
 * (the server may have applied it already: it is frozen, and the edit makes a new mutation). An update keeps, for
 * each field, the value shown before its first edit of the field (`base`) and takes the latest value; a creation
 * not yet sent takes the edited record whole. `pending`: the record's outbox entries, in id order.
 */
export function queueUpdate(pending: readonly OutboxEntry[], edit: RecordEdit, next: NextEntry): OutboxChange {
  const last = pending[pending.length - 1];
  if (last && !last.sent && last.mutation.name === 'record.update') {
    const base = { ...last.mutation.args.base };
    const changes = { ...last.mutation.args.changes };
    for (const field of edit.changed) {
      if (!(field in base)) base[field] = fieldValue(edit.shown, field);
      changes[field] = fieldValue(edit.next, field);
    }
    const mutation = { ...last.mutation, args: { ...last.mutation.args, base, changes } };
    return { deleted: [], written: [{ ...last, mutation }] };
  }
  if (last && !last.sent && last.mutation.name === 'record.create') {
    const mutation = { ...last.mutation, args: { ...last.mutation.args, record: edit.next } };
    return { deleted: [], written: [{ ...last, mutation }] };
  }
  const { kind, id, shown, changed } = edit;
  const base = Object.fromEntries(changed.map((f) => [f, fieldValue(shown, f)]));
  const changes = Object.fromEntries(changed.map((f) => [f, fieldValue(edit.next, f)]));
  return queueMutation(next, recordKey(kind, id), (mutationId) => ({
    id: mutationId,
    name: 'record.update',
    args: { kind, id, base, changes },
  }));
}

/** A record created on the device; the server sets its version and dates. */
export function queueCreate(kind: RecordKind, record: AnyRecord, next: NextEntry): OutboxChange {
  return queueMutation(next, recordKey(kind, record.id), (mutationId) => ({
    id: mutationId,
    name: 'record.create',
    args: { kind, record },
  }));
}

/**
 * A record deleted on the device. One the server never had (no server copy, nothing of it ever sent) is
 * `forgotten`: its pending changes leave the outbox and nothing is sent. Otherwise a delete is queued with the
 * version the device saw — a creation already sent may have reached the server, its answer not back yet.
 * `outboxFrom`: the outbox from the record's first pending entry on, in id order (the record's own among them).
 */
export function queueDelete(
  outboxFrom: readonly OutboxEntry[],
  record: { kind: RecordKind; id: string; server: AnyRecord | null },
  next: NextEntry,
): { change: OutboxChange; forgotten: boolean } {
  const { kind, id, server } = record;
  const key = recordKey(kind, id);
  const pending = outboxFrom.filter((entry) => entry.recordKey === key);
  if (!server && pending.every((entry) => !entry.sent)) {
    const ids = pending.map((entry) => entry.mutationId);
    return { change: dropUnsent(outboxFrom, ids), forgotten: true };
  }
  const baseVersion = typeof server?.version === 'number' ? server.version : 1;
  const change = queueMutation(next, key, (mutationId) => ({
    id: mutationId,
    name: 'record.delete',
    args: { kind, id, baseVersion },
  }));
  return { change, forgotten: false };
}

/**
 * Removes entries that were never sent, and renumbers the later ones to close the hole. Later entries are unsent
 * too (a push always takes the oldest first); were one already sent, it is left alone rather than sent again under
 * another id. `outboxFrom`: the outbox from the first of `ids` on, in id order.
 */
export function dropUnsent(outboxFrom: readonly OutboxEntry[], ids: readonly number[]): OutboxChange {
  if (ids.length === 0) return { deleted: [], written: [] };
  const first = Math.min(...ids);
  const dropped = new Set(ids);
  const later = outboxFrom.filter((entry) => entry.mutationId > first && !dropped.has(entry.mutationId));
  if (later.some((entry) => entry.sent)) return { deleted: [...ids], written: [] };
  const closed = closeIdGap(later, first);
  return { ...closed, deleted: [...ids, ...closed.deleted] };
}

const byMutationId = (a: OutboxEntry, b: OutboxEntry) => a.mutationId - b.mutationId;

/**
 * Gives the entries from id `from` on the ids `from`, `from + 1`…, in order, and the next edit the id after them:
 * entries the server never saw were removed, and it expects each client's ids 1, 2, 3… and refuses a gap.
 * `outboxFrom`: every entry whose id is `from` or more.
 */
export function closeIdGap(outboxFrom: readonly OutboxEntry[], from: number): OutboxChange {
  const later = outboxFrom.filter((entry) => entry.mutationId >= from).sort(byMutationId);
  let next = from;
  const written = later.map((entry) => {
    const mutationId = next++;
    return { ...entry, mutationId, mutation: { ...entry.mutation, id: mutationId } };
  });
  return { deleted: later.map((entry) => entry.mutationId), written, nextMutationId: next };
}

/**
 * A new session has a new client id whose mutation ids start at 1: `outbox` (all of it) is renumbered in order. An
 * entry already sent under the previous client id may have been applied there, its answer lost: it names that send
 * (`sentBefore`, the latest MAX_SENT_BEFORE), so that the server answers it with that decision rather than deciding
 * it twice, and it stays sent — frozen: a later edit makes a new mutation instead of changing a content the server
 * may hold.
 */
export function renumberForClient(outbox: readonly OutboxEntry[], previousClientId: string | null): OutboxChange {
  const entries = [...outbox].sort(byMutationId);
  let next = 1;
  const written = entries.map((entry) => {
    const mutationId = next++;
    const mutation: Mutation = { ...entry.mutation, id: mutationId };
    if (entry.sent && previousClientId) {
      const sends = [...(entry.mutation.sentBefore ?? []), { clientId: previousClientId, id: entry.mutationId }];
      mutation.sentBefore = sends.slice(-MAX_SENT_BEFORE);
    }
    return { ...entry, mutationId, mutation };
  });
  return { deleted: entries.map((entry) => entry.mutationId), written, nextMutationId: next };
}

/**
 * What the server did with a mutation, as a pending change replayable on its copy: all of it (applied), only the
 * fields that merged (a conflict on an update), or nothing (rejected, or a delete that conflicted).
 */
export function asTaken(entry: OutboxEntry, result: MutationResult): PendingChange | null {
  if (result.status === 'applied') return entry;
  if (result.status === 'rejected' || entry.mutation.name !== 'record.update') return null;
  const { changes } = entry.mutation.args;
  const merged = Object.fromEntries(result.applied.filter((f) => f in changes).map((f) => [f, changes[f]]));
  return { mutation: { ...entry.mutation, args: { ...entry.mutation.args, changes: merged } } };
}
