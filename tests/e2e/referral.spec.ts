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
  await fillLiaisonForm(worker);
  await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await expect(worker.getByRole('alert')).toContainText('Certains champs sont à corriger');
  await expect(worker.getByText('L’accord de la personne est obligatoire')).toBeVisible();
  await worker.getByLabel(/a donné son accord/).check();
  await worker.getByLabel('Message au partenaire (facultatif)').fill(personal('Merci de la recevoir rapidement'));
  await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await worker.waitForURL(/\/orientations\/ref-/);
  await expect(worker.getByTestId('referral-status')).toHaveText('En attente d’envoi');
  await expect(worker.getByTestId('answer-personne_nom')).toHaveText('Awa Diallo');

  // Back online: delivered, and "Envoyée" only once the server acknowledged it.
  await workerContext.setOffline(false);
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('referral-status')).toHaveText('Envoyée');

  // The partner, in another browser, finds it in its inbox and refuses it with a reason.
  const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
  await partner.goto('/orientations');
  const received = partner.getByTestId('referrals-received').getByTestId('referral');
  await expect(received).toHaveCount(1);
  await received.getByRole('link', { name: 'Awa Diallo' }).click();
  await expect(partner.getByText('Merci de la recevoir rapidement')).toBeVisible();
  await partner.getByLabel('Motif du refus').selectOption({ label: 'Complet' });
  await partner.getByLabel(/^Note/).fill(personal('Plus de place avant le mois prochain'));
  await partner.getByRole('button', { name: 'Refuser' }).click();
  await expect(partner.getByTestId('referral-status')).toHaveText('Refusée');

  // The worker sees the refusal and its reason after a sync.
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('referral-status')).toHaveText('Refusée');
  await expect(worker.getByTestId('referral-reason')).toHaveText('Motif : Complet');
  await expect(worker.getByTestId('referral-history')).toContainText('Plus de place avant le mois prochain');
  // The demo worker belongs to a team (its MDM, server/demo-accounts.ts): its list is the team's.
  await worker.goto('/orientations');
  await expect(worker.getByRole('heading', { name: 'Envoyées par votre équipe' })).toBeVisible();
  await expect(worker.getByTestId('referrals-sent').getByTestId('referral')).toContainText('Awa Diallo');

  await workerContext.close();
  await partnerContext.close();
});
