import { expect, type Page, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// The worker's orientation on a tablet with no network: a family of five in Vénissieux on minima sociaux who need
// food this week. Everything after the first visit runs offline: the directory, the matcher, the hours library and
// the sheet are on the device.

async function firstVisitOnline(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
}

/** Presses Tab until the focused element has this accessible name (a keyboard user looking for it). */
async function tabTo(page: Page, name: string | RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { name: '', outline: 'none' };
      const label =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent ??
        '';
      return { name: label.trim(), outline: getComputedStyle(el).outlineStyle };
    });
    if (typeof name === 'string' ? focused.name === name : name.test(focused.name)) {
      // Visible focus: the element the keyboard reached shows an outline.
      expect(focused.outline, `focus ring on « ${focused.name} »`).not.toBe('none');
      return;
    }
  }
  throw new Error(`« ${name} » jamais atteint avec Tab`);
}

test.describe('Orientation hors ligne', () => {
  // Each test starts with a first visit that downloads the whole demo directory: allow for a slow machine.
  test.describe.configure({ timeout: 120_000 });

  test('une famille de cinq à Vénissieux aux minima sociaux : résultats motivés, deux partenaires sur la fiche imprimée', async ({
    page,
    context,
  }) => {
    await firstVisitOnline(page);
    await context.setOffline(true);
    await page.goto('/orientation');
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle orientation' })).toBeVisible();

    await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
    await page.getByRole('button', { name: /^Vénissieux/ }).click();
    await expect(page.getByTestId('commune-status')).toHaveText('Commune retenue : Vénissieux');
    await page.getByLabel('Nombre d’adultes').fill('2');
    await page.getByLabel('Nombre d’enfants').fill('3');
    await page.getByLabel('Âge de l’enfant 1 (ans)').fill('3');
    await page.getByLabel('Âge de l’enfant 2 (ans)').fill('7');
    await page.getByLabel('Âge de l’enfant 3 (ans)').fill('10');
    await page.getByLabel('Minima sociaux (RSA, ASS, AAH…)').check();
    await page.getByLabel('Cette semaine').check();
    // The amounts épiceries decide on, typed offline: reste à vivre and QF computed on the device, with how.
    await page.getByText('Ressources et charges (reste à vivre, quotient familial)').click();
    await page.getByLabel('Salaires et allocations chômage').fill(personal('1437,15'));
    await page.getByLabel('Allocations familiales et logement (CAF)').fill(personal('613,35'));
    await page.getByLabel('Loyer et charges, ou prêt du logement').fill(personal('652,40'));
    await page.getByLabel('Énergie et eau').fill(personal('117,10'));
    // (2 050,50 € − 769,50 €) ÷ 5 personnes ÷ 30 jours; (1 437,15 € + 613,35 €) ÷ 4 parts CAF.
    await expect(page.getByTestId('reste-a-vivre')).toContainText('Reste à vivre : 8,54 € par jour et par personne');
    await expect(page.getByTestId('quotient-familial')).toContainText('Quotient familial estimé : 513 €');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Aide alimentaire (colis, distribution)').check();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();

    await expect(page.getByTestId('orientation-count')).toHaveText(/^[1-9]\d* partenaires? correspond/);
    await expect(page.getByText(/Horaires en cours de chargement/)).toHaveCount(0);
    const eligible = page.getByRole('list', { name: 'Correspondent à la situation' }).getByTestId('result');
    expect(await eligible.count()).toBeGreaterThanOrEqual(2);
    // Reasons as plain sentences, hours on the Paris clock.
    await expect(eligible.first().locator('.reason').first()).not.toBeEmpty();
    await expect(
      eligible
        .filter({
          hasText: /Ouvert (maintenant|aujourd’hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/,
        })
        .first(),
    ).toBeVisible();

    const picked: { name: string; address: string }[] = [];
    for (const card of [eligible.nth(0), eligible.nth(1)]) {
      const name = (await card.getByRole('heading', { level: 4 }).textContent()) ?? '';
      const address = (await card.locator('.address').textContent()) ?? '';
      picked.push({ name, address });
      await card.getByRole('button', { name: `Ajouter à la liste : ${name}` }).click();
    }
    await expect(page.getByTestId('recap-count')).toHaveText('2 partenaires dans la liste');

    await page.getByRole('link', { name: 'Voir la liste à remettre' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vos adresses pour l’alimentation' })).toBeVisible();
    await expect(page.getByTestId('handout-partner')).toHaveCount(2);
    await expect(page.locator('svg.qr')).toHaveCount(2);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    for (const { name, address } of picked) {
      const sheet = page.getByTestId('handout-partner').filter({ has: page.getByRole('heading', { level: 2, name }) });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByTestId('handout-address')).toContainText(address.split(',')[0] ?? address);
      await expect(sheet.getByTestId('handout-hours')).toContainText(
        /Prochaines ouvertures|Chaque semaine|Horaires non renseignés/,
      );
      await expect(sheet.getByTestId('handout-hours')).not.toContainText('chargement');
    }
    // The printed sheet is A4 (the @page rule), generated with no network.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  });

  test('une orientation entière au clavier seul (Tab, Entrée, Espace)', async ({ page, context }) => {
    await firstVisitOnline(page);
    await context.setOffline(true);
    await page.goto('/orientation');
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle orientation' })).toBeFocused();

    await tabTo(page, 'Commune ou code postal');
    await page.keyboard.type(personal('Vénis'));
    await tabTo(page, /^Vénissieux/);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Commune ou code postal')).toBeFocused();
    await expect(page.getByTestId('commune-status')).toHaveText('Commune retenue : Vénissieux');
    await tabTo(page, 'Nombre d’adultes');
    await page.keyboard.type('2');
    await tabTo(page, 'Nombre d’enfants');
    await page.keyboard.type('3');
    for (const [n, age] of [
      [1, '3'],
      [2, '7'],
      [3, '10'],
    ] as const) {
      await tabTo(page, `Âge de l’enfant ${n} (ans)`);
      await page.keyboard.type(age);
    }
    await tabTo(page, 'Minima sociaux (RSA, ASS, AAH…)');
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Minima sociaux (RSA, ASS, AAH…)')).toBeChecked();
    await tabTo(page, 'Continuer');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: '2. Ce dont la personne a besoin' })).toBeFocused();
    await tabTo(page, 'Aide alimentaire (colis, distribution)');
    await page.keyboard.press('Space');
    await tabTo(page, 'Voir les résultats');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: /^3\./ })).toBeFocused();
    await expect(page.getByTestId('orientation-count')).toHaveText(/^[1-9]\d* partenaires? correspond/);
    await expect(page.getByText(/Horaires en cours de chargement/)).toHaveCount(0);
    await tabTo(page, 'Ouvert cette semaine');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Ouvert cette semaine' })).toHaveAttribute('aria-pressed', 'true');
    await tabTo(page, /^Ajouter à la liste : /);
    const name = ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '').replace(
      'Ajouter à la liste : ',
      '',
    );
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('recap-count')).toHaveText('1 partenaire dans la liste');
    // Past the other cards, four stops each (add, orient, partner sheet, itinerary).
    await tabTo(page, 'Voir la liste à remettre', 160);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Vos adresses pour l’alimentation' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  });
});
