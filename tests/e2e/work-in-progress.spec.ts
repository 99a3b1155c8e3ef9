import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// A worker's tablet reloads, discards the tab during a phone call, or restarts with no network. The
// orientation in front of the person — answers, step, filters, the sheet and its first name — is still there,
// shown at once (never an empty form first), and gone at « Terminer ».

async function firstVisitOnline(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
}

/** Rows of the orientation in progress on the device, read with the raw IndexedDB API (not the app's code). */
function workRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('workInProgress', 'readonly').objectStore('workInProgress').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Every step title the orientation screen showed since the page loaded, in order: an empty form would show step 1. */
async function recordStepTitles(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { stepTitles: string[] }).stepTitles = seen;
    new MutationObserver(() => {
      const title = document.getElementById('o-step-title')?.textContent ?? null;
      if (title !== null && seen[seen.length - 1] !== title) seen.push(title);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const stepTitles = (page: Page) => page.evaluate(() => (window as unknown as { stepTitles: string[] }).stepTitles);

test.describe('Orientation en cours', () => {
  test.describe.configure({ timeout: 120_000 });

  test('survit à un rechargement et à la page fermée puis rouverte hors ligne, et disparaît à « Terminer »', async ({
    page,
    context,
  }) => {
    await recordStepTitles(page);
    await firstVisitOnline(page);
    await context.setOffline(true);
    await page.goto('/orientation');

    await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
    await page.getByRole('button', { name: /^Vénissieux/ }).click();
    await page.getByLabel('Nombre d’adultes').fill('2');
    await page.getByLabel('Nombre d’enfants').fill('1');
    await page.getByLabel('Âge de l’enfant 1 (ans)').fill('4');
    // Reloaded the moment the box is ticked: what the screen showed is on the device all the same.
    await page.getByLabel('Minima sociaux (RSA, ASS, AAH…)').check();
    await page.reload();
    await expect(page.getByTestId('commune-status')).toHaveText('Commune retenue : Vénissieux');
    await expect(page.getByLabel('Nombre d’adultes')).toHaveValue('2');
    await expect(page.getByLabel('Âge de l’enfant 1 (ans)')).toHaveValue('4');
    await expect(page.getByLabel('Minima sociaux (RSA, ASS, AAH…)')).toBeChecked();

    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Aide alimentaire (colis, distribution)').check();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await expect(page.getByTestId('orientation-count')).toHaveText(/^[1-9]\d* partenaires? correspond/);
    await page.getByRole('button', { name: 'Ouvert cette semaine' }).click();
    const first = page.getByRole('list', { name: 'Correspondent à la situation' }).getByTestId('result').first();
    const partner = (await first.getByRole('heading', { level: 4 }).textContent()) ?? '';
    await first.getByRole('button', { name: `Ajouter à la liste : ${partner}` }).click();
    await expect(page.getByTestId('recap-count')).toHaveText('1 partenaire dans la liste');

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /^3\./ })).toBeVisible();
    // The results came back first: no empty form on the way.
    expect(await stepTitles(page)).toEqual(['3. Les partenaires qui peuvent l’accueillir']);
    await expect(page.getByRole('button', { name: 'Ouvert cette semaine' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('recap-count')).toHaveText('1 partenaire dans la liste');
    await expect(page.getByRole('button', { name: `Retirer de la liste : ${partner}` })).toBeVisible();

    await page.getByRole('link', { name: 'Voir la liste à remettre' }).click();
    await page.getByLabel(/^Prénom de la personne/).fill(personal('Amina'));
    await expect(page.getByText('Pour Amina')).toBeVisible();

    // The tab closed, the app opened again with no network: the service worker serves it, the device holds the rest.
    await page.close();
    const again = await context.newPage();
    await again.goto('/fiche');
    await expect(again.getByRole('heading', { level: 1, name: 'Vos adresses pour l’alimentation' })).toBeVisible();
    await expect(again.getByText('Pour Amina')).toBeVisible();
    await expect(again.getByTestId('handout-partner')).toHaveCount(1);
    await expect(again.getByRole('heading', { level: 2, name: partner })).toBeVisible();
    await again.goto('/');
    await again.getByRole('link', { name: 'Reprendre l’orientation en cours' }).click();
    await expect(again.getByRole('heading', { level: 2, name: /^3\./ })).toBeVisible();
    await expect(again.getByTestId('recap-count')).toHaveText('1 partenaire dans la liste');
    expect(await workRows(again)).toBe(1);

    await again.getByRole('link', { name: 'Voir la liste à remettre' }).click();
    await again.getByRole('button', { name: 'Terminer l’orientation' }).click();
    await expect(again).toHaveURL(/\/$/);
    await expect(again.getByRole('link', { name: 'Nouvelle orientation', exact: true })).toBeVisible();
    expect(await workRows(again)).toBe(0);
    await again.goto('/orientation');
    await expect(again.getByRole('heading', { level: 2, name: '1. La situation de la personne' })).toBeVisible();
    await expect(again.getByLabel('Commune ou code postal')).toHaveValue('');
    await expect(again.getByLabel('Nombre d’adultes')).toHaveValue('');
    await expect(again.getByTestId('recap-count')).toHaveText('Aucun partenaire dans la liste');
  });

  test('la déconnexion prévient qu’elle efface l’orientation en cours, puis l’efface', async ({ page }) => {
    await signInAsDemo(page, 'Travailleur·se social·e');
    await page.goto('/orientation');
    await page.getByLabel('Nombre d’adultes').fill('2');
    await expect.poll(() => workRows(page)).toBe(1);

    // The account menu's warning says so before the person confirms.
    await page.getByTestId('account').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByTestId('sign-out-warning')).toContainText(
      'L’orientation en cours (situation de la personne et liste à remettre) sera effacée.',
    );
    await page
      .locator('#account-panel')
      .getByRole('button', { name: /^Se déconnecter/ })
      .click();
    await expect(page.getByTestId('account')).toHaveCount(0);
    expect(await workRows(page)).toBe(0);
    await page.goto('/orientation');
    await expect(page.getByLabel('Nombre d’adultes')).toHaveValue('');
  });
});
