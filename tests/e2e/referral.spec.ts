import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { fillLiaisonForm, signInAsDemo } from './helpers.ts';
import { personal } from './personal-data.ts';

async function signedInPage(context: BrowserContext, roleLabel: string): Promise<Page> {
  const page = await context.newPage();
  await signInAsDemo(page, roleLabel);
  return page;
}

test('une orientation écrite hors ligne part au retour du réseau, le partenaire la refuse avec un motif, le travailleur voit le refus', async ({
  browser,
  request,
}) => {
  // The demo partner account speaks for the structure of the first épicerie sociale (server/demo-accounts.ts).
  const listing = await request.get('/api/v1/services?categorie=social_grocery_stores&limit=1');
  const [service] = ((await listing.json()) as { services: Array<{ id: string }> }).services;
  if (!service) throw new Error('aucune épicerie sociale dans la démo');

  const workerContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const worker = await signedInPage(workerContext, 'Travailleur·se social·e');

  // Offline: written, consent recorded, queued — and shown as waiting, never as sent.
  await workerContext.setOffline(true);
  await worker.goto(`/orientations/nouvelle/${encodeURIComponent(service.id)}`);
  await fillLiaisonForm(worker, 'Mariam Koné');
  await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await expect(worker.getByRole('alert')).toContainText('Le formulaire contient 1 erreur');
  await expect(worker.locator('#f-consent-error')).toContainText('L’accord de la personne est obligatoire');
  await worker.getByLabel(/a donné son accord/).check();
  await worker.getByLabel('Message au partenaire (facultatif)').fill(personal('Merci de la recevoir rapidement'));
  await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await worker.waitForURL(/\/orientations\/ref-/);
  await expect(worker.getByTestId('referral-status')).toHaveText('En attente d’envoi');
  await expect(worker.getByTestId('answer-personne_nom')).toHaveText('Mariam Koné');

  // Back online: delivered, and "Envoyée" only once the server acknowledged it.
  await workerContext.setOffline(false);
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('referral-status')).toHaveText('Envoyée');

  // The partner, in another browser, finds it in its inbox and refuses it with a reason.
  const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
  await partner.goto('/orientations');
  // Other specs of the run may have sent the demo partner referrals too: this one is Mariam Koné's.
  const received = partner.getByTestId('referrals-received').getByTestId('referral').filter({ hasText: 'Mariam Koné' });
  await expect(received).toHaveCount(1);
  // The test server has no SMTP server: where a notification would be expected, the list says there is none.
  await expect(partner.getByTestId('mail-off')).toHaveText(
    'Les notifications par e-mail ne sont pas activées sur ce serveur : ouvrez Boussole régulièrement pour voir les nouvelles orientations.',
  );
  await received.getByRole('link', { name: 'Mariam Koné' }).click();
  await expect(partner.getByText('Merci de la recevoir rapidement')).toBeVisible();
  await partner.getByRole('radio', { name: 'Refuser' }).check();
  await partner.getByLabel('Motif du refus').selectOption({ label: 'Complet' });
  await partner.getByLabel(/^Note/).fill(personal('Plus de place avant le mois prochain'));
  await partner.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(partner.getByTestId('referral-status')).toHaveText('Refusée');

  // The worker sees the refusal and its reason after a sync.
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('referral-status')).toHaveText('Refusée');
  await expect(worker.getByTestId('referral-reason')).toHaveText('Motif : Complet');
  await expect(worker.getByTestId('referral-history')).toContainText('Plus de place avant le mois prochain');
  // The demo worker belongs to a team (its MDM, server/demo-accounts.ts): its list is the team's.
  await worker.goto('/orientations');
  await expect(worker.getByRole('heading', { name: 'Envoyées par votre équipe' })).toBeVisible();
  await expect(worker.getByTestId('mail-off')).toContainText('voir les réponses des partenaires');
  await expect(
    worker.getByTestId('referrals-sent').getByTestId('referral').filter({ hasText: 'Mariam Koné' }),
  ).toHaveCount(1);

  await workerContext.close();
  await partnerContext.close();
});

/** The day `days` after today in Lyon, `YYYY-MM-DD`, and as the appointment says it. */
function parisDay(days: number): { iso: string; words: string } {
  const at = new Date(Date.now() + days * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
  const words = new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return { iso, words };
}

async function firstGrocery(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const listing = await request.get('/api/v1/services?categorie=social_grocery_stores&limit=1');
  const [service] = ((await listing.json()) as { services: Array<{ id: string }> }).services;
  if (!service) throw new Error('aucune épicerie sociale dans la démo');
  return service.id;
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
]) {
  test.describe(`à ${viewport.width} px`, () => {
    test('un envoi refusé met le focus sur le résumé des erreurs, dont chaque lien mène à son champ', async ({
      browser,
      request,
    }, testInfo) => {
      const serviceId = await firstGrocery(request);
      const context = await browser.newContext({ viewport });
      const worker = await signedInPage(context, 'Travailleur·se social·e');
      await worker.goto(`/orientations/nouvelle/${encodeURIComponent(serviceId)}`);
      await worker.getByLabel('Nom et prénom de la personne (obligatoire)').waitFor();
      await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();

      const summary = worker.locator('[data-error-summary]');
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(summary.getByRole('heading')).toHaveText(/^Le formulaire contient \d+ erreurs?$/);
      await worker.screenshot({ path: testInfo.outputPath(`resume-erreurs-${viewport.width}.png`) });
      await summary.getByRole('link', { name: /^Nom et prénom de la personne \(obligatoire\) : / }).click();
      const name = worker.getByLabel('Nom et prénom de la personne (obligatoire)');
      await expect(name).toBeFocused();
      await expect(name).toBeInViewport();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await summary.getByRole('link', { name: /^L’accord de la personne est obligatoire/ }).click();
      await expect(worker.getByLabel(/a donné son accord/)).toBeFocused();
      // The person's phone number calls for a phone keypad.
      await expect(worker.getByLabel('Téléphone de la personne')).toHaveAttribute('type', 'tel');
      await context.close();
    });

    test('le partenaire accepte avec un rendez-vous, que le travailleur voit hors ligne après synchronisation', async ({
      browser,
      request,
    }, testInfo) => {
      const serviceId = await firstGrocery(request);
      const person = `Fatou Ndiaye ${viewport.width}`;
      const workerContext = await browser.newContext({ viewport });
      const partnerContext = await browser.newContext({ viewport });
      const worker = await signedInPage(workerContext, 'Travailleur·se social·e');
      await worker.goto(`/orientations/nouvelle/${encodeURIComponent(serviceId)}`);
      await fillLiaisonForm(worker);
      await worker.getByLabel('Nom et prénom de la personne (obligatoire)').fill(personal(person));
      await worker.getByLabel('Téléphone de la personne').fill(personal('06 12 34 56 78'));
      await worker.getByLabel(/a donné son accord/).check();
      await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
      await worker.waitForURL(/\/orientations\/ref-/);
      await expect(worker.getByTestId('referral-status')).toHaveText('Envoyée');
      const referralUrl = worker.url();

      // The partner opens it: the person's phone is a link that calls; nothing is chosen for its answer.
      const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
      await partner.goto('/orientations');
      await partner.getByRole('link', { name: person }).click();
      await expect(partner.getByTestId('answer-personne_telephone').getByRole('link')).toHaveAttribute(
        'href',
        'tel:0612345678',
      );
      await expect(partner.getByRole('radio', { name: 'Accepter' })).not.toBeChecked();
      await expect(partner.getByRole('radio', { name: 'Refuser' })).not.toBeChecked();
      await partner.getByRole('radio', { name: 'Accepter' }).check();
      const day = parisDay(7);
      await partner.getByLabel('Date', { exact: true }).fill(day.iso);
      await partner.getByLabel('Heure (facultative)').fill('14:30');
      await partner.getByLabel('Personne à demander (facultatif)').fill(personal('Mme Martin, accueil'));
      await partner.screenshot({
        path: testInfo.outputPath(`reponse-partenaire-${viewport.width}.png`),
        fullPage: true,
      });
      await partner.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await expect(partner.getByTestId('referral-status')).toHaveText('Acceptée');

      // The worker syncs, then loses the network: the appointment is on the device, ready to print.
      await worker.getByRole('button', { name: 'Synchroniser' }).click();
      await expect(worker.getByTestId('referral-status')).toHaveText('Acceptée');
      await workerContext.setOffline(true);
      await worker.goto(referralUrl);
      const appointment = worker.getByTestId('referral-appointment');
      await expect(appointment).toContainText(`Le ${day.words} à 14:30`);
      await expect(appointment).toContainText('Demander : Mme Martin, accueil');
      await expect(appointment.getByRole('button', { name: 'Imprimer le rendez-vous pour la personne' })).toBeVisible();
      await worker.screenshot({ path: testInfo.outputPath(`rendez-vous-${viewport.width}.png`), fullPage: true });
      // In the list too, offline: the status once, the sending date apart, the appointment's day.
      await worker.goto('/orientations');
      const item = worker.getByTestId('referral').filter({ hasText: person });
      await expect(item.getByTestId('referral-status')).toHaveText('Acceptée');
      await expect(item).not.toContainText('Acceptée Acceptée');
      await expect(item).toContainText(/Envoi : \d{2}\/\d{2}\/\d{4}/);
      await expect(item.getByTestId('referral-appointment-line')).toContainText('à 14:30');
      await worker.goto(referralUrl);
      await worker.emulateMedia({ media: 'print' });
      await worker.evaluate(() => document.documentElement.classList.add('print-appointment'));
      await expect(appointment.locator('.appointment-slip')).toBeVisible();
      await worker.screenshot({ path: testInfo.outputPath(`rendez-vous-imprime-${viewport.width}.png`) });
      await workerContext.close();
      await partnerContext.close();
    });
  });
}
