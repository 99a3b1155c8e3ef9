// Edits followed by their content, whatever client id or mutation id they travel under (a re-sign-in renumbers
// the outbox). An edit's identity is carried in its content:
// - every value the fuzz writes to a listing's `horaires_note` is new (« Note 17 »): the value names the edit in an
//   outbox entry, in a mutation under any client id, in the history and in a conflict;
// - a creation is named by the id of the record it creates (the fuzz never uses one twice).
// Between the outbox and the server, fuzz-ledger.ts checks that no change is lost. Once healed, the history the
// database holds must show each edit applied at most once by its own mutations (a person's resolution writing a
// value again is a decision, not the edit), and at least once when an answer the database still holds said it was
// taken; and no answer may tell the person that an edit was not taken (rejected, or in conflict) when the server
// had already applied it under an earlier client id.
import { expect } from 'vitest';
import type { Mutation, MutationResult } from '../../../src/domain/sync-protocol.ts';
import type { ServerUnderTest } from '../harness/sync-server.ts';
import type { Actor, FuzzState } from './fuzz-ops.ts';
import { type Held, key, stillHeld } from './fuzz-timeline.ts';

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

export async function checkEditsOnce(server: ServerUnderTest, held: Held, actors: readonly Actor[]): Promise<void> {
  // Each edit's lines in the history the database holds: by the edit's own mutations, and by anything.
  const applied = new Map<string, string[]>();
  const written = new Set<string>();
  for (const row of await server.history()) {
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
      if (!stillHeld(held, clientId, mutation, result)) continue;
      for (const edit of editsOf(mutation)) {
        if (taken(edit, result)) {
          expect(written.has(edit), `${actor.name}: ${edit} acknowledged as taken (${at}), never written`).toBe(true);
          continue;
        }
        // Not taken, says the answer: the person sees a rejection or a conflict. Not for an edit already applied.
        const by = applied.get(edit)?.find((line) => line !== at);
        expect(by, `${actor.name}: ${edit} answered ${result.status} (${at}) though applied by ${by}`).toBe(undefined);
      }
    }
  }
}
