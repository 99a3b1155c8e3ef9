// Edits followed by their content, whatever client id or mutation id they travel under (a re-sign-in renumbers
// the outbox). An edit's identity is carried in its content:
// - every value the fuzz writes to a listing's `horaires_note` is new (« Note 17 »): the value names the edit in an
//   outbox entry, in a mutation under any client id, in the history and in a conflict;
// - a creation is named by the id of the record it creates (the fuzz never uses one twice).
// The ledger follows every change in each device's outbox after every step (these identities, and every other
// change as made): one leaves an outbox only with an answer the device landed, or through the person's own action
// on that device (a later edit of the field replaces it in its unsent mutation; deleting a listing never sent
// withdraws its creation). Otherwise it was lost.
// Once healed, the history the database holds must show each edit applied at most once by its own mutations (a
// person's resolution writing a value again is a decision, not the edit), and at least once when an answer the
// database still holds said it was taken.
import { expect } from 'vitest';
import { mutationHash } from '../../../server/sync/json-values.ts';
import type { Mutation, MutationResult } from '../../../src/domain/sync-protocol.ts';
import type { SyncServer } from '../harness/sync-server.ts';
import type { Actor, FuzzState } from './fuzz-ops.ts';
import { type Held, key } from './fuzz-timeline.ts';

/** The field whose values name edits. */
export const NOTE_FIELD = 'horaires_note';

type Row = Record<string, unknown>;
const isNote = (value: unknown): value is string => typeof value === 'string' && value.startsWith('Note ');
const creation = (kind: string, id: unknown) => `création ${kind}:${String(id)}`;

/** A value no edit has written before. */
export function newNote(state: FuzzState): string {
  return `Note ${++state.notes}`;
}

/** The edits a mutation carries: its note, and its record's id for a creation. A resolution carries none. */
export function editsOf(mutation: Mutation): string[] {
  if (mutation.name === 'record.update') {
    const value = mutation.args.changes[NOTE_FIELD];
    return isNote(value) ? [value] : [];
  }
  if (mutation.name !== 'record.create') return [];
  const { kind, record } = mutation.args;
  const value = record[NOTE_FIELD];
  return [creation(kind, record.id), ...(isNote(value) ? [value] : [])];
}

/**
 * What the ledger follows of an outbox entry: its edits, and each of its changes as a person made it (values
 * repeat, but a device's own changes are followed only while they sit in its outbox).
 */
export function changesOf(mutation: Mutation): string[] {
  const { name, args } = mutation;
  if (name === 'record.update') {
    const fields = Object.entries(args.changes).map(([f, v]) => `${args.kind}:${args.id}.${f} = ${JSON.stringify(v)}`);
    return [...editsOf(mutation), ...fields];
  }
  if (name === 'record.delete') return [`suppression ${args.kind}:${args.id} (version ${args.baseVersion})`];
  if (name === 'conflict.resolve') return [`résolution ${args.conflictId} → ${JSON.stringify(args.value)}`];
  return editsOf(mutation);
}

/** Whether an answer says the server took that edit. */
function taken(edit: string, result: MutationResult): boolean {
  if (result.status === 'applied') return true;
  return isNote(edit) && result.status === 'conflict' && result.applied.includes(NOTE_FIELD);
}

/** The edits a history line writes. */
function writtenBy(row: { action: string; record_kind: string; record_id: string; changes: string }): string[] {
  const changes = JSON.parse(row.changes) as Record<string, { new?: unknown } | undefined>;
  const whole = changes['*']?.new as Row | undefined;
  const note = row.action === 'modification' ? changes[NOTE_FIELD]?.new : whole?.[NOTE_FIELD];
  const created = row.action === 'creation' ? [creation(row.record_kind, row.record_id)] : [];
  return [...created, ...(isNote(note) ? [note] : [])];
}

/** Changes in each device's outbox at the last audit, with their record, and those lost on the way. */
export interface Ledger {
  held: Map<Actor, Map<string, string>>;
  lost: string[];
}

export const newLedger = (): Ledger => ({ held: new Map(), lost: [] });

/**
 * After a step: a change that left an outbox must have an answer the device landed, unless the person edited or
 * deleted that record on that device during the step (`local`, keys made by `acted`).
 */
export async function auditOutboxes(state: FuzzState, local: ReadonlySet<string>, step: string): Promise<void> {
  const { ledger } = state;
  for (const actor of state.actors) {
    const now = new Map<string, string>();
    for (const entry of await actor.device.db.outbox.toArray()) {
      for (const change of changesOf(entry.mutation)) now.set(change, entry.recordKey);
    }
    const answered = new Set(actor.device.landed.flatMap((l) => changesOf(l.mutation)));
    for (const [change, record] of ledger.held.get(actor) ?? []) {
      if (now.has(change) || answered.has(change) || local.has(`${actor.name} ${record}`)) continue;
      ledger.lost.push(`${actor.name}: ${change} left the outbox without an answer (step « ${step} »)`);
    }
    ledger.held.set(actor, now);
  }
}

export function checkEditsOnce(server: SyncServer, held: Held, actors: readonly Actor[], ledger: Ledger): void {
  expect(ledger.lost, 'edits that left an outbox without an answer').toEqual([]);
  // Each edit's lines in the history the database holds: by the edit's own mutations, and by anything.
  const applied = new Map<string, string[]>();
  const written = new Set<string>();
  for (const row of server.history()) {
    const at = key(row.client_id, row.mutation_id);
    const mutation = held.decisions.get(at)?.mutation;
    for (const edit of writtenBy(row)) {
      written.add(edit);
      if (mutation && editsOf(mutation).includes(edit)) applied.set(edit, [...(applied.get(edit) ?? []), at]);
    }
  }
  for (const [edit, lines] of applied) {
    expect(lines, `${edit} applied ${lines.length} times, by ${lines.join(', ')}`).toHaveLength(1);
  }
  for (const [at, { mutation, outcome }] of held.decisions) {
    if (!mutation || outcome.kind !== 'answered') continue;
    for (const edit of editsOf(mutation)) {
      if (taken(edit, outcome.result)) expect(written.has(edit), `${at}: ${edit} taken, never written`).toBe(true);
    }
  }
  for (const actor of actors) {
    for (const { clientId, mutation, result } of actor.device.landed) {
      const at = key(clientId, result.id);
      // Answers of a database since replaced by a backup are gone with it: only those it still holds count.
      if (held.decisions.get(at)?.hash !== mutationHash(mutation)) continue;
      for (const edit of editsOf(mutation)) {
        if (!taken(edit, result)) continue;
        expect(written.has(edit), `${actor.name}: ${edit} acknowledged as taken (${at}), never written`).toBe(true);
      }
    }
  }
}
