import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import type { Structure } from '../domain/structure.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage } from './directory-repo.ts';
import { createRecord, deleteRecord, editRecord, resolveConflict } from './local-edits.ts';
import { acknowledge, renumberOutbox, takeOutboxBatch } from './outbox-repo.ts';
import { tableOfKind } from './record-tables.ts';

// Every test runs on both layouts of the server's copy: record by record (small pages, later syncs) and as page rows
// (large pages: a first download, src/db/feed-pages.ts).
const LAYOUTS = [
  ['record by record', undefined],
  ['as page rows', 1],
] as const;
let pageRowsFrom: number | undefined;
const rows = () => (pageRowsFrom === undefined ? {} : { pageRowsFrom });

const structureOf = (db: BoussoleDatabase, id: string) =>
  tableOfKind(db, 'structure').get(id) as Promise<Structure | undefined>;

let counter = 0;
const databases: BoussoleDatabase[] = [];
async function seeded() {
  const db = new BoussoleDatabase(`edits-test-${++counter}`);
  databases.push(db);
  await applyDirectoryPage(
    db,
    {
      epoch: 'epoch-one',
      cursor: 3,
      total: 3,
      entries: [
        { kind: 'structure', seq: 1, record: aStructure(1, { telephone: '04 00 00 00 01' }) },
        { kind: 'structure', seq: 2, record: aStructure(2) },
        { kind: 'service', seq: 3, record: aService(1, 1) },
      ],
    },
    { reset: false, completedAt: null, ...rows() },
  );
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const serverPage = (
  db: BoussoleDatabase,
  entries: Parameters<typeof applyDirectoryPage>[1]['entries'],
  cursor: number,
) =>
  applyDirectoryPage(
    db,
    { epoch: 'epoch-one', cursor, total: 3, entries },
    { reset: false, completedAt: null, ...rows() },
  );

for (const [layout, rowsFrom] of LAYOUTS) {
  describe(`the server's copy stored ${layout}`, () => {
    beforeEach(() => {
      pageRowsFrom = rowsFrom;
    });

    describe('an edit made on the device', () => {
      it('is saved with its outbox entry, carrying the base value of each changed field', async () => {
        const db = await seeded();
        const result = await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
        expect(result.ok).toBe(true);
        expect((await structureOf(db, 'test--s1'))?.telephone).toBe('04 00 00 00 99');
        const [entry] = await db.outbox.toArray();
        expect(entry?.mutation).toEqual({
          id: 1,
          name: 'record.update',
          args: {
            kind: 'structure',
            id: 'test--s1',
            base: { telephone: '04 00 00 00 01' },
            changes: { telephone: '04 00 00 00 99' },
          },
        });
      });

      it('is refused with the field and reason when invalid, and nothing is written', async () => {
        const db = await seeded();
        const result = await editRecord(db, 'structure', 'test--s1', { courriel: 'pas-un-courriel' });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems[0]?.path).toBe('courriel');
        expect(await db.outbox.count()).toBe(0);
        expect(await db.shadows.count()).toBe(0);
        expect((await structureOf(db, 'test--s1'))?.courriel).toBeUndefined();
      });

      it('successive offline edits of one record collapse into one pending mutation, keeping the first base', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 02' });
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 03', nom: 'Nouveau nom' });
        const entries = await db.outbox.toArray();
        expect(entries).toHaveLength(1);
        expect(entries[0]?.mutation.name === 'record.update' && entries[0].mutation.args).toMatchObject({
          base: { telephone: '04 00 00 00 01', nom: 'Structure numéro 1' },
          changes: { telephone: '04 00 00 00 03', nom: 'Nouveau nom' },
        });
      });

      it('once sent, a mutation is frozen: a later edit makes a new one', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 02' });
        await takeOutboxBatch(db, 100);
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 03' });
        const ids = (await db.outbox.toArray()).map((e) => e.mutationId);
        expect(ids).toEqual([1, 2]);
      });

      it('changing nothing queues nothing and keeps no server copy aside', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 01' });
        expect(await db.outbox.count()).toBe(0);
        expect(await db.shadows.count()).toBe(0);
      });

      it('removing an optional field sends null and removes it locally', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: undefined });
        expect((await structureOf(db, 'test--s1'))?.telephone).toBeUndefined();
        const [entry] = await db.outbox.toArray();
        expect(entry?.mutation.name === 'record.update' && entry.mutation.args.changes).toEqual({ telephone: null });
      });
    });

    describe('a pull arriving under pending edits', () => {
      it('keeps the pending edit visible and takes the server’s other changes', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
        await serverPage(
          db,
          [
            {
              kind: 'structure',
              seq: 4,
              record: aStructure(1, { nom: 'Renommée ailleurs', telephone: '04 00 00 00 01', version: 2 }),
            },
          ],
          4,
        );
        const local = await structureOf(db, 'test--s1');
        expect(local?.telephone).toBe('04 00 00 00 99');
        expect(local?.nom).toBe('Renommée ailleurs');
        expect((await db.shadows.get('structure:test--s1'))?.record?.nom).toBe('Renommée ailleurs');
      });

      it('a tombstone removes a record without pending edits', async () => {
        const db = await seeded();
        await serverPage(db, [{ kind: 'tombstone', seq: 4, record_kind: 'structure', id: 'test--s2' }], 4);
        expect(await structureOf(db, 'test--s2')).toBeUndefined();
      });
    });

    describe('acknowledgements', () => {
      it('an applied change leaves the outbox and keeps the local value', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
        await takeOutboxBatch(db, 100);
        await acknowledge(db, [{ id: 1, status: 'applied' }]);
        expect(await db.outbox.count()).toBe(0);
        expect(await db.shadows.count()).toBe(0);
        expect((await structureOf(db, 'test--s1'))?.telephone).toBe('04 00 00 00 99');
      });

      it('a rejected change moves to the review list and the record returns to the server copy', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
        await acknowledge(db, [
          {
            id: 1,
            status: 'rejected',
            reason: { code: 'interdit', message: 'Ce compte ne peut modifier que sa propre fiche.' },
          },
        ]);
        expect((await structureOf(db, 'test--s1'))?.telephone).toBe('04 00 00 00 01');
        const [rejection] = await db.rejections.toArray();
        expect(rejection?.reason.code).toBe('interdit');
        expect(rejection?.recordKey).toBe('structure:test--s1');
      });

      it('an answer received twice lands once', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
        const rejected = { id: 1, status: 'rejected' as const, reason: { code: 'invalide' as const, message: 'Non.' } };
        await acknowledge(db, [rejected]);
        await acknowledge(db, [rejected]);
        expect(await db.rejections.count()).toBe(1);
      });
    });

    describe('creations, deletions, conflicts and a new session', () => {
      it('a record created and deleted offline never reaches the outbox', async () => {
        const db = await seeded();
        await createRecord(db, 'structure', aStructure(9));
        await deleteRecord(db, 'structure', 'test--s9');
        expect(await db.outbox.count()).toBe(0);
        expect(await structureOf(db, 'test--s9')).toBeUndefined();
      });

      it('a new epoch replaces the copy and keeps a record created offline, with its pending creation', async () => {
        const db = await seeded();
        await createRecord(db, 'structure', aStructure(9, { nom: 'Créée hors ligne' }));
        await applyDirectoryPage(
          db,
          {
            epoch: 'epoch-two',
            cursor: 1,
            total: 1,
            entries: [{ kind: 'structure', seq: 1, record: aStructure(3) }],
          },
          { reset: true, completedAt: null, ...rows() },
        );
        expect((await structureOf(db, 'test--s9'))?.nom).toBe('Créée hors ligne');
        expect(await structureOf(db, 'test--s1')).toBeUndefined();
        expect((await structureOf(db, 'test--s3'))?.id).toBe('test--s3');
        expect((await db.outbox.toArray()).map((e) => e.mutation.name)).toEqual(['record.create']);
      });

      it('deleting a record whose creation was already sent queues a delete: the creation may have reached the server', async () => {
        const db = await seeded();
        await createRecord(db, 'structure', aStructure(9));
        await takeOutboxBatch(db, 100);
        await deleteRecord(db, 'structure', 'test--s9');
        expect((await db.outbox.toArray()).map((e) => e.mutation)).toMatchObject([
          { id: 1, name: 'record.create' },
          { id: 2, name: 'record.delete', args: { kind: 'structure', id: 'test--s9', baseVersion: 1 } },
        ]);
      });

      it('deleting a server record queues a delete with the version it saw', async () => {
        const db = await seeded();
        await deleteRecord(db, 'structure', 'test--s2');
        const [entry] = await db.outbox.toArray();
        expect(entry?.mutation).toMatchObject({
          name: 'record.delete',
          args: { kind: 'structure', id: 'test--s2', baseVersion: 1 },
        });
      });

      it('resolving a conflict shows the chosen value at once and queues the resolution', async () => {
        const db = await seeded();
        await serverPage(
          db,
          [
            {
              kind: 'conflict',
              seq: 4,
              conflict: {
                id: 'c1',
                record_kind: 'structure',
                record_id: 'test--s1',
                field: 'telephone',
                base: '04 00 00 00 01',
                mine: '04 00 00 00 77',
                theirs: '04 00 00 00 01',
                mine_by: { account_id: 'a', nom: 'Aïcha' },
                theirs_by: { account_id: 'b', nom: 'Bruno' },
                created_at: '2026-11-28T10:00:00.000Z',
                statut: 'ouvert',
              },
            },
          ],
          4,
        );
        await resolveConflict(db, 'c1', '04 00 00 00 77');
        expect((await structureOf(db, 'test--s1'))?.telephone).toBe('04 00 00 00 77');
        expect((await db.conflicts.get('c1'))?.statut).toBe('resolu');
        const [entry] = await db.outbox.toArray();
        expect(entry?.mutation).toMatchObject({
          name: 'conflict.resolve',
          args: { conflictId: 'c1', value: '04 00 00 00 77' },
        });
      });

      it('renumbers pending mutations from 1 for a new client id, in order', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 02' });
        await takeOutboxBatch(db, 100);
        await editRecord(db, 'structure', 'test--s2', { telephone: '04 00 00 00 03' });
        await db.outbox.delete(1);
        await renumberOutbox(db, 'client-precedent-0001');
        const entries = await db.outbox.toArray();
        expect(entries.map((e) => [e.mutationId, e.mutation.id, e.sent])).toEqual([[1, 1, false]]);
        expect(entries[0]?.mutation.sentBefore).toBeUndefined();
      });

      it('a mutation sent under the previous client id names that send, and stays frozen', async () => {
        const db = await seeded();
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 02' });
        await editRecord(db, 'structure', 'test--s2', { telephone: '04 00 00 00 03' });
        await takeOutboxBatch(db, 1);
        await renumberOutbox(db, 'client-precedent-0001');
        await renumberOutbox(db, 'client-precedent-0002');
        const [sent, unsent] = await db.outbox.orderBy('mutationId').toArray();
        expect(sent).toMatchObject({ mutationId: 1, sent: true });
        expect(sent?.mutation.sentBefore).toEqual([
          { clientId: 'client-precedent-0001', id: 1 },
          { clientId: 'client-precedent-0002', id: 1 },
        ]);
        expect(unsent).toMatchObject({ mutationId: 2, sent: false });
        expect(unsent?.mutation.sentBefore).toBeUndefined();
        // The server may hold the frozen content: a later edit of that record makes a new mutation.
        await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 09' });
        expect(await db.outbox.count()).toBe(3);
      });
    });
  });
}
