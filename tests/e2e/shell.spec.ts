// The shell on a phone and a tablet: one bar of at most 64 px, every screen of a role one tap away in
// the menu, the account menu's sign-out with its warning, and one truthful count of what waits to be sent.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { fillLiaisonForm, signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };

const ROLES = [
  { label: null, screens: 7 },
  { label: 'Travailleur·se social·e', screens: 10 },
  { label: 'Partenaire (structure)', screens: 11 },
  { label: 'Coordination (Métropole, MDM tête de file)', screens: 14 },
] as const;

async function barHeight(page: Page): Promise<number> {
  return (await page.locator('header.app-bar').boundingBox())?.height ?? Number.POSITIVE_INFINITY;
}

/** Whether the element's box lies inside the viewport, without scrolling. */
async function inFirstScreen(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const viewport = page.viewportSize();
  return box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

const PARTNER = 'Partenaire (structure)';

/**
 * A coordinator launches an update campaign asking the partner signed in on `partner`, which then syncs: its Accueil
 * shows the campaign's banner. Whether another spec launched one before does not matter: one is running here.
 */
async function launchCampaignAsking(browser: Browser, partner: Page): Promise<void> {
  const own = await partner.getByRole('link', { name: 'Ma fiche partenaire', exact: true }).getAttribute('href');
  const coordinator = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signInAsDemo(coordinator, 'Coordination (Métropole, MDM tête de file)');
  await coordinator.goto(own ?? '/');
  await expect(coordinator.getByRole('heading', { level: 1 })).not.toHaveText('Accueil');
  const name = (await coordinator.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  await coordinator.goto('/campagnes/nouvelle');
  await coordinator.getByLabel('Nom de la campagne').fill('Vérification du printemps');
  const fin = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await coordinator.getByLabel('Fin', { exact: true }).fill(fin);
  await coordinator
    .getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })
    .check();
  await coordinator.getByRole('button', { name: 'Lancer la campagne' }).click();
  // (Its own card: another spec may have launched a campaign before.)
  await expect(
    coordinator.getByRole('article', { name: 'Vérification du printemps' }).getByTestId('campaign-counts'),
  ).toBeVisible();
  await coordinator.goto('/synchronisation');
  await expect(coordinator.getByTestId('pending-none')).toBeVisible();
  await coordinator.context().close();
  await partner.getByRole('button', { name: 'Synchroniser' }).first().click();
  await expect(partner.getByTestId('campaign-banner')).toBeVisible();
}

async function pageFor(browser: Browser, role: string | null): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  if (role) await signInAsDemo(page, role);
  else {
    await page.goto('/');
    await waitForServiceWorkerControl(page);
  }
  return page;
}

/**
 * The campaign's banner, named by a campaign, its link in the first screen. On a phone it is one line: the campaign's
 * name and end date are behind a button, opened and closed with the keyboard; on a tablet they are in view, unless
 * several campaigns ask at once (another spec may have launched one): then it is folded as on a phone.
 */
async function expectCampaignBanner(page: Page, size: typeof PHONE): Promise<void> {
  const banner = page.getByRole('complementary', { name: /^Campagne de mise à jour : / });
  await expect(banner).toBeVisible();
  await expect
    .poll(() => inFirstScreen(page, banner.getByRole('link', { name: 'Vérifier ma fiche partenaire' })))
    .toBe(true);
  const details = banner
    .getByText('La coordination vous demande de vérifier votre fiche partenaire', { exact: false })
    .first();
  const toggle = banner.getByRole('button', { name: 'Détails de la campagne' });
  if (size === TABLET && (await banner.locator('.campaign-details > div').count()) === 1) {
    await expect(toggle).toHaveCount(0);
    await expect(details).toBeVisible();
    return;
  }
  const line = await banner.boundingBox();
  expect(line?.height, 'bandeau sur une ligne').toBeLessThanOrEqual(64);
  await expect(details).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(details).toBeVisible();
  await expect(banner.getByText('Campagne de mise à jour : Vérification du printemps')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(details).toBeHidden();
}

for (const { label, screens } of ROLES) {
  test(`${label ?? 'sans compte'} : à 390 et à 1024 px, une barre de 64 px au plus, l’accueil sans défiler, chaque écran dans le menu`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await pageFor(browser, label);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A partner is asked by a running update campaign: its banner is above Accueil.
    if (label === PARTNER) await launchCampaignAsking(browser, page);
    for (const size of [PHONE, TABLET]) {
      await page.setViewportSize(size);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
      expect(await barHeight(page), `barre à ${size.width} px`).toBeLessThanOrEqual(64);
      if (label === PARTNER) await expectCampaignBanner(page, size);
      // The first screen holds the search box and the orientation button (the storage notice and a campaign's banner
      // above them), once the account's first download (just signed in) has settled what the page shows.
      await expect.poll(() => inFirstScreen(page, page.getByLabel('Rechercher dans l’annuaire'))).toBe(true);
      await expect.poll(() => inFirstScreen(page, page.getByRole('link', { name: 'Nouvelle orientation' }))).toBe(true);

      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      const links = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link');
      await expect(links).toHaveCount(screens);
      const targets = await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
      for (const [href, name] of targets) {
        if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
        await page
          .getByRole('navigation')
          .getByRole('link', { name: name ?? '', exact: true })
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(href);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        // The menu has closed and focus is in the page (its heading, for some screens), not on a hidden link.
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect
          .poll(() => page.evaluate(() => document.getElementById('contenu')?.contains(document.activeElement)))
          .toBe(true);
        expect(await barHeight(page), `${href} à ${size.width} px`).toBeLessThanOrEqual(64);
      }
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
}

/** The layout shifts the page has had since it loaded, summed as cumulative layout shift counts them. */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
    observer.disconnect();
    return entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
  });
}

// A phone (overlay scrollbars), and a desktop whose scrollbar takes room when the list arrives.
for (const [path, ready, size] of [
  ['/', 'Accueil', PHONE],
  ['/annuaire', 'Annuaire des partenaires', PHONE],
  ['/', 'Accueil', { width: 1350, height: 940 }],
  ['/annuaire', 'Annuaire des partenaires', { width: 1350, height: 940 }],
] as const) {
  test(`${path} à ${size.width} px : rien ne bouge pendant qu’une première visite se remplit (décalage ≤ 0,05)`, async ({
    browser,
  }) => {
    const phone = size.width < 500;
    const context = await browser.newContext({ viewport: size, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: ready })).toBeVisible();
    // Everything that arrives after the first paint has arrived: the directory, the last sync, the storage answer.
    await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
    await expect(page.getByRole('button', { name: 'Compris' })).toBeVisible(); // headless storage is best effort
    if (path === '/annuaire') await expect(page.getByTestId('result-count')).toContainText(/\d/);
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.05);
    await context.close();
  });
}

test('une fiche partenaire ouverte par un compte connecté ne bouge pas quand ses horaires arrivent (décalage ≤ 0,05)', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAsDemo(page, 'Travailleur·se social·e');
  const sheet = await page.evaluate(async () => {
    const answer = await fetch('/api/v1/structures?limit=1');
    const { structures } = (await answer.json()) as { structures: Array<{ id: string }> };
    return `/partenaires/${encodeURIComponent(structures[0]?.id ?? '')}`;
  });
  // Opened as a person does from a link kept aside: the sheet is read from the device, its hours come after.
  await page.goto(sheet);
  await expect(page.getByTestId('services-status')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('structure-hours')).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.05);
  // Worked out by the hours worker: the 700 kB hours library is not compiled on the page for a sheet.
  const libraryOnPage = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((r) => r.name.includes('opening_hours')),
  );
  expect(libraryOnPage, 'the hours library loaded by the page itself').toBe(false);
  await context.close();
});

test('un lien vers une fiche partenaire ouvert à la première visite montre la fiche, jamais « introuvable »', async ({
  browser,
  request,
}) => {
  const listing = await request.get('/api/v1/structures?limit=1');
  const [first] = ((await listing.json()) as { structures: Array<{ id: string; nom: string }> }).structures;
  if (!first) throw new Error('annuaire vide');
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  // Whether « introuvable » was ever drawn, from the page's first script.
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.textContent?.includes('Fiche partenaire introuvable')) {
        (window as unknown as { __missingShown?: boolean }).__missingShown = true;
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  // The server's copy is asked for once, as the page starts: the sheet keeps it while the device's state moves.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === `/api/v1/structures/${encodeURIComponent(first.id)}`) asked.push(r.url());
  });
  const downloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/directory');
  await page.goto(`/partenaires/${encodeURIComponent(first.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: first.nom, exact: true })).toBeVisible();
  await expect(page.getByTestId('structure-hours')).toBeVisible();
  // The directory's download still comes, after the sheet.
  await downloaded;
  await expect(page.getByRole('heading', { level: 1, name: first.nom, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __missingShown?: boolean }).__missingShown ?? false)).toBe(
    false,
  );
  expect(asked).toHaveLength(1);
  // The sheet never reads the catalog (the search engine and the whole directory read into it): not loaded for it.
  const catalogLoaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((r) => /\/catalog-[\w-]+\.js$/.test(new URL(r.name).pathname)),
  );
  expect(catalogLoaded, 'the catalog chunk loaded on the sheet').toBe(false);
  await context.close();
});

test('une première visite pour se connecter ne charge pas le moteur de recherche ; connecté, l’accueil cherche', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const catalogLoaded = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').some((r) => /\/catalog-[\w-]+\.js$/.test(new URL(r.name).pathname)),
    );
  const downloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/directory');
  await page.goto('/connexion');
  await waitForServiceWorkerControl(page);
  // The directory is downloaded for use offline; the sign-in screen has no use for the search engine.
  await downloaded;
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
  expect(await catalogLoaded()).toBe(false);
  await page.getByRole('button', { name: 'Essayer en tant que Travailleur·se social·e' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  // The home page, reached without a reload, asks for it and searches.
  await page.getByLabel('Rechercher dans l’annuaire').fill('epicerie');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ services? trouvés?/);
  expect(await catalogLoaded()).toBe(true);
  await context.close();
});

for (const [path, chunk, title] of [
  ['/agenda', 'AgendaScreen', 'Agenda des actions'],
  ['/connexion', 'SignInScreen', 'Connexion'],
] as const) {
  test(`un lien vers ${path} ouvert à la première visite demande son écran dès le démarrage`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // Asked for as the entry script runs, while the device's database opens, not once the app has booted.
    const timing = await page.evaluate((name) => {
      const screen = performance
        .getEntriesByType('resource')
        .find((r) => new URL(r.name).pathname.startsWith(`/assets/${name}-`));
      const opened = performance.getEntriesByName('boussole:database-open')[0];
      return { screen: screen?.startTime, opened: opened?.startTime };
    }, chunk);
    expect(timing.screen).toBeDefined();
    expect(timing.opened).toBeDefined();
    expect(timing.screen ?? Number.POSITIVE_INFINITY).toBeLessThan(timing.opened ?? 0);
    await context.close();
  });
}

/** Every axe violation in the bar and its panels, whatever its impact. */
async function barViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('header.app-bar').analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('la barre tient à 360, 390 et 1024 px et axe n’y trouve rien, menus ouverts, hors ligne avec des envois en attente et un refus à revoir', async ({
  browser,
}) => {
  // A phone's scrollbars float over the page (isMobile): the bar has the whole width.
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAsDemo(page, 'Partenaire (structure)');
  await context.setOffline(true);
  // Something waiting: the partner confirms its listing (an ordinary offline edit).
  await page.getByRole('link', { name: 'Ma fiche partenaire', exact: true }).click();
  // (With the keyboard: in phone emulation the sheet is wider than the screen.)
  await page.getByRole('button', { name: 'Les informations sont à jour' }).press('Enter');
  await expect(page.getByTestId('pending-count')).toHaveText(/^\d+ en attente$/);
  // And something to review: a refused change, written as the sync would (raw IndexedDB), read again at reload.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('boussole');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('rejections', 'readwrite');
          tx.objectStore('rejections').add({
            mutationId: 99,
            recordKey: 'structure:inconnue',
            mutation: { id: 99, name: 'record.delete', args: { kind: 'structure', id: 'inconnue' } },
            reason: { code: 'interdit', message: 'Refusé pour le test' },
            at: new Date().toISOString(),
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto('/'); // (the sheet is wider than a phone today)
  await expect(page.getByTestId('review-count')).toHaveText(/1 à revoir/);
  for (const size of [{ width: 360, height: 740 }, PHONE, TABLET]) {
    await page.setViewportSize(size);
    // Nothing in the bar is cut off, pushed out or drawn over its neighbour, with a count to show.
    const bar = page.locator('header.app-bar');
    const problems = await bar.evaluate((header) => {
      const parts = [...header.children].filter((e) => getComputedStyle(e).position !== 'absolute');
      const found: string[] = [];
      if (header.scrollWidth > header.clientWidth) found.push('la barre déborde');
      for (const part of parts) {
        if (part.scrollWidth > part.clientWidth + 1) found.push(`${part.className} est coupé`);
      }
      // What a person sees, left to right: no piece drawn over the next.
      const pieces = [...header.querySelectorAll('.bar-button, .brand, .dot, .stuck, .count')]
        .map((e) => ({ name: e.className, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .sort((a, b) => a.box.left - b.box.left);
      pieces.forEach(({ name, box }, i) => {
        const next = pieces[i + 1];
        if (next && box.right > next.box.left + 1) found.push(`${name} recouvre ${next.name}`);
      });
      return found;
    });
    expect(problems, `barre à ${size.width} px`).toEqual([]);
    expect(await barViolations(page), `barre à ${size.width} px`).toEqual([]);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await barViolations(page), `menu à ${size.width} px`).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('account').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    expect(await barViolations(page), `compte à ${size.width} px`).toEqual([]);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.keyboard.press('Escape');
  }
  await context.close();
});

test('le menu se manie au clavier : ouvert avec Entrée, Échap le ferme et rend le focus au bouton', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Annuaire' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  // Tabbing past the last link closes it too.
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeFocused();
  const count = await nav.getByRole('link').count();
  for (let i = 0; i < count; i++) await page.keyboard.press('Tab');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('une orientation écrite hors ligne est en attente dans la barre et sur Synchronisation ; se déconnecter avertit qu’elle serait perdue', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const listing = await request.get('/api/v1/services?categorie=social_grocery_stores&limit=1');
  const [service] = ((await listing.json()) as { services: Array<{ id: string }> }).services;
  if (!service) throw new Error('aucune épicerie sociale dans la démo');
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signInAsDemo(page, 'Travailleur·se social·e');
  await expect(page.getByTestId('pending-count')).toHaveCount(0);

  await context.setOffline(true);
  await page.goto(`/orientations/nouvelle/${encodeURIComponent(service.id)}`);
  await fillLiaisonForm(page);
  await page.getByLabel(/a donné son accord/).check();
  await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('En attente d’envoi');

  // The bar counts it (on a phone the number shows, the words are read out) and leads to Synchronisation.
  await expect(page.getByTestId('connection')).toHaveText(/Hors ligne/);
  await expect(page.getByTestId('pending-count')).toHaveText('1 en attente');
  await expect(page.getByTestId('pending-count')).toBeVisible();
  await page.getByRole('link', { name: /1 en attente/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'En attente d’envoi (1)' })).toBeVisible();
  await expect(page.getByTestId('pending-none')).toHaveCount(0);
  const item = page.getByTestId('pending').getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Orientation : fiche de liaison à transmettre');
  await expect(item).toContainText('En attente d’envoi');
  await expect(page.getByText('Hors ligne : tout partira au retour du réseau')).toBeVisible();

  // Signing out would lose it: the account menu says so, and cancelling keeps everything.
  await page.getByTestId('account').click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByTestId('sign-out-warning')).toHaveText(/1 envoi en attente sera perdu/);
  await expect(page.getByTestId('sign-out-warning')).toBeFocused();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pending-count')).toHaveText('1 en attente');

  // Back online it leaves, and the two agree again.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(page.getByTestId('pending-none')).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveCount(0);

  // Nothing waits now: signing out only says what it erases, and the device is anonymous again.
  await page.getByTestId('account').click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByTestId('sign-out-warning')).toHaveText(
    'Les données de votre compte seront effacées de cet appareil.',
  );
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByTestId('account')).toHaveCount(0);
  await context.close();
});
