import { expect, type Page, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';

// The Annuaire on a phone: results come first, the filters wait under « Filtres (N actifs) » (a disclosure
// button), open with a tap or the keyboard and apply at once; on a tablet they stay in view.

async function directoryOnDevice(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
}

test.describe('Annuaire sur un téléphone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('les résultats sont dans le premier écran ; les filtres, repliés, s’ouvrent au doigt et au clavier et s’appliquent', async ({
    page,
  }) => {
    await directoryOnDevice(page);
    await page.goto('/annuaire');
    const cards = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
    await expect(cards.first()).toBeVisible();
    // The first card starts within the first screen, with no scrolling.
    const first = await cards.first().boundingBox();
    expect(first?.y).toBeLessThan(844 - 60);
    const besoin = page.getByLabel('Besoin', { exact: true });
    await expect(besoin).toBeHidden();

    const toggle = page.getByRole('button', { name: 'Filtres', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect((await toggle.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(besoin).toBeVisible();

    // A filter applies at once; the panel stays open and the button counts it.
    const count = page.getByTestId('result-count');
    const found = async () => Number((await count.textContent())?.match(/\d+/)?.[0]);
    await expect(count).toHaveText(/^\d+ services trouvés/);
    const all = await found();
    await besoin.selectOption('epicerie-solidaire');
    await expect(page).toHaveURL(/besoin=epicerie-solidaire/);
    await expect(count).not.toHaveText(`${all} services trouvés`);
    const narrowed = await found();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const counted = page.getByRole('button', { name: 'Filtres (1 actif)' });
    await expect(counted).toHaveAttribute('aria-expanded', 'true');
    await page.getByLabel('Prix', { exact: true }).selectOption('solidaire');
    await expect(page).toHaveURL(/prix=solidaire/);
    await expect(page.getByRole('button', { name: 'Filtres (2 actifs)' })).toBeVisible();

    // With the filters open, nothing sticks out at 360 px.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(besoin).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Keyboard: the button folds and unfolds the panel and keeps the focus; Tab goes on into the panel.
    const toggled = page.getByRole('button', { name: 'Filtres (2 actifs)' });
    await toggled.focus();
    await page.keyboard.press('Enter');
    await expect(toggled).toHaveAttribute('aria-expanded', 'false');
    await expect(besoin).toBeHidden();
    await expect(toggled).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toggled).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(besoin).toBeFocused();

    // Reopened from its address, the list keeps its filters and the button says so, folded.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Filtres (2 actifs)' })).toHaveAttribute('aria-expanded', 'false');
    await expect(cards.first()).toBeVisible();
  });
});

test.describe('Annuaire sur une tablette (1024 px)', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('les filtres restent visibles, sans bouton pour les déplier', async ({ page }) => {
    await directoryOnDevice(page);
    await page.goto('/annuaire');
    await expect(page.getByLabel('Besoin', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Filtres/ })).toHaveCount(0);
  });
});
