import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage } from './directory-repo.ts';
import { countDirectory } from './directory-state.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of databases.splice(0)) await db.delete();
});

async function deviceWithOnePartner() {
  const db = new BoussoleDatabase(`state-test-${++counter}`);
  databases.push(db);
  const entries = [
    { kind: 'structure' as const, seq: 1, record: aStructure(1) },
    { kind: 'service' as const, seq: 2, record: aService(1, 1) },
  ];
  await applyDirectoryPage(db, { epoch: 'e', cursor: 2, total: 2, entries }, { reset: false, completedAt: null });
  return db;
}

describe('the directory count on the first screen', () => {
  it('is read back while nothing was written since, without reading the page rows again', async () => {
    const db = await deviceWithOnePartner();
    expect(await countDirectory(db)).toEqual({ structures: 1, services: 1 });
    const pageRows = vi.spyOn(db.feedPageKeys, 'toArray');
    expect(await countDirectory(db)).toEqual({ structures: 1, services: 1 });
    expect(pageRows).not.toHaveBeenCalled();
  });

  it('is made again after any write to the directory', async () => {
    const db = await deviceWithOnePartner();
    await countDirectory(db);
    await applyDirectoryPage(
      db,
      {
        epoch: 'e',
        cursor: 4,
        total: 4,
        entries: [
          { kind: 'service', seq: 3, record: aService(1, 2) },
          { kind: 'structure', seq: 4, record: aStructure(2) },
        ],
      },
      { reset: false, completedAt: null, from: 2 },
    );
    expect(await countDirectory(db)).toEqual({ structures: 2, services: 2 });
    await db.services.put(aService(2, 1));
    expect(await countDirectory(db)).toEqual({ structures: 2, services: 3 });
    await db.transaction('rw', db.structures, db.services, db.feedPages, db.feedPageKeys, db.maskedKeys, async () => {
      await Promise.all([db.structures.clear(), db.services.clear(), db.feedPages.clear(), db.feedPageKeys.clear()]);
    });
    expect(await countDirectory(db)).toEqual({ structures: 0, services: 0 });
  });
});
