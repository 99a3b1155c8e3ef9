import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type PrivateServer, startPrivateServer } from '../../scripts/private-server.ts';
import { signInAsDemo } from './helpers.ts';

let server: PrivateServer;
test.beforeAll(async () => {
  server = await startPrivateServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('une nouvelle version déployée pendant qu’une modification attend : le bandeau s’affiche, rien ne se recharge seul, la modification survit à la mise à jour', async ({
  page,
  context,
}) => {
  await signInAsDemo(page, 'Travailleur·se social·e', server.url);

  const listing = await page.request.get(`${server.url}/api/v1/structures?limit=1`);
  const [structure] = ((await listing.json()) as { structures: Array<{ id: string }> }).structures;
  if (!structure) throw new Error('annuaire vide');

  await context.setOffline(true);
  await page.goto(`${server.url}/partenaires/${encodeURIComponent(structure.id)}/modifier`);
  await page.getByLabel('Téléphone', { exact: true }).fill('04 00 33 33 33');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('pending-edit')).toBeVisible();

  // Back online, but the server refuses pushes for now: the edit stays pending while a new build is deployed
  // (the service worker script changes on the server).
  await context.route('**/api/v1/push', (route) => route.abort('connectionfailed'));
  appendFileSync(join(server.staticDir, 'sw.js'), '\n// nouvelle version\n');
  await context.setOffline(false);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const banner = page.getByRole('status').filter({ hasText: 'Nouvelle version disponible' });
  await expect(banner).toBeVisible();
  // Nothing reloads until the person says so: the page keeps its state (same document).
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 1;
  });
  await expect(page.getByTestId('pending-edit')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  const reloaded = page.waitForEvent('framenavigated');
  await banner.getByRole('button', { name: 'Mettre à jour' }).click();
  await reloaded;
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();

  // After the update the edit is still on the device, then reaches the server.
  await expect(page.getByTestId('pending-edit')).toBeVisible();
  await context.unroute('**/api/v1/push');
  await page.goto(`${server.url}/synchronisation`);
  await expect(page.getByTestId('pending-none')).toBeVisible();
  await expect
    .poll(async () => {
      const response = await page.request.get(`${server.url}/api/v1/structures/${encodeURIComponent(structure.id)}`);
      return ((await response.json()) as { structure: { telephone?: string } }).structure.telephone;
    })
    .toBe('04 00 33 33 33');
});
