import { expect, test } from '@playwright/test';
import { anonymousCounts, deviceCounts, waitForServiceWorkerControl } from './helpers.ts';

test.describe('Boussole hors ligne', () => {
  test('après une première visite en ligne, l’annuaire est sur l’appareil et s’ouvre sans réseau', async ({
    page,
    context,
    request,
  }) => {
    const expected = await anonymousCounts(request);
    expect(expected.structures).toBeGreaterThan(100);

    await page.goto('/');
    await waitForServiceWorkerControl(page);
    await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
    expect(await deviceCounts(page)).toEqual(expected);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Annuaire', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Annuaire des partenaires' })).toBeVisible();
    await expect(page.getByTestId('result-count')).toHaveText(`${expected.services} services trouvés`);
    // The list's first step (DirectoryScreen's PAGE).
    await expect(page.getByRole('list', { name: 'Résultats' }).getByRole('listitem')).toHaveCount(20);

    // The commune filter reads the directory on the device, with no network.
    await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Vénissieux' });
    await expect(page).toHaveURL(/commune=69259/);
    const cards = page.locator('.result-card .result-meta');
    await expect(cards.first()).toContainText('Vénissieux');
    for (const text of await cards.allTextContents()) expect(text).toContain('Vénissieux');

    // A deep link opened offline gets the app shell from the service worker, and the filter from the URL.
    await page.goto('/annuaire?commune=69259');
    await expect(page.getByRole('heading', { level: 1, name: 'Annuaire des partenaires' })).toBeVisible();
    await expect(page.getByLabel('Commune', { exact: true })).toHaveValue('69259');
  });
});

test.describe('Contrôle négatif : sans service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('la page ne se recharge pas hors ligne, ce qui prouve que le test précédent peut échouer', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  });
});
