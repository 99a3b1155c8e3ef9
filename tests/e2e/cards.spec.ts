import { expect, type Page, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// Cards that answer « where and when », on a phone and a tablet with no network: an Annuaire card gives the
// address, how far from the commune the worker chose (with the trip time) and the next opening with its date; an
// orientation result links to an itinerary in the maps app and says that it needs a connection. No page scrolls
// sideways at 360 px.

const SIZES = [
  { name: 'téléphone', width: 390, height: 844 },
  { name: 'tablette', width: 1024, height: 768 },
];
/** « mercredi 4 novembre », « demain jeudi 5 novembre », « aujourd’hui mardi 3 novembre »: always a date. */
const WITH_DATE = /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? [a-zéû]+/;

async function offlineAfterFirstVisit(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
  await page.context().setOffline(true);
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

for (const size of SIZES) {
  test.describe(`Cartes « où et quand » (${size.name})`, () => {
    test.describe.configure({ timeout: 120_000 });
    test.use({ viewport: { width: size.width, height: size.height } });

    test('Annuaire hors ligne : adresse, distance depuis la commune choisie, prochaine ouverture datée, prix', async ({
      page,
    }, info) => {
      await offlineAfterFirstVisit(page);
      await page.goto('/annuaire?besoin=epicerie-solidaire');
      const cards = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
      await expect(cards.first()).toBeVisible();
      await page.locator('summary', { hasText: 'Distances depuis' }).click();
      await page.getByLabel('Commune ou code postal').fill(personal('Vaulx'));
      await page.getByRole('button', { name: /^Vaulx-en-Velin/ }).click();
      await expect(page.getByTestId('result-count')).toContainText('Les plus proches de Vaulx-en-Velin d’abord.');
      // The demo's épicerie mobile stops in Vaulx-en-Velin: nearest first, its card says where it stops.
      await expect(cards.first().getByTestId('card-address')).toContainText('Se déplace : Vaulx-en-Velin');
      const card = cards.filter({ has: page.getByTestId('card-address').filter({ hasText: /\d{5} / }) }).first();
      await expect(card.getByTestId('card-address')).toContainText(/\d{5} /);
      await expect(card.getByTestId('card-distance')).toHaveText(
        /^À (environ )?(\d+ m|\d+(,\d)? km), (≈ \d+ min|≈ \d+ h( \d{2})?|moins de 5 min) (à pied|en transports)$/,
      );
      // The next opening of the services listed, with its date.
      const hours = page.getByTestId('card-hours');
      await expect(hours.first()).toBeVisible();
      await expect(hours.filter({ hasText: /^Ouvre / }).first()).toHaveText(WITH_DATE);
      // Worked out by the hours worker: the 700 kB library is never compiled on the page for the cards.
      const libraryOnPage = await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => r.name.includes('opening_hours')),
      );
      expect(libraryOnPage, 'the hours library loaded by the page itself').toBe(false);
      await expect(card.getByTestId('card-price')).not.toBeEmpty();
      // Nothing of the place in the URL.
      expect(page.url()).not.toContain('Vaulx');
      await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: info.outputPath(`annuaire-${size.width}.png`), fullPage: false });
      await page.setViewportSize({ width: 360, height: size.height });
      await noSidewaysScroll(page);
    });

    test('orientation hors ligne : chaque résultat a un « Itinéraire » qui dit qu’il faut une connexion', async ({
      page,
    }, info) => {
      await offlineAfterFirstVisit(page);
      await page.goto('/orientation');
      await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
      await page.getByRole('button', { name: /^Vénissieux/ }).click();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByLabel('Aide alimentaire (colis, distribution)').check();
      await page.getByRole('button', { name: 'Voir les résultats' }).click();
      const result = page.getByRole('list', { name: 'Correspondent à la situation' }).getByTestId('result').first();
      await expect(result).toBeVisible();
      const name = (await result.getByRole('heading', { level: 4 }).textContent()) ?? '';
      const link = result.getByRole('link', { name: `Itinéraire vers ${name} (nécessite une connexion)` });
      await expect(link).toHaveText('Itinéraire');
      await expect(link).toHaveAttribute(
        'href',
        /^https:\/\/www\.openstreetmap\.org\/(directions\?route=%3B|search\?)/,
      );
      // Offline, the card says what will happen rather than leading to an error page unannounced.
      await expect(
        result.getByText('(hors connexion : la carte ne s’ouvrira qu’une fois l’appareil connecté)'),
      ).toBeVisible();
      await result.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: info.outputPath(`orientation-${size.width}.png`), fullPage: false });
      await page.context().setOffline(false);
      await expect(result.getByText('(nécessite une connexion)', { exact: true })).toBeVisible();
      await page.setViewportSize({ width: 360, height: size.height });
      await noSidewaysScroll(page);
    });
  });
}
