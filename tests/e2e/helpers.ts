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
