import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

// "An edit writes record + outbox in one transaction" (src/db/local-edits.ts), proved in Chromium: the page is
// killed after one of the two writes and before the other, then the device is opened again. A record changed
// without its outbox entry would be an edit that never reaches the server; an entry without its record, a change
// sent that the person never saw saved. Either both are there or neither.
//
// How the moment is caught, without test code in the app: an init script wraps IndexedDB's put/add; once armed, the
// first write to one of `structures` and `outbox` is let through and the first write to the other stops on a
// `debugger` statement. The test's DevTools session sees the pause (the page's JavaScript is frozen right there,
// nothing further can run or commit) and crashes the renderer with `Page.crash`.

declare global {
  interface Window {
    /** Set by the test just before the edit is saved. */
    __crashBetweenWrites?: boolean;
    /** The store whose write came first, for the test's report. */
    __firstWrite?: string;
  }
}

function stopBetweenRecordAndOutboxWrites() {
  const pair = new Set(['structures', 'outbox']);
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (window.__crashBetweenWrites && pair.has(this.name)) {
        if (window.__firstWrite === undefined) window.__firstWrite = this.name;
        else if (window.__firstWrite !== this.name) {
          window.__crashBetweenWrites = false;
          // biome-ignore lint/suspicious/noDebugger: the pause is the test's handle on the moment between the writes
          debugger;
        }
      }
      return original.apply(this, args);
    };
  }
}

/** What the device's IndexedDB holds for the structure, read with the raw API in a fresh page. */
function readDevice(page: Page, id: string) {
  return page.evaluate(
    (structureId) =>
      new Promise<{ telephone: string | undefined; outbox: Array<{ recordKey: string; changes: unknown }> }>(
        (resolve, reject) => {
          const open = indexedDB.open('boussole');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['structures', 'outbox'], 'readonly');
            const record = tx.objectStore('structures').get(structureId);
            const outbox = tx.objectStore('outbox').getAll();
            tx.oncomplete = () => {
              db.close();
              resolve({
                telephone: (record.result as { telephone?: string } | undefined)?.telephone,
                outbox: (outbox.result as Array<{ recordKey: string; mutation: { args: { changes?: unknown } } }>).map(
                  (e) => ({ recordKey: e.recordKey, changes: e.mutation.args.changes }),
                ),
              });
            };
            tx.onerror = () => reject(tx.error);
          };
        },
      ),
    id,
  );
}

test('une modification coupée par un plantage entre l’écriture de la fiche et celle de la file d’envoi : les deux ou aucune', async ({
  browser,
  request,
}) => {
  const listing = await request.get('/api/v1/structures?limit=1');
  const [structure] = ((await listing.json()) as { structures: Array<{ id: string; telephone?: string }> }).structures;
  if (!structure) throw new Error('annuaire vide');
  const NEW_PHONE = '04 00 99 99 99';

  const context = await browser.newContext();
  await context.addInitScript(stopBetweenRecordAndOutboxWrites);
  const page = await context.newPage();
  await signInAsDemo(page, 'Travailleur·se social·e');
  // Offline, so that nothing is sent: the device's own copy is all there is to look at.
  await context.setOffline(true);
  await page.goto(`/partenaires/${encodeURIComponent(structure.id)}/modifier`);
  await page.getByLabel('Téléphone', { exact: true }).fill(NEW_PHONE);

  const devtools = await context.newCDPSession(page);
  await devtools.send('Debugger.enable');
  const paused = new Promise<void>((resolve) => devtools.once('Debugger.paused', () => resolve()));
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  await page.evaluate(() => {
    window.__crashBetweenWrites = true;
  });
  await page.getByRole('button', { name: 'Enregistrer' }).click({ noWaitAfter: true });
  // A save that never stops between its writes is named, rather than waited for until the test's timeout.
  const stopped = await Promise.race([
    paused.then(() => 'stopped between the writes'),
    page
      .waitForURL((url) => !url.pathname.endsWith('/modifier'), { timeout: 20_000 })
      .then(
        () => 'saved without stopping',
        () => 'neither stopped nor saved within 20 s',
      ),
  ]);
  expect(stopped).toBe('stopped between the writes');
  const firstWrite = await devtools
    .send('Runtime.evaluate', { expression: 'window.__firstWrite' })
    .then((r) => r.result.value as string);
  devtools.send('Page.crash').catch(() => {}); // no answer comes back from a crashed renderer
  await crashed;
  await page.close();

  // The device opened again (same profile, still offline: the service worker serves the app).
  const again = await context.newPage();
  await again.goto('/');
  await again.getByTestId('account').waitFor();
  const after = await readDevice(again, structure.id);
  const queued = after.outbox.filter((e) => e.recordKey === `structure:${structure.id}`);
  const recordChanged = after.telephone === NEW_PHONE;
  expect(['structures', 'outbox'], 'the page stopped after one of the two writes').toContain(firstWrite);
  expect(
    { recordChanged, queued: queued.length },
    `stopped after the write to ${firstWrite}: both writes or neither`,
  ).toEqual(recordChanged ? { recordChanged: true, queued: 1 } : { recordChanged: false, queued: 0 });

  // The edit can be made again and is queued once.
  await again.goto(`/partenaires/${encodeURIComponent(structure.id)}/modifier`);
  await again.getByLabel('Téléphone', { exact: true }).fill(NEW_PHONE);
  await again.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(again.getByTestId('pending-edit')).toBeVisible();
  const saved = await readDevice(again, structure.id);
  expect(saved.telephone).toBe(NEW_PHONE);
  expect(saved.outbox.filter((e) => e.recordKey === `structure:${structure.id}`)).toEqual([
    { recordKey: `structure:${structure.id}`, changes: { telephone: NEW_PHONE } },
  ]);
  await context.close();
});
