import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../domain/admin.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import type { AppContext } from '../boot.ts';
import { AdminScreen } from './AdminScreen.tsx';

const coordinator: Account = { id: 'c1', role: 'coordinateur', nom: 'Claire' };
const wendy: AccountSummary = {
  id: 'w1',
  nom: 'Wendy',
  role: 'travailleur',
  etat: 'actif',
  cree_le: '2026-12-01T09:00:00.000Z',
  derniere_synchro: '2026-12-01T09:00:00.000Z',
  appareils: [
    {
      client_id: 'appareil-numero-1',
      label: 'Tablette',
      cree_le: '2026-12-01T09:00:00.000Z',
      vu_le: '2026-12-01T09:00:00.000Z',
      revoque_le: null,
    },
  ],
};

function contextOf(account: Account | null, online: boolean) {
  return {
    session: { account: signal(account), token: () => 'jeton' },
    syncModel: { online: signal(online) },
    catalog: signal(null),
  } as unknown as AppContext;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify({ protocol: 4, ...(body as object) }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('Administration', () => {
  it('says offline that it needs the network, and asks the server nothing', () => {
    const fetchImpl = vi.fn<typeof fetch>();
    render(<AdminScreen context={contextOf(coordinator, false)} fetchImpl={fetchImpl} />);
    expect(screen.getByText(/Hors connexion : l’administration passe par le serveur/).getAttribute('role')).toBe(
      'status',
    );
    expect(screen.queryByRole('button', { name: 'Créer le code d’invitation' })).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('is refused to a worker, without asking the server', () => {
    const fetchImpl = vi.fn<typeof fetch>();
    render(<AdminScreen context={contextOf({ id: 'w', role: 'travailleur', nom: 'W' }, true)} fetchImpl={fetchImpl} />);
    expect(screen.getByText('L’administration est réservée à la coordination.').className).toBe('notice');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('lists accounts with their devices and disables one after confirmation', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async (url) => {
      const path = String(url);
      if (path.endsWith('/admin/accounts')) return json({ comptes: [wendy] });
      if (path.endsWith('/admin/claims')) return json({ demandes: [] });
      if (path.endsWith('/admin/audit')) return json({ journal: [] });
      if (path.endsWith('/admin/accounts/w1/disable')) return json({ compte: { ...wendy, etat: 'desactive' } });
      return json({}, 404);
    });
    vi.stubGlobal('confirm', () => true);
    render(<AdminScreen context={contextOf(coordinator, true)} fetchImpl={fetchImpl} />);
    const card = await screen.findByRole('heading', { name: 'Wendy' });
    const item = card.closest('li') as HTMLElement;
    expect(item.textContent).toContain('Actif');
    expect(item.textContent).toContain('Tablette');
    fireEvent.click(within(item).getByRole('button', { name: 'Désactiver le compte' }));
    await waitFor(() =>
      expect(fetchImpl.mock.calls.some(([u, init]) => String(u).endsWith('/disable') && init?.method === 'POST')).toBe(
        true,
      ),
    );
    vi.unstubAllGlobals();
  });
});
