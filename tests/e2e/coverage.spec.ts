import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now (as accessibility.spec.ts reads them). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('hors ligne, la coordination choisit un besoin, voit les manques sur la carte et dans le tableau, exporte le CSV ; axe ne trouve rien', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signInAsDemo(page, 'Coordination (Métropole, MDM tête de file)');
  await page.getByRole('link', { name: 'Couverture et manques du territoire' }).click();
  await expect(page).toHaveURL(/\/couverture$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Couverture et manques' })).toBeVisible();

  // From here on, only what the device holds: the shell and the screen's chunk from the service worker's
  // precache, the directory from IndexedDB.
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('Besoin', { exact: true }).selectOption({ label: 'Prendre un repas' });
  const map = page.getByTestId('coverage-map');
  await expect(map.getByRole('img')).toHaveCount(58);
  await expect(map.getByRole('img', { name: /^Vénissieux : / })).toBeVisible();
  await expect(page.getByTestId('coverage-summary')).toContainText('« Prendre un repas »');
  // The hours library arrives from its own precached chunk: days, weekend and evening are then computed.
  await expect(page.getByText(/^Horaires lus sur les 5 semaines/)).toBeVisible();
  const table = page.getByTestId('coverage-table');
  await expect(table.getByRole('row')).toHaveCount(68);
  await expect(table.getByRole('rowheader', { name: 'Lyon 8e Arrondissement' })).toBeVisible();

  await page.getByLabel('Mesure montrée sur la carte').selectOption({ label: 'Ouverture le week-end' });
  await expect(map.getByRole('img', { name: /^Villeurbanne : / })).toHaveAttribute(
    'aria-label',
    /(ouvert le week-end|rien le week-end|horaires inconnus|aucun service)/,
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le tableau de couverture, tous besoins (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^boussole-couverture-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFCode INSEE;Territoire;Population;Besoin;')).toBe(true);
  // 67 territories × 10 needs, a header, and the final line end.
  expect(csv.split('\r\n')).toHaveLength(1 + 670 + 1);

  expect(await violations(page)).toEqual([]);
});
