import { expect, type Page, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';

const EXPECTED_HOURS = 'Tu 09:00-12:00,14:00-17:30; Sa 09:30-12:00; PH off';
const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Ticks the week of the hours editor: Tuesday split 9h–12h / 14h–17h30, Saturday morning 9h30–12h, PH off. */
async function fillWeek(page: Page) {
  const simple = page.getByRole('button', {
    name: 'Les remplacer par un tableau (les horaires actuels seront effacés)',
  });
  // Hours the table cannot show are kept (said in French, read only) until the person asks for a table.
  if (await simple.isVisible()) await simple.click();
  for (const day of DAYS) await page.getByLabel(`Ouvert le ${day}`, { exact: true }).setChecked(false);
  await page.getByLabel('Ouvert le mardi', { exact: true }).check();
  await page.getByRole('button', { name: 'Ajouter une plage le mardi' }).click();
  await page.getByLabel('Mardi, plage 1 : de', { exact: true }).fill('09:00');
  await page.getByLabel('Mardi, plage 1 : à', { exact: true }).fill('12:00');
  await page.getByLabel('Mardi, plage 2 : de', { exact: true }).fill('14:00');
  await page.getByLabel('Mardi, plage 2 : à', { exact: true }).fill('17:30');
  await page.getByLabel('Ouvert le samedi', { exact: true }).check();
  await page.getByRole('button', { name: 'Retirer la plage 2 du samedi' }).click();
  await page.getByLabel('Samedi, plage 1 : de', { exact: true }).fill('09:30');
  await page.getByLabel('Fermé les jours fériés', { exact: true }).check();
}

test('hors ligne : retrouver une épicerie de Vénissieux malgré les fautes, ouvrir sa fiche, modifier ses horaires ; la modification survit au rechargement et arrive au serveur', async ({
  page,
  context,
  request,
}) => {
  // First visit online: signed in (edits need an account) and the directory on the device.
  await page.goto('/connexion');
  await waitForServiceWorkerControl(page);
  await page.getByRole('button', { name: 'Essayer en tant que Travailleur·se social·e' }).click();
  await expect(page.getByTestId('account')).toBeVisible();
  // The sign-in screen leaves for the home page once the account's directory is downloaded (a new account starts
  // from an empty copy): "Dernière synchronisation" alone may still be the anonymous download's.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
  await page.getByLabel('Rechercher dans l’annuaire').fill('epicerie solidaire venisieux');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/\/annuaire\?q=epicerie\+solidaire\+venisieux$/);
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ services? trouvés?/);
  const first = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem').first();
  await expect(first).toContainText('Vénissieux');
  await expect(first).toContainText(/[ÉE]picerie/);

  await first.getByRole('heading', { level: 2 }).getByRole('link').click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeVisible();
  await expect(page.getByTestId('address')).toContainText('Vénissieux');
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');

  await page.getByRole('link', { name: 'Modifier le partenaire' }).click();
  await fillWeek(page);
  // No OSM syntax on a partner's screen: the preview says the next openings in French.
  await expect(page.getByText(EXPECTED_HOURS)).toHaveCount(0);
  await expect(page.getByTestId('hours-preview').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  // Saved on the device, pending, and the sheet already reads the new hours.
  await expect(page.getByTestId('pending-edit')).toBeVisible();
  const week = page.getByTestId('structure-hours-week');
  await expect(week).toContainText(/9h – 12h et 14h – 17h30|9h30 – 12h/);
  await expect(page.getByTestId('pending-count')).toHaveText('1 en attente');

  await page.reload();
  await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
  await expect(page.getByTestId('pending-edit')).toBeVisible();
  await expect(week).toContainText(/9h – 12h et 14h – 17h30|9h30 – 12h/);

  // Back online: the outbox empties and the server has the new hours.
  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveCount(0);
  await expect(page.getByTestId('pending-edit')).toHaveCount(0);
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/structures/${encodeURIComponent(id)}`);
      return ((await response.json()) as { structure: { horaires_accueil?: string } }).structure.horaires_accueil;
    })
    .toBe(EXPECTED_HOURS);
});

test('première visite sans compte : l’Annuaire dit qu’il charge pendant le téléchargement, jamais que l’annuaire manque à l’appareil', async ({
  page,
}) => {
  // Every state the screen goes through, caught as the document changes: a message shown for a few milliseconds
  // between the download's end and the device's new counts is seen too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { seenMessages: seen });
    new MutationObserver(() => {
      const text = document.querySelector('main')?.textContent ?? '';
      if (text.includes('pas encore sur cet appareil') && !seen.includes('absent')) seen.push('absent');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('/annuaire');
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ services trouvés/, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { seenMessages: string[] }).seenMessages)).toEqual([]);
});
