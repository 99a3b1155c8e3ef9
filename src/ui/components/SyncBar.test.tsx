import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { createDirectoryModel } from '../models/directory-model.ts';
import { createSyncModel } from '../models/sync-model.ts';
import { SyncBar } from './SyncBar.tsx';

let counter = 0;
const databases: BoussoleDatabase[] = [];
async function databaseWith(structures: number) {
  const db = new BoussoleDatabase(`sync-bar-test-${++counter}`);
  databases.push(db);
  const entries = [];
  for (let i = 1; i <= structures; i++) {
    entries.push({ kind: 'structure' as const, seq: i * 2 - 1, record: aStructure(i) });
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
