import { expect, type Page, test } from '@playwright/test';
import { fillLiaisonForm, signInAsDemo } from './helpers.ts';

// Nothing lost, no silent queue: a referral written offline to a partner that receives referrals, whose account the
// coordination disables before the device is back online, is refused by the server (422) and stays on the device,
// « Non transmise » with the reason, beside the fiche de liaison to print and the partner's phone — on a phone.

const PHONE = { width: 390, height: 844 };

function storedToken(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta', 'readonly').objectStore('meta').get('session');
          get.onsuccess = () => {
            resolve((get.result?.value as { token: string } | undefined)?.token ?? '');
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('une orientation écrite hors ligne vers un partenaire désactivé entre-temps reste sur l’appareil, non transmise, avec la fiche à imprimer et le téléphone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInAsDemo(coordinator, 'Coordination (Métropole, MDM tête de file)');
  const auth = { Authorization: `Bearer ${await storedToken(coordinator)}` };

  // A distribution whose partner signs in once: it receives referrals when the worker's device downloads it.
  const listing = await request.get('/api/v1/services?categorie=food_packages&limit=20');
  const services = ((await listing.json()) as { services: Array<{ id: string; structure_id: string }> }).services;
  const service = services.at(-1);
  if (!service) throw new Error('aucune distribution de colis dans la démo');
  const invited = await request.post('/api/v1/admin/invitations', {
    headers: auth,
    data: { protocol: 4, role: 'partenaire', nom: 'Accueil de la distribution', structure_id: service.structure_id },
  });
  expect(invited.status()).toBe(201);
  const { code, compte } = (await invited.json()) as { code: string; compte: { id: string } };
  expect((await request.post('/api/v1/session', { data: { protocol: 4, code, appareil: 'Poste' } })).status()).toBe(
    200,
  );

  const workerContext = await browser.newContext({ viewport: PHONE });
  const worker = await workerContext.newPage();
  await signInAsDemo(worker, 'Travailleur·se social·e');
  await workerContext.setOffline(true);
  await worker.goto(`/orientations/nouvelle/${encodeURIComponent(service.id)}`);
  await fillLiaisonForm(worker);
  await worker.getByLabel(/a donné son accord/).check();
  await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await worker.waitForURL(/\/orientations\/ref-/);
  await expect(worker.getByTestId('referral-status')).toHaveText('En attente d’envoi');

  // Meanwhile the coordination disables the partner's account: nobody would read the referral any more.
  const disabled = await request.post(`/api/v1/admin/accounts/${compte.id}/disable`, { headers: auth, data: {} });
  expect(disabled.status()).toBe(200);

  await workerContext.setOffline(false);
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('referral-status')).toContainText(
    'Non transmise par le serveur : Ce partenaire ne reçoit pas les orientations dans Boussole',
  );
  const notice = worker
    .getByRole('status')
    .filter({ hasText: 'Cette orientation n’a pas été transmise au partenaire' });
  await expect(notice.getByRole('button', { name: 'Imprimer la fiche de liaison' })).toBeVisible();
  await expect(notice.getByRole('link', { name: /^Appeler le / })).toHaveAttribute('href', /^tel:\+?\d+$/);
  // The fiche as written is still there to print.
  await expect(worker.getByTestId('answer-personne_nom')).toHaveText('Awa Diallo');
  const overflow = await worker.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await worker.screenshot({ path: test.info().outputPath('orientation-non-transmise-390.png'), fullPage: true });

  // Still there after a reload: in the list too, never dropped.
  await worker.goto('/orientations');
  await expect(worker.getByText(/Non transmise par le serveur/).first()).toBeVisible();
});
