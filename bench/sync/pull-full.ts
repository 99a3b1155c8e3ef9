// `pull-full`: the first visit of the built app in headless Chromium (Debian's, through playwright-core), served
// by the real server on the 10k-service directory: time from navigation until the app's IndexedDB holds every
// record the server shows that reader — a first visit is anonymous, so every public listing and action (n). Each run uses a
// fresh browser context (empty storage, empty HTTP cache), after one untimed first visit: that one fills the
// server's kept feed pages (serialised and compressed once, server/http/feed-body.ts) and the OS file cache, so
// the figure is a first visit to a server already serving others; the line says so (`warmup`). The clock is the
// page's own (`performance.now()` counts from navigation). Also printed, to tell where the time goes: `boot_ms`,
// navigation until the app asks for its first page; `download_ms`, from there until every record is stored;
// `idb_floor_ms`, raw IndexedDB puts of as many records of the same shape in the same browser, one row each (no
// library, no index) — what no code storing a row per record can beat (the app stores large pages as one row each,
// src/db/feed-pages.ts); `page_rows_floor_ms`, the floor of what the app does store: the feed's pages at the app's page
// size, fetched untimed, each body put raw as one row in a transaction of its own; `renderer_cpu_median_ms`, the CPU time the visit's renderer process (page and
// worker) used until then — on a loaded shared machine the wall clock counts the wait for a core, this does not;
// `renderer_peak_rss_mb`, the highest peak resident memory of the renderer process over the runs, read once the
// download is stored (Linux /proc, VmHWM).
import { readFile } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/sync/directory-pull.ts';
import { warmupFields } from '../measure.ts';
import { summarize } from './stats.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Features switched off for every benchmark browser. Chromium keeps only the last `--disable-features` switch and
 * Playwright passes one of its own, so its list (playwright-core's chromiumSwitches) is repeated here, followed by
 * the browser's own interface preloaded at launch (the desktop omnibox's popup, a WebUI page in a renderer of its
 * own): it is no part of the app nor of a phone's or tablet's browser, and it kept one of the machine's two cores
 * busy for about a second and a half after each launch, during the cold start and the first visit's boot.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'PreloadTopChromeWebUI',
];

export const BROWSER_ARGS = [
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * In the page: resolves with the page's clock once the app's database holds `expected` records. It waits in the
 * page, on one connection, reading one key every 20 ms — the download's state, written in the same transaction as
 * each page — and counts the records only once that says the download is complete: counting thousands of rows at
 * each poll, through a new connection and a round trip to the benchmark, took a share of the cores the download
 * needed. Records are counted where the app keeps them (src/db/feed-pages.ts): the record tables' rows, and the
 * keys of the page rows not masked since. (No named inner functions: the page receives this function's text.)
 */
export async function directoryStored(expected: number): Promise<number> {
  while (!(await indexedDB.databases()).some((d) => d.name === 'boussole')) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Opened once the app has made the database, at its version: this connection never creates nor upgrades it.
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('boussole');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const done = performance.now();
      const count = await new Promise<number>((resolve) => {
        // Each record table and the kind its rows are keyed under in the page rows (src/db/feed-pages.ts).
        const kinds = [
          ['structures', 'structure'],
          ['services', 'service'],
          ['actions', 'action'],
          ['signalements', 'signalement'],
          ['campagnes', 'campagne'],
          ['reponsesCampagne', 'reponse_campagne'],
        ];
        const names = kinds.map(([table]) => table as string);
        const tx = db.transaction(['meta', 'feedPageKeys', 'maskedKeys', ...names], 'readonly');
        const state = tx.objectStore('meta').get('directory-sync');
        let records = 0;
        state.onsuccess = () => {
          if (!state.result?.value?.lastSyncAt) return;
          const live = new Set<string>();
          const rows = tx.objectStore('feedPageKeys').getAll();
          const masked = tx.objectStore('maskedKeys').getAllKeys();
          const tables = names.map((name) => tx.objectStore(name).getAllKeys());
          (tables.at(-1) as IDBRequest).onsuccess = () => {
            for (const row of rows.result as Array<{ keys: string[]; gone: string[] }>) {
              for (const key of row.gone) live.delete(key);
              for (const key of row.keys) live.add(key);
            }
            for (const key of masked.result) live.delete(String(key));
            tables.forEach((table, i) => {
              for (const id of table.result) live.add(`${kinds[i]?.[1]}:${String(id)}`);
            });
            live.delete('');
            records = live.size;
          };
        };
        tx.oncomplete = () => resolve(records);
        tx.onerror = () => resolve(0);
      });
      if (count >= expected) return done;
    }
  } finally {
    db.close();
  }
}

/** In a page or worker: when it asked for the directory's first page (absolute milliseconds), or null. */
function firstPageAsked(): number | null {
  const first = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/directory?cursor=0&'));
  return first ? performance.timeOrigin + first.startTime : null;
}

/** In the page: raw puts of `count` records shaped like the first page's, 1000 per transaction, no index. */
async function rawPuts(count: number): Promise<number> {
  const page = (await (await fetch('/api/v1/directory?cursor=0&limit=1000')).json()) as {
    entries: Array<{ record?: Record<string, unknown> }>;
  };
  const models = page.entries.flatMap((e) => (e.record ? [e.record] : []));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  for (let from = 0; from < count; from += 1000) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      for (let i = from; i < Math.min(count, from + 1000); i++)
        store.put({ ...models[i % models.length], id: `r${i}` });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/**
 * In the page: the directory's feed pages as the app asks for them (`limit`), fetched untimed, then each body put raw
 * as one row, one transaction each — the writes of the app's page rows (src/db/feed-pages.ts) with no library, no
 * key row, no check.
 */
async function rawPageRows(limit: number): Promise<number> {
  const bodies: ArrayBuffer[] = [];
  for (let cursor = 0; ; ) {
    const response = await fetch(`/api/v1/directory?cursor=${cursor}&limit=${limit}`);
    const body = await response.arrayBuffer();
    const page = JSON.parse(new TextDecoder().decode(body)) as { cursor: number; hasMore: boolean };
    bodies.push(body);
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('floor-pages', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('pages');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  await Promise.all(
    bodies.map(
      (body, i) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('pages', 'readwrite');
          tx.objectStore('pages').put(body, i);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    ),
  );
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** The browser's renderer processes alive now (the page and its dedicated worker share one). */
async function renderers(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; id: number }>;
    };
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await cdp.detach();
  }
}

/**
 * The highest peak resident memory (VmHWM, MB) among the browser's renderer processes alive now, or NaN where /proc
 * cannot tell (not Linux).
 */
async function rendererPeakMb(browser: Browser): Promise<number> {
  let peak = Number.NaN;
  for (const id of await renderers(browser)) {
    const status = await readFile(`/proc/${id}/status`, 'utf8').catch(() => '');
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) peak = Number.isNaN(peak) ? kb / 1024 : Math.max(peak, kb / 1024);
  }
  return Math.round(peak);
}

/** CPU time (user + system, ms) the given processes used since they started, from /proc (Linux; else NaN). */
async function cpuMs(ids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const id of ids) {
    const stat = await readFile(`/proc/${id}/stat`, 'utf8').catch(() => '');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const used = Number(fields[11]) + Number(fields[12]);
    if (!Number.isFinite(used)) return Number.NaN;
    ticks += used;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function firstVisit(browser: Browser, url: string, total: number) {
  const context = await browser.newContext();
  try {
    const before = new Set(await renderers(browser));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const done = await page.evaluate(directoryStored, total);
    const cpu = await cpuMs((await renderers(browser)).filter((id) => !before.has(id)));
    const memory = await rendererPeakMb(browser);
    // The first page is asked for by the app's worker (or by the page, without module workers): each has its own
    // timeline and clock, brought to the page's.
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const scopes: Array<{ evaluate(fn: typeof firstPageAsked): Promise<number | null> }> = [page, ...page.workers()];
    for (const scope of scopes) {
      const asked = await scope.evaluate(firstPageAsked);
      if (asked !== null) return { done, cpu, memory, firstPage: asked - pageOrigin };
    }
    return { done, cpu, memory, firstPage: Number.NaN };
  } finally {
    await context.close();
  }
}

/** The floor in a context of its own, on a page of the same origin that runs no app code. */
async function floor(browser: Browser, url: string, total: number): Promise<{ records: number; pageRows: number }> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    await page.goto(`${url}/api/v1/health`);
    const records = await page.evaluate(rawPuts, total);
    return { records, pageRows: await page.evaluate(rawPageRows, DEFAULT_PAGE_SIZE) };
  } finally {
    await context.close();
  }
}

export async function measurePullFull(url: string, { runs }: { runs: number }) {
  const head = await fetch(`${url}/api/v1/directory?cursor=0&limit=1`);
  const total = directoryPageSchema.parse(await head.json()).total;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const visits: Array<{
    done: number;
    cpu: number;
    memory: number;
    firstPage: number;
    floor: { records: number; pageRows: number };
  }> = [];
  try {
    await firstVisit(browser, url, total);
    for (let run = 0; run < runs; run++) {
      visits.push({ ...(await firstVisit(browser, url, total)), floor: await floor(browser, url, total) });
    }
  } finally {
    await browser.close();
  }
  const median = (pick: (v: (typeof visits)[number]) => number) => summarize(visits.map(pick)).median_ms;
  return {
    n: total,
    ...summarize(visits.map((v) => v.done)),
    ...warmupFields(1, "one untimed first visit fills the server's kept feed pages and the OS file cache"),
    boot_ms: median((v) => v.firstPage),
    download_ms: median((v) => v.done - v.firstPage),
    renderer_cpu_median_ms: median((v) => v.cpu),
    idb_floor_ms: median((v) => v.floor.records),
    page_rows_floor_ms: median((v) => v.floor.pageRows),
    renderer_peak_rss_mb: Math.max(...visits.map((v) => v.memory)),
  };
}
