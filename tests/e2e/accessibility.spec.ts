import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('aucun écran n’a de violation d’accessibilité grave ou critique (axe, WCAG 2.1 AA)', async ({ page, request }) => {
  test.setTimeout(240_000); // sixteen screens and states, each analysed by axe
  const listing = await request.get('/api/v1/structures?limit=1');
  const [structure] = ((await listing.json()) as { structures: Array<{ id: string }> }).structures;
  if (!structure) throw new Error('annuaire vide');
  const sheet = `/partenaires/${encodeURIComponent(structure.id)}`;

  await page.goto('/connexion');
  await waitForServiceWorkerControl(page);
  expect(await violations(page), '/connexion').toEqual([]);
  await signInAsDemo(page, 'Travailleur·se social·e');

  for (const path of [
    '/',
    '/annuaire?q=epicerie',
    '/orientation',
    '/fiche',
    sheet,
    `${sheet}/modifier`,
    '/synchronisation',
    '/couverture',
    '/donnees',
    '/propositions',
    '/propositions/nouvelle',
    '/agenda',
    '/signalements',
    '/campagnes',
    '/campagnes/nouvelle',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
  // The « Signaler une erreur » form, open on the sheet, with a message under a field.
  await page.goto(sheet);
  await page.getByRole('button', { name: 'Signaler une erreur' }).click();
  await page.getByRole('radio', { name: 'Autre' }).check();
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(page.locator('#f-commentaire-error')).toBeVisible();
  expect(await violations(page), `${sheet} (signalement)`).toEqual([]);
  // « Ressources et charges » and « Autres critères » open, the figures computed, a message under a field.
  await page.goto('/orientation');
  await page.getByLabel('Nombre d’adultes').fill('1');
  await page.getByText('Ressources et charges (reste à vivre, quotient familial)').click();
  await page.getByLabel('Salaires et allocations chômage').fill(personal('1234,56'));
  await page.getByLabel('Énergie et eau').fill('12a');
  await expect(page.locator('#o-charges-energie-error')).toBeVisible();
  await page.getByText(/^Autres critères/).click();
  await page.locator('#o-handicap').getByLabel('Oui').check();
  expect(await violations(page), '/orientation (ressources et charges)').toEqual([]);
  // The shell's menus, open on a phone, the sign-out warning shown.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  expect(await violations(page), 'menu ouvert').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('account').click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByTestId('sign-out-warning')).toBeVisible();
  expect(await violations(page), 'menu du compte').toEqual([]);
});

test('tout se fait au clavier : le lien d’évitement mène au contenu et le focus reste visible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#contenu')).toBeFocused();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
});
