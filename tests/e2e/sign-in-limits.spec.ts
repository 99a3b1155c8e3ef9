import { expect, test } from '@playwright/test';
import { type PrivateServer, startPrivateServer } from '../../scripts/private-server.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';

// A tablet whose address has had too many codes refused: the sign-in screen says so in French, with the wait.
// On a private server, since the shared one must keep letting the other specs sign in from this address.
let server: PrivateServer;
test.beforeAll(async () => {
  server = await startPrivateServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('après trop de codes refusés depuis l’adresse, l’écran de connexion dit pourquoi et combien de temps attendre', async ({
  page,
}) => {
  await page.goto(`${server.url}/connexion`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  // Someone on the same network guessed codes (the browser and this test share the loopback address).
  let status = 0;
  for (let i = 0; status !== 429; i++) {
    expect(i, 'le serveur ne limite jamais les tentatives').toBeLessThan(100);
    const response = await page.request.post(`${server.url}/api/v1/session`, {
      data: { protocol: PROTOCOL_VERSION, code: `BSL-GUES-${String(i).padStart(4, '0')}-XXXX`, appareil: 'script' },
    });
    status = response.status();
  }

  await page.getByLabel("Code d'invitation").fill('bsl-abcd-efgh-jkmn');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#code-error')).toHaveText(
    'Connexion impossible : Trop de codes refusés depuis cette adresse réseau : réessayez dans 15 minutes. Vérifiez le code auprès de la coordination.',
  );
  await expect(page.getByLabel("Code d'invitation")).toHaveAttribute('aria-invalid', 'true');
});
