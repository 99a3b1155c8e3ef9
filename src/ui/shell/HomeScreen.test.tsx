import { signal } from '@preact/signals';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../domain/sync-protocol.ts';
import { HomeScreen } from './HomeScreen.tsx';

afterEach(() => history.replaceState(null, '', '/'));

describe('the home screen', () => {
  it('sends a search to the Annuaire with the query in the URL', () => {
    render(
      <LocationProvider>
        <HomeScreen />
      </LocationProvider>,
    );
    fireEvent.input(screen.getByLabelText('Rechercher dans l’annuaire'), { target: { value: 'épicerie Vénissieux' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(location.pathname + location.search).toBe('/annuaire?q=%C3%A9picerie+V%C3%A9nissieux');
    expect(screen.getByRole('link', { name: 'Nouvelle orientation' }).getAttribute('href')).toBe('/orientation');
  });

  it('offers the coverage screen to coordinators only', () => {
    const account = signal<Account | null>({ id: 'u1', nom: 'Camille', role: 'travailleur' });
    render(
      <LocationProvider>
        <HomeScreen account={account} />
      </LocationProvider>,
    );
    expect(screen.queryByRole('link', { name: 'Couverture et manques du territoire' })).toBeNull();
    act(() => {
      account.value = { id: 'u2', nom: 'Dominique', role: 'coordinateur' };
    });
    expect(screen.getByRole('link', { name: 'Couverture et manques du territoire' }).getAttribute('href')).toBe(
      '/couverture',
    );
  });

  it('resumes the orientation in progress on the device rather than announcing a new one', () => {
    const workKept = signal(true);
    render(
      <LocationProvider>
        <HomeScreen workKept={workKept} />
      </LocationProvider>,
    );
    expect(screen.getByRole('link', { name: 'Reprendre l’orientation en cours' }).getAttribute('href')).toBe(
      '/orientation',
    );
    act(() => {
      workKept.value = false;
    });
    expect(screen.getByRole('link', { name: 'Nouvelle orientation' })).toBeTruthy();
  });
});
