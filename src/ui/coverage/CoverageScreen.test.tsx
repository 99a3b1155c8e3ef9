import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { coverageServices, coverageStructures } from '../../../tests/fixtures/coverage-directory.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import outlines from '../../domain/communes-outlines.json';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { CoverageScreen } from './CoverageScreen.tsx';

// The hand-made directory of the coverage tests (its weekly hours do not depend on the day the tests run).
let catalog: CatalogModel;
beforeAll(async () => {
  catalog = (await deviceWith(coverageStructures, coverageServices)).catalog;
});
afterEach(() => vi.restoreAllMocks());

function open() {
  render(
    <LocationProvider>
      <CoverageScreen catalog={signal(catalog)} online={signal(false)} getToken={() => null} />
    </LocationProvider>,
  );
}
const map = () => screen.getByTestId('coverage-map');
const shape = (name: string | RegExp) => within(map()).getByRole('img', { name });
const table = () => screen.getByTestId('coverage-table');
const row = (territory: string) => within(table()).getByRole('rowheader', { name: territory }).closest('tr');

describe('the coverage screen', () => {
  it('draws one shape per commune of the Métropole, each named with its figure and its gaps', () => {
    open();
    const shapes = within(map()).getAllByRole('img');
    expect(shapes).toHaveLength(58);
    expect(new Set(shapes.map((s) => s.getAttribute('data-code')))).toEqual(new Set(Object.keys(outlines)));
    for (const s of shapes) expect(s.getAttribute('aria-label')).toMatch(/^.+ : .+/);
    expect(shape('Vénissieux : 1 service ; manques : rien le week-end')).toBeTruthy();
    expect(shape('Villeurbanne : aucun service ; manques : aucun service, rien à moins de 3 km')).toBeTruthy();
    expect(shape('Lyon (toute la ville) : 2 services ; manques : rien le week-end')).toBeTruthy();
    // Gaps are hatched, not only coloured.
    expect(shape(/^Villeurbanne/).getAttribute('fill')).toMatch(/^url\(#cov-hatch-/);
    expect(screen.getByTestId('coverage-summary').textContent).toBe(
      // Every territory but Lyon 3e (an unconditional service there, hours unknown) lacks something.
      '66 territoires sur 67 avec au moins un manque pour « Aide alimentaire (colis, distribution) ».',
    );
  });

  it('follows the need, the measure and the distance threshold chosen', () => {
    open();
    fireEvent.change(screen.getByLabelText('Besoin'), { target: { value: 'repas' } });
    expect(shape('Vénissieux : 1 service ; manques : aucun accueil inconditionnel')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Mesure montrée sur la carte'), { target: { value: 'weekend' } });
    expect(shape('Vénissieux : ouvert le week-end ; manques : aucun accueil inconditionnel')).toBeTruthy();
    expect(screen.getByText('oui', { selector: '.coverage-legend li' })).toBeTruthy();
    // Each map hatches the gaps of its measure: here no service or nothing at weekends.
    expect(shape(/^Vénissieux/).getAttribute('fill')).toMatch(/^#/);
    expect(shape(/^Bron/).getAttribute('fill')).toMatch(/^url\(#cov-hatch-/);
    expect(screen.getByText('Hachures : aucun service ou rien le week-end')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Mesure montrée sur la carte'), { target: { value: 'distance' } });
    expect(shape(/^Vénissieux/).getAttribute('fill')).toMatch(/^#/);
    // Villeurbanne: the nearest meal is 4,3 km away, in Lyon 8e (class « 2 to 5 km »), over the 3 km threshold.
    expect(shape(/^Villeurbanne/).getAttribute('fill')).toBe('url(#cov-hatch-1)');
    fireEvent.change(screen.getByLabelText('Besoin'), { target: { value: 'aide-alimentaire' } });
    fireEvent.change(screen.getByLabelText('Mesure montrée sur la carte'), { target: { value: 'services' } });
    fireEvent.input(screen.getByLabelText('Distance maximale acceptable (km)'), { target: { value: '4' } });
    expect(shape('Villeurbanne : aucun service ; manques : aucun service')).toBeTruthy();
  });

  it('has the table equivalent: every territory, the gaps in words, and a filter on gaps', async () => {
    open();
    // 58 communes (Lyon as a whole) and Lyon's 9 arrondissements, plus the header row: the first rows with the
    // screen, the others over the page's next turns.
    expect(within(table()).getAllByRole('row').length).toBeLessThan(68);
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(68));
    const venissieux = row('Vénissieux');
    expect(venissieux?.className).toBe('gap-row');
    expect(
      within(venissieux as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1', '0', '5', 'non', 'non', '50 m', '0,2', 'rien le week-end']);
    expect(
      within(row('Lyon 3e Arrondissement') as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1', '0', 'inconnu', 'inconnu', 'inconnu', '50 m', '0,1', 'aucun']);
    fireEvent.click(screen.getByLabelText('Montrer seulement les territoires avec un manque'));
    expect(within(table()).getAllByRole('row')).toHaveLength(67);
    expect(within(table()).queryByRole('rowheader', { name: 'Lyon 3e Arrondissement' })).toBeNull();
  });

  it('lists the actors of a territory, hors les murs included', () => {
    open();
    fireEvent.change(screen.getByLabelText('Territoire'), { target: { value: '69388' } });
    const list = screen.getByRole('list', { name: 'Acteurs par territoire' });
    expect(within(list).getByRole('link', { name: 'Entraide Gratte-Ciel' }).getAttribute('href')).toBe(
      '/partenaires/test--s2',
    );
    expect(list.textContent).toContain('basé à Villeurbanne · 1 service');
    fireEvent.change(screen.getByLabelText('Besoin'), { target: { value: 'jardiner' } });
    expect(screen.getByTestId('actors-count').textContent).toBe('Aucun partenaire publié n’intervient ici.');
  });

  it('exports the matrix as a CSV file made on the device', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:coverage';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le tableau de couverture, tous besoins (CSV)' }));
    expect(clicked).toEqual([expect.stringMatching(/^boussole-couverture-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const text = await created[0]?.text();
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(text?.split('\r\n')[0]).toMatch(/^\uFEFFCode INSEE;Territoire;Population;Besoin;Services;/);
    expect(text).toContain('69259;Vénissieux;65502;Aide alimentaire (colis, distribution);1;1;0;1;5;non;non;0;0,15;');
  });
});

describe('demandes sans réponse on the coverage screen', () => {
  const stats = {
    cells: [
      { commune: '69266', need: 'aide-alimentaire', month: '2026-11', orientations: 40, sans_reponse: 12 },
      { commune: '69259', need: 'aide-alimentaire', month: '2026-11', orientations: 9, sans_reponse: '< 5' },
      { commune: '69259', need: 'aide-alimentaire', month: '2026-10', orientations: 6, sans_reponse: 6 },
      { commune: '69266', need: 'repas', month: '2026-11', orientations: 7, sans_reponse: 5 },
    ],
  };
  /** The screen with the statistics' answers counted; online or not, and shown to the reader or not. */
  function openWithStats(online: boolean, demandShown?: boolean) {
    const fetchImpl = vi.fn<typeof fetch>(
      async () => new Response(JSON.stringify(stats), { headers: { 'content-type': 'application/json' } }),
    );
    render(
      <LocationProvider>
        <CoverageScreen
          catalog={signal(catalog)}
          online={signal(online)}
          getToken={() => 'jeton'}
          fetchImpl={fetchImpl}
          {...(demandShown === undefined ? {} : { demandShown })}
        />
      </LocationProvider>,
    );
    return fetchImpl;
  }

  it('lists, for the need and the latest month, each commune’s orientations without an answer, most first, small counts « < 5 »', async () => {
    const fetchImpl = openWithStats(true);
    const demand = await screen.findByTestId('demand-table');
    expect(String(fetchImpl.mock.calls[0]?.[0])).toBe('/api/v1/stats/orientations');
    const rows = within(demand)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['Villeurbanne1240', 'Vénissieux< 59']);
    fireEvent.change(screen.getByLabelText('Mois'), { target: { value: '2026-10' } });
    expect(within(screen.getByTestId('demand-table')).getAllByRole('row')[1]?.textContent).toBe('Vénissieux66');
  });

  it('says it waits for the network when offline, and asks nothing', () => {
    const fetchImpl = openWithStats(false);
    expect(within(screen.getByTestId('demand-section')).getByText(/Hors ligne/)).toBeTruthy();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('neither asks nor shows them to a reader the server keeps them from (a worker), online', () => {
    const fetchImpl = openWithStats(true, false);
    expect(screen.getByTestId('coverage-table')).toBeTruthy();
    expect(screen.queryByTestId('demand-section')).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
