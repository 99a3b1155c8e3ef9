import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { fillLiaisonForm, signInAsDemo } from './helpers.ts';
import { personal } from './personal-data.ts';

// A coordinator runs accounts from the app. At 1024 px a coordinator invites a partner, the partner signs
// in with the printed code (the letter's address carries it); at 390 px the screen never scrolls sideways; a
// device the coordination revokes erases its referrals and says so; a partner orients a person to another partner.

const TABLET = { width: 1024, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The device's session as the app stored it (token, client id), read with the raw IndexedDB API. */
function storedSession(page: Page): Promise<{ token: string; clientId: string } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta', 'readonly').objectStore('meta').get('session');
          get.onsuccess = () => {
            resolve((get.result?.value as { token: string; clientId: string } | undefined) ?? null);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

function referralCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('referrals', 'readonly').objectStore('referrals').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

async function coordinatorPage(browser: Browser, viewport = TABLET) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInAsDemo(page, 'Coordination (Métropole, MDM tête de file)');
  return { context, page };
}

/** A partner account for a structure, signed in once through the API: its listing then receives referrals. */
async function activePartnerOf(request: APIRequestContext, coordinatorToken: string, structureId: string) {
  const invited = await request.post('/api/v1/admin/invitations', {
    headers: { Authorization: `Bearer ${coordinatorToken}` },
    data: { protocol: 4, role: 'partenaire', nom: 'Partenaire de test', structure_id: structureId },
  });
  expect(invited.status()).toBe(201);
  const { code } = (await invited.json()) as { code: string };
  const signedIn = await request.post('/api/v1/session', { data: { protocol: 4, code, appareil: 'Poste' } });
  expect(signedIn.status()).toBe(200);
}

test.describe('Administration', () => {
  test.describe.configure({ timeout: 120_000 });

  test('un coordinateur invite un partenaire depuis l’application ; le partenaire se connecte avec le code imprimé', async ({
    browser,
  }) => {
    const { page } = await coordinatorPage(browser);
    await page.goto('/administration');
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await page.getByLabel('Rôle').selectOption('partenaire');
    await page.getByLabel('Nom et prénom (ou nom du poste)').fill('Gérante de l’épicerie');
    const structure = page.getByLabel(/^Structure/);
    await structure.selectOption({ index: 3 });
    const structureName = (await structure.locator('option:checked').textContent())?.replace(/ \(.*\)$/, '') ?? '';
    await page.getByRole('button', { name: 'Créer le code d’invitation' }).click();

    const letter = page.getByRole('region', { name: 'Lettre d’invitation' });
    await expect(letter).toContainText('Pour Gérante de l’épicerie — Partenaire');
    await expect(letter.getByRole('img', { name: /Code QR/ })).toBeVisible();
    const code = (await letter.getByTestId('invitation-code').textContent()) ?? '';
    expect(code).toMatch(/^BSL-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const address = (await letter.locator('.letter-address').textContent()) ?? '';
    expect(address).toContain(`/connexion?code=${code}`);
    await page.screenshot({ path: test.info().outputPath('administration-lettre-1024.png'), fullPage: true });
    // The screen with its letter open: no serious or critical WCAG 2.1 AA violation, focus on the letter.
    await expect(letter.getByRole('heading', { name: 'Lettre d’invitation' })).toBeFocused();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );

    // The partner, on its own device, opens the letter's address: the code is filled in.
    const partnerContext = await browser.newContext({ viewport: TABLET });
    const partner = await partnerContext.newPage();
    await partner.goto(new URL(address).pathname + new URL(address).search);
    await expect(partner.getByLabel(/Code d.invitation/)).toHaveValue(code);
    await partner.getByRole('button', { name: 'Se connecter' }).click();
    await partner.waitForURL((url) => url.pathname === '/');
    await expect(partner.getByTestId('account')).toContainText('Gérante de l’épicerie');

    // Back in Administration: the account is active, with its device, and the action is in the journal.
    await page.reload();
    const card = page.locator('.admin-card', { has: page.getByRole('heading', { name: 'Gérante de l’épicerie' }) });
    await expect(card).toContainText('Actif');
    await expect(card).toContainText(structureName);
    await expect(card).toContainText('1 appareil');
    await expect(page.getByRole('region', { name: 'Journal des actions' })).toContainText(
      'Coordination de démonstration a invité Gérante de l’épicerie',
    );
  });

  test('à 390 px l’écran Administration ne défile pas en largeur', async ({ browser }) => {
    const { page } = await coordinatorPage(browser, PHONE);
    await page.goto('/administration');
    await expect(page.getByRole('heading', { name: 'Comptes' })).toBeVisible();
    await expect(page.locator('.admin-card').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath('administration-390.png'), fullPage: true });
  });

  test('un appareil révoqué par la coordination efface ses orientations et le dit', async ({ browser, request }) => {
    // Not the demo partner's épicerie (the first one): its inbox belongs to referral.spec.ts. Another one, whose
    // own partner account signs in first so that it receives referrals.
    const { page: coordinator } = await coordinatorPage(browser);
    const coordinatorSession = await storedSession(coordinator);
    const listing = await request.get('/api/v1/services?categorie=social_grocery_stores&limit=20');
    const groceries = ((await listing.json()) as { services: Array<{ id: string; structure_id: string }> }).services;
    const service = groceries.find((s) => s.structure_id !== groceries[0]?.structure_id);
    if (!service) throw new Error('pas assez d’épiceries sociales dans la démo');
    await activePartnerOf(request, coordinatorSession?.token ?? '', service.structure_id);
    const workerContext = await browser.newContext({ viewport: TABLET });
    const worker = await workerContext.newPage();
    await signInAsDemo(worker, 'Travailleur·se social·e');
    await worker.goto(`/orientations/nouvelle/${encodeURIComponent(service.id)}`);
    await fillLiaisonForm(worker);
    await worker.getByLabel(/a donné son accord/).check();
    await worker.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await worker.waitForURL(/\/orientations\/ref-/);
    await expect.poll(() => referralCount(worker)).toBeGreaterThan(0);
    const workerSession = await storedSession(worker);

    const revoked = await request.post(`/api/v1/admin/devices/${workerSession?.clientId}/revoke`, {
      headers: { Authorization: `Bearer ${coordinatorSession?.token}` },
    });
    expect(revoked.status()).toBe(200);

    // The app may hear of the revocation from a sync of its own and reload first, aborting this navigation.
    await expect(async () => {
      await worker.goto('/synchronisation');
    }).toPass();
    await worker
      .getByRole('button', { name: /Synchroniser/ })
      .first()
      .click();
    await expect(worker.getByRole('alert').filter({ hasText: 'déconnecté par la coordination' })).toBeVisible();
    await expect(worker.getByRole('alert')).toContainText('Ses données personnelles ont été effacées');
    expect(await referralCount(worker)).toBe(0);
    expect(await storedSession(worker)).toBeNull();
    await worker.screenshot({ path: test.info().outputPath('appareil-revoque.png') });
  });

  test('un partenaire cherche dans l’annuaire, oriente une personne et envoie une orientation à une autre structure', async ({
    browser,
    request,
  }) => {
    // The other structure must receive referrals in Boussole: a partner account of its own signs in first.
    const { page: coordinator } = await coordinatorPage(browser);
    const token = (await storedSession(coordinator))?.token ?? '';
    const services = await request.get('/api/v1/services?categorie=food_packages&limit=5');
    const found = ((await services.json()) as { services: Array<{ id: string; structure_id: string; nom: string }> })
      .services;
    const target = found[0];
    const elsewhere = found.find((s) => s.structure_id !== target?.structure_id);
    if (!target || !elsewhere) throw new Error('pas assez de distributions de colis dans la démo');
    await activePartnerOf(request, token, target.structure_id);
    const sheet = await request.get(`/api/v1/structures/${target.structure_id}`);
    const targetName = ((await sheet.json()) as { structure: { nom: string } }).structure.nom;

    const partnerContext = await browser.newContext({ viewport: TABLET });
    const partner = await partnerContext.newPage();
    await signInAsDemo(partner, 'Partenaire (structure)');
    // No silent queue: a partner nobody reads in Boussole is named, with the printed fiche and no send button.
    await partner.goto(`/orientations/nouvelle/${encodeURIComponent(elsewhere.id)}`);
    const notice = partner.getByRole('status').filter({ hasText: 'ne reçoit pas les orientations dans Boussole' });
    await expect(notice).toBeVisible();
    // The form below prints the fiche de liaison instead of sending it.
    await expect(partner.getByRole('button', { name: 'Imprimer la fiche de liaison' })).toBeVisible();
    await expect(partner.getByRole('button', { name: 'Envoyer l’orientation' })).toHaveCount(0);
    await partner.screenshot({ path: test.info().outputPath('partenaire-sans-compte.png') });

    await partner.goto('/annuaire');
    await partner.getByLabel('Rechercher', { exact: true }).fill(targetName);
    await partner.getByRole('button', { name: 'Rechercher' }).click();
    // The card of the target's own service (the demo has partners of similar names, and « … – site 2 »).
    await partner
      .getByRole('list', { name: 'Résultats' })
      .locator(`a[href^="/partenaires/${encodeURIComponent(target.structure_id)}#"]`)
      .first()
      .click();
    await expect(partner.getByRole('heading', { level: 1, name: targetName, exact: true })).toBeVisible();
    await partner
      .getByRole('link', { name: `Orienter vers ${target.nom} (fiche de liaison)` })
      .first()
      .click();
    await expect(
      partner.getByRole('heading', { level: 1, name: `Orienter vers ${targetName}`, exact: true }),
    ).toBeVisible();
    await expect(partner.getByText('ne reçoit pas les orientations dans Boussole')).toHaveCount(0);
    await fillLiaisonForm(partner);
    await partner.getByLabel(/a donné son accord/).check();
    await partner.getByLabel('Message au partenaire (facultatif)').fill(personal('Orientée par l’épicerie'));
    await partner.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await partner.waitForURL(/\/orientations\/ref-/);
    await expect(partner.getByTestId('referral-status')).not.toHaveText('En attente d’envoi');
  });
});
