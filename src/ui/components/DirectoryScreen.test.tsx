import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { createDirectoryModel } from '../models/directory-model.ts';
import { createSyncModel } from '../models/sync-model.ts';
import { DirectoryScreen } from './DirectoryScreen.tsx';
import { SyncBar } from './SyncBar.tsx';

let counter = 0;
const databases: BoussoleDatabase[] = [];
async function databaseWith(structures: number) {
  const db = new BoussoleDatabase(`ui-test-${++counter}`);
  databases.push(db);
  const entries = [];
  for (let i = 1; i <= structures; i++) {
    const inVilleurbanne = i % 2 === 0;
    entries.push({
      kind: 'structure' as const,
      seq: i * 2 - 1,
      record: aStructure(i, inVilleurbanne ? { code_insee: '69266', commune: 'Villeurbanne' } : {}),
    });
    entries.push({ kind: 'service' as const, seq: i * 2, record: aService(i, 1) });
  }
  await applyDirectoryPage(
    db,
    { epoch: 'e-12345678', cursor: entries.length, total: entries.length, entries },
    { reset: false, completedAt: null },
  );
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

describe('the directory screen', () => {
  it('lists the partners stored on the device, 30 at a time, and shows more on demand', async () => {
    const model = createDirectoryModel(await databaseWith(40));
    await model.reload();
    render(<DirectoryScreen model={model} />);
    expect(screen.getByText('40 partenaires, 40 services')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(30);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus (10 restants)' }));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(40));
  });

  it('narrows the list to the chosen commune', async () => {
    const model = createDirectoryModel(await databaseWith(6));
    await model.reload();
    render(<DirectoryScreen model={model} />);
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '69266' } });
    await waitFor(() => expect(screen.getByText('3 partenaires, 3 services')).toBeTruthy());
    for (const address of document.querySelectorAll('.address')) expect(address.textContent).toContain('Villeurbanne');
  });

  it('tells a device that never synced how to get the directory', async () => {
    const model = createDirectoryModel(await databaseWith(0));
    await model.reload();
    render(<DirectoryScreen model={model} />);
    expect(screen.getByText(/L'annuaire n'est pas encore sur cet appareil/)).toBeTruthy();
  });
});

describe('the sync bar', () => {
  it('says the device is offline and disables the sync button', async () => {
    const syncModel = createSyncModel({ lastSuccessAt: null, online: false });
    const directory = createDirectoryModel(await databaseWith(1));
    await directory.reload();
    render(<SyncBar model={syncModel} directory={directory} onSync={() => {}} />);
    expect(screen.getByTestId('connection').textContent).toBe('Hors ligne');
    expect(screen.getByText('Jamais synchronisé')).toBeTruthy();
    expect(screen.getByText("2 fiches sur l'appareil")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Synchroniser' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the download progress as n / N', () => {
    const syncModel = createSyncModel({ lastSuccessAt: null, online: true });
    syncModel.status.value = {
      phase: 'syncing',
      progress: { received: 500, total: 900 },
      lastSuccessAt: null,
      error: null,
    };
    const directory = createDirectoryModel(new BoussoleDatabase(`ui-test-${++counter}`));
    render(<SyncBar model={syncModel} directory={directory} onSync={() => {}} />);
    expect(screen.getByTestId('sync-state').textContent).toBe("Téléchargement de l'annuaire : 500 / 900");
  });
});
