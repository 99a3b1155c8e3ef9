import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

/** The count the Annuaire announces (« 412 services trouvés »). */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** 08:00 in Paris on the next Tuesday after now: a working week ahead, whatever day the test runs. */
function nextTuesdayMorning(): Date {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + ((2 - day.getUTCDay() + 7) % 7 || 7));
  return new Date(`${day.toISOString().slice(0, 10)}T07:00:00Z`);
}

test('le programme de démonstration : l’agenda montre des ateliers cuisine à venir, hors ligne', async ({
  page,
  context,
}) => {
  await signInAsDemo(page, 'Travailleur·se social·e');
  await context.setOffline(true);
  // The demo's programme was placed around the server's start; the agenda is read from a Tuesday morning ahead.
  await page.clock.setFixedTime(nextTuesdayMorning());
  await page.goto('/agenda');
  await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
  await page.getByLabel('Type d’action').selectOption('atelier-cuisine');
  await expect(page.getByTestId('agenda-count')).toHaveText(/^\d+ dates?$/);
  const ateliers = page.locator('.agenda .results > li');
  expect(await ateliers.count()).toBeGreaterThan(1);
  await expect(ateliers.first()).toContainText(/Atelier|Cuisine|cuisine|plats/);
  await page.getByLabel('Type d’action').selectOption('');
  await page.getByLabel('Période').selectOption('mois');
  for (const kind of ['Distribution', 'Repas partagé']) await expect(page.getByText(kind).first()).toBeVisible();
  // The maraude's evening stops, among the month's dates: worked out by the hours worker, not by the page.
  await expect(page.getByTestId('agenda-stop').filter({ hasText: /18h30/ }).first()).toBeVisible();
  const libraryOnPage = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((r) => r.name.includes('opening_hours')),
  );
  expect(libraryOnPage, 'the hours library loaded by the page for the agenda').toBe(false);
});

test('l’Annuaire filtre « fruits et légumes frais » hors ligne, et chaque carte le dit', async ({ page, context }) => {
  await signInAsDemo(page, 'Travailleur·se social·e');
  await context.setOffline(true);
  await page.goto('/annuaire');
  await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ services? trouvés?/);
  const all = await resultCount(page);
  await page.getByLabel('Alimentation proposée').selectOption('fruits-legumes-frais');
  await expect(page).toHaveURL(/aliment=fruits-legumes-frais/);
  await expect.poll(() => resultCount(page)).toBeLessThan(all);
  expect(await resultCount(page)).toBeGreaterThan(0);
  const cards = page
    .getByRole('list', { name: 'Résultats' })
    .getByRole('listitem')
    .filter({ has: page.locator('h2') });
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(shown, 10); i++)
    await expect(cards.nth(i).getByTestId('food-offer')).toContainText('Fruits et légumes frais');
});
