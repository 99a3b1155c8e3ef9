import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { isoWeekOf, monthOfWeek } from '../../src/domain/time/iso-week.ts';
import { signInAsDemo } from './helpers.ts';
import { personal } from './personal-data.ts';

// The demand side of coverage: orientations that ended with no eligible service, as anonymous figures. The demo
// server holds three months of fictional orientation events; a worker's own orientation adds one more.

type Cell = {
  commune: string | null;
  need: string;
  month: string;
  orientations: number | string;
  sans_reponse: number | string;
};

async function tokenOf(request: APIRequestContext, role: string): Promise<string> {
  const { codes } = (await (await request.get('/api/v1/demo')).json()) as {
    codes: Array<{ role: string; code: string }>;
  };
  const code = codes.find((c) => c.role === role)?.code;
  const session = await request.post('/api/v1/session', {
    data: { protocol: PROTOCOL_VERSION, code, appareil: 'Test e2e' },
  });
  return ((await session.json()) as { token: string }).token;
}

async function coordinatorCells(request: APIRequestContext): Promise<Cell[]> {
  const token = await tokenOf(request, 'coordinateur');
  const answer = await request.get('/api/v1/stats/orientations', {
    headers: { authorization: `Bearer ${token}`, 'x-boussole-protocol': String(PROTOCOL_VERSION) },
  });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { cells: Cell[] }).cells;
}

/** Lyon as a whole (its arrondissements' sum), left out: the map's detail is per commune. */
const LYON = '69123';

test('les orientations de la démo qui n’ont rien trouvé apparaissent en « demandes sans réponse » pour leur commune', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const cells = await coordinatorCells(request);
  const latest = cells
    .map((c) => c.month)
    .sort()
    .at(-1);
  // The commune and need of the latest month with the most orientations that found nothing.
  const shown = cells
    .filter((c) => c.month === latest && c.commune !== null && c.commune !== LYON && typeof c.sans_reponse === 'number')
    .sort((a, b) => Number(b.sans_reponse) - Number(a.sans_reponse));
  const top = shown[0];
  if (!top?.commune) throw new Error('la démo n’a aucune demande sans réponse');
  // Small counts never leave the server as numbers.
  expect(cells.every((c) => typeof c.orientations === 'string' || Number(c.orientations) >= 5)).toBe(true);
  expect(cells.some((c) => c.sans_reponse === '< 5')).toBe(true);

  await signInAsDemo(page, 'Coordination (Métropole, MDM tête de file)');
  await page.getByRole('link', { name: 'Couverture et manques du territoire' }).click();
  await page.getByLabel('Besoin', { exact: true }).selectOption(top.need);
  const section = page.getByTestId('demand-section');
  await expect(section.getByRole('heading', { name: 'Demandes sans réponse' })).toBeVisible();
  const row = section.getByTestId('demand-table').locator(`tr[data-code="${top.commune}"]`);
  await expect(row.getByRole('cell').first()).toHaveText(String(top.sans_reponse));
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(top.orientations));
  // The same figure on the map's detail when the commune is touched.
  await page.getByTestId('coverage-map').locator(`path[data-code="${top.commune}"]`).click({ force: true });
  await expect(page.getByTestId('commune-detail')).toContainText(
    `Demandes sans réponse : ${top.sans_reponse} sur ${top.orientations} orientations`,
  );
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="demand-section"]')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.getByRole('link', { name: 'Évaluation du pilote par Maison de la Métropole' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluation du pilote' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orientations — Toute la Métropole' })).toBeVisible();
});

test('une orientation terminée par un professionnel part en chiffres anonymes et compte pour sa commune', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const week = isoWeekOf(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
  const month = monthOfWeek(week);
  // Five orientations of another device this week at Rillieux-la-Pape for « Prendre un repas »: the figure is shown.
  const worker = await tokenOf(request, 'travailleur');
  const events = Array.from({ length: 5 }, (_, i) => ({
    id: `e2e-demand-${Date.now()}-${i}`,
    semaine: week,
    commune: '69286',
    besoins: ['repas'],
    resultats: { eligibles: 0, a_verifier: 0, exclus: 4 },
    motifs_exclusion: [],
    orientation_envoyee: false,
  }));
  const sent = await request.post('/api/v1/orientation-events', {
    headers: { authorization: `Bearer ${worker}` },
    data: { protocol: PROTOCOL_VERSION, events },
  });
  expect(sent.status()).toBe(200);
  const figure = async () =>
    (await coordinatorCells(request)).find((c) => c.commune === '69286' && c.need === 'repas' && c.month === month)
      ?.orientations;
  const before = await figure();
  expect(typeof before).toBe('number');

  await signInAsDemo(page, 'Travailleur·se social·e');
  await page.goto('/orientation');
  await page.getByLabel('Commune ou code postal').fill('Rillieux');
  await page.getByRole('button', { name: /^Rillieux-la-Pape/ }).click();
  await page.getByLabel('Nombre d’adultes').fill('1');
  await page.getByText('Ressources et charges (reste à vivre, quotient familial)').click();
  await page.getByLabel('Loyer et charges, ou prêt du logement').fill(personal('587,35'));
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Prendre un repas').check();
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await expect(page.getByTestId('orientation-count')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle orientation (tout effacer)' }).click();

  // Sent at once (or by the next sync): the commune's figure counts it, once.
  await expect.poll(figure, { timeout: 30_000 }).toBe(Number(before) + 1);
  await page.goto('/synchronisation');
  await expect(page.getByText('Rien en attente : tout est sur le serveur.')).toBeVisible();
});
