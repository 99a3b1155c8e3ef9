import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

/** Today in Paris, `YYYY-MM-DD` (the browser runs in Europe/Paris: playwright.config.ts). */
async function parisToday(page: Page): Promise<string> {
  return page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date()));
}

test('une coordinatrice crée une action hors ligne, elle se synchronise, un travailleur la voit dans l’agenda hors ligne', async ({
  browser,
}) => {
  const coordinatorContext = await browser.newContext();
  const workerContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInAsDemo(coordinator, 'Coordination (Métropole, MDM tête de file)');

  // Offline: the form checks the action with the domain schema, then saves it on the device with its outbox entry.
  await coordinatorContext.setOffline(true);
  await coordinator.goto('/agenda');
  await coordinator.getByRole('link', { name: 'Ajouter une action' }).click();
  await coordinator.getByRole('button', { name: 'Enregistrer l’action' }).click();
  await expect(coordinator.getByRole('alert')).toContainText('Le formulaire contient');
  await expect(coordinator.getByLabel('Intitulé', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await coordinator.getByLabel('Type d’action').selectOption('atelier-cuisine');
  await coordinator.getByLabel('Intitulé', { exact: true }).fill('Atelier cuisine du soir');
  await coordinator.getByLabel('Organisateur', { exact: true }).selectOption({ index: 1 });
  // Every evening from today: there is always a date in this week's agenda, whatever the hour the test runs.
  await coordinator.getByLabel('Date (première date si elle se répète)').fill(await parisToday(coordinator));
  await coordinator.getByLabel('Heure de début').fill('23:00');
  await coordinator.getByLabel('Durée (minutes)').fill('60');
  await coordinator.getByLabel('Fréquence').selectOption('quotidienne');
  const axe = await new AxeBuilder({ page: coordinator })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await coordinator.getByRole('button', { name: 'Enregistrer l’action' }).click();
  await expect(coordinator.getByTestId('action-saved')).toBeVisible();
  await coordinator.goto('/agenda');
  await expect(coordinator.getByText('Atelier cuisine du soir').first()).toBeVisible();
  await expect(coordinator.getByTestId('pending-count')).toHaveText('1 en attente');

  // Back online: the outbox empties once the server has acknowledged the action.
  await coordinatorContext.setOffline(false);
  await coordinator.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(coordinator.getByTestId('pending-count')).toHaveCount(0);

  // A worker, in another browser, downloads the directory and the programme, then reads the agenda offline.
  const worker = await workerContext.newPage();
  await signInAsDemo(worker, 'Travailleur·se social·e');
  await workerContext.setOffline(true);
  await worker.goto('/agenda');
  await expect(worker.getByText('Atelier cuisine du soir').first()).toBeVisible();
  await expect(worker.getByRole('link', { name: 'Ajouter une action' })).toHaveCount(0);

  await coordinatorContext.close();
  await workerContext.close();
});
