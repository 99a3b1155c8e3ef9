// Who reads what, as pure rules: the feed, the lists and the totals of every store rely on these.
import { describe, expect, it } from 'vitest';
import { makeService, makeStructure } from '../../tests/integration/fixtures/directory-fixture.ts';
import { jsonEqual, mutationHash } from './json-values.ts';
import { COORDINATOR, OTHER_WORKER, PARTNER, WORKER } from './testing/fake-view.ts';
import {
  ANONYMOUS_READER,
  canSeeConflict,
  canSeeService,
  canSeeStructure,
  readerBuckets,
  readerClass,
  readerOf,
  serviceBuckets,
  structureBuckets,
} from './visibility.ts';

const published = makeStructure(2);
const proposed = makeStructure(3, { statut: 'proposee' });
const prosOnly = makeStructure(4, { visibilite: 'professionnels' });
const own = makeStructure(1, { visibilite: 'professionnels', statut: 'proposee' });

describe('visibility of listings', () => {
  it('shows anonymous readers published public structures and their public services only', () => {
    expect([published, proposed, prosOnly, own].map((s) => canSeeStructure(ANONYMOUS_READER, s))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canSeeService(ANONYMOUS_READER, makeService(1, published.id), () => published)).toBe(true);
    expect(
      canSeeService(ANONYMOUS_READER, makeService(2, published.id, { visibilite: 'professionnels' }), () => published),
    ).toBe(false);
    expect(canSeeService(ANONYMOUS_READER, makeService(3, prosOnly.id), () => prosOnly)).toBe(false);
    expect(canSeeService(ANONYMOUS_READER, makeService(3, published.id), () => undefined)).toBe(false);
  });

  it('shows coordinators everything, workers every listing but a proposal of another account', () => {
    const coordinator = readerOf(COORDINATOR);
    expect([published, proposed, prosOnly, own].every((s) => canSeeStructure(coordinator, s))).toBe(true);
    const worker = readerOf(WORKER);
    expect([published, proposed, prosOnly, own].map((s) => canSeeStructure(worker, s))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const mine = makeStructure(5, { statut: 'proposee', proposee_par: { account_id: WORKER.id, nom: WORKER.nom } });
    expect(canSeeStructure(worker, mine)).toBe(true);
    expect(canSeeService(worker, makeService(7, mine.id), () => mine)).toBe(true);
    expect(canSeeService(worker, makeService(8, proposed.id), () => proposed)).toBe(false);
    for (const reader of [coordinator, worker]) {
      expect(canSeeService(reader, makeService(3, prosOnly.id, { visibilite: 'professionnels' }), () => prosOnly)).toBe(
        true,
      );
    }
  });

  it('shows a partner the public listings plus its own structure and all its services, never another’s hidden ones', () => {
    const reader = readerOf(PARTNER);
    expect([published, proposed, prosOnly, own].map((s) => canSeeStructure(reader, s))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(canSeeService(reader, makeService(5, own.id, { visibilite: 'professionnels' }), () => own)).toBe(true);
    expect(canSeeService(reader, makeService(6, published.id, { visibilite: 'professionnels' }), () => published)).toBe(
      false,
    );
  });

  it('counts each record once in the buckets of exactly the readers that see it', () => {
    const mine = makeStructure(5, { statut: 'proposee', proposee_par: { account_id: WORKER.id, nom: WORKER.nom } });
    const unsigned = makeStructure(6, { statut: 'proposee' });
    const structures = [published, proposed, prosOnly, own, mine, unsigned];
    const parents = new Map(structures.map((s) => [s.id, s]));
    const services = [...structures.map((s) => s.id), 'test--gone'].flatMap((id, i) => [
      makeService(10 + 2 * i, id),
      makeService(11 + 2 * i, id, { visibilite: 'professionnels' }),
    ]);
    const readers = [
      ANONYMOUS_READER,
      readerOf(COORDINATOR),
      readerOf(WORKER),
      readerOf(OTHER_WORKER),
      readerOf(PARTNER),
    ];
    for (const reader of readers) {
      const { add, subtract } = readerBuckets(readerClass(reader));
      const counted = (buckets: string[]) =>
        buckets.filter((b) => add.includes(b)).length - buckets.filter((b) => subtract.includes(b)).length;
      for (const s of structures) expect(counted(structureBuckets(s))).toBe(canSeeStructure(reader, s) ? 1 : 0);
      for (const v of services) {
        const parent = parents.get(v.structure_id);
        expect(counted(serviceBuckets(v, parent))).toBe(canSeeService(reader, v, () => parent) ? 1 : 0);
      }
    }
  });
});

describe('visibility of conflicts', () => {
  it('reaches the two authors and coordinators, never anonymous readers or other accounts', () => {
    const conflict = { mine_by: WORKER.id, theirs_by: PARTNER.id };
    expect(canSeeConflict(readerOf(WORKER), conflict)).toBe(true);
    expect(canSeeConflict(readerOf(PARTNER), conflict)).toBe(true);
    expect(canSeeConflict(readerOf(COORDINATOR), conflict)).toBe(true);
    expect(canSeeConflict(readerOf({ ...WORKER, id: 'autre' }), conflict)).toBe(false);
    expect(canSeeConflict(ANONYMOUS_READER, conflict)).toBe(false);
  });
});

describe('JSON values on the wire', () => {
  it('compares structurally, with absent equal to null and key order ignored', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, {}], a: 1 })).toBe(true);
    expect(jsonEqual(undefined, null)).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
  });

  it('fingerprints a mutation independently of key order, and differently for any other change', () => {
    const a = { id: 1, name: 'record.update', args: { kind: 'structure', changes: { nom: 'A' } } };
    const b = { args: { changes: { nom: 'A' }, kind: 'structure' }, name: 'record.update', id: 1 };
    expect(mutationHash(a)).toBe(mutationHash(b));
    expect(mutationHash(a)).not.toBe(mutationHash({ ...a, args: { ...a.args, changes: { nom: 'B' } } }));
  });
});
