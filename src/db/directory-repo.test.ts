import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage, readStructures, StaleDownloadError } from './directory-repo.ts';
import { countDirectory, readSyncState } from './directory-state.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
function freshDatabase() {
  const db = new BoussoleDatabase(`repo-test-${++counter}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const page = (entries: Parameters<typeof applyDirectoryPage>[1]['entries'], cursor: number) => ({
  epoch: 'epoch-one',
  cursor,
  total: entries.length,
  entries,
});

describe('directory on the device', () => {
  it('lists structures in French alphabetical order with their services', async () => {
    const db = freshDatabase();
    await applyDirectoryPage(
      db,
      page(
        [
          { kind: 'structure', seq: 1, record: aStructure(1, { nom: 'Secours populaire' }) },
          { kind: 'structure', seq: 2, record: aStructure(2, { nom: 'Épicerie solidaire du Centre' }) },
          { kind: 'structure', seq: 3, record: aStructure(3, { nom: 'AMAP des Minguettes' }) },
          { kind: 'service', seq: 4, record: aService(2, 1) },
          { kind: 'service', seq: 5, record: aService(2, 2) },
        ],
        5,
      ),
      { reset: false, completedAt: null },
    );
    const { items, invalid } = await readStructures(db, {});
    expect(items.map((i) => i.structure.nom)).toEqual([
      'AMAP des Minguettes',
      'Épicerie solidaire du Centre',
      'Secours populaire',
    ]);
    expect(items[1]?.services.map((s) => s.id)).toEqual(['test--s2-1', 'test--s2-2']);
    expect(invalid).toEqual([]);
  });

  it('filters by commune through the index', async () => {
    const db = freshDatabase();
    await applyDirectoryPage(
      db,
      page(
        [
          { kind: 'structure', seq: 1, record: aStructure(1) },
          {
            kind: 'structure',
            seq: 2,
            record: aStructure(2, { code_insee: '69266', commune: 'Villeurbanne', code_postal: '69100' }),
          },
        ],
        2,
      ),
      { reset: false, completedAt: null },
    );
    const { items } = await readStructures(db, { code_insee: '69266' });
    expect(items.map((i) => i.structure.commune)).toEqual(['Villeurbanne']);
  });

  it('skips and reports a row that no longer parses instead of showing it', async () => {
    const db = freshDatabase();
    await applyDirectoryPage(db, page([{ kind: 'structure', seq: 1, record: aStructure(1) }], 1), {
      reset: false,
      completedAt: null,
    });
    await db.structures.put({ ...aStructure(2), code_insee: 'not-a-code' });
    const { items, invalid } = await readStructures(db, {});
    expect(items.map((i) => i.structure.id)).toEqual(['test--s1']);
    expect(invalid).toEqual([{ table: 'structures', id: 'test--s2' }]);
  });

  it('writes a page and its cursor together: a failed write leaves neither', async () => {
    const db = freshDatabase();
    const broken = { ...aStructure(2), id: undefined } as unknown as ReturnType<typeof aStructure>;
    await expect(
      applyDirectoryPage(
        db,
        page(
          [
            { kind: 'structure', seq: 1, record: aStructure(1) },
            { kind: 'structure', seq: 2, record: broken },
          ],
          2,
        ),
        { reset: false, completedAt: '2026-11-28T10:00:00.000Z' },
      ),
    ).rejects.toThrow();
    expect(await countDirectory(db)).toEqual({ structures: 0, services: 0 });
    expect((await readSyncState(db)).cursor).toBe(0);
  });

  it('a page asked at a cursor the copy no longer holds (a sign-in emptied it meanwhile) is refused and writes nothing', async () => {
    const db = freshDatabase();
    await applyDirectoryPage(db, page([{ kind: 'structure', seq: 1, record: aStructure(1) }], 1), {
      reset: false,
      completedAt: null,
      from: 0,
    });
    const late = page([{ kind: 'structure', seq: 5, record: aStructure(5) }], 5);
    await expect(applyDirectoryPage(db, late, { reset: false, completedAt: null, from: 3 })).rejects.toBeInstanceOf(
      StaleDownloadError,
    );
    expect(await countDirectory(db)).toEqual({ structures: 1, services: 0 });
    expect((await readSyncState(db)).cursor).toBe(1);
  });
});
