import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInAsDemo, storedRecord } from './helpers.ts';

async function signedInPage(context: BrowserContext, roleLabel: string): Promise<Page> {
  const page = await context.newPage();
  await signInAsDemo(page, roleLabel);
  return page;
}

/** When the device's copy of the structure says it was last verified (read with the raw IndexedDB API). */
async function verifiedAt(page: Page, id: string): Promise<string | null> {
  const record = await storedRecord<{ verification?: { le: string } | null }>(page, 'structure', id);
  return record?.verification?.le ?? null;
}

test('un partenaire confirme sa fiche hors ligne (« Les informations sont à jour ») ; après synchronisation, un travailleur social voit la nouvelle date de vérification', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const partnerContext = await browser.newContext();
  const workerContext = await browser.newContext();
  const partner = await signedInPage(partnerContext, 'Partenaire (structure)');
  const worker = await signedInPage(workerContext, 'Travailleur·se social·e');
  const partnerName = (await partner.getByTestId('account').textContent())?.split(' · ')[0]?.trim() ?? '';
  expect(partnerName).not.toBe('');

  // Its own listing first, from the home screen.
  await partner.getByRole('link', { name: 'Ma fiche partenaire', exact: true }).click();
  await expect(partner.getByRole('heading', { level: 1 })).toBeVisible();
  const id = decodeURIComponent(new URL(partner.url()).pathname.split('/')[2] ?? '');
  const before = await (await request.get(`/api/v1/structures/${encodeURIComponent(id)}`)).json();

  // Offline: one tap, saved on the device and queued; the sheet says it at once.
  await partnerContext.setOffline(true);
  await partner.getByRole('button', { name: 'Les informations sont à jour' }).click();
  await expect(partner.getByTestId('listing-confirmed')).toContainText('Fiche partenaire confirmée');
  const footer = partner.locator('.sheet-footer').getByTestId('freshness');
  await expect(footer).toHaveText(`Vérifié aujourd’hui par ${partnerName}`);

  // Back online: the confirmation reaches the server, which changed nothing else.
  await partnerContext.setOffline(false);
  await partner.goto('/synchronisation');
  await expect(partner.getByTestId('pending-none')).toBeVisible();
  const after = await (await request.get(`/api/v1/structures/${encodeURIComponent(id)}`)).json();
  expect(after.structure.verification.par).toBe(partnerName);
  expect({ ...after.structure, verification: null, version: 0 }).toEqual({
    ...before.structure,
    verification: null,
    version: 0,
  });

  // The worker, who held the old copy, syncs and sees the new date on the sheet. (Other specs of the run may have
  // verified this listing earlier today, so the copy is told apart by the verification's instant, not its words.)
  expect(await verifiedAt(worker, id)).toBe(before.structure.verification?.le ?? null);
  await worker.goto(`/partenaires/${encodeURIComponent(id)}`);
  await worker.getByRole('button', { name: 'Synchroniser' }).first().click();
  await expect.poll(() => verifiedAt(worker, id)).toBe(after.structure.verification.le);
  await worker.goto(`/partenaires/${encodeURIComponent(id)}`);
  await expect(worker.locator('.sheet-footer').getByTestId('freshness')).toHaveText(
    `Vérifié aujourd’hui par ${partnerName}`,
  );

  await partnerContext.close();
  await workerContext.close();
});
