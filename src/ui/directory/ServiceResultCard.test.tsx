// In the Annuaire, a service that moves is found in the communes it stops in and says where it goes and when it
// passes next — not its structure's address and office hours.
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import { createPlaceChoice } from '../orientation/place-choice.ts';
import { DirectoryScreen } from './DirectoryScreen.tsx';

it('finds a maraude in a commune it stops in, with its communes and its next passage', async () => {
  // The structure is in Vénissieux with office hours on Monday; the maraude stops in Lyon 3e and Vaulx-en-Velin
  // round the clock, so the card says it passes now whatever day the test runs.
  const { catalog } = await deviceWith(
    [aStructure(1, { horaires_accueil: 'Mo 09:00-10:00' })],
    [
      aService(1, 1, {
        nom: 'Maraude du soir',
        arrets: [
          {
            id: 'a',
            nom: 'Place Guichard',
            commune: 'Lyon 3e',
            code_insee: '69383',
            latitude: null,
            longitude: null,
            horaires: '24/7',
          },
          {
            id: 'b',
            nom: 'Mas du Taureau',
            commune: 'Vaulx',
            code_insee: '69256',
            latitude: null,
            longitude: null,
            horaires: 'Su 10:00-11:00',
          },
        ],
      }),
    ],
  );
  await catalog.ensureHours();
  history.replaceState(null, '', '/annuaire?commune=69256');
  render(
    <LocationProvider>
      <DirectoryScreen catalog={signal(catalog)} />
    </LocationProvider>,
  );
  const card = await screen.findByRole('listitem');
  expect(within(card).getByText(/^Se déplace : Lyon 3e Arrondissement, Vaulx-en-Velin/)).toBeTruthy();
  await waitFor(() => expect(card.querySelector('.hours-status')?.textContent).toMatch(/^Ouvert/));
  history.replaceState(null, '', '/');
});

it('says how far the maraude is from the chosen place at its nearest stop, not at its structure', async () => {
  // The structure is in Vénissieux; the device stands a few steps from the maraude's stop on place Guichard.
  const { catalog, db } = await deviceWith(
    [aStructure(1)],
    [
      aService(1, 1, {
        nom: 'Maraude du soir',
        arrets: [
          {
            id: 'vaulx',
            nom: 'Mas du Taureau',
            commune: 'Vaulx-en-Velin',
            code_insee: '69256',
            latitude: null,
            longitude: null,
            horaires: 'Su 10:00-11:00',
          },
          {
            id: 'guichard',
            nom: 'Place Guichard',
            commune: 'Lyon 3e Arrondissement',
            code_insee: '69383',
            latitude: 45.7597,
            longitude: 4.8475,
            horaires: 'Mo 18:30-19:45',
          },
        ],
      }),
    ],
  );
  vi.stubGlobal(
    'navigator',
    Object.create(navigator, {
      geolocation: {
        value: {
          getCurrentPosition: (ok: (p: { coords: { latitude: number; longitude: number } }) => void) =>
            ok({ coords: { latitude: 45.7601, longitude: 4.848 } }),
        },
      },
    }),
  );
  history.replaceState(null, '', '/annuaire');
  render(
    <LocationProvider>
      <DirectoryScreen catalog={signal(catalog)} place={createPlaceChoice()} />
    </LocationProvider>,
  );
  fireEvent.click(screen.getByText('Distances depuis', { selector: 'summary' }));
  fireEvent.click(screen.getByRole('button', { name: 'Utiliser ma position' }));
  const card = await screen.findByRole('listitem');
  await waitFor(() => expect(within(card).getByTestId('card-distance').textContent).toMatch(/^À \d0 m, /));
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
  await db.delete();
});
