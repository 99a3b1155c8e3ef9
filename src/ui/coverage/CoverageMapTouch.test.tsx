import { signal } from '@preact/signals';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageServices, coverageStructures } from '../../../tests/fixtures/coverage-directory.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { CoverageScreen } from './CoverageScreen.tsx';

// On a tablet there is no hover: the coverage map writes the communes' names, and a tap opens a commune's detail.
let catalog: CatalogModel;
beforeAll(async () => {
  catalog = (await deviceWith(coverageStructures, coverageServices)).catalog;
});

function open() {
  render(
    <LocationProvider>
      <CoverageScreen catalog={signal(catalog)} online={signal(false)} getToken={() => null} />
    </LocationProvider>,
  );
}
const map = () => screen.getByTestId('coverage-map');
const detail = () => screen.getByRole('region', { name: 'Commune choisie sur la carte' });

describe('the coverage map on a touch screen', () => {
  it('writes the communes’ names over their shapes', () => {
    open();
    const names = within(screen.getByTestId('map-names')).getAllByText(/./);
    const written = names.map((n) => n.textContent);
    for (const commune of ['Lyon', 'Villeurbanne', 'Vénissieux', 'Saint-Priest']) expect(written).toContain(commune);
    // Lyon is one shape here: its arrondissements are named in the table, not on the map.
    expect(written.filter((n) => n?.startsWith('Lyon '))).toEqual([]);
    // Names let the touch through to the commune under them.
    expect(screen.getByTestId('map-names').getAttribute('aria-hidden')).toBe('true');
  });

  it('opens a commune’s detail when its shape is touched, and turns the actors’ list to it', () => {
    open();
    expect(detail().textContent).toBe('');
    fireEvent.click(within(map()).getByRole('img', { name: /^Vénissieux : / }));
    expect(within(detail()).getByRole('heading', { name: 'Vénissieux' })).toBeTruthy();
    expect(detail().textContent).toContain('1 service, dont 1 en accueil inconditionnel');
    expect(detail().textContent).toContain('Manques : rien le week-end');
    expect(
      within(map())
        .getByRole('img', { name: /^Vénissieux : / })
        .getAttribute('class'),
    ).toBe('is-picked');
    expect((screen.getByLabelText('Territoire') as HTMLSelectElement).value).toBe('69259');

    // The figure the map is coloured by is said too, when it is not the count.
    fireEvent.change(screen.getByLabelText('Mesure montrée sur la carte'), { target: { value: 'weekend' } });
    expect(detail().textContent).toContain('Rien le week-end');

    fireEvent.click(within(map()).getByRole('img', { name: /^Villeurbanne : / }));
    expect(within(detail()).getByRole('heading', { name: 'Villeurbanne' })).toBeTruthy();
    fireEvent.click(within(detail()).getByRole('button', { name: 'Voir les acteurs à Villeurbanne' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Territoire'));
    expect((screen.getByLabelText('Territoire') as HTMLSelectElement).value).toBe('69266');
  });
});
