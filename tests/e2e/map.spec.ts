import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// The map: a worker on a phone or a tablet, with no network, sees an orientation's results and the
// Annuaire's on a map of the Métropole drawn from the outlines on the device, picks a point with a finger or the
// keyboard, and a coordinator touches a commune of the coverage map. Screenshots are attached to the report.

/** The GPS position a phone in Vénissieux gives: shown on the map, never stored or sent (checked below). */
const VENISSIEUX = { latitude: 45.69871, longitude: 4.88237 };

/** Where on the device a text is kept: the URL, web storage, every IndexedDB store (the app's reads are not used). */
function keptOnDevice(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(async (needles) => {
    const found: string[] = [];
    const check = (where: string, text: string) => {
      for (const n of needles) if (text.includes(n)) found.push(`${where} : ${n}`);
    };
    check('adresse', location.href);
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        check('stockage web', `${key}${storage.getItem(key) ?? ''}`);
      }
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        check(`${name}/${store}`, JSON.stringify(rows));
      }
      db.close();
    }
    return found;
  }, needles);
}

async function firstVisitOnline(page: Page) {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
}

/** Every axe rule, every impact, on the map alone: the map is new, it starts clean. */
async function mapViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function noHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'défilement horizontal').toBeLessThanOrEqual(client);
}

async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** An orientation for a family needing food aid, the results step on screen, all offline. */
async function orientationResults(page: Page, how: 'position' | 'commune') {
  await page.goto('/orientation');
  if (how === 'position') {
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    await expect(page.getByTestId('commune-status')).toContainText('Position trouvée : Vénissieux');
  } else {
    await page.getByLabel('Commune ou code postal').fill(personal('Vénis'));
    await page.getByRole('button', { name: /^Vénissieux/ }).click();
  }
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Aide alimentaire (colis, distribution)').check();
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await expect(page.getByTestId('orientation-count')).toHaveText(/^[1-9]\d* partenaires? correspond/);
  await expect(page.getByText(/Horaires en cours de chargement/)).toHaveCount(0);
}

test.describe('sur un téléphone (390 × 844), hors ligne', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: VENISSIEUX,
    permissions: ['geolocation'],
  });
  test.describe.configure({ timeout: 120_000 });

  test('la carte d’une orientation : la personne, les points au doigt, la carte d’un lieu et sa fiche ; rien ne déborde ; axe', async ({
    page,
    context,
  }, testInfo) => {
    await firstVisitOnline(page);
    await context.setOffline(true);
    await orientationResults(page, 'position');

    // The list stays the main view: the map is asked for.
    await expect(page.getByRole('button', { name: 'Liste', pressed: true })).toBeVisible();
    await expect(page.getByTestId('results-map')).toHaveCount(0);
    await page.getByRole('button', { name: 'Carte', exact: true }).tap();
    const map = page.getByTestId('results-map');
    await expect(map).toBeVisible();
    await expect(page.getByRole('list', { name: 'Correspondent à la situation' })).toHaveCount(0);
    await expect(map.getByRole('img', { name: 'Position de la personne' })).toBeVisible();
    const points = map.getByRole('list', { name: /^Lieux sur la carte/ }).getByRole('button');
    expect(await points.count()).toBeGreaterThan(1);
    await expect(map.getByTestId('map-names')).toContainText('Vénissieux');

    // A finger-sized target around every dot.
    for (const box of await points.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await map.scrollIntoViewIfNeeded();
    await snapshot(page, testInfo, 'carte-orientation-390');

    // Touching a point opens its card: name, address, next opening, the partner sheet.
    const first = points.first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    await first.tap();
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    const card = page.getByRole('region', { name: 'Lieu sélectionné' });
    const item = card.getByTestId('map-card-item').first();
    const name = (await item.locator('.map-card-name').textContent()) ?? '';
    expect(label).toContain(name);
    await expect(item).toContainText(/\d{5} /);
    await expect(item.locator('.hours-status')).toHaveText(
      /^(Ouvert|Ouvre|Fermé|Aucune ouverture|Horaires non renseignés)/,
    );
    await expect(card).toBeInViewport();
    await snapshot(page, testInfo, 'carte-orientation-390-point');

    await noHorizontalScroll(page);
    expect(await mapViolations(page, '[data-testid="results-map"]')).toEqual([]);
    // The position is on the map and nowhere else on the device (nor in the server's logs: personal()).
    const position = [personal(String(VENISSIEUX.latitude)), personal(String(VENISSIEUX.longitude))];
    expect(await keptOnDevice(page, position)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await noHorizontalScroll(page);

    // The card leads to the partner sheet, offline too.
    await item.getByRole('link', { name: `Voir la fiche partenaire : ${name}` }).tap();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('la carte de couverture nomme les communes et ouvre celle qu’on touche', async ({ page, context }, testInfo) => {
    await signInAsDemo(page, 'Coordination (Métropole, MDM tête de file)');
    await page.goto('/couverture');
    await expect(page.getByRole('heading', { level: 1, name: 'Couverture et manques' })).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    const map = page.getByTestId('coverage-map');
    await expect(map.getByRole('img')).toHaveCount(58);
    const names = page.getByTestId('map-names');
    for (const commune of ['Lyon', 'Villeurbanne', 'Vénissieux']) await expect(names).toContainText(commune);

    await map.locator('path[data-code="69259"]').tap();
    const detail = page.getByRole('region', { name: 'Commune choisie sur la carte' });
    await expect(detail.getByRole('heading', { name: 'Vénissieux' })).toBeInViewport();
    await expect(detail).toContainText(/\d+ services?, dont \d+ en accueil inconditionnel|Aucun service/);
    await expect(page.getByLabel('Territoire', { exact: true })).toHaveValue('69259');
    await snapshot(page, testInfo, 'couverture-390-commune');
    expect(await mapViolations(page, '.coverage-map')).toEqual([]);
    await detail.getByRole('button', { name: 'Voir les acteurs à Vénissieux' }).tap();
    await expect(page.getByLabel('Territoire', { exact: true })).toBeFocused();
  });
});

test.describe('sur une tablette (1024 × 768), hors ligne', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  test.describe.configure({ timeout: 120_000 });

  test('au clavier : Tab entre dans la carte, les flèches passent d’un point à l’autre, Entrée ouvre, Échap ferme', async ({
    page,
    context,
  }, testInfo) => {
    await firstVisitOnline(page);
    await context.setOffline(true);
    await orientationResults(page, 'commune');

    await page.getByRole('button', { name: 'Carte', exact: true }).focus();
    await page.keyboard.press('Enter');
    const map = page.getByTestId('results-map');
    const points = map.getByRole('list', { name: /^Lieux sur la carte/ }).getByRole('button');
    await expect(points.first()).toBeVisible();
    // One Tab stop for all the points: the first one.
    await expect(points.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
    for (let i = 0; i < 10 && !(await points.first().evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(points.first()).toBeFocused();
    expect(await points.first().evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    // An arrow leads to another point; which one depends on where they are, so try each way.
    const before = await points.first().getAttribute('data-id');
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-id'))) !== before) break;
    }
    const focused = page.locator('.map-point:focus');
    await expect(focused).toHaveCount(1);
    expect(await focused.getAttribute('data-id')).not.toBe(before);
    const label = (await focused.getAttribute('aria-label')) ?? '';

    await page.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-expanded', 'true');
    const card = page.getByRole('region', { name: 'Lieu sélectionné' });
    const name = (await card.locator('.map-card-name').first().textContent()) ?? '';
    expect(label).toContain(name);
    await expect(focused).toBeFocused();
    await snapshot(page, testInfo, 'carte-orientation-1024-clavier');
    await page.keyboard.press('Escape');
    await expect(card.getByTestId('map-card-item')).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(card.getByTestId('map-card-item').first()).toBeVisible();
    await noHorizontalScroll(page);
    expect(await mapViolations(page, '[data-testid="results-map"]')).toEqual([]);
  });

  test('l’Annuaire : la page de résultats de la liste sur la carte, un point touché', async ({
    page,
    context,
  }, testInfo) => {
    await firstVisitOnline(page);
    await context.setOffline(true);
    await page.goto('/annuaire?q=epicerie');
    const list = page.getByRole('list', { name: 'Résultats' });
    // The list's page: twenty cards at most, the first ones drawn with the answer and the others just after.
    await expect(page.getByTestId('result-count')).toContainText('trouvés');
    const found = Number((await page.getByTestId('result-count').textContent())?.replace(/\D/g, ''));
    const listed = Math.min(found, 20);
    expect(listed).toBeGreaterThan(1);
    await expect(list.getByRole('listitem')).toHaveCount(listed);

    await page.getByRole('button', { name: 'Carte', exact: true }).tap();
    const map = page.getByTestId('results-map');
    await expect(map).toBeVisible();
    await expect(map).toContainText(`Les ${listed} premiers résultats sur`);
    const points = map.getByRole('list', { name: /^Lieux sur la carte/ }).getByRole('button');
    // Every service of the list's page is on the map, alone or in a group of places too close to tell apart — once
    // the directory is read: until then a result answered from the start-up copy is placed at its commune's centre,
    // and one whose commune has none waits for its own position.
    const placed = async () => {
      const labels = await points.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      return labels.reduce((n, l) => n + Number(/^(\d+) lieux proches/.exec(l)?.[1] ?? 1), 0);
    };
    await expect.poll(placed).toBe(listed);
    await snapshot(page, testInfo, 'carte-annuaire-1024');

    await points.last().tap();
    await expect(
      page.getByRole('region', { name: 'Lieu sélectionné' }).getByTestId('map-card-item').first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Liste', exact: true }).tap();
    await expect(list.getByRole('listitem')).toHaveCount(listed);
  });
});
