// No change lost between a device's outbox and the server. After every step the ledger reads each device's
// outbox: a change that was there and is gone must be in an answer the device landed — unless the person's own
// action on that device during the step replaced it (a later edit of the same field merges into the unsent
// mutation) or withdrew it (deleting a listing whose creation was never sent). A change gone any other way — at a
// new epoch's first page, at a re-sign-in's renumbering, in a crash — was lost without anyone being told.
import { expect } from 'vitest';
import { recordKey } from '../../../src/domain/record-keys.ts';
import type { Mutation, RecordKind } from '../../../src/domain/sync-protocol.ts';
import { editsOf, NOTE_FIELD } from './fuzz-edits.ts';
import type { Actor, FuzzState } from './fuzz-ops.ts';

/** A change as the ledger follows it, and the slot it holds: a later edit of a field replaces that field's slot. */
type Change = [change: string, slot: string];

function changesOf(mutation: Mutation): Change[] {
  const { name, args } = mutation;
  if (name === 'record.update') {
    const at = recordKey(args.kind, args.id);
    const notes = editsOf(mutation).map((note): Change => [note, `${at}.${NOTE_FIELD}`]);
    return [
      ...notes,
      ...Object.entries(args.changes).map(([f, v]): Change => [`${at}.${f} = ${JSON.stringify(v)}`, `${at}.${f}`]),
    ];
  }
  if (name === 'record.create') {
    // Edits made before it was sent merge into the creation: they all hold its slot.
    const at = recordKey(args.kind, String(args.record.id));
    return editsOf(mutation).map((edit): Change => [edit, `${at}.*`]);
  }
  if (name === 'record.delete') {
    const at = recordKey(args.kind, args.id);
    return [[`suppression ${at} (version ${args.baseVersion})`, `${at}.-`]];
  }
  return [[`résolution ${args.conflictId} → ${JSON.stringify(args.value)}`, `résolution ${args.conflictId}`]];
}

/** Changes in each device's outbox at the last audit (with their slot and record), and those lost on the way. */
export interface Ledger {
  held: Map<Actor, Map<string, { slot: string; record: string }>>;
  /** How many answers each device had landed at the last audit. */
  landed: Map<Actor, number>;
  lost: string[];
}

export const newLedger = (): Ledger => ({ held: new Map(), landed: new Map(), lost: [] });

/** What a person did to a record on their device during a step, as `FuzzState.local` keeps it. */
export const acted = (actor: Actor, action: 'edit' | 'delete', kind: RecordKind, id: string) =>
  `${actor.name} ${action} ${recordKey(kind, id)}`;

/**
 * A person's edit just saved on their device: its new value of NOTE_FIELD is followed from now, even if the same
 * step's sync loses it before the audit that ends the step could read it in the outbox.
 */
export function madeOn(state: FuzzState, actor: Actor, kind: RecordKind, id: string, note: unknown): void {
  if (typeof note !== 'string') return;
  const record = recordKey(kind, id);
  const held = state.ledger.held.get(actor) ?? new Map();
  held.set(note, { slot: `${record}.${NOTE_FIELD}`, record });
  state.ledger.held.set(actor, held);
}

/** After a step (`local`: what people did on their devices during it, keys made by `acted`). */
export async function auditOutboxes(state: FuzzState, local: ReadonlySet<string>, step: string): Promise<void> {
  const { ledger } = state;
  for (const actor of state.actors) {
    const now = new Map<string, { slot: string; record: string }>();
    for (const entry of await actor.device.db.outbox.toArray()) {
      for (const [change, slot] of changesOf(entry.mutation)) now.set(change, { slot, record: entry.recordKey });
    }
    const answered = new Set(actor.device.landed.flatMap((l) => changesOf(l.mutation).map(([change]) => change)));
    // The edit that replaced a change may have left too during the step, with an answer: its slot counts.
    const landedNow = actor.device.landed.slice(ledger.landed.get(actor) ?? 0).flatMap((l) => changesOf(l.mutation));
    ledger.landed.set(actor, actor.device.landed.length);
    const slots = new Set([...[...now.values()].map((c) => c.slot), ...landedNow.map(([, slot]) => slot)]);
    const records = new Set([...now.values()].map((c) => c.record));
    for (const [change, { slot, record }] of ledger.held.get(actor) ?? []) {
      if (now.has(change) || answered.has(change)) continue;
      const replaced = local.has(`${actor.name} edit ${record}`) && slots.has(slot);
      const withdrawn = local.has(`${actor.name} delete ${record}`) && !records.has(record);
      if (replaced || withdrawn) continue;
      ledger.lost.push(`${actor.name}: ${change} left the outbox without an answer (step « ${step} »)`);
    }
    ledger.held.set(actor, now);
  }
}

export function checkLedger(ledger: Ledger): void {
  expect(ledger.lost, `changes that left an outbox without an answer:\n${ledger.lost.join('\n')}`).toEqual([]);
}
