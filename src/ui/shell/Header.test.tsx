import { signal } from '@preact/signals';
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { aDraft } from '../../../tests/fixtures/referrals.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { editRecord } from '../../db/local-edits.ts';
import { queueReferral } from '../../db/referral-repo.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { createPendingModel, type PendingModel } from '../sync/pending-model.ts';
import { createSyncModel } from '../sync/sync-model.ts';
import { Header, type ShellContext } from './Header.tsx';

let counter = 0;
const opened: Array<{ db: BoussoleDatabase; pending: PendingModel }> = [];
afterEach(async () => {
  for (const { db, pending } of opened.splice(0)) {
    pending.dispose();
    await db.delete();
  }
});

async function shell(options: { account?: Account | null; online?: boolean; workKept?: boolean } = {}) {
  const db = new BoussoleDatabase(`header-test-${++counter}`);
  await applyDirectoryPage(
    db,
    { epoch: 'e-12345678', cursor: 1, total: 1, entries: [{ kind: 'structure', seq: 1, record: aStructure(1) }] },
    { reset: false, completedAt: null },
  );
  const pending = createPendingModel(db);
  opened.push({ db, pending });
  const signOut = vi.fn(async () => {});
  const context = {
    session: { account: signal(options.account ?? null) },
    syncModel: createSyncModel({ lastSuccessAt: null, online: options.online ?? true }),
    pending,
    work: signal(null),
    workKept: signal(options.workKept ?? false),
    syncNow: vi.fn(async () => {}),
    signOut,
  } as unknown as ShellContext;
  render(
    <LocationProvider>
      <Header context={context} />
    </LocationProvider>,
  );
  await expect.poll(() => pending.loaded.value).toBe(true);
  return { db, context, signOut };
}

const menuLinks = () =>
  within(screen.getByRole('navigation', { hidden: true }))
    .getAllByRole('link', { hidden: true })
    .map((a) => a.getAttribute('href'));

describe('the shell bar', () => {
  it('says the device is offline and disables the sync button', async () => {
    await shell({ online: false });
    expect(screen.getByTestId('connection').textContent).toBe('Hors ligne');
    expect(screen.getByTestId('sync-state').textContent).toBe('Jamais synchronisé');
    expect((screen.getByRole('button', { name: 'Synchroniser' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a stuck sync with a warning sign at every width, and says why', async () => {
    const { context } = await shell();
    expect(screen.getByTestId('connection').querySelector('.stuck')).toBeNull();
    act(() => {
      context.syncModel.status.value = { phase: 'unauthenticated', progress: null, lastSuccessAt: null, error: null };
    });
    expect(screen.getByTestId('connection').querySelector('.stuck')).not.toBeNull();
    expect(screen.getByTestId('sync-state').textContent).toBe('Reconnexion nécessaire');
    act(() => {
      context.syncModel.status.value = { phase: 'error', progress: null, lastSuccessAt: null, error: 'HTTP 502' };
    });
    expect(screen.getByTestId('sync-state').textContent).toBe(
      'La synchronisation a échoué : HTTP 502. Nouvel essai automatique.',
    );
    expect(screen.getByTestId('connection').querySelector('.stuck')).not.toBeNull();
  });

  it('shows the download progress as n / N', async () => {
    const { context } = await shell();
    act(() => {
      context.syncModel.status.value = {
        phase: 'syncing',
        progress: { received: 500, total: 900 },
        lastSuccessAt: null,
        error: null,
      };
    });
    expect(screen.getByTestId('sync-state').textContent).toBe("Téléchargement de l'annuaire : 500 / 900");
  });

  it('counts every queue in its badge: a listing edit and a referral written offline make 2', async () => {
    const { db } = await shell({ online: false });
    expect(screen.queryByTestId('pending-count')).toBeNull();
    await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
    await queueReferral(db, aDraft({ structure_id: 'test--s1', service_id: 'test--s1-1' }), new Date());
    await expect.poll(() => screen.queryByTestId('pending-count')?.textContent).toBe('2 en attente');
    expect(screen.getByRole('link', { name: /2 en attente/ }).getAttribute('href')).toBe('/synchronisation');
  });
});

describe('the menu', () => {
  it('opens and closes with its button, says so with aria-expanded, and Escape gives focus back', async () => {
    await shell();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('navigation')).toBeNull(); // hidden: out of the accessibility tree
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Accueil' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('lists every screen of the role', async () => {
    await shell({ account: { id: 'c', nom: 'Claire', role: 'coordinateur' } });
    expect(menuLinks()).toEqual([
      '/',
      '/annuaire',
      '/orientation',
      '/fiche',
      '/agenda',
      '/orientations',
      '/propositions',
      '/signalements',
      '/campagnes',
      '/couverture',
      '/evaluation',
      '/administration',
      '/donnees',
      '/synchronisation',
    ]);
  });

  it('gives a partner its own listing and campaigns, a worker proposals, an anonymous device the public screens', async () => {
    const partner = await shell({
      account: { id: 'p', nom: 'Épicerie', role: 'partenaire', structure_id: 'test--s1' },
    });
    expect(menuLinks()).toEqual([
      '/',
      '/partenaires/test--s1',
      '/annuaire',
      '/orientation',
      '/fiche',
      '/agenda',
      '/orientations',
      '/signalements',
      '/campagnes',
      '/donnees',
      '/synchronisation',
    ]);
    act(() => {
      partner.context.session.account.value = { id: 'w', nom: 'Wendy', role: 'travailleur' };
    });
    expect(menuLinks()).toContain('/propositions');
    expect(menuLinks()).not.toContain('/campagnes');
    act(() => {
      partner.context.session.account.value = null;
    });
    expect(menuLinks()).toEqual([
      '/',
      '/annuaire',
      '/orientation',
      '/fiche',
      '/agenda',
      '/donnees',
      '/synchronisation',
    ]);
  });
});

describe('the account menu', () => {
  it('warns before signing out that what waits to be sent will be lost, counted from every queue', async () => {
    const { db, signOut } = await shell({ account: { id: 'w', nom: 'Wendy Travailleuse', role: 'travailleur' } });
    await queueReferral(db, aDraft({ structure_id: 'test--s1', service_id: 'test--s1-1' }), new Date());
    await expect.poll(() => screen.queryByTestId('pending-count')?.textContent).toBe('1 en attente');
    fireEvent.click(screen.getByTestId('account'));
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    const warning = screen.getByTestId('sign-out-warning');
    expect(warning.textContent).toContain('1 envoi en attente sera perdu');
    expect(document.activeElement).toBe(warning);
    expect(signOut).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter quand même' }));
    await expect.poll(() => signOut.mock.calls.length).toBe(1);
  });

  it('says the orientation in progress will be erased too when one is on the device', async () => {
    const { signOut } = await shell({
      account: { id: 'w', nom: 'Wendy Travailleuse', role: 'travailleur' },
      workKept: true,
    });
    fireEvent.click(screen.getByTestId('account'));
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(screen.getByTestId('sign-out-warning').textContent).toBe(
      'Les données de votre compte seront effacées de cet appareil. L’orientation en cours (situation de la personne et liste à remettre) sera effacée.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    await expect.poll(() => signOut.mock.calls.length).toBe(1);
  });

  it('cancels without signing out, focus back on « Se déconnecter »', async () => {
    const { signOut } = await shell({ account: { id: 'w', nom: 'Wendy Travailleuse', role: 'travailleur' } });
    fireEvent.click(screen.getByTestId('account'));
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(screen.getByTestId('sign-out-warning').textContent).toBe(
      'Les données de votre compte seront effacées de cet appareil.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(signOut).not.toHaveBeenCalled();
  });
});
