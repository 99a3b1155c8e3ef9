// The Annuaire's cards answer « where and when »: the address, how far from a place the worker chooses (a commune,
// or the device's position), the next opening with its date, the price in amounts.
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import { TUESDAY_10H } from '../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { createPlaceChoice } from '../orientation/place-choice.ts';
import type { CatalogModel } from './catalog-model.ts';
import { DirectoryScreen } from './DirectoryScreen.tsx';

const structures = [
  aStructure(1, {
    nom: 'Épicerie des Minguettes',
    adresse: '12 avenue Jean Cagne',
    latitude: 45.7065,
    longitude: 4.88,
  }),
  aStructure(2, {
    nom: 'Restaurant du Tonkin',
    adresse: '5 rue du Tonkin',
    commune: 'Villeurbanne',
    code_insee: '69266',
    code_postal: '69100',
    latitude: 45.7745,
    longitude: 4.8655,
  }),
];
const services = [
  aService(1, 1, {
    nom: 'Épicerie solidaire',
    categorie: 'social_grocery_stores',
    tarif: {
      type: 'solidaire',
      montant: 7,
      unite: 'panier',
      montant_reference: 18,
      adhesion: { montant: 2, periode: 'mois' },
      // As apps before the amounts wrote it: the same words, not said twice.
      precisions: 'Panier à 7 € au lieu de 18 €. Adhésion 2 € par mois',
    },
    horaires_accueil: 'We 14:00-17:30',
    regimes: ['halal'],
  }),
  aService(2, 1, {
    nom: 'Repas chaud',
    categorie: 'solidarity_restaurant',
    tarif: { type: 'payant', montant: 1, unite: 'repas' },
    horaires_accueil: 'Mo-Fr 11:30-14:00',
  }),
];

let device: { db: BoussoleDatabase; catalog: CatalogModel };
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_10H);
  device = await deviceWith(structures, services);
});
afterEach(() => {
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});
afterAll(async () => {
  vi.useRealTimers();
  await device.db.delete();
});

function openAt(url: string) {
  history.replaceState(null, '', url);
  const place = createPlaceChoice();
  render(
    <LocationProvider>
      <DirectoryScreen catalog={signal(device.catalog)} place={place} />
    </LocationProvider>,
  );
  return place;
}
const card = (name: string) => screen.getByRole('link', { name }).closest('li') as HTMLElement;
const names = () => screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('an Annuaire card', () => {
  it('says where (the address), when (the next opening with its date) and the price as amounts', async () => {
    openAt('/annuaire?q=epicerie');
    const epicerie = card('Épicerie solidaire');
    expect(within(epicerie).getByTestId('card-address').textContent).toBe(
      'Adresse : 12 avenue Jean Cagne, 69200 Vénissieux',
    );
    await waitFor(() =>
      expect(within(epicerie).getByTestId('card-hours').textContent).toBe('Ouvre demain mercredi 4 novembre à 14h'),
    );
    expect(within(epicerie).getByTestId('card-price').textContent).toBe(
      'Prix : Panier à 7\u00a0€ au lieu de 18\u00a0€. Adhésion 2\u00a0€ par mois',
    );
    // No place chosen: no distance.
    expect(within(epicerie).queryByTestId('card-distance')).toBeNull();
  });

  it('from a commune typed by the worker: the distance, approximate, with the trip time; the nearest first', async () => {
    openAt('/annuaire');
    expect(names()).toEqual(['Épicerie solidaire', 'Repas chaud']);
    fireEvent.click(screen.getByText('Distances depuis', { selector: 'summary' }));
    fireEvent.input(screen.getByLabelText('Commune ou code postal'), { target: { value: 'villeur' } });
    fireEvent.click(screen.getByRole('button', { name: /^Villeurbanne/ }));
    await waitFor(() => expect(names()).toEqual(['Repas chaud', 'Épicerie solidaire']));
    expect(screen.getByTestId('result-count').textContent).toBe(
      '2 services trouvés — Les plus proches de Villeurbanne d’abord.',
    );
    expect(within(card('Épicerie solidaire')).getByTestId('card-distance').textContent).toMatch(
      /^À environ \d+,\d km, ≈ \d+ min en transports$/,
    );
    expect(screen.getByText(/À vol d’oiseau depuis la position, ou depuis le centre de la commune/)).toBeTruthy();
    // Nothing of the place in the URL.
    expect(location.search).toBe('');
  });

  it('from the device’s position: the exact distance, never stored in the URL', async () => {
    vi.stubGlobal(
      'navigator',
      Object.create(navigator, {
        geolocation: {
          value: {
            getCurrentPosition: (ok: (p: { coords: { latitude: number; longitude: number } }) => void) =>
              ok({ coords: { latitude: 45.7075, longitude: 4.881 } }),
          },
        },
      }),
    );
    openAt('/annuaire');
    fireEvent.click(screen.getByText('Distances depuis', { selector: 'summary' }));
    fireEvent.click(screen.getByRole('button', { name: 'Utiliser ma position' }));
    await waitFor(() =>
      expect(within(card('Épicerie solidaire')).getByTestId('card-distance').textContent).toBe(
        'À 150 m, moins de 5 min à pied',
      ),
    );
    expect(screen.getByTestId('commune-status').textContent).toContain('Position trouvée : Vénissieux');
    expect(location.href).not.toContain('45.70');
  });
});

describe('a search for a diet', () => {
  it('« halal » finds what partners declare halal', async () => {
    openAt('/annuaire?q=halal');
    expect(names()).toEqual(['Épicerie solidaire']);
  });

  it('says the word is right and a filter is in the way, rather than « Vérifiez l’orthographe »', async () => {
    openAt('/annuaire?q=halal&prix=gratuit');
    const empty = screen.getByTestId('empty-results');
    expect(empty.textContent).toContain('« halal » donne 1 service sans les filtres : retirez un filtre.');
    expect(empty.textContent).not.toContain('orthographe');
  });

  it('a word found nowhere still gets the spelling advice', async () => {
    openAt('/annuaire?q=hallalx');
    expect(screen.getByTestId('empty-results').textContent).toContain('Vérifiez l’orthographe de « hallalx »');
  });
});
