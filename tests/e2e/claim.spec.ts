import { expect, test } from '@playwright/test';
import { signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// Partners on board from the app alone: a visitor who runs a place without account asks for it on its sheet
// (« Je gère ce lieu »), a coordinator accepts in Administration, the code on the letter signs the partner in, and
// its listing then says it receives referrals in Boussole (the server sets it at the first sign-in; the device
// learns it at its next sync).

const TABLET = { width: 1024, height: 800 };

test.describe('Je gère ce lieu', () => {
  test.describe.configure({ timeout: 120_000 });

  test('un visiteur demande le compte d’un lieu, la coordination accepte, le partenaire se connecte avec le code et sa fiche reçoit les orientations', async ({
    browser,
    request,
  }) => {
    const listed = await request.get('/api/v1/structures?limit=100');
    const { structures } = (await listed.json()) as {
      structures: Array<{ id: string; nom: string; recoit_orientations?: boolean }>;
    };
    const place = structures.find((s) => s.recoit_orientations !== true);
    if (!place) throw new Error('aucun lieu sans compte partenaire dans la démo');

    // The visitor, not signed in, on the sheet of that place.
    const visitorContext = await browser.newContext({ viewport: TABLET });
    const visitor = await visitorContext.newPage();
    await visitor.goto('/');
    await waitForServiceWorkerControl(visitor);
    await visitor.goto(`/partenaires/${encodeURIComponent(place.id)}`);
    await expect(visitor.getByRole('heading', { level: 1, name: place.nom, exact: true })).toBeVisible();
    await visitor.getByRole('button', { name: 'Je gère ce lieu' }).click();
    await visitor.getByLabel('Votre nom et prénom').fill(personal('Gérante Martine Lefort'));
    // A contact nobody can call is refused beside its field, and nothing is sent.
    await visitor.getByLabel(/Un téléphone ou une adresse e-mail/).fill('demain');
    await visitor.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(visitor.locator('#claim-contact-err')).toContainText('téléphone');
    await visitor.getByLabel(/Un téléphone ou une adresse e-mail/).fill(personal('04 72 10 20 30'));
    await visitor.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(visitor.getByRole('status').filter({ hasText: 'Demande envoyée' })).toBeVisible();
    await visitor.screenshot({ path: test.info().outputPath('demande-envoyee.png') });

    // The coordinator sees the claim in Administration and accepts it: a partner invitation for that place.
    const coordinatorContext = await browser.newContext({ viewport: TABLET });
    const coordinator = await coordinatorContext.newPage();
    await signInAsDemo(coordinator, 'Coordination (Métropole, MDM tête de file)');
    await coordinator.goto('/administration');
    const claims = coordinator.getByRole('region', { name: /Demandes de partenaires/ });
    const claim = claims.locator('.admin-card', { has: coordinator.getByRole('heading', { name: place.nom }) });
    await expect(claim).toContainText('Gérante Martine Lefort — contact : 04 72 10 20 30');
    await claim.getByRole('button', { name: 'Accepter et créer le code' }).click();
    const letter = coordinator.getByRole('region', { name: 'Lettre d’invitation' });
    await expect(letter).toContainText('Pour Gérante Martine Lefort — Partenaire');
    const code = (await letter.getByTestId('invitation-code').textContent()) ?? '';
    expect(code).toMatch(/^BSL-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const address = new URL((await letter.locator('.letter-address').textContent()) ?? '');
    await expect(claims).toContainText('Aucune demande en attente.');
    await coordinator.screenshot({ path: test.info().outputPath('demande-acceptee.png'), fullPage: true });

    // The partner signs in with the letter's code, on the visitor's device.
    await visitor.goto(address.pathname + address.search);
    await expect(visitor.getByLabel(/Code d.invitation/)).toHaveValue(code);
    await visitor.getByRole('button', { name: 'Se connecter' }).click();
    await visitor.waitForURL((url) => url.pathname === '/');
    await expect(visitor.getByTestId('account')).toContainText('Gérante Martine Lefort');

    // After a sync its listing says it receives referrals, and offers no claim any more.
    await visitor.goto('/synchronisation');
    await visitor
      .getByRole('button', { name: /Synchroniser/ })
      .first()
      .click();
    await visitor.goto(`/partenaires/${encodeURIComponent(place.id)}`);
    await expect(visitor.getByTestId('partner-reach')).toHaveText(/reçoit les orientations dans Boussole/);
    await expect(visitor.getByRole('button', { name: 'Je gère ce lieu' })).toHaveCount(0);
    await visitor.screenshot({ path: test.info().outputPath('fiche-recoit-orientations.png'), fullPage: true });
  });
});
