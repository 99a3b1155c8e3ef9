import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import {
  fromParts,
  inParts,
  RECORDS_PER_PART,
  readCatalogCache,
  readDirectoryRows,
  writeCatalogCache,
} from './catalog-cache.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage } from './directory-repo.ts';
import { editRecord } from './local-edits.ts';
import { saveSession, signOutDevice } from './session-repo.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A device holding two structures and a service, with a start-up copy made at its current revision. */
async function deviceWithCopy() {
  const db = new BoussoleDatabase(`catalog-cache-test-${++counter}`);
  databases.push(db);
  const entries = [
    { kind: 'structure' as const, seq: 1, record: aStructure(1) },
    { kind: 'structure' as const, seq: 2, record: aStructure(2) },
    { kind: 'service' as const, seq: 3, record: aService(1, 1) },
  ];
  await applyDirectoryPage(
    db,
    { epoch: 'epoch-one', cursor: 3, total: 3, entries },
    { reset: false, completedAt: null },
  );
  const rows = await readDirectoryRows(db);
  expect(rows.structures).toHaveLength(2);
  const copy = { revision: rows.revision ?? '', structures: [], services: [], index: '{}', invalid: 0 };
  expect(await writeCatalogCache(db, copy)).toBe(true);
  expect(await readCatalogCache(db)).toEqual(copy);
  return { db, copy };
}

describe("the catalog's start-up copy", () => {
  it('is no longer used once a person edits a record on the device', async () => {
    const { db } = await deviceWithCopy();
    const edited = await editRecord(db, 'structure', 'test--s1', { nom: 'Épicerie renommée' });
    expect(edited.ok).toBe(true);
    expect(await readCatalogCache(db)).toBeNull();
  });

  it('is no longer used once a sync writes the directory, even a write outside any explicit transaction', async () => {
    const { db } = await deviceWithCopy();
    await db.services.put(aService(2, 1));
    expect(await readCatalogCache(db)).toBeNull();
  });

  it('is gone once the device signs out (the directory is emptied)', async () => {
    const { db } = await deviceWithCopy();
    await signOutDevice(db);
    expect(await readCatalogCache(db)).toBeNull();
  });

  it("is erased once another account signs in on the device (its directory is not this one's)", async () => {
    const { db, copy } = await deviceWithCopy();
    const account = (id: string) => ({ id, nom: 'Camille', role: 'travailleur' as const });
    const clientId = 'device-0123456789ab';
    await db.meta.put({ key: 'last-account', value: account('a1') });
    await saveSession(db, { token: 't1', clientId, account: account('a1') });
    expect(await readCatalogCache(db)).toEqual(copy);
    await saveSession(db, { token: 't2', clientId, account: account('a2') });
    expect(await db.meta.get('catalog-cache')).toBeUndefined();
  });

  it('is stored one byte per character and read back to the same records and index', async () => {
    const { db, copy } = await deviceWithCopy();
    const records = [{ id: 'r1', nom: 'L’épicerie – Cœur de quartier 🥕', note: 'ligne\nsuivante "citée" \\ fin' }];
    const written = { ...copy, services: inParts(records), index: JSON.stringify({ terme: 'œuvre' }) };
    expect(await writeCatalogCache(db, written)).toBe(true);
    const stored = (await db.meta.get('catalog-cache'))?.value as typeof copy;
    const text = [...stored.services, stored.index].join('');
    expect([...text].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    const read = await readCatalogCache(db);
    expect(await fromParts(read?.services ?? [], async () => {})).toEqual(records);
    expect(JSON.parse(read?.index ?? '')).toEqual({ terme: 'œuvre' });
  });

  it('made from rows that changed while it was being made, it is refused', async () => {
    const { db, copy } = await deviceWithCopy();
    const before = await readDirectoryRows(db);
    await applyDirectoryPage(
      db,
      { epoch: 'epoch-one', cursor: 4, total: 4, entries: [{ kind: 'service', seq: 4, record: aService(2, 1) }] },
      { reset: false, completedAt: null },
    );
    expect(await writeCatalogCache(db, { ...copy, revision: before.revision ?? '' })).toBe(false);
    expect(await readCatalogCache(db)).toBeNull();
  });

  it('reading or counting the directory keeps it', async () => {
    const { db, copy } = await deviceWithCopy();
    await db.structures.toArray();
    await db.services.count();
    expect(await readCatalogCache(db)).toEqual(copy);
  });
});

describe('the records of the copy', () => {
  it('are kept in parts of RECORDS_PER_PART, read back in order to the same list, with a turn after each part', async () => {
    const records = Array.from({ length: RECORDS_PER_PART * 2 + 500 }, (_, i) => ({ id: `r${i}`, nom: `Fiche ${i}` }));
    const parts = inParts(records);
    expect(parts).toHaveLength(3);
    let turns = 0;
    const between = async () => {
      turns++;
    };
    expect(await fromParts(parts, between)).toEqual(records);
    expect(turns).toBe(3);
    expect(inParts([])).toEqual([]);
  });
});
