// Properties of replay over any server copy a pull may bring (fast-check; a failure prints its seed and path: pin
// it as `{ seed, path }` in the fc.assert options of a regression test). A page often brings back, before the push's
// answer has landed, a copy that already holds the device's change: the local view must not move for it, and what
// the person changed must show over whatever the server holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldValue } from '../../domain/record-changes.ts';
import type { Mutation } from '../../domain/sync-protocol.ts';
import { type AnyRecord, type PendingChange, replay } from './replay.ts';

const RUNS = 300;
const PLAIN = ['nom', 'telephone', 'description', 'latitude'] as const;

const plainValue = fc.oneof(fc.constantFrom('a', 'b', ''), fc.integer({ min: 0, max: 2 }));
const note = fc
  .record({ id: fc.constantFrom('n1', 'n2', 'n3'), texte: fc.constantFrom('court', 'long') })
  .map((n) => ({ ...n, auteur: { account_id: 'a', nom: 'A' }, le: '2026-12-01T10:00:00.000Z' }));
/** Plain fields, and the collections merged element-wise into the newer copy (MERGED_FIELDS). */
const fields = {
  ...Object.fromEntries(PLAIN.map((f) => [f, plainValue])),
  criteres: fc.array(fc.constantFrom('familles', 'halal', 'sans-rdv'), { maxLength: 3 }),
  notes_pro: fc.array(note, { maxLength: 3 }),
};
const record = fc
  .record(fields, { requiredKeys: [], noNullPrototype: true })
  .map((r): AnyRecord => ({ ...r, id: 'test--v1' }));
const fieldChanges = fc.record(
  Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, fc.option(v as fc.Arbitrary<unknown>, { nil: null })])),
  { requiredKeys: [], noNullPrototype: true },
);

/**
 * Pending changes as the device writes them: each update carries, for each field it changes, the value of the server
 * copy kept aside (`shadow`), the same for all the record's pending changes.
 */
const pendingChanges = (shadow: AnyRecord) =>
  fc.array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fieldChanges.map((changes) =>
          update(Object.fromEntries(Object.keys(changes).map((f) => [f, fieldValue(shadow, f)])), changes),
        ),
      },
      {
        weight: 1,
        arbitrary: record.map((r) => ({
          mutation: { id: 1, name: 'record.create' as const, args: { kind: 'service' as const, record: r } },
        })),
      },
      {
        weight: 1,
        arbitrary: fc.constant({
          mutation: {
            id: 1,
            name: 'record.delete' as const,
            args: { kind: 'service' as const, id: 'test--v1', baseVersion: 2 },
          },
        }),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...PLAIN, '*'), plainValue).map(([field, value]) => ({
          mutation: { id: 1, name: 'conflict.resolve' as const, args: { conflictId: 'c1', value } },
          resolves: { field },
        })),
      },
    ) as fc.Arbitrary<PendingChange>,
    { maxLength: 6 },
  );

function update(base: Record<string, unknown>, changes: Record<string, unknown>): PendingChange {
  const mutation: Mutation = { id: 1, name: 'record.update', args: { kind: 'service', id: 'test--v1', base, changes } };
  return { mutation };
}

describe('replaying pending changes over a server copy', () => {
  it('is idempotent: a copy that already holds the pending changes shows the same', () => {
    fc.assert(
      fc.property(
        fc.option(record, { nil: null }),
        record.chain((shadow) => pendingChanges(shadow)),
        (server, pending) => {
          const local = replay(server, pending);
          expect(replay(local, pending)).toEqual(local);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('shows each field the person changed over any copy, and the server’s value of every other field', () => {
    const plainChanges = fc.record(Object.fromEntries(PLAIN.map((f) => [f, fc.option(plainValue, { nil: null })])), {
      requiredKeys: [],
      noNullPrototype: true,
    });
    fc.assert(
      fc.property(record, plainChanges, (server, changes) => {
        const local = replay(server, [update({}, changes)]);
        for (const field of [...Object.keys(fields), 'id']) {
          const expected = field in changes ? changes[field] : fieldValue(server, field);
          expect(fieldValue(local, field)).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
