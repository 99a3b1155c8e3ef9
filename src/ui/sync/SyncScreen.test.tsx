import { signal } from '@preact/signals';
import { render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { aDraft, move } from '../../../tests/fixtures/referrals.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { createRecord, editRecord } from '../../db/local-edits.ts';
import { queueReferral, queueStatusChange } from '../../db/referral-repo.ts';
import { createPendingModel, type PendingModel } from './pending-model.ts';
import { createReviewModel } from './review-model.ts';
import { SyncScreen, type SyncScreenContext } from './SyncScreen.tsx';
import { createSyncModel } from './sync-model.ts';

let counter = 0;
const opened: Array<{ db: BoussoleDatabase; pending: PendingModel }> = [];
afterEach(async () => {
  for (const { db, pending } of opened.splice(0)) {
    pending.dispose();
    await db.delete();
  }
});

async function screenWith(write: (db: BoussoleDatabase) => Promise<unknown>, online = false) {
  const db = new BoussoleDatabase(`sync-screen-test-${++counter}`);
  await applyDirectoryPage(
    db,
    {
      epoch: 'e-12345678',
      cursor: 2,
      total: 2,
      entries: [
        { kind: 'structure', seq: 1, record: aStructure(1, { nom: 'Épicerie du Centre' }) },
        { kind: 'service', seq: 2, record: aService(1, 1) },
      ],
    },
    { reset: false, completedAt: null },
  );
  await write(db);
  const pending = createPendingModel(db);
  opened.push({ db, pending });
  const context = {
    syncModel: createSyncModel({ lastSuccessAt: null, online }),
    pending,
    review: async () => createReviewModel(db),
    session: { signedIn: signal(true) },
    directory: { totals: signal({ structures: 1, services: 1 }) },
  } as unknown as SyncScreenContext;
  render(
    <LocationProvider>
      <SyncScreen context={context} />
    </LocationProvider>,
  );
  return pending;
}

describe('Synchronisation', () => {
  it('lists what waits from every queue, each with what it is, what it changes and its state, in French', async () => {
    await screenWith(async (db) => {
      await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
      const draft = aDraft({ structure_id: 'test--s1', service_id: 'test--s1-1' });
      await queueReferral(db, draft, new Date());
      await queueStatusChange(db, draft.id, move('annulee'), new Date());
      await createRecord(db, 'action', anAction(1, 1, { titre: 'Atelier soupe' }));
    });
    await expect.poll(() => screen.queryAllByTestId('pending').length).toBe(1);
    expect(screen.getByRole('heading', { name: 'En attente d’envoi (4)' })).toBeTruthy();
    const lines = within(screen.getByTestId('pending'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^Épicerie du CentreFiche partenaire : TéléphoneEn attente d’envoi · enregistré/),
      expect.stringMatching(/^Épicerie du CentreOrientation : fiche de liaison à transmettreEn attente d’envoi/),
      expect.stringMatching(/^Épicerie du CentreOrientation : réponse « Annulée » à transmettreEn attente d’envoi/),
      expect.stringMatching(/^Atelier soupeAction de l’agenda : ajoutEn attente d’envoi/),
    ]);
    expect(screen.getByText('Hors ligne : tout partira au retour du réseau, sans rien à refaire.')).toBeTruthy();
    // Each leads to its screen: the partner sheet, the referral.
    expect(screen.getAllByRole('link', { name: 'Épicerie du Centre' }).map((a) => a.getAttribute('href'))).toEqual([
      '/partenaires/test--s1',
      expect.stringMatching(/^\/orientations\/ref-/),
      expect.stringMatching(/^\/orientations\/ref-/),
    ]);
  });

  it('says nothing waits only once the device has been read, and then only when nothing does', async () => {
    const pending = await screenWith(async () => {}, true);
    await expect.poll(() => pending.loaded.value).toBe(true);
    await expect
      .poll(() => screen.queryByTestId('pending-none')?.textContent)
      .toBe('Rien en attente : tout est sur le serveur.');
    expect(screen.queryByTestId('pending')).toBeNull();
  });
});
