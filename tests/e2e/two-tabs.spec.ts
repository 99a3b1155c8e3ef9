import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { signInAsDemo } from './helpers.ts';

// Two tabs of one browser share the device's database, its outbox and its mutation numbering. When the network
// comes back, both hear `online` at once and both would push: one tab at a time syncs (Web Locks,
// src/sync/sync-controller.ts), so each change goes over the network once, and the tab that did not push sees the
// outbox empty (Dexie's cross-tab change events). Real tabs of one Chromium profile, the real server.

interface Pushed {
  tab: string;
  ids: number[];
}

/** Every push a tab sends, with the mutation ids it carries. */
function recordPushes(page: Page, tab: string, pushed: Pushed[]): void {
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/push')) return;
    const body = request.postDataJSON() as { mutations: Array<{ id: number }> };
    pushed.push({ tab, ids: body.mutations.map((m) => m.id) });
  });
}

async function editPhone(page: Page, id: string, telephone: string): Promise<void> {
  await page.goto(`/partenaires/${encodeURIComponent(id)}/modifier`);
  await page.getByLabel('Téléphone', { exact: true }).fill(telephone);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('pending-edit')).toBeVisible();
}

/** The server's history of a structure's phone, read as a professional (a session of its own). */
async function phoneHistory(request: APIRequestContext, id: string): Promise<unknown[]> {
  const { codes } = (await (await request.get('/api/v1/demo')).json()) as {
    codes: Array<{ role: string; code: string }>;
  };
  const code = codes.find((c) => c.role === 'coordinateur')?.code;
  const session = await request.post('/api/v1/session', {
    data: { protocol: PROTOCOL_VERSION, code, appareil: 'Test e2e' },
  });
  const { token } = (await session.json()) as { token: string };
  const history = await request.get(`/api/v1/history?kind=structure&id=${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}`, 'x-boussole-protocol': String(PROTOCOL_VERSION) },
  });
  const { entries } = (await history.json()) as { entries: Array<{ changes: Record<string, { new: unknown }> }> };
  return entries.flatMap((e) => (e.changes.telephone ? [e.changes.telephone.new] : []));
}

test('deux onglets modifient hors ligne puis retrouvent le réseau : un seul envoie, chaque modification une fois, l’autre voit la file vidée', async ({
  browser,
  request,
}, testInfo) => {
  const listing = await request.get('/api/v1/structures?limit=2');
  const [x, y] = ((await listing.json()) as { structures: Array<{ id: string }> }).structures;
  if (!x || !y) throw new Error('annuaire trop petit');
  const run = testInfo.repeatEachIndex;
  const phoneX = `04 00 1${run} 11 11`;
  const phoneY = `04 00 2${run} 22 22`;

  const context = await browser.newContext();
  const tabA = await context.newPage();
  await signInAsDemo(tabA, 'Travailleur·se social·e');
  const tabB = await context.newPage();
  await tabB.goto('/');
  await expect(tabB.getByTestId('account')).toBeVisible(); // the same session: one device, two tabs
  const pushed: Pushed[] = [];
  recordPushes(tabA, 'A', pushed);
  recordPushes(tabB, 'B', pushed);

  await context.setOffline(true);
  await editPhone(tabA, x.id, phoneX);
  await editPhone(tabB, y.id, phoneY);
  for (const tab of [tabA, tabB]) {
    await tab.goto('/synchronisation');
    await expect(tab.getByTestId('pending').getByRole('listitem')).toHaveCount(2);
  }
  expect(pushed).toEqual([]);

  // Both tabs hear `online` at the same moment; the tab that did not push sees the outbox empty without a reload.
  await context.setOffline(false);
  for (const tab of [tabA, tabB]) await expect(tab.getByTestId('pending-none')).toBeVisible();

  const ids = pushed.flatMap((p) => p.ids);
  expect(ids.toSorted(), `pushes: ${JSON.stringify(pushed)}`).toEqual([...new Set(ids)].toSorted());
  expect(ids).toHaveLength(2);
  expect(new Set(pushed.map((p) => p.tab)).size, `pushes: ${JSON.stringify(pushed)}`).toBe(1);
  expect((await phoneHistory(request, x.id)).filter((phone) => phone === phoneX)).toHaveLength(1);
  expect((await phoneHistory(request, y.id)).filter((phone) => phone === phoneY)).toHaveLength(1);
  await context.close();
});
