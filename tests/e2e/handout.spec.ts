import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// The sheet handed to a person who reads Arabic, made on a tablet with no network: the worker records the
// person's languages, the sheet proposes Arabic, and prints it right to left beside the French the partner reads,
// every date written out (paper is read days later). The Arabic words arrive as their own chunk, from the service
// worker's cache.

const AR_WEEKDAY = '(الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)';
const AR_MONTH = '(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)';
const FR_WEEKDAY = '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const FR_MONTH = '(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
/** « الخميس، 5 نوفمبر، من 14:00 إلى 17:00 » */
const AR_OPENING = new RegExp(`${AR_WEEKDAY}، \\d{1,2} ${AR_MONTH}، من \\d{2}:\\d{2} إلى \\d{2}:\\d{2}`);
/** « jeudi 5 novembre, 14 h – 17 h » */
const FR_OPENING = new RegExp(`${FR_WEEKDAY} \\d{1,2} ${FR_MONTH}, \\d{1,2}\\sh(\\s\\d{2})?\\s–\\s\\d{1,2}\\sh`);

async function orientationOffline(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
  await page.context().setOffline(true);
  await page.goto('/orientation');
  await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
  await page.getByRole('button', { name: /^Vénissieux/ }).click();
  await page.getByText(/^Autres critères/).click();
  await page.getByRole('group', { name: 'Langues parlées par la personne' }).getByLabel('arabe').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Aide alimentaire (colis, distribution)').check();
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await expect(page.getByText(/Horaires en cours de chargement/)).toHaveCount(0);
  const results = page.getByRole('list', { name: 'Correspondent à la situation' }).getByTestId('result');
  for (const card of [results.nth(0), results.nth(1)]) {
    const name = (await card.getByRole('heading', { level: 4 }).textContent()) ?? '';
    await card.getByRole('button', { name: `Ajouter à la liste : ${name}` }).click();
  }
  await page.getByRole('link', { name: 'Voir la liste à remettre' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vos adresses pour l’alimentation' })).toBeVisible();
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

test.describe('Liste à remettre dans la langue de la personne', () => {
  test.describe.configure({ timeout: 120_000 });

  test('imprimée en arabe, de droite à gauche, dates écrites en entier, le français à côté, hors ligne', async ({
    page,
  }) => {
    await orientationOffline(page);
    await expect(page.getByLabel('Langue de la personne')).toHaveValue('ar');
    const head = page.getByTestId('handout-head-translated');
    await expect(head).toContainText('عناوين للحصول على الطعام');
    await expect(head).toHaveAttribute('dir', 'rtl');
    // Two languages on one page stay accessible (WCAG 2.1 AA, serious or critical violations).
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByLabel('Langue de la personne')).toBeHidden();
    const sheets = page.getByTestId('handout-partner');
    await expect(sheets).toHaveCount(2);
    for (const sheet of await sheets.all()) {
      const arabic = sheet.getByTestId('handout-block-translated');
      const french = sheet.getByTestId('handout-block-fr');
      await expect(arabic).toBeVisible();
      await expect(french).toBeVisible();
      await expect(arabic).toHaveAttribute('lang', 'ar');
      expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await french.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      // « Horaires », or « Horaires de l’accueil » for a service with the reception's hours.
      await expect(arabic.getByRole('heading', { level: 3, name: /^أوقات (العمل|عمل الاستقبال)$/ })).toBeVisible();
      await expect(french.getByRole('heading', { level: 3, name: /^Horaires( de l’accueil)?$/ })).toBeVisible();

      // Side by side, mirrored: the Arabic block on the right, its headings against its right edge.
      const a = await box(arabic);
      const f = await box(french);
      expect(a.x).toBeGreaterThan(f.x + f.width - 1);
      const heading = arabic.getByRole('heading', { level: 3 }).first();
      const picto = await box(heading.locator('svg'));
      const words = await box(heading.locator('span'));
      expect(Math.abs(picto.x + picto.width - (a.x + a.width))).toBeLessThan(2);
      expect(words.x + words.width).toBeLessThanOrEqual(picto.x + 1);
      expect(words.x).toBeGreaterThan(a.x + 20);

      // Dates in full in both languages, never « demain » nor a bare weekday.
      const hoursAr = arabic.getByTestId('handout-hours');
      const hoursFr = french.getByTestId('handout-hours');
      const known = (await hoursFr.textContent())?.includes('Horaires non renseignés') ?? false;
      if (!known) {
        await expect(hoursAr).toContainText(AR_OPENING);
        await expect(hoursFr).toContainText(FR_OPENING);
      }
      await expect(hoursFr).not.toContainText(/demain|aujourd’hui/);
      await expect(hoursAr).not.toContainText(/غداً|غدا|اليوم/);
    }
    // At least one partner of the sheet has hours, so the dates above were really checked.
    await expect(
      page.getByTestId('handout-block-fr').getByTestId('handout-hours').filter({ hasText: FR_OPENING }),
    ).not.toHaveCount(0);

    // The printed sheet is A4, generated with no network.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  });

  test('envoyée par SMS au numéro tapé, sans partage système, et un itinéraire qui demande une connexion', async ({
    page,
  }) => {
    await orientationOffline(page);
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    await page.getByLabel('Numéro de téléphone de la personne').fill(personal('06 12 34 56 78'));
    const sms = (await page.getByRole('link', { name: 'Envoyer par SMS' }).getAttribute('href')) ?? '';
    expect(sms.startsWith('sms:0612345678?&body=')).toBe(true);
    expect(decodeURIComponent(sms.split('&body=')[1] ?? '')).toContain('عناوين للحصول على الطعام');
    const itinerary = page.getByRole('link', { name: /^Itinéraire vers .* \(nécessite une connexion\)$/ }).first();
    await expect(itinerary).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?route=%3B/);
    // Typed for this sending only: nothing of it in the device's storage.
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const dumps: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const store of db.objectStoreNames) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          dumps.push(JSON.stringify(rows));
        }
        db.close();
      }
      return dumps.join('\n');
    });
    expect(stored).not.toMatch(/06 12 34 56 78|0612345678/);
  });
});
