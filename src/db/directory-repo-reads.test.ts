// What the screens read of the directory copy (directory-repo.ts): the contract a change of how the copy is stored
// must keep.
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { BoussoleDatabase } from './database.ts';
import {
  applyDirectoryPage,
  countCriteres,
  getService,
  getStructure,
  readAllStructures,
  readDirectoryRowsUnchecked,
  serviceIdsOf,
  storedServices,
  storedStructures,
} from './directory-repo.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** Two structures (one whose row no longer parses) and three services, one of them unreadable. */
async function device() {
  const db = new BoussoleDatabase(`directory-reads-test-${++counter}`);
  databases.push(db);
  await applyDirectoryPage(
    db,
    {
      epoch: 'epoch-one',
      cursor: 4,
      total: 4,
      entries: [
        { kind: 'structure', seq: 1, record: aStructure(1, { nom: 'Épicerie du Centre' }) },
        { kind: 'service', seq: 2, record: aService(1, 1, { criteres: ['sans-rendez-vous', 'halal'] }) },
        { kind: 'service', seq: 3, record: aService(1, 2, { criteres: ['sans-rendez-vous'] }) },
        { kind: 'service', seq: 4, record: aService(2, 1) },
      ],
    },
    { reset: false, completedAt: null },
  );
  // Rows an older build wrote, or a corrupted write: they no longer fit the schemas.
  await db.structures.put({ ...aStructure(2, { nom: 'Ancienne fiche' }), code_insee: 42 } as never);
  await db.services.put({ ...aService(1, 3), nom: null } as never);
  return db;
}

describe('reading the directory copy', () => {
  it('gives one structure or service parsed, and nothing for an unreadable or absent one', async () => {
    const db = await device();
    expect((await getStructure(db, 'test--s1'))?.nom).toBe('Épicerie du Centre');
    expect(await getStructure(db, 'test--s2')).toBeUndefined();
    expect(await getStructure(db, 'test--absent')).toBeUndefined();
    expect((await getService(db, 'test--s1-1'))?.nom).toBe('Colis alimentaire 1');
    expect(await getService(db, 'test--s1-3')).toBeUndefined();
  });

  it('gives stored rows in the order asked, unparsed, so that an old row still names its partner', async () => {
    const db = await device();
    const rows = await storedStructures(db, ['test--s2', 'test--absent', 'test--s1']);
    expect(rows.map((r) => r?.nom)).toEqual(['Ancienne fiche', undefined, 'Épicerie du Centre']);
    expect((await storedServices(db, ['test--s1-3']))[0]?.id).toBe('test--s1-3');
  });

  it('lists every structure that parses, and the ids of a structure’s services', async () => {
    const db = await device();
    expect((await readAllStructures(db, async () => {})).map((s) => s.id)).toEqual(['test--s1']);
    expect((await serviceIdsOf(db, 'test--s1')).sort()).toEqual(['test--s1-1', 'test--s1-2', 'test--s1-3']);
  });

  it('gives the page its turn while it reads and parses every structure', async () => {
    const db = await device();
    await db.structures.bulkPut(Array.from({ length: 120 }, (_, i) => aStructure(i + 10)));
    let turns = 0;
    const all = await readAllStructures(db, async () => {
      turns++;
    });
    expect(all).toHaveLength(121);
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('counts the criteria in use across services', async () => {
    const db = await device();
    expect(Object.fromEntries(await countCriteres(db))).toEqual({ 'sans-rendez-vous': 2, halal: 1 });
  });

  it('gives the catalog every row, unchecked (it checks and parses them itself)', async () => {
    const db = await device();
    const rows = await readDirectoryRowsUnchecked(db);
    expect(rows.structures.map((s) => s.id).sort()).toEqual(['test--s1', 'test--s2']);
    expect(rows.services).toHaveLength(4);
  });
});
