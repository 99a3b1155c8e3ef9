import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

async function signedInPage(context: BrowserContext, roleLabel: string): Promise<Page> {
  const page = await context.newPage();
  await signInAsDemo(page, roleLabel);
  return page;
}

test('un travailleur signale une erreur hors ligne ; synchronisé, le partenaire la voit et la clôt ; une campagne lancée par la coordination apparaît au partenaire en bandeau', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workerContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const coordinatorContext = await browser.newContext();
  const worker = await signedInPage(workerContext, 'Travailleur·se social·e');
  const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
  const coordinator = await signedInPage(coordinatorContext, 'Coordination (Métropole, MDM tête de file)');

  // The partner's own listing: where the worker will report an error.
  await partner.getByRole('link', { name: 'Ma fiche partenaire', exact: true }).click();
  // The sheet, not Accueil still on screen: its URL and heading are read next.
  await partner.waitForURL((url) => url.pathname.startsWith('/partenaires/'));
  await expect(partner.getByRole('heading', { level: 1 })).not.toHaveText('Accueil');
  const sheet = new URL(partner.url()).pathname;
  const partnerName = (await partner.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';

  // Offline, the worker reports wrong hours; « Autre » without a comment is refused next to the field first.
  await worker.goto(sheet);
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText(partnerName);
  await workerContext.setOffline(true);
  await worker.getByRole('button', { name: 'Signaler une erreur' }).click();
  await worker.getByRole('radio', { name: 'Autre' }).check();
  await worker.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(worker.locator('[data-error-summary]')).toBeFocused();
  await worker.getByRole('link', { name: 'Précisions : Précisez l’erreur en quelques mots' }).click();
  await expect(worker.getByLabel('Précisions')).toBeFocused();
  await expect(worker.locator('#f-commentaire-error')).toHaveText('Précisez l’erreur en quelques mots');
  await worker.getByRole('radio', { name: 'Horaires erronés' }).check();
  await worker.getByLabel('Précisions').fill('Fermé le mercredi matin depuis la rentrée');
  await worker.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(worker.getByTestId('report-status')).toContainText('Signalement enregistré');
  await expect(worker.getByTestId('report')).toContainText('En attente de synchronisation');

  // Back online: it syncs; the worker follows it in « Signalements ».
  await workerContext.setOffline(false);
  await worker.goto('/synchronisation');
  await expect(worker.getByTestId('pending-none')).toBeVisible();

  // The partner syncs, sees the report on its sheet and closes it with an answer.
  // (Each sync is asked for on the page it is read from: a navigation right after the click would cut it off.)
  await partner.goto('/signalements');
  await partner.getByRole('button', { name: 'Synchroniser' }).first().click();
  const report = partner.getByTestId('report');
  await expect(report).toContainText('Fermé le mercredi matin');
  await report.getByLabel('Réponse (facultative)').fill('Horaires corrigés, merci');
  await report.getByRole('button', { name: 'Clore le signalement « Horaires erronés »' }).click();
  // Saved on the device: the closed report leaves the list of open ones (only then may the page be left).
  await expect(report).toHaveCount(0);
  await partner.goto('/synchronisation');
  await expect(partner.getByTestId('pending-none')).toBeVisible();

  // The author sees it closed, with the answer.
  await worker.goto('/signalements');
  await worker.getByLabel('Afficher les signalements clos').check();
  await worker.getByRole('button', { name: 'Synchroniser' }).first().click();
  await expect(worker.getByTestId('report-state')).toContainText('Clos par');
  await expect(worker.getByTestId('report-answer')).toHaveText('Horaires corrigés, merci');

  // A coordinator launches a campaign asking this partner; the partner sees the banner on Accueil.
  await coordinator.goto('/campagnes/nouvelle');
  await coordinator.getByLabel('Nom de la campagne').fill('Mise à jour de l’hiver');
  const today = new Date();
  const fin = new Date(today.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
  await coordinator.getByLabel('Fin', { exact: true }).fill(fin);
  await coordinator.getByRole('checkbox', { name: 'Tarifs' }).check();
  await coordinator
    .getByRole('checkbox', { name: new RegExp(`^${partnerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })
    .check();
  await coordinator.getByRole('button', { name: 'Lancer la campagne' }).click();
  await expect(coordinator.getByTestId('campaign-counts')).toHaveText('1 à faire · 0 commencé · 0 terminé');
  await coordinator.goto('/synchronisation');
  await expect(coordinator.getByTestId('pending-none')).toBeVisible();

  await partner.getByRole('button', { name: 'Synchroniser' }).first().click();
  await partner.goto('/');
  await expect(partner.getByTestId('campaign-banner')).toContainText('Mise à jour de l’hiver');

  await workerContext.close();
  await partnerContext.close();
  await coordinatorContext.close();
});
