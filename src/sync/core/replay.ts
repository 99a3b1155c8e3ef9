// The local view of a record = the server's copy with the device's pending mutations replayed on top, in
// mutation order. Pure: used when a pull brings a new server copy of a record the person has edited offline
// (the edit must stay visible), and when a rejection removes one pending mutation from the stack.
import { MERGED_FIELDS, mergeCollection } from '../../domain/listing-annotations.ts';
import { applyFieldChanges } from '../../domain/record-changes.ts';
import type { Mutation } from '../../domain/sync-protocol.ts';

export type AnyRecord = Record<string, unknown> & { id: string };

/** A pending mutation as the outbox keeps it; `resolves` names the field a `conflict.resolve` sets. */
export interface PendingChange {
  mutation: Mutation;
  resolves?: { field: string };
}

export function replay(serverCopy: AnyRecord | null, pending: readonly PendingChange[]): AnyRecord | null {
  let record = serverCopy;
  for (const { mutation, resolves } of pending) {
    switch (mutation.name) {
      case 'record.create':
        record = { ...(mutation.args.record as AnyRecord) };
        break;
      case 'record.update':
        if (record) record = applyFieldChanges(record, rebased(record, mutation.args.base, mutation.args.changes));
        break;
      case 'record.delete':
        record = null;
        break;
      case 'conflict.resolve':
        if (record && resolves && resolves.field !== '*') {
          record = applyFieldChanges(record, { [resolves.field]: mutation.args.value });
        }
        break;
    }
  }
  return record;
}

/**
 * A pending edit of a collection professionals add to (notes, criteria, recommendations) is applied as the server
 * will apply it: merged element-wise into the newer server copy, so a colleague's note pulled meanwhile stays shown.
 */
function rebased(record: AnyRecord, base: Record<string, unknown>, changes: Record<string, unknown>) {
  if (!Object.keys(changes).some((f) => f in MERGED_FIELDS)) return changes;
  const out = { ...changes };
  for (const field of Object.keys(changes)) {
    if (field in MERGED_FIELDS)
      out[field] = mergeCollection(field, base[field] ?? null, changes[field], record[field] ?? null);
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
