import { type BrowserContext, type ConsoleMessage, expect, type Page, type Response, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';
import { personal } from './personal-data.ts';

// The app runs under its Content-Security-Policy (server/http/content-security-policy.ts) with nothing refused:
// every screen a coordinator opens online, then with no network a reload, an orientation and its handout. Any
// violation fails the test; an injected inline script at the end proves that the policy is enforced on the
// offline page and that a violation would have been seen.
// After the first visit every navigation is answered by the service worker from its precache, online too: the
// header must survive there. It does (the Cache API keeps a response's headers and Workbox serves the cached
// index.html as it is), so index.html carries no <meta> copy of the policy; a server that sent the header to
// navigations only, not to the service worker's precache download, fails this test at the second screen.

/**
 * Violations reported anywhere in the context: console errors of the pages, of their workers (the directory
 * download runs in one) and of the service worker, and the `securitypolicyviolation` events of each document.
 */
function watchViolations(context: BrowserContext, page: Page): () => Promise<string[]> {
  const logged: string[] = [];
  const keep = (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  };
  context.on('console', keep);
  page.on('worker', (worker) => worker.on('console', keep));
  context.on('serviceworker', (worker) => worker.on('console', keep));
  for (const worker of context.serviceWorkers()) worker.on('console', keep);
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

function expectPolicy(response: Pick<Response, 'headers'> | null) {
  const policy = response?.headers()['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(policy, `Content-Security-Policy: ${policy}`).toContain(directive);
  }
  expect(policy).not.toContain('unsafe-');
}

/** Adds an inline script, as an injected one would be: a page under the policy refuses it (one violation). */
const inlineScriptRuns = (page: Page) =>
  page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
  });

/** Every screen of a coordinator, each a chunk of its own (scripts and styles loaded on demand). */
const SCREENS: Array<[string, string]> = [
  ['/annuaire', 'Annuaire des partenaires'],
  ['/orientation', 'Nouvelle orientation'],
  ['/fiche', 'Vos adresses pour l’alimentation'],
  ['/couverture', 'Couverture et manques'],
  ['/donnees', 'Données ouvertes : export et import'],
  ['/orientations', 'Orientations : les chiffres'],
  ['/propositions', 'Propositions de partenaires'],
  ['/agenda', 'Agenda des actions'],
  ['/signalements', 'Signalements'],
  ['/campagnes', 'Campagnes de mise à jour'],
  ['/synchronisation', 'Synchronisation'],
];

test.describe('Content-Security-Policy', () => {
  test.describe.configure({ timeout: 120_000 });

  test('l’application tourne sous sa politique, en ligne puis hors ligne, sans aucune violation', async ({
    page,
    context,
    request,
  }) => {
    const violations = watchViolations(context, page);
    expectPolicy(await page.goto('/'));
    await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
    expect(await violations()).toEqual([]);
    await signInAsDemo(page, 'Coordination (Métropole, MDM tête de file)');

    for (const [path, title] of SCREENS) {
      expectPolicy(await page.goto(path));
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    }
    // A partner's sheet, reached from the directory as a person would.
    await page.goto('/annuaire');
    await page.locator('.result-card a').first().click();
    await expect(page).toHaveURL(/\/partenaires\//);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);

    // Offline, the service worker answers the reload from its precache: the policy still holds.
    await context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expectPolicy(offline);
    // An orientation and its handout offline: the matcher, the hours library and the QR codes run on the device.
    await page.goto('/orientation');
    await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
    await page.getByRole('button', { name: /^Vénissieux/ }).click();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Aide alimentaire (colis, distribution)').check();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page
      .getByTestId('result')
      .getByRole('button', { name: /^Ajouter à la liste/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Voir la liste à remettre' }).first().click();
    await expect(page.locator('svg.qr')).toHaveCount(1);
    expect(await violations()).toEqual([]);
    expect(await inlineScriptRuns(page)).toBe(false);
    // Seen twice: in the console and as the document's event.
    await expect.poll(async () => (await violations()).length).toBe(2);
    for (const seen of await violations()) expect(seen).toMatch(/script-src/);

    // The API's answers carry the policy too (a JSON answer opened as a page runs nothing either).
    await context.setOffline(false);
    expectPolicy(await request.get('/api/v1/health'));
  });
});
