import type { APIRequestContext, Page } from '@playwright/test';
import { personal } from './personal-data.ts';

/** What an anonymous device may hold: the published public listings, counted through the public list endpoints. */
export async function anonymousCounts(request: APIRequestContext): Promise<{ structures: number; services: number }> {
  const count = async (path: 'structures' | 'services') => {
    let n = 0;
    let after: string | null = '';
    while (after !== null) {
      const response = await request.get(
        `/api/v1/${path}?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      const body = (await response.json()) as Record<string, unknown[]> & { next: string | null };
      n += body[path]?.length ?? 0;
      after = body.next;
    }
    return n;
  };
  return { structures: await count('structures'), services: await count('services') };
}

/**
 * Counts of what the page's IndexedDB holds, read with the raw API (not through the app's code): the rows of the
 * record tables, and the records of the page rows (src/db/feed-pages.ts) that no row overrides and no later page
 * or mask deleted.
 */
export function deviceCounts(page: Page): Promise<{ structures: number; services: number }> {
  return page.evaluate(
    () =>
      new Promise<{ structures: number; services: number }>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['structures', 'services', 'feedPageKeys', 'maskedKeys'], 'readonly');
          const rows = tx.objectStore('feedPageKeys').getAll();
          const masked = tx.objectStore('maskedKeys').getAllKeys();
          const s = tx.objectStore('structures').getAllKeys();
          const v = tx.objectStore('services').getAllKeys();
          tx.oncomplete = () => {
            const live = new Set<string>();
            for (const row of rows.result as Array<{ keys: string[]; gone: string[] }>) {
              for (const key of row.gone) live.delete(key);
              for (const key of row.keys) live.add(key);
            }
            for (const key of masked.result) live.delete(String(key));
            for (const id of s.result) live.add(`structure:${String(id)}`);
            for (const id of v.result) live.add(`service:${String(id)}`);
            const keys = [...live];
            resolve({
              structures: keys.filter((k) => k.startsWith('structure:')).length,
              services: keys.filter((k) => k.startsWith('service:')).length,
            });
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

/**
 * Signs the page in with a demo account (Connexion → « Essayer en tant que … ») and waits until the sign-in
 * screen has routed home, which it does once the account's own directory download has finished.
 */
export async function signInAsDemo(page: Page, roleLabel: string, baseUrl = ''): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await waitForServiceWorkerControl(page);
  await page.getByRole('button', { name: `Essayer en tant que ${roleLabel}` }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('account').waitFor();
}

/** Answers every field of the partner's form (its fields vary with the demo data), then names the person. */
export async function fillLiaisonForm(page: Page, person = 'Awa Diallo') {
  const name = page.getByLabel('Nom et prénom de la personne (obligatoire)');
  await name.waitFor(); // the form shows once the directory is read from the device
  const form = page.getByRole('group', { name: 'Fiche de liaison' });
  for (const select of await form.locator('select').all()) await select.selectOption({ index: 1 });
  for (const input of await form.locator('input[type="date"]').all()) await input.fill(personal('2026-04-01'));
  for (const input of await form.locator('input[inputmode="decimal"]').all()) await input.fill('3');
  for (const group of await form.getByRole('radiogroup').all()) await group.getByLabel('Oui').check();
  for (const input of await form.locator('input[type="text"]:not([inputmode])').all()) {
    if ((await input.inputValue()) === '') await input.fill(personal('Précisions données par la personne'));
  }
  await name.fill(personal(person));
}

/**
 * A record as the page's IndexedDB holds it, read with the raw API (not through the app's code): its record table's
 * row, else the latest page row holding it (src/db/feed-pages.ts), unless deleted since; undefined when absent.
 */
export function storedRecord<T>(page: Page, kind: 'structure' | 'service', id: string): Promise<T | undefined> {
  return page.evaluate(
    ({ kind, id }) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const table = kind === 'structure' ? 'structures' : 'services';
          const key = `${kind}:${id}`;
          const tx = db.transaction([table, 'feedPages', 'feedPageKeys', 'maskedKeys'], 'readonly');
          const row = tx.objectStore(table).get(id);
          const masked = tx.objectStore('maskedKeys').get(key);
          const rows = tx.objectStore('feedPageKeys').getAll();
          rows.onsuccess = () => {
            if (row.result !== undefined || masked.result !== undefined) return;
            const keyRows = rows.result as Array<{ page: number; keys: string[]; gone: string[] }>;
            for (const keyRow of [...keyRows].reverse()) {
              if (keyRow.gone.includes(key)) return;
              const entry = keyRow.keys.lastIndexOf(key);
              if (entry < 0) continue;
              const body = tx.objectStore('feedPages').get(keyRow.page);
              body.onsuccess = () => {
                const parsed = JSON.parse(new TextDecoder().decode(body.result.body)) as {
                  entries: Array<{ record?: unknown }>;
                };
                found = parsed.entries[entry]?.record as T | undefined;
              };
              return;
            }
          };
          let found: T | undefined;
          tx.oncomplete = () => {
            db.close();
            resolve((row.result as T | undefined) ?? (masked.result ? undefined : found));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { kind, id },
  );
}
