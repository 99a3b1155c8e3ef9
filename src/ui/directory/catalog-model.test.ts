import { effect } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { readCatalogSearch } from '../../db/catalog-cache.ts';
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

  it('a load at the revision already shown keeps the snapshot (a sync that wrote nothing); a write loads again', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const model = modelOn(page, () => makeCatalogCache(worker));
    const first = model.load();
    const again = model.load(); // the sync's end while the first load still runs: it is not started again
    await Promise.all([first, again]);
    const shown = model.snapshot.value;
    expect(shown).not.toBeNull();
    await model.load();
    expect(model.snapshot.value).toBe(shown);

    await page.services.update('test--s2-1', { nom: 'Épicerie du cœur' });
    await model.load();
    expect(model.snapshot.value).not.toBe(shown);
    expect(found(model, 'epicerie')?.sort()).toEqual(['test--s1-1', 'test--s2-1']);
  });

  it('the copy read while the app boots serves the first load; one outdated meanwhile is made again', async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const startupCopy = readCatalogSearch(page);
    expect(await startupCopy).not.toBeNull();
    const refreshCache = vi.fn(() => makeCatalogCache(worker));
    const read = vi.spyOn(page.services, 'toArray');
    const options = {
      loadOpeningHours: () => import('opening_hours').then((m) => m.default as unknown as OpeningHoursConstructor),
      audience: () => 'professionnel' as const,
      refreshCache,
    };
    const current = createCatalogModel(page, { ...options, startupCopy });
    await current.load();
    expect(found(current, 'epicerie')).toEqual(['test--s1-1']);
    expect(refreshCache).not.toHaveBeenCalled();

    const outdated = readCatalogSearch(page);
    await outdated;
    await page.services.update('test--s2-1', { nom: 'Épicerie du cœur' });
    const model = createCatalogModel(page, { ...options, startupCopy: outdated });
    await model.load();
    expect(refreshCache).toHaveBeenCalledOnce();
    expect(found(model, 'epicerie')?.sort()).toEqual(['test--s1-1', 'test--s2-1']);
    expect(read).not.toHaveBeenCalled();
  });

  it("answers searches from the copy's search part before the records are parsed, with what the cards show", async () => {
    const { page, worker } = await device();
    await makeCatalogCache(worker);
    const model = modelOn(page);
    let early: { prepared: boolean; ids: string[] | undefined; card: unknown } | null = null;
    const stop = effect(() => {
      if (early || !model.searchEntries.value) return;
      const hit = model.search('epicerie', {})?.hits[0];
      const card = hit && model.searchEntry(hit.service_id);
      early = {
        prepared: model.snapshot.value !== null,
        ids: model.search('epicerie', {})?.hits.map((h) => h.service_id),
        card: card && { nom: card.nom, structureNom: card.structureNom, communeName: card.communeName },
      };
    });
    await model.load();
    stop();
    expect(early).toEqual({
      prepared: false,
      ids: ['test--s1-1'],
      card: { nom: 'Épicerie solidaire', structureNom: 'Épicerie des Minguettes', communeName: expect.any(String) },
    });
    expect(model.snapshot.value?.entries).toHaveLength(2);
    expect(model.searchEntries.value).toBe(model.snapshot.value?.entries);
    expect(found(model, 'epicerie')).toEqual(['test--s1-1']);
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
