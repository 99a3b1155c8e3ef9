import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import {
  CATALOG_CACHE_FORMAT,
  type CatalogCache,
  fromParts,
  inParts,
  RECORDS_PER_PART,
  readCatalogRecords,
  readCatalogSearch,
  writeCatalogCache,
} from './catalog-cache.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage } from './directory-repo.ts';
import { readDirectoryRows } from './directory-rows.ts';
import { editRecord } from './local-edits.ts';
import { saveSession, signOutDevice } from './session-repo.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** Both parts of the copy as one, read as the catalog does at start-up (search part, then records); null if unusable. */
async function readCopy(db: BoussoleDatabase): Promise<CatalogCache | null> {
  const search = await readCatalogSearch(db);
  const records = search && (await readCatalogRecords(db, search.revision));
  return search && records ? { ...search, ...records } : null;
}

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
  const copy: CatalogCache = {
    format: CATALOG_CACHE_FORMAT,
    revision: rows.revision ?? '',
    structures: [],
    services: [],
    searchEntries: [],
    index: '{}',
    invalid: 0,
  };
  expect(await writeCatalogCache(db, copy)).toBe(true);
  expect(await readCopy(db)).toEqual(copy);
  return { db, copy };
}

describe("the catalog's start-up copy", () => {
  it('is no longer used once a person edits a record on the device', async () => {
    const { db } = await deviceWithCopy();
    const edited = await editRecord(db, 'structure', 'test--s1', { nom: 'Épicerie renommée' });
    expect(edited.ok).toBe(true);
    expect(await readCopy(db)).toBeNull();
  });

  it('is no longer used once a sync writes the directory, even a write outside any explicit transaction', async () => {
    const { db } = await deviceWithCopy();
    await db.services.put(aService(2, 1));
    expect(await readCopy(db)).toBeNull();
  });

  it('is gone once the device signs out (the directory is emptied)', async () => {
    const { db } = await deviceWithCopy();
    await signOutDevice(db);
    expect(await readCopy(db)).toBeNull();
  });

  it("is erased once another account signs in on the device (its directory is not this one's)", async () => {
    const { db, copy } = await deviceWithCopy();
    const account = (id: string) => ({ id, nom: 'Camille', role: 'travailleur' as const });
    const clientId = 'device-0123456789ab';
    await db.meta.put({ key: 'last-account', value: account('a1') });
    await saveSession(db, { token: 't1', clientId, account: account('a1') });
    expect(await readCopy(db)).toEqual(copy);
    await saveSession(db, { token: 't2', clientId, account: account('a2') });
    expect(await db.meta.get('catalog-cache')).toBeUndefined();
    expect(await db.meta.get('catalog-search')).toBeUndefined();
  });

  it('is stored one byte per character and read back to the same records, search entries and index', async () => {
    const { db, copy } = await deviceWithCopy();
    const records = [{ id: 'r1', nom: 'L’épicerie – Cœur de quartier 🥕', note: 'ligne\nsuivante "citée" \\ fin' }];
    const written = {
      ...copy,
      services: inParts(records),
      searchEntries: [JSON.stringify(['r1', 'L’épicerie'])],
      index: JSON.stringify({ terme: 'œuvre' }),
    };
    expect(await writeCatalogCache(db, written)).toBe(true);
    const stored = {
      ...((await db.meta.get('catalog-cache'))?.value as typeof copy),
      ...((await db.meta.get('catalog-search'))?.value as typeof copy),
    };
    const text = [...stored.services, ...stored.searchEntries, stored.index].join('');
    expect([...text].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    const read = await readCopy(db);
    expect(await fromParts(read?.services ?? [], async () => {})).toEqual(records);
    expect(read?.searchEntries.map((row) => JSON.parse(row))).toEqual([['r1', 'L’épicerie']]);
    expect(JSON.parse(read?.index ?? '')).toEqual({ terme: 'œuvre' });
  });

  it('made by a version of the app with another layout, it is not used', async () => {
    for (const key of ['catalog-search', 'catalog-cache']) {
      const { db } = await deviceWithCopy();
      const row = await db.meta.get(key);
      await db.meta.put({ key, value: { ...(row?.value as object), format: 1 } });
      expect(await readCopy(db), key).toBeNull();
    }
    const { db } = await deviceWithCopy();
    const { searchEntries: _, ...withoutEntries } = ((await db.meta.get('catalog-search'))?.value ??
      {}) as CatalogCache;
    await db.meta.put({ key: 'catalog-search', value: withoutEntries });
    expect(await readCopy(db)).toBeNull();
    // Search entries as one JSON text, as format 4 kept them, are not read as rows.
    await db.meta.put({ key: 'catalog-search', value: { ...withoutEntries, searchEntries: '[]' } });
    expect(await readCopy(db)).toBeNull();
  });

  it('its records are not used once the directory moved on since its search part was read', async () => {
    const { db } = await deviceWithCopy();
    const search = await readCatalogSearch(db);
    await db.services.put(aService(2, 1));
    expect(await readCatalogRecords(db, search?.revision ?? '')).toBeNull();
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
    expect(await readCopy(db)).toBeNull();
  });

  it('reading or counting the directory keeps it', async () => {
    const { db, copy } = await deviceWithCopy();
    await db.structures.toArray();
    await db.services.count();
    expect(await readCopy(db)).toEqual(copy);
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
