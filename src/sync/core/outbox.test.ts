// Properties of the outbox rules over random sequences of offline edits, pushes, creations and deletions (fast-check;
// a failure prints its seed and path: pin it as `{ seed, path }` in the fc.assert options of a regression test).
// The device below is the smallest that uses the rules as src/db/local-edits.ts does: read the record's entries,
// ask the rule, write its answer. Each property states a promise to the person editing offline: what they see is
// what will be sent, nothing they typed is lost, and the server never sees a gap in the ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCollection } from '../../domain/listing-annotations.ts';
import { applyFieldChanges, fieldValue } from '../../domain/record-changes.ts';
import { recordKey } from '../../domain/record-keys.ts';
import { MAX_SENT_BEFORE, type Mutation } from '../../domain/sync-protocol.ts';
import {
  closeIdGap,
  dropUnsent,
  type NextEntry,
  type OutboxChange,
  type OutboxEntry,
  queueCreate,
  queueDelete,
  queueUpdate,
  renumberForClient,
} from './outbox.ts';
import { type AnyRecord, replay, sameValue } from './replay.ts';

const RUNS = 300;
const AT = '2026-12-06T10:00:00.000Z';

/** Plain fields: the collections merged element-wise (MERGED_FIELDS) are replay's own properties (replay.test.ts). */
const FIELDS = ['nom', 'telephone', 'courriel', 'description', 'horaires_note', 'latitude'] as const;
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c', ''),
  fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fc.integer({ min: 0, max: 3 }),
);
/** A field's value as an edit gives it: null removes an optional field. */
const edited = fc.option(value, { nil: null });
const changesArb = fc.record(Object.fromEntries(FIELDS.map((f) => [f, edited])), {
  requiredKeys: [],
  noNullPrototype: true,
});
const serverCopy = (id: string) =>
  fc
    .record(Object.fromEntries(FIELDS.map((f) => [f, value])), { requiredKeys: [], noNullPrototype: true })
    .map((fields): AnyRecord => ({ ...fields, id, version: 3 }));

/** The device's stores, as far as the rules are concerned. */
class Device {
  outbox = new Map<number, OutboxEntry>();
  nextMutationId = 1;
  shadows = new Map<string, AnyRecord | null>();
  records = new Map<string, AnyRecord>();

  entries(): OutboxEntry[] {
    return [...this.outbox.values()].sort((a, b) => a.mutationId - b.mutationId);
  }
  pendingOf(key: string): OutboxEntry[] {
    return this.entries().filter((entry) => entry.recordKey === key);
  }
  next(): NextEntry {
    return { mutationId: this.nextMutationId, at: AT };
  }
  write(change: OutboxChange) {
    for (const id of change.deleted) this.outbox.delete(id);
    for (const entry of change.written) this.outbox.set(entry.mutationId, structuredClone(entry));
    if (change.nextMutationId !== undefined) this.nextMutationId = change.nextMutationId;
  }
  shadow(key: string, current: AnyRecord | null): AnyRecord | null {
    if (!this.shadows.has(key)) this.shadows.set(key, current);
    return this.shadows.get(key) ?? null;
  }

  edit(id: string, changes: Record<string, unknown>) {
    const key = recordKey('structure', id);
    const current = this.records.get(key);
    if (!current) return;
    const next = applyFieldChanges(current, changes);
    const changed = Object.keys(changes).filter((f) => !sameValue(current[f], next[f]));
    if (changed.length === 0) return;
    this.shadow(key, current);
    this.write(queueUpdate(this.pendingOf(key), { kind: 'structure', id, shown: current, next, changed }, this.next()));
    this.records.set(key, next);
  }
  create(record: AnyRecord) {
    const key = recordKey('structure', record.id);
    this.shadow(key, null);
    this.write(queueCreate('structure', record, this.next()));
    this.records.set(key, record);
  }
  delete(id: string) {
    const key = recordKey('structure', id);
    const server = this.shadow(key, this.records.get(key) ?? null);
    const first = this.pendingOf(key)[0];
    const from = first ? this.entries().filter((entry) => entry.mutationId >= first.mutationId) : [];
    const { change, forgotten } = queueDelete(from, { kind: 'structure', id, server }, this.next());
    this.write(change);
    if (forgotten) this.shadows.delete(key);
    this.records.delete(key);
  }
  /** What a push does to the outbox before the server answers: its entries are sent, and frozen. */
  push() {
    for (const entry of this.outbox.values()) entry.sent = true;
  }
}

type Step = { edit: Record<string, unknown> } | 'push';
const steps = (withPushes: boolean) =>
  fc.array(
    withPushes
      ? fc.oneof(
          changesArb.map((edit) => ({ edit })),
          fc.constant('push' as const),
        )
      : changesArb.map((edit) => ({ edit })),
    {
      minLength: 1,
      maxLength: 25,
    },
  ) as fc.Arbitrary<Step[]>;

const ids = (entries: readonly OutboxEntry[]) => entries.map((entry) => entry.mutationId);
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const withoutId = ({ mutationId: _, mutation: { id: _id, ...mutation }, ...entry }: OutboxEntry) => ({
  ...entry,
  mutation,
});

describe('successive edits of one record', () => {
  it('collapsed, then replayed over the server copy, give the record as the person left it, edit after edit', () => {
    fc.assert(
      fc.property(serverCopy('test--s1'), steps(true), (server, sequence) => {
        const device = new Device();
        const key = recordKey('structure', server.id);
        device.records.set(key, server);
        let local: AnyRecord = server;
        const frozen = new Map<number, OutboxEntry>();
        for (const step of sequence) {
          if (step === 'push') {
            device.push();
            for (const entry of device.entries()) frozen.set(entry.mutationId, structuredClone(entry));
            continue;
          }
          device.edit(server.id, step.edit);
          local = applyFieldChanges(local, step.edit);
        }
        expect(device.records.get(key)).toEqual(local);
        expect(replay(device.shadows.get(key) ?? server, device.entries())).toEqual(local);
        expect(device.entries().filter((entry) => !entry.sent).length).toBeLessThanOrEqual(1);
        // A mutation once sent may already be applied: it is never changed again.
        for (const [id, entry] of frozen) expect(device.outbox.get(id)).toEqual(entry);
      }),
      { numRuns: RUNS },
    );
  });

  it('never lose a field: every field edited is sent with its latest value, over the value the server had', () => {
    fc.assert(
      fc.property(serverCopy('test--s1'), steps(false), (server, sequence) => {
        const device = new Device();
        device.records.set(recordKey('structure', server.id), server);
        let local: AnyRecord = server;
        const edited = new Set<string>();
        for (const step of sequence) {
          if (step === 'push') continue;
          const next = applyFieldChanges(local, step.edit);
          for (const field of Object.keys(step.edit)) if (!sameValue(local[field], next[field])) edited.add(field);
          device.edit(server.id, step.edit);
          local = next;
        }
        const entries = device.entries();
        expect(entries).toHaveLength(edited.size === 0 ? 0 : 1);
        const mutation = entries[0]?.mutation;
        if (mutation === undefined) return;
        if (mutation.name !== 'record.update') throw new Error(`${mutation.name} au lieu d’une modification`);
        expect(Object.keys(mutation.args.changes).sort()).toEqual([...edited].sort());
        for (const field of edited) {
          expect(mutation.args.changes[field]).toEqual(fieldValue(local, field));
          expect(mutation.args.base[field]).toEqual(fieldValue(server, field));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * The server's side of an update of a collection merged element-wise (server/sync/decide-update.ts): what the
 * mutation added from its `base` is added to what the server holds, what it removed is removed.
 */
function serverApplies(held: unknown, entries: readonly OutboxEntry[], field: string): unknown {
  let value = held;
  for (const { mutation } of entries) {
    if (mutation.name !== 'record.update' || !(field in mutation.args.changes)) continue;
    value = mergeCollection(field, mutation.args.base[field] ?? null, mutation.args.changes[field], value ?? null);
  }
  return value;
}

const sorted = (value: unknown) => [...((value as string[] | null) ?? [])].sort();

describe('edits of a collection merged element-wise, some sent before the next edit', () => {
  it('end on the server and on the device as the person left them: a criterion put back after a sent removal stays', () => {
    const criteres = fc.uniqueArray(fc.constantFrom('familles', 'halal', 'sans-rdv'), { maxLength: 3 });
    // Another field's edit between two: the next criteria edit collapses into that field's unsent mutation.
    const nom = fc.constantFrom('a', 'b').map((value) => ({ nom: value }));
    const sequence = fc.array(fc.oneof(criteres, nom, fc.constant('push' as const)), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(criteres, sequence, (held, steps) => {
        const server: AnyRecord = { id: 'test--s1', version: 3, criteres: held };
        const device = new Device();
        const key = recordKey('structure', server.id);
        device.records.set(key, server);
        let local: unknown = held;
        for (const step of steps) {
          if (step === 'push') device.push();
          else if ('nom' in step) device.edit(server.id, step);
          else {
            device.edit(server.id, { criteres: step });
            local = step;
          }
        }
        const shadow = device.shadows.get(key) ?? server;
        expect(sorted(replay(shadow, device.entries())?.criteres)).toEqual(sorted(local));
        expect(sorted(serverApplies(held, device.entries(), 'criteres'))).toEqual(sorted(local));
      }),
      { numRuns: RUNS, examples: [[['halal'], [[], 'push', ['halal', 'familles']]]] },
    );
  });
});

type OtherStep = { on: 'test--s1' | 'test--s2'; edit: Record<string, unknown> } | { mine: Record<string, unknown> };
const mixedSteps = fc.array(
  fc.oneof(
    fc.record({ on: fc.constantFrom('test--s1' as const, 'test--s2' as const), edit: changesArb }),
    changesArb.map((mine) => ({ mine })),
  ),
  { maxLength: 12 },
) as fc.Arbitrary<OtherStep[]>;

describe('a record created then deleted on the device', () => {
  it('leaves nothing of it when its creation was never sent, and the other changes keep their order without a gap', () => {
    fc.assert(
      fc.property(mixedSteps, fc.boolean(), mixedSteps, fc.boolean(), (before, pushedBefore, after, pushed) => {
        const device = new Device();
        for (const id of ['test--s1', 'test--s2']) device.records.set(recordKey('structure', id), { id, version: 2 });
        const play = (step: OtherStep) => {
          if ('on' in step) device.edit(step.on, step.edit);
          else device.edit('test--neuf', step.mine);
        };
        for (const step of before) play(step);
        if (pushedBefore) device.push();
        device.create({ id: 'test--neuf', nom: 'Nouvelle structure' });
        if (pushed) device.push();
        for (const step of after) play(step);
        const others = device.entries().filter((entry) => entry.recordKey !== 'structure:test--neuf');
        device.delete('test--neuf');

        const entries = device.entries();
        const mine = entries.filter((entry) => entry.recordKey === 'structure:test--neuf');
        expect(device.records.has('structure:test--neuf')).toBe(false);
        if (pushed) {
          // The creation may have reached the server, its answer not back yet: it is deleted there too.
          expect(mine.at(-1)?.mutation).toMatchObject({ name: 'record.delete', args: { baseVersion: 1 } });
          return;
        }
        expect(mine).toEqual([]);
        expect(device.shadows.has('structure:test--neuf')).toBe(false);
        expect(ids(entries)).toEqual(range(1, entries.length));
        expect(device.nextMutationId).toBe(entries.length + 1);
        expect(entries.map(withoutId)).toEqual(others.map(withoutId));
      }),
      { numRuns: RUNS },
    );
  });
});

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  changesArb.map((changes) => ({
    id: 1,
    name: 'record.update' as const,
    args: { kind: 'structure' as const, id: 'test--s1', base: {}, changes },
  })),
  fc.constant({
    id: 1,
    name: 'record.delete' as const,
    args: { kind: 'service' as const, id: 'test--v1', baseVersion: 2 },
  }),
);
const sentBefore = fc.array(
  fc.record({ clientId: fc.constantFrom('client-a', 'client-b'), id: fc.integer({ min: 1, max: 50 }) }),
  { minLength: 1, maxLength: MAX_SENT_BEFORE },
);
/** An outbox as it may be found: ids increasing, with holes; some entries sent, some named by earlier sends. */
const outboxArb = (from: number) =>
  fc
    .array(
      fc.record({
        hole: fc.integer({ min: 0, max: 3 }),
        mutation: mutationArb,
        sent: fc.boolean(),
        sentBefore: fc.option(sentBefore, { nil: undefined }),
      }),
      { maxLength: 15 },
    )
    .map((rows) => {
      let id = from - 1;
      return rows.map(({ hole, mutation, sent, sentBefore }): OutboxEntry => {
        id += 1 + hole;
        return {
          mutationId: id,
          recordKey: mutation.name === 'record.delete' ? 'service:test--v1' : 'structure:test--s1',
          mutation: { ...mutation, id, ...(sentBefore ? { sentBefore } : {}) },
          sent,
          createdAt: AT,
        };
      });
    });

describe('renumbering the outbox', () => {
  it('closing a gap keeps the order and the content, and numbers from the gap on without a hole', () => {
    const gapAndOutbox = fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3 }))
      .chain(([from, skipped]) => fc.tuple(fc.constant(from), outboxArb(from + skipped)));
    fc.assert(
      fc.property(gapAndOutbox, ([from, entries]) => {
        const change = closeIdGap(entries, from);
        expect(change.deleted).toEqual(ids(entries));
        expect(ids(change.written)).toEqual(range(from, entries.length));
        for (const entry of change.written) expect(entry.mutation.id).toBe(entry.mutationId);
        expect(change.written.map(withoutId)).toEqual(entries.map(withoutId));
        expect(change.nextMutationId).toBe(from + entries.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('dropping unsent entries leaves no gap, unless a later entry was sent: that one keeps the id it was sent under', () => {
    fc.assert(
      fc.property(
        outboxArb(1).map((entries) => closeIdGap(entries, 1).written),
        fc.array(fc.nat()),
        (outbox, picks) => {
          const unsent = outbox.filter((entry) => !entry.sent);
          const drop = [
            ...new Set(picks.flatMap((n) => (unsent.length > 0 ? [unsent[n % unsent.length]?.mutationId ?? 0] : []))),
          ];
          const device = new Device();
          for (const entry of outbox) device.outbox.set(entry.mutationId, entry);
          device.nextMutationId = outbox.length + 1;
          const first = Math.min(...drop);
          device.write(
            dropUnsent(
              device.entries().filter((entry) => entry.mutationId >= first),
              drop,
            ),
          );

          const kept = outbox.filter((entry) => !drop.includes(entry.mutationId));
          const entries = device.entries();
          expect(entries.map(withoutId)).toEqual(kept.map(withoutId));
          const sentAfter = outbox.some((entry) => entry.sent && entry.mutationId > first);
          if (drop.length > 0 && sentAfter) expect(ids(entries)).toEqual(ids(kept));
          else {
            expect(ids(entries)).toEqual(range(1, entries.length));
            expect(device.nextMutationId).toBe(entries.length + 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('for a new client id, numbers from 1 in order; a sent entry names its last sends, an unsent one changes only its id', () => {
    fc.assert(
      fc.property(outboxArb(1), fc.option(fc.constantFrom('client-precedent'), { nil: null }), (outbox, previous) => {
        const change = renumberForClient([...outbox].reverse(), previous);
        expect(ids(change.written)).toEqual(range(1, outbox.length));
        expect(change.nextMutationId).toBe(outbox.length + 1);
        for (const [i, entry] of change.written.entries()) {
          const before = outbox[i] as OutboxEntry;
          expect(entry.mutation.id).toBe(entry.mutationId);
          expect(entry.sent).toBe(before.sent);
          if (before.sent && previous) {
            const sends = entry.mutation.sentBefore ?? [];
            expect(sends.at(-1)).toEqual({ clientId: previous, id: before.mutationId });
            expect(sends.length).toBeLessThanOrEqual(MAX_SENT_BEFORE);
            expect(sends.slice(0, -1)).toEqual((before.mutation.sentBefore ?? []).slice(-(MAX_SENT_BEFORE - 1)));
          } else expect(withoutId(entry)).toEqual(withoutId(before));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
