import type { APIRequestContext, Page } from '@playwright/test';

/** Counts of what the server holds, from its health endpoint. */
export async function serverCounts(request: APIRequestContext): Promise<{ structures: number; services: number }> {
  const response = await request.get('/api/v1/health');
  const body = (await response.json()) as { counts: { structures: number; services: number } };
  return body.counts;
}

/** Counts of what the page's IndexedDB holds, read with the raw API (not through the app's code). */
export function deviceCounts(page: Page): Promise<{ structures: number; services: number }> {
  return page.evaluate(
    () =>
      new Promise<{ structures: number; services: number }>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['structures', 'services'], 'readonly');
          const s = tx.objectStore('structures').count();
          const v = tx.objectStore('services').count();
          tx.oncomplete = () => {
            resolve({ structures: s.result, services: v.result });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Waits until the service worker controls the page (`ready` would hang forever if none registers). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
