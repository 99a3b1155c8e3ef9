import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { readCatalogCache } from '../../db/catalog-cache.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import type { OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { makeCatalogCache } from './catalog-cache-maker.ts';
import { createCatalogModel } from './catalog-model.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** The page's connection and, like the app's worker, a second one to the same device database. */
async function device() {
  const name = `catalog-model-test-${++counter}`;
  const page = new BoussoleDatabase(name);
  const worker = new BoussoleDatabase(name);
  databases.push(page);
  const entries = [
    { kind: 'structure' as const, seq: 1, record: aStructure(1, { nom: 'Épicerie des Minguettes' }) },
    { kind: 'service' as const, seq: 2, record: aService(1, 1, { nom: 'Épicerie solidaire' }) },
    { kind: 'structure' as const, seq: 3, record: aStructure(2, { nom: 'Restos du Cœur' }) },
    { kind: 'service' as const, seq: 4, record: aService(2, 1, { nom: 'Colis alimentaire' }) },
  ];
  await applyDirectoryPage(
    page,
    { epoch: 'epoch-one', cursor: 4, total: 4, entries },
    { reset: false, completedAt: null },
  );
  return { page, worker };
}

function modelOn(db: BoussoleDatabase, refreshCache?: () => Promise<void>) {
  return createCatalogModel(db, {
    loadOpeningHours: () => import('opening_hours').then((m) => m.default as unknown as OpeningHoursConstructor),
    audience: () => 'professionnel',
    ...(refreshCache ? { refreshCache } : {}),
  });
}

const found = (model: ReturnType<typeof modelOn>, query: string) =>
  model.search(query, {}, Date.now())?.hits.map((h) => h.service_id);

describe('the catalog at start-up', () => {
  it('with a copy at the current revision: answers from it, without reading the tables', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const read = vi.spyOn(page.services, 'toArray');
    const model = modelOn(page);
    await model.load();
    expect(read).not.toHaveBeenCalled();
    expect(found(model, 'epicerie')).toEqual(['test--s1-1']);
  });

  it('after an edit: the copy is made again off the page first, then used, with the edit in it', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    await page.services.update('test--s2-1', { nom: 'Épicerie du cœur' });
    const refreshCache = vi.fn(() => makeCatalogCache(worker));
    const read = vi.spyOn(page.services, 'toArray');
    const model = modelOn(page, refreshCache);
    await model.load();
    expect(refreshCache).toHaveBeenCalledOnce();
    expect(read).not.toHaveBeenCalled();
    expect(found(model, 'epicerie')?.sort()).toEqual(['test--s1-1', 'test--s2-1']);
  });

  it('when the copy cannot be made, the tables are read and search still answers', async () => {
    const { page } = await device();
    const model = modelOn(page, () => Promise.reject(new Error('worker introuvable')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await model.load();
    expect(warn).toHaveBeenCalled();
    expect(found(model, 'restos')).toEqual(['test--s2-1']);
    warn.mockRestore();
  });

  it('the copy read while the app boots serves the first load; later loads read the device again', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const startupCopy = readCatalogCache(page);
    await startupCopy;
    const model = createCatalogModel(page, {
      loadOpeningHours: () => import('opening_hours').then((m) => m.default as unknown as OpeningHoursConstructor),
      audience: () => 'professionnel',
      refreshCache: () => makeCatalogCache(worker),
      startupCopy,
    });
    await page.services.update('test--s2-1', { nom: 'Épicerie du cœur' });
    await model.load();
    expect(found(model, 'epicerie')).toEqual(['test--s1-1']);
    await model.load();
    expect(found(model, 'epicerie')?.sort()).toEqual(['test--s1-1', 'test--s2-1']);
  });

  it('the hours library is loaded after the first load, not while it runs', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const loadOpeningHours = vi.fn(() =>
      import('opening_hours').then((m) => m.default as unknown as OpeningHoursConstructor),
    );
    const model = createCatalogModel(page, { loadOpeningHours, audience: () => 'public' });
    const loading = model.load();
    const hours = model.ensureHours();
    expect(loadOpeningHours).not.toHaveBeenCalled();
    await loading;
    expect(await hours).not.toBeNull();
    expect(loadOpeningHours).toHaveBeenCalledOnce();
    expect(model.ready.value).toBe(true);
  });

  it('while a download writes the directory: reads the tables without asking the worker for a copy', async () => {
    const { page } = await device();
    const refreshCache = vi.fn(() => Promise.resolve());
    const model = modelOn(page, refreshCache);
    await model.load({ downloading: true });
    expect(refreshCache).not.toHaveBeenCalled();
    expect(found(model, 'restos')).toEqual(['test--s2-1']);
  });
});
