// `cold-start-search` (issue 5): a device that already holds the 10k-service directory opens the app with no
// network (served by its service worker) and searches from the Annuaire's box. Measured on the page's own clock
// (`performance.now()` counts from navigation): from navigation until the answer's count is on screen — the app
// loading, reading the device, building the search index and answering included. One browser context is filled
// once (a first visit, online, until its IndexedDB holds every record and the catalog's start-up copy), then goes offline; each run opens a new
// tab in it, as a person reopening the app. Also printed: `records`, what the device held.
import { chromium } from 'playwright-core';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { BROWSER_ARGS, CHROMIUM, directoryStored } from '../sync/pull-full.ts';
import { summarize } from '../sync/stats.ts';

const QUERY = 'épicerie Vénissieux';

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

/** In the page: the page's clock once the Annuaire shows the count of an answer to a query, else null. */
function answered(): number | null {
  const count = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
  return new URLSearchParams(location.search).get('q') && /\d/.test(count) ? performance.now() : null;
}

export async function measureColdStartSearch(url: string, { runs }: { runs: number }) {
  const head = await fetch(`${url}/api/v1/directory?cursor=0&limit=1`);
  const total = directoryPageSchema.parse(await head.json()).total;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const times: number[] = [];
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(url);
    await first.evaluate(directoryStored, total);
    // The app makes its start-up copy in its worker right after the download, as on a tablet that stays open.
    while (!(await first.evaluate(copyMade)));
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await first.close();
    await context.setOffline(true);
    for (let run = 0; run <= runs; run++) {
      const page = await context.newPage();
      await page.goto(`${url}/annuaire`, { waitUntil: 'commit' });
      await page.locator('#annuaire-q').fill(QUERY);
      await page.locator('#annuaire-q').press('Enter');
      const at = await page.waitForFunction(answered, null, { polling: 'raf', timeout: 30_000 });
      const count = await page.getByTestId('result-count').textContent();
      if (!count || /^0\b|aucun/i.test(count)) throw new Error(`no answer to « ${QUERY} »: ${count}`);
      if (run > 0) times.push((await at.jsonValue()) as number); // the first tab warms the disk cache
      await page.close();
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return { records: total, query: QUERY, ...summarize(times) };
}
