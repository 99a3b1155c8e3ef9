import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogWith } from '../../../tests/fixtures/catalog.ts';
import { venissieuxDirectory } from '../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { DirectoryScreen } from '../directory/DirectoryScreen.tsx';
import { OrientationScreen } from '../orientation/OrientationScreen.tsx';
import { restoreWorkInProgress, type WorkInProgress } from '../orientation/work-in-progress.ts';

// « Liste / Carte » on the orientation's results and in the Annuaire: the list first, the map on demand (its chunk
// loads then), showing the same results as the list.
const databases: BoussoleDatabase[] = [];
const works: WorkInProgress[] = [];
afterEach(async () => {
  history.replaceState(null, '', '/');
  for (const work of works.splice(0)) work.stop();
  for (const db of databases.splice(0)) await db.delete();
});

const pressed = (name: string) => screen.getByRole('button', { name, pressed: true });
const mapPoints = () => within(screen.getByRole('list', { name: /^Lieux sur la carte/ })).getAllByRole('button');

describe('the « Liste / Carte » toggle', () => {
  it('shows an orientation’s results on the map, with the person’s GPS position, and back to the list', async () => {
    const { db, model, catalog } = await catalogWith(venissieuxDirectory());
    databases.push(db);
    await model.ensureHours();
    const work = await restoreWorkInProgress(db, catalog);
    works.push(work);
    render(<OrientationScreen catalog={catalog} work={work} />);
    // « Utiliser ma position » at the Vénissieux town hall (the position a phone's GPS would give).
    await work.orientation.locate(async () => ({ latitude: 45.6975, longitude: 4.8862 }));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByLabelText('Aide alimentaire (colis, distribution)'));
    fireEvent.click(screen.getByLabelText('Faire ses courses à prix solidaire'));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));

    await waitFor(() => expect(screen.getByRole('list', { name: 'Correspondent à la situation' })).toBeTruthy());
    expect(pressed('Liste')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Carte' }));
    await waitFor(() => expect(screen.getByTestId('results-map')).toBeTruthy());
    expect(pressed('Carte')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Correspondent à la situation' })).toBeNull();
    const labels = mapPoints().map((p) => p.getAttribute('aria-label') ?? '');
    expect(labels.join(' | ')).toContain('Colis du Moulin-à-Vent');
    expect(labels.join(' | ')).toMatch(/Épicerie sociale des Minguettes[^|]*à vérifier/);
    expect(screen.getByRole('img', { name: 'Position de la personne' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Liste' }));
    expect(screen.queryByTestId('results-map')).toBeNull();
    expect(screen.getByRole('list', { name: 'Correspondent à la situation' })).toBeTruthy();
  });

  it('shows the Annuaire’s page of results on the map', async () => {
    const { db, model } = await catalogWith(venissieuxDirectory());
    databases.push(db);
    history.replaceState(null, '', '/annuaire');
    render(
      <LocationProvider>
        <DirectoryScreen catalog={signal(model)} />
      </LocationProvider>,
    );
    await waitFor(() => expect(screen.getByRole('list', { name: 'Résultats' })).toBeTruthy());
    const listed = within(screen.getByRole('list', { name: 'Résultats' })).getAllByRole('listitem').length;
    fireEvent.click(screen.getByRole('button', { name: 'Carte' }));
    await waitFor(() => expect(screen.getByTestId('results-map')).toBeTruthy());
    expect(screen.queryByRole('list', { name: 'Résultats' })).toBeNull();
    const placed = mapPoints().reduce(
      (n, p) => n + Number(/^(\d+) lieux/.exec(p.getAttribute('aria-label') ?? '')?.[1] ?? 1),
      0,
    );
    expect(placed).toBe(listed);
  });
});
