// The account's e-mail notifications under the referral list: set online, a bad address said beside its field and
// nothing written, nothing shown when the server sends no mail (the list's notice says so).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationChange, NotificationSettings as Settings } from '../../domain/notifications.ts';
import { NotificationSettings } from './NotificationSettings.tsx';

const ON: Settings = { protocol: 4, courriel: true, email: 'wendy@mdm.test', notifications: 'immediate' };

function setUp(read: () => Promise<Settings>) {
  const write = vi.fn(async (change: NotificationChange): Promise<Settings> => ({ ...ON, ...change }) as Settings);
  const view = render(<NotificationSettings access={{ read, write }} />);
  return { write, view };
}

describe('les notifications par e-mail du compte', () => {
  it('enregistre l’adresse et un résumé chaque matin', async () => {
    const { write } = setUp(async () => ON);
    const field = (await screen.findByLabelText('Adresse électronique')) as HTMLInputElement;
    expect(field.value).toBe('wendy@mdm.test');
    expect(
      (screen.getByRole('radio', { name: 'À chaque nouvelle orientation ou réponse' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.input(field, { target: { value: ' w.new@mdm.test ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Un résumé chaque matin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Réglages des notifications enregistrés.'));
    expect(write).toHaveBeenCalledWith({ email: 'w.new@mdm.test', notifications: 'daily' });
  });

  it('dit une adresse mal écrite à côté du champ, y remet le focus et n’enregistre rien', async () => {
    const { write } = setUp(async () => ON);
    const field = await screen.findByLabelText('Adresse électronique');
    fireEvent.input(field, { target: { value: 'wendy-at-mdm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Adresse électronique attendue, par exemple nom@domaine.fr.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('mail-email-error');
    expect(document.activeElement).toBe(field);
    expect(write).not.toHaveBeenCalled();
  });

  it('n’affiche rien quand le serveur n’envoie pas de courriel, et dit hors ligne que cela se règle en ligne', async () => {
    const read = vi.fn(async () => ({ ...ON, courriel: false }));
    const off = setUp(read);
    await act(async () => {}); // the settings have been read and rendered
    expect(read).toHaveBeenCalled();
    expect(off.view.container.innerHTML).toBe('');
    off.view.unmount();
    setUp(async () => {
      throw new Error('hors ligne');
    });
    await screen.findByText('Les notifications par e-mail se règlent en ligne : reconnectez-vous au réseau.');
  });
});
