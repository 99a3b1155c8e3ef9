// `cold-start-search`: a device that already holds the directory opens the app with no network and
// searches from the Annuaire's box — a true cold start: a new browser process, the service worker not running.
// One Chromium profile on disk is filled once by a first visit, online, until its IndexedDB holds every record and
// the catalog's start-up copy and the service worker is active; that browser process then ends. Each run launches
// a new browser process on the same profile, offline from its start, checks through the DevTools protocol
// (ServiceWorker domain: it reports the registrations stored in the profile and each version's running status)
// that the app's service worker is registered and stopped, then navigates to the Annuaire, types the query and
// presses Enter. Measured on the page's clock (`performance.now()` counts from navigation): from navigation until
// the first result of the query is shown — the service worker's start, the app loading, reading the device (the
// catalog's start-up copy) and answering included; the browser's launch is not (printed as `launch_ms`). « Shown » is
// taken in the page: the end of the frame that paints the first result (the page notes it; the bench reads it back),
// not the moment the bench's own DevTools round trips get to look (`bench_saw_result`, printed beside). Each run
// also checks that the navigation was answered by the service worker and that the network was unreachable. No
// warm-up run; the OS's file cache is not dropped (the profile and Chromium's files were just read).
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { BROWSER_ARGS, CHROMIUM } from '../sync/pull-full.ts';
import { summarize } from '../sync/stats.ts';

const QUERY = 'épicerie Vénissieux';

const launch = (profile: string, offline: boolean) =>
  chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: BROWSER_ARGS, offline });

/** The page a persistent context opens with (about:blank). */
const firstPage = async (context: BrowserContext) => context.pages()[0] ?? (await context.newPage());

/**
 * In the page: the directory's records on the device once its first download has ended (the sync state has a last
 * sync), else null. Records are counted where the app keeps them (src/db/feed-pages.ts), as `pull-full` counts
 * them (bench/sync/pull-full.ts): the record tables' rows of every kind, and the keys of the page rows that no later
 * row deleted and no mask hides. (No named inner functions: the page receives this function's text.)
 */
async function downloaded(): Promise<number | null> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return new Promise((resolve) => {
    const open = indexedDB.open('boussole');
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('feedPageKeys')) {
        db.close();
        return resolve(null);
      }
      // Each record table and the kind its rows are keyed under in the page rows.
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
      const rows = tx.objectStore('feedPageKeys').getAll();
      const masked = tx.objectStore('maskedKeys').getAllKeys();
      const tables = names.map((name) => tx.objectStore(name).getAllKeys());
      tx.oncomplete = () => {
        db.close();
        if (!state.result?.value?.lastSyncAt) return resolve(null);
        const live = new Set<string>();
        for (const row of rows.result as Array<{ keys: string[]; gone: string[] }>) {
          for (const key of row.gone) live.delete(key);
          for (const key of row.keys) live.add(key);
        }
        for (const key of masked.result) live.delete(String(key));
        tables.forEach((table, i) => {
          for (const id of table.result) live.add(`${kinds[i]?.[1]}:${String(id)}`);
        });
        live.delete('');
        resolve(live.size);
      };
      tx.onerror = () => resolve(null);
    };
  });
}

/** In the page: whether the catalog's start-up copy is made at the directory's current revision (catalog-cache.ts). */
async function copyMade(): Promise<boolean> {
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
 * In the page, from its first script, on the page's clock: when the Annuaire's search box is first in the document
 * (the screen is drawn; `fill` waits for it), when the typed text and the Enter reach the page, when the first
 * result is in the document, and the frames the page's thread took 50 ms or more to give back (Long Animation
 * Frames, with the scripts that ran in them): `fill` and `press` wait behind them. Read back by `phases`.
 */
function watchThePage() {
  const w = window as unknown as {
    __boxShown?: number;
    __resultShown?: number;
    __resultPainted?: number;
    __inputAt?: number;
    __enterAt?: number;
    __longFrames?: PerformanceEntry[];
  };
  const observer = new MutationObserver(() => {
    if (w.__boxShown === undefined && document.getElementById('annuaire-q')) w.__boxShown = performance.now();
    // The first result of a query in the document, on the page's clock (`answered` polls for it from the bench).
    if (new URLSearchParams(location.search).has('q') && document.querySelector('ul.result-list > li')) {
      w.__resultShown = performance.now();
      observer.disconnect();
      // The frame that paints it: animation frame callbacks run before its style, layout and paint, a message
      // posted from one is handled once they are done.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          w.__resultPainted = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }
  });
  observer.observe(document, { subtree: true, childList: true });
  // When the typed text and the Enter reach the page: what comes before is the browser's and the bench's.
  document.addEventListener(
    'input',
    () => {
      w.__inputAt ??= performance.now();
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') w.__enterAt ??= performance.now();
    },
    true,
  );
  w.__longFrames = [];
  try {
    new PerformanceObserver((list) => w.__longFrames?.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
      buffered: true,
    });
  } catch {
    // A browser without Long Animation Frames: the phases are printed without them.
  }
}

/** What a Long Animation Frame entry holds of its scripts (a part of PerformanceScriptTiming). */
interface FrameScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  duration: number;
  startTime: number;
}

/**
 * In the page, once answered: where the cold start's time went, on the page's clock — the service worker's answer
 * to the navigation, the last script received, the document parsed, the Annuaire's box shown, the query typed.
 */
function phases() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((r) => r.name.endsWith('.js'))
    .map((r) => r.responseEnd);
  const w = window as unknown as {
    __boxShown?: number;
    __resultShown?: number;
    __inputAt?: number;
    __enterAt?: number;
    __longFrames?: Array<PerformanceEntry & { blockingDuration: number; scripts: FrameScript[] }>;
  };
  return {
    document_received: Math.round(nav?.responseEnd ?? 0),
    scripts_received: Math.round(Math.max(0, ...scripts)),
    scripts: scripts.length,
    dom_content_loaded: Math.round(nav?.domContentLoadedEventEnd ?? 0),
    box_shown: Math.round(w.__boxShown ?? 0),
    text_reached_page: Math.round(w.__inputAt ?? 0),
    enter_reached_page: Math.round(w.__enterAt ?? 0),
    result_in_document: Math.round(w.__resultShown ?? 0),
    // The app's own steps (performance.mark in src/ui/boot.ts and the catalog model).
    ...Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('boussole:'))
        .map((m) => [m.name.slice('boussole:'.length), Math.round(m.startTime)]),
    ),
    // Each long frame: its start, duration and blocking time, and its three longest scripts.
    long_frames: (w.__longFrames ?? []).map((f) => ({
      at: Math.round(f.startTime),
      ms: Math.round(f.duration),
      blocking: Math.round(f.blockingDuration),
      scripts: [...f.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((s) =>
          `${Math.round(s.duration)} ms ${s.invoker || ''} ${s.sourceURL.split('/').pop()} ${s.sourceFunctionName || ''}`.trim(),
        ),
    })),
  };
}

/**
 * In the page: once the Annuaire shows a first result for `query`, when the frame that painted it ended (noted by
 * `watchThePage`) and when this poll saw it; else null.
 */
function answered(query: string): { painted: number; seen: number } | null {
  const painted = (window as unknown as { __resultPainted?: number }).__resultPainted;
  const shown = document.querySelector('ul.result-list > li') !== null;
  return shown && painted !== undefined && new URLSearchParams(location.search).get('q') === query
    ? { painted, seen: performance.now() }
    : null;
}

/** The first visit, online, in a browser process of its own: the device holds the directory and the app. */
async function install(profile: string, url: string): Promise<number> {
  const context = await launch(profile, false);
  try {
    const page = await firstPage(context);
    await page.goto(url);
    let held: number | null = null;
    while (held === null) held = await page.evaluate(downloaded);
    // The app makes its start-up copy in its worker right after the download, as on a tablet that stays open.
    while (!(await page.evaluate(copyMade)));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    return held;
  } finally {
    await context.close();
  }
}

/** What the ServiceWorker domain reports of a worker version (a part of CDP's ServiceWorkerVersion). */
interface WorkerVersion {
  scriptURL: string;
  status: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** The app's activated service worker as the browser knows it, before any page of the app is open. */
async function storedWorker(context: BrowserContext, page: Page, url: string): Promise<WorkerVersion> {
  const cdp = await context.newCDPSession(page);
  let timer: NodeJS.Timeout | undefined;
  try {
    const found = new Promise<WorkerVersion>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const version = versions.find((v) => v.scriptURL.startsWith(`${url}/`) && v.status === 'activated');
        if (version) resolve(version);
      });
    });
    const missing = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no activated service worker in the profile')), 10_000);
    });
    await cdp.send('ServiceWorker.enable');
    const version = await Promise.race([found, missing]);
    await cdp.send('ServiceWorker.disable');
    return version;
  } finally {
    clearTimeout(timer);
    await cdp.detach();
  }
}

/** One cold start: a new browser process on the profile, offline; the page's clock when the first result shows. */
async function coldStart(profile: string, url: string) {
  const launched = performance.now();
  const context = await launch(profile, true);
  const launchMs = performance.now() - launched;
  try {
    const page = await firstPage(context);
    await context.addInitScript(watchThePage);
    const worker = await storedWorker(context, page, url);
    if (worker.runningStatus !== 'stopped') {
      throw new Error(`the service worker was ${worker.runningStatus} before navigation`);
    }
    const response = await page.goto(`${url}/annuaire`, { waitUntil: 'commit' });
    if (!response?.fromServiceWorker()) throw new Error('the navigation was not answered by the service worker');
    // As a person would: the box is tapped in the first frame that shows it, then the text and the Enter come as
    // the browser's input (DevTools' Input domain, as `fill` and `press` end by sending them). Not through `fill` and
    // `press` themselves: they wait for the box by retries 20, 50 then 100 ms apart, then check it in several round
    // trips to the page's thread, which is busy starting: up to 200 ms of the bench's own in the figure.
    await page.waitForFunction(
      () => {
        const box = document.getElementById('annuaire-q');
        box?.focus();
        return box !== null && document.activeElement === box;
      },
      undefined,
      { polling: 'raf' },
    );
    await page.keyboard.insertText(QUERY);
    await page.keyboard.press('Enter');
    const typed = await page.evaluate(() => performance.now());
    const at = await page.waitForFunction(answered, QUERY, { polling: 'raf', timeout: 30_000 });
    const { painted: ms, seen } = (await at.jsonValue()) as { painted: number; seen: number };
    const where = {
      ...(await page.evaluate(phases)),
      query_typed: Math.round(typed),
      result_painted: Math.round(ms),
      bench_saw_result: Math.round(seen),
    };
    const count = await page.getByTestId('result-count').textContent();
    if (!count || /^0\b|aucun/i.test(count)) throw new Error(`no answer to « ${QUERY} »: ${count}`);
    // The service worker answers nothing under /api/: this request goes to the network, which must be cut.
    const reached = await page.evaluate(() =>
      fetch('/api/v1/health').then(
        () => true,
        () => false,
      ),
    );
    if (reached) throw new Error('the server answered: the browser was not offline');
    return { ms, launchMs, phases: where };
  } finally {
    await context.close();
  }
}

export async function measureColdStartSearch(url: string, { runs }: { runs: number }) {
  const head = await fetch(`${url}/api/v1/directory?cursor=0&limit=1`);
  const total = directoryPageSchema.parse(await head.json()).total;
  const profile = await mkdtemp(join(tmpdir(), 'boussole-bench-profile-'));
  const starts: Array<{
    ms: number;
    launchMs: number;
    phases: ReturnType<typeof phases> & { query_typed: number; result_painted: number; bench_saw_result: number };
  }> = [];
  let held = 0;
  try {
    held = await install(profile, url);
    for (let run = 0; run < runs; run++) starts.push(await coldStart(profile, url));
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return {
    records: total,
    directory_records_on_device: held,
    query: QUERY,
    ...summarize(starts.map((s) => s.ms)),
    warmup_runs: 0,
    times_ms: starts.map((s) => Math.round(s.ms)),
    launch_ms: summarize(starts.map((s) => s.launchMs)).median_ms,
    // The run whose time is the median's: where its time went (`query_typed` includes a DevTools round trip).
    median_run_phases_ms: [...starts].sort((a, b) => a.ms - b.ms)[Math.floor(starts.length / 2)]?.phases,
    each_run:
      'new browser process on the profile of one online visit; service worker stopped before navigation ' +
      '(CDP ServiceWorker); offline; navigation answered by the service worker; OS file cache not dropped',
    loadavg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
