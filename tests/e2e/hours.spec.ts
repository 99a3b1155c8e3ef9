import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

async function signedInPage(context: BrowserContext, roleLabel: string): Promise<Page> {
  const page = await context.newPage();
  await signInAsDemo(page, roleLabel);
  return page;
}

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'];

test('un partenaire écrit « lun-ven 9h-12h » hors ligne, voit le tableau, enregistre ; après synchronisation, un travailleur social voit ces horaires sur le service qui a les horaires de l’accueil', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const partnerContext = await browser.newContext();
  const workerContext = await browser.newContext();
  const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
  const worker = await signedInPage(workerContext, 'Travailleur·se social·e');

  await partner.getByRole('link', { name: 'Ma fiche partenaire', exact: true }).click();
  await expect(partner.getByRole('heading', { level: 1 })).toBeVisible();
  const id = decodeURIComponent(new URL(partner.url()).pathname.split('/')[2] ?? '');
  const sharing = (page: Page) =>
    page.locator('.service-section').filter({ hasText: 'Mêmes horaires que l’accueil du partenaire.' }).first();
  // The worker's copy, before: the reception's old hours (Wednesday afternoon, Saturday morning) on that service.
  await worker.goto(`/partenaires/${encodeURIComponent(id)}`);
  await expect(sharing(worker).getByRole('heading', { name: 'Horaires de l’accueil' })).toBeVisible();
  await expect(sharing(worker)).toContainText(/samedi|14h/);

  await partnerContext.setOffline(true);
  await partner.getByRole('link', { name: 'Modifier le partenaire' }).click();
  await partner.getByLabel('Écrire les horaires en français').fill('lun-ven 9h-12h');
  await expect(partner.getByText(/^Compris : le tableau ci-dessous est rempli/)).toBeVisible();
  for (const day of DAYS) await expect(partner.getByLabel(`Ouvert le ${day}`, { exact: true })).toBeChecked();
  await expect(partner.getByLabel('Ouvert le samedi', { exact: true })).not.toBeChecked();
  await expect(partner.getByLabel('Lundi, plage 1 : de', { exact: true })).toHaveValue('09:00');
  await expect(partner.getByLabel('Vendredi, plage 1 : à', { exact: true })).toHaveValue('12:00');
  await expect(partner.getByTestId('hours-preview').getByRole('listitem').first()).toContainText('9h – 12h');
  // A partner never reads OSM syntax, nor is offered it.
  await expect(partner.getByText('Mo-Fr')).toHaveCount(0);
  await expect(partner.getByRole('button', { name: /OpenStreetMap/ })).toHaveCount(0);
  await partner.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(partner.getByTestId('pending-edit')).toBeVisible();
  await expect(
    sharing(partner)
      .getByTestId(/^service-hours-/)
      .first(),
  ).toBeVisible();
  await expect(sharing(partner)).not.toContainText(/samedi|14h/);

  await partnerContext.setOffline(false);
  await partner.goto('/synchronisation');
  await expect(partner.getByTestId('pending-none')).toBeVisible();
  const after = await (await request.get(`/api/v1/structures/${encodeURIComponent(id)}`)).json();
  expect(after.structure.horaires_accueil).toBe('Mo-Fr 09:00-12:00');

  await worker.getByRole('button', { name: 'Synchroniser' }).first().click();
  await worker.goto(`/partenaires/${encodeURIComponent(id)}`);
  const service = sharing(worker);
  await expect(service.getByRole('heading', { name: 'Horaires de l’accueil' })).toBeVisible();
  await expect(service).not.toContainText(/samedi|14h/);
  await expect(service).toContainText('9h – 12h');

  await partnerContext.close();
  await workerContext.close();
});

test('un partenaire ouvre le formulaire d’un service par son lien : ses horaires s’affichent sans que la page charge la bibliothèque des horaires, qui ne vient qu’avec des horaires nouveaux, vérifiés avant l’enregistrement', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await signedInPage(context, 'Partenaire (structure)');
  const service = await page.evaluate(async () => {
    const answer = await fetch('/api/v1/services?categorie=social_grocery_stores&limit=1');
    const { services } = (await answer.json()) as {
      services: Array<{ id: string; structure_id: string; nom: string }>;
    };
    return services[0];
  });
  if (!service) throw new Error('aucune épicerie');
  const libraryOnPage = () =>
    page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('opening_hours')));
  await page.goto(
    `/partenaires/${encodeURIComponent(service.structure_id)}/services/${encodeURIComponent(service.id)}/modifier`,
  );
  await expect(page.getByRole('heading', { level: 1, name: `Modifier « ${service.nom} »` })).toBeVisible();
  const preview = page.getByTestId('hours-preview').first();
  await expect(preview.getByRole('listitem').first()).toContainText(/13h30 – 17h30/);
  // Worked out by the hours worker, as on the partner sheet.
  expect(await libraryOnPage(), 'the hours library loaded by the page for a form opened as it was').toBe(false);

  // New hours: the page loads the library, checks them, and the preview follows.
  await page.getByLabel('Ouvert le samedi', { exact: true }).first().check();
  await expect(preview).toContainText(/samedi/);
  expect(await libraryOnPage()).toBe(true);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // Saved on the device, back on the partner sheet, waiting to be sent.
  await expect(page.getByRole('heading', { level: 1, name: `Modifier « ${service.nom} »` })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /1 en attente/ })).toBeVisible();
  await context.close();
});
