// `pull-delta-browser`: an up-to-date device running the built app in headless Chromium (real IndexedDB, the app's
// own worker) pulls 100 changes another worker's device made. One browser context visits the app online until its
// IndexedDB holds every record and the catalog's start-up copy is made (the device is then idle, as a tablet left
// open); each run changes 100 services it holds on the server (one push by another device), then fires the
// browser's `online` event, which makes the app sync as it does when the network comes back. Timed: the download as
// the app's worker lived it — the User Timing measure it records for each download (src/ui/sync/pull-worker.ts): reading
// the feed state, asking for the page, checking and applying it, until its transaction committed. Between runs the
// bench waits for the work a sync sets off afterwards (the catalog's new start-up copy) to end, so that each run
// starts on an idle device. Beside it: `fetch_ms`, the app's own fetch of the page, request to last byte, as the
// browser timed it (the server's work and the network: no device code shortens it); `beyond_fetch_ms`, the rest of
// each download (state read, parsing, checks, the transaction); `idb_floor_ms`, the same page's records put with raw
// IndexedDB in one transaction (no library, no check, no index) — the writes no code can beat.
import { type Browser, chromium, type Page } from 'playwright-core';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/sync/directory-pull.ts';
import { PULL_MEASURE } from '../../src/sync/worker-pull.ts';
import { warmupFields } from '../measure.ts';
import { BROWSER_ARGS, CHROMIUM, directoryStored } from './pull-full.ts';
import type { RunningServer } from './server-process.ts';
import { summarize } from './stats.ts';
import { writer } from './writer.ts';

const CHANGES = 100;

/** In the page: whether the catalog's start-up copy is made at the directory's current revision (catalog-cache.ts). */
export async function copyMade(): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return new Promise((resolve) => {
    const open = indexedDB.open('boussole');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readonly');
      const revision = tx.objectStore('meta').get('directory-revision');
      const copy = tx.objectStore('meta').get('catalog-cache');
      tx.oncomplete = () => {
        open.result.close();
        resolve(revision.result?.value !== undefined && copy.result?.value?.revision === revision.result.value);
      };
    };
  });
}

/**
 * In the page: the feed cursor the device is at, and the services it holds with their `horaires_note` — from the
 * page rows (the latest one holding each, unless masked since) under the rows of the services table.
 */
function deviceState(): Promise<{ cursor: number; services: Array<{ id: string; note: unknown }> }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('boussole');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['meta', 'services', 'feedPages', 'maskedKeys'], 'readonly');
      const state = tx.objectStore('meta').get('directory-sync');
      const rows = tx.objectStore('services').getAll();
      const pages = tx.objectStore('feedPages').getAll();
      const masked = tx.objectStore('maskedKeys').getAllKeys();
      tx.oncomplete = () => {
        open.result.close();
        const notes = new Map<string, unknown>();
        for (const page of pages.result as Array<{ body: ArrayBuffer }>) {
          const { entries } = JSON.parse(new TextDecoder().decode(page.body)) as {
            entries: Array<{ kind: string; record?: { id: string; horaires_note?: unknown } }>;
          };
          for (const e of entries) if (e.kind === 'service' && e.record) notes.set(e.record.id, e.record.horaires_note);
        }
        for (const key of masked.result) notes.delete(String(key).replace(/^service:/, ''));
        for (const r of rows.result as Array<{ id: string; horaires_note?: unknown }>) notes.set(r.id, r.horaires_note);
        const services = [...notes].map(([id, note]) => ({ id, note }));
        resolve({ cursor: state.result?.value?.cursor ?? 0, services });
      };
    };
  });
}

/**
 * In the app's worker, where the app writes from (the page's thread is busy then, loading the catalog's new copy):
 * raw IndexedDB for the same delta — the records of the page the app received at `cursor` (fetched
 * again, untimed) put in one transaction, no library, no check, no index. The fetch is not in it: the app's own
 * fetch of that page is timed apart (`fetch_ms`), by the browser.
 */
async function rawDelta({ cursor, limit }: { cursor: number; limit: number }): Promise<number> {
  // One connection for every run, as the app keeps its own open: opening a database is no part of a write.
  const held = globalThis as unknown as { floorDelta?: Promise<IDBDatabase> };
  held.floorDelta ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('floor-delta', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const db = await held.floorDelta;
  const page = (await (await fetch(`/api/v1/directory?cursor=${cursor}&limit=${limit}`)).json()) as {
    entries: Array<{ record?: Record<string, unknown> }>;
  };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite');
    for (const entry of page.entries) if (entry.record) tx.objectStore('records').put(entry.record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - started;
}

/** In the app's worker: how long its fetch of the page at `cursor` took, request to last byte (Resource Timing). */
function fetchMs(cursor: number): number | null {
  const asked = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes(`/api/v1/directory?cursor=${cursor}&`)) as PerformanceResourceTiming[];
  const last = asked.at(-1);
  return last ? last.responseEnd - last.startTime : null;
}

/** The app's worker: the one that recorded downloads. */
async function appWorker(page: Page) {
  for (const worker of page.workers()) {
    const measured = await worker.evaluate((name) => performance.getEntriesByName(name).length > 0, PULL_MEASURE);
    if (measured) return worker;
  }
  throw new Error("the app's worker recorded no download");
}

async function appFetchMs(page: Page, cursor: number): Promise<number> {
  return (await (await appWorker(page)).evaluate(fetchMs, cursor)) ?? Number.NaN;
}

/** The downloads the app's worker recorded so far (PULL_MEASURE entries). */
async function downloads(page: Page): Promise<Array<{ duration: number; received: number }>> {
  for (const worker of page.workers()) {
    const found = (await worker.evaluate(
      (name) =>
        performance.getEntriesByName(name, 'measure').map((m) => ({
          duration: m.duration,
          received: (m as PerformanceMeasure).detail?.received as number,
        })),
      PULL_MEASURE,
    )) as Array<{ duration: number; received: number }>;
    if (found.length > 0) return found;
  }
  return [];
}

async function untilDownloads(page: Page, count: number) {
  for (;;) {
    const found = await downloads(page);
    if (found.length >= count) return found;
    await page.waitForTimeout(20);
  }
}

async function untilCopyMade(page: Page) {
  while (!(await page.evaluate(copyMade)));
}

export async function measurePullDeltaBrowser(
  server: RunningServer,
  { runs, warmup }: { runs: number; warmup: number },
) {
  const head = await fetch(`${server.url}/api/v1/directory?cursor=0&limit=1`);
  const total = directoryPageSchema.parse(await head.json()).total;
  const write = await writer(server);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const times: number[] = [];
  const floors: number[] = [];
  const fetches: number[] = [];
  const beyond: number[] = [];
  let received = 0;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(directoryStored, total);
    await untilCopyMade(page);
    const { services } = await page.evaluate(deviceState);
    services.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (services.length < (warmup + runs) * CHANGES) throw new Error(`too few services: ${services.length}`);
    let done = (await untilDownloads(page, 1)).length;
    for (let run = 0; run < warmup + runs; run++) {
      const { cursor } = await page.evaluate(deviceState);
      const changed = services.slice(run * CHANGES, (run + 1) * CHANGES);
      await write(changed.map(({ id, note }) => ({ id, before: note, after: `Delta navigateur ${run}` })));
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const pulled = (await untilDownloads(page, done + 1))[done] as { duration: number; received: number };
      done++;
      await untilCopyMade(page);
      if (pulled.received !== CHANGES) throw new Error(`the device received ${pulled.received} entries`);
      // The app's fetch is read before the floor fetches the same page again.
      const fetched = await appFetchMs(page, cursor);
      const floor = await (await appWorker(page)).evaluate(rawDelta, { cursor, limit: DEFAULT_PAGE_SIZE });
      if (run >= warmup) {
        floors.push(floor);
        times.push(pulled.duration);
        received = pulled.received;
        fetches.push(fetched);
        beyond.push(pulled.duration - fetched);
      }
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return {
    n: received,
    records: total,
    ...summarize(times),
    ...warmupFields(warmup, 'after the first download and the start-up copy, untimed pulls of 100 changes'),
    fetch_ms: summarize(fetches).median_ms,
    beyond_fetch_ms: summarize(beyond).median_ms,
    idb_floor_ms: summarize(floors).median_ms,
    device: 'chromium+indexeddb, the built app',
  };
}
