import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './helpers.ts';

/** Signs a fresh context in with the demo account of a role, and waits for the directory to be on the device. */
async function signedInPage(context: BrowserContext, roleLabel: string): Promise<Page> {
  const page = await context.newPage();
  await signInAsDemo(page, roleLabel);
  return page;
}

async function editOffline(page: Page, id: string, fields: Record<string, string>) {
  await page.goto(`/partenaires/${encodeURIComponent(id)}/modifier`);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('pending-edit')).toBeVisible();
}

test('deux appareils modifient la même fiche hors ligne : les champs différents fusionnent, le même champ devient un conflit résolu par une personne', async ({
  browser,
  request,
}) => {
  const listing = await request.get('/api/v1/structures?limit=1');
  const [structure] = ((await listing.json()) as { structures: Array<{ id: string; nom: string }> }).structures;
  if (!structure) throw new Error('annuaire vide');

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const coordination = await signedInPage(contextA, 'Coordination (Métropole, MDM tête de file)');
  const worker = await signedInPage(contextB, 'Travailleur·se social·e');

  await contextA.setOffline(true);
  await contextB.setOffline(true);
  await editOffline(coordination, structure.id, { Téléphone: '04 00 11 11 11' });
  await editOffline(worker, structure.id, {
    Téléphone: '04 00 22 22 22',
    'Précisions sur les horaires': 'Fermé en août',
  });

  // A comes back first: its change is applied.
  await contextA.setOffline(false);
  await coordination.goto('/synchronisation');
  await expect(coordination.getByTestId('pending-none')).toBeVisible();

  // B comes back second: the note merges, the phone conflicts and is shown side by side.
  await contextB.setOffline(false);
  await worker.goto('/synchronisation');
  await expect(worker.getByTestId('pending-none')).toBeVisible();
  const conflict = worker.getByTestId('conflicts').getByRole('article');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('04 00 22 22 22');
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText('04 00 11 11 11');

  let server = await (await request.get(`/api/v1/structures/${encodeURIComponent(structure.id)}`)).json();
  expect(server.structure.telephone).toBe('04 00 11 11 11');
  expect(server.structure.horaires_note).toBe('Fermé en août');

  // The worker keeps their version: the resolution syncs, the conflict closes, the server has it.
  await conflict.getByRole('button', { name: 'Garder cette version' }).first().click();
  await expect(worker.getByText('Aucun conflit.')).toBeVisible();
  await worker.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(worker.getByTestId('pending-none')).toBeVisible();
  await expect
    .poll(async () => {
      server = await (await request.get(`/api/v1/structures/${encodeURIComponent(structure.id)}`)).json();
      return server.structure.telephone;
    })
    .toBe('04 00 22 22 22');

  // The other device gets the resolved value at its next sync.
  await coordination.getByRole('button', { name: 'Synchroniser' }).click();
  await coordination.goto(`/partenaires/${encodeURIComponent(structure.id)}`);
  await expect(coordination.getByText('04 00 22 22 22')).toBeVisible();

  await contextA.close();
  await contextB.close();
});
