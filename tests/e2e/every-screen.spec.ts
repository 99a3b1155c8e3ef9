// Every screen of every role, as the field uses them: no sideways scroll at 360, 390, 768, 1024 and 1280 px (with
// every disclosure open, since an opened « Les 7 prochains jours » is what a person scrolls), tap targets a finger
// can hit, and axe with every rule and every impact — not only the serious ones.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { fillLiaisonForm, signInAsDemo, waitForServiceWorkerControl } from './helpers.ts';
import { demoGrocery, everyScreen, ROLES, type Role } from './screens.ts';

const WIDTHS = [360, 390, 768, 1024, 1280] as const;
/** The smallest tap target, in CSS pixels (WCAG 2.5.5 asks 44; text links inside sentences are exempt). */
const MIN_TARGET = 44;

async function open(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  if (role) await signInAsDemo(page, role);
  else {
    await page.goto('/');
    await waitForServiceWorkerControl(page);
  }
  return page;
}

/** Goes to the screen and waits until its heading is shown and nothing says it is still loading. */
async function show(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

/** Elements wider than the viewport or sticking out of it, named for the failure message. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const culprits: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      // Inside a region that scrolls on its own (a wide table), it does not move the page.
      let scrolled = false;
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') scrolled = true;
      }
      if (scrolled) continue;
      // Only the outermost culprit: its children stick out because it does.
      if (element.parentElement && element.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : ''
      }`;
      culprits.push(`${name} (droite à ${Math.round(box.right)} px)`);
    }
    return [`page de ${document.documentElement.scrollWidth} px`, ...culprits.slice(0, 5)];
  });
}

/** Buttons, form controls and stand-alone links smaller than a finger. */
function smallTargets(page: Page) {
  return page.evaluate((min) => {
    const small: string[] = [];
    const targets = document.querySelectorAll(
      'main button, main select, main input:not([type="hidden"]), main summary, header button, header a',
    );
    for (const element of targets) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      // A checkbox or radio counts with its label, which is the target a finger hits.
      const input = element as HTMLInputElement;
      const label = input.labels?.[0];
      const target =
        (input.type === 'checkbox' || input.type === 'radio') && label ? label.getBoundingClientRect() : box;
      if (Math.max(target.height, box.height) < min - 0.5) {
        const text = (element.getAttribute('aria-label') ?? element.textContent ?? input.name ?? '')
          .trim()
          .slice(0, 40);
        small.push(`${element.tagName.toLowerCase()} « ${text} » (${Math.round(target.height)} px)`);
      }
    }
    return small;
  }, MIN_TARGET);
}

/** Every axe rule, every impact. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The server's JSON, for the list of screens. */
function getJson(request: APIRequestContext) {
  return (path: string) => request.get(path).then((response) => response.json() as Promise<unknown>);
}

/** A referral sent by the worker, so that its page exists for both sides. */
async function sentReferral(page: Page, serviceId: string): Promise<string> {
  await page.goto(`/orientations/nouvelle/${encodeURIComponent(serviceId)}`);
  await fillLiaisonForm(page, 'Nadia Belkacem');
  await page.getByLabel(/a donné son accord/).check();
  await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
  await page.waitForURL(/\/orientations\/ref-/);
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Envoyée');
  return new URL(page.url()).pathname;
}

test('aucun écran ne défile de côté à 360, 390, 768, 1024 et 1280 px, et chaque cible se touche du doigt', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  for (const { role, paths } of await everyScreen(getJson(request))) {
    const page = await open(browser, role);
    for (const path of paths) {
      await page.setViewportSize({ width: 1024, height: 768 });
      await show(page, path);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const wide = await overflowing(page);
        if (wide.length > 0) problems.push(`${role ?? 'sans compte'} ${path} à ${width} px : ${wide.join(', ')}`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      const small = await smallTargets(page);
      if (small.length > 0) problems.push(`${role ?? 'sans compte'} ${path} : cibles trop petites ${small.join(', ')}`);
    }
    await page.context().close();
  }
  expect(problems).toEqual([]);
});

// One test per role, at phone width (the overflow sweep above covers the other widths).
for (const role of [null, ...ROLES]) {
  test(`axe, toutes les règles et tous les niveaux, sur chaque écran (${role ?? 'sans compte'}, 390 px)`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    const screens = await everyScreen(getJson(request));
    const paths = screens.find((s) => s.role === role)?.paths ?? [];
    const page = await open(browser, role);
    await page.setViewportSize({ width: 390, height: 844 });
    if (role === 'Travailleur·se social·e') {
      const grocery = await demoGrocery(getJson(request));
      paths.push(await sentReferral(page, grocery.id));
    }
    const problems: string[] = [];
    for (const path of paths) {
      await show(page, path);
      for (const line of await axeViolations(page)) problems.push(`${path} : ${line}`);
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });
}
