import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { type MapItem, ResultsMap } from './ResultsMap.tsx';

function anItem(id: string, over: Partial<MapItem>): MapItem {
  return {
    id,
    name: `Partenaire ${id}`,
    detail: null,
    commune: 'Vénissieux',
    address: `${id} rue de la République, 69200 Vénissieux`,
    hours: 'Ouvre demain à 9h',
    distance: null,
    href: `/partenaires/s-${id}#service-${id}`,
    kind: 'eligible',
    approximate: false,
    latitude: 45.6975,
    longitude: 4.8862,
    ...over,
  };
}

// Four places: Vénissieux (two services at the same address), Villeurbanne to the north, Saint-Priest to the east.
const items = [
  anItem('a', { name: 'Épicerie Le Panier', detail: 'Épicerie sociale' }),
  anItem('b', { name: 'Restos du Cœur Villeurbanne', commune: 'Villeurbanne', latitude: 45.7667, longitude: 4.8799 }),
  anItem('c', {
    name: 'Jardin partagé',
    commune: 'Saint-Priest',
    kind: 'to_check',
    latitude: 45.6967,
    longitude: 4.9449,
    hours: null,
    approximate: true,
    address: null,
  }),
  anItem('d', { name: 'Colis du jeudi' }),
];

const points = () => within(screen.getByRole('list', { name: /^Lieux sur la carte/ })).getAllByRole('button');
const point = (name: RegExp) =>
  within(screen.getByRole('list', { name: /^Lieux sur la carte/ })).getByRole('button', { name });
const card = () => screen.getByRole('region', { name: 'Lieu sélectionné' });

describe('the results map', () => {
  it('draws one point per place, merges those at the same address, and names the communes around them', () => {
    render(<ResultsMap items={items} total={4} />);
    expect(points().map((p) => p.getAttribute('aria-label'))).toEqual([
      '2 lieux proches : Épicerie Le Panier, Colis du jeudi',
      'Restos du Cœur Villeurbanne, Villeurbanne, correspond',
      'Jardin partagé, Saint-Priest, à vérifier',
    ]);
    // A to-check place is told apart by its shape, not its colour alone; the legend says which is which.
    expect(point(/^Jardin/).className).toContain('is-to_check');
    expect(screen.getByText('À vérifier', { selector: '.map-legend li' })).toBeTruthy();
    const names = screen.getByTestId('map-names').textContent ?? '';
    for (const commune of ['Villeurbanne', 'Vénissieux', 'Bron']) expect(names).toContain(commune);
    expect(screen.getByText('4 résultats sur la carte, comme dans la liste.')).toBeTruthy();
  });

  it('is one Tab stop: the arrow keys move the focus from point to point, by where they are', () => {
    render(<ResultsMap items={items} total={4} />);
    expect(points().map((p) => p.tabIndex)).toEqual([0, -1, -1]);
    const venissieux = point(/^2 lieux/);
    venissieux.focus();
    fireEvent.keyDown(venissieux, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(point(/^Restos/));
    expect(points().map((p) => p.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(venissieux);
    fireEvent.keyDown(venissieux, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(point(/^Jardin/));
    // Nothing further east: the focus stays.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(point(/^Jardin/));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement).toBe(venissieux);
  });

  it('opens a point’s card (name, address, next opening, partner sheet) and closes it with Escape', () => {
    render(<ResultsMap items={items} total={4} />);
    expect(card().textContent).toContain('Touchez un point');
    // A keyboard's Enter or Space on a button is a click with no pointer (detail 0).
    fireEvent.click(point(/^Jardin/), { detail: 0 });
    expect(point(/^Jardin/).getAttribute('aria-expanded')).toBe('true');
    expect(card().textContent).toContain('Jardin partagé');
    expect(card().textContent).toContain('Saint-Priest');
    expect(card().textContent).toContain('Emplacement approximatif');
    expect(card().textContent).toContain('À vérifier');
    expect(card().textContent).toContain('Horaires en cours de chargement');
    expect(
      within(card()).getByRole('link', { name: 'Voir la fiche partenaire : Jardin partagé' }).getAttribute('href'),
    ).toBe('/partenaires/s-c#service-c');
    fireEvent.keyDown(point(/^Jardin/), { key: 'Escape' });
    expect(point(/^Jardin/).getAttribute('aria-expanded')).toBe('false');
    expect(card().textContent).not.toContain('Jardin partagé');
  });

  it('lists every place of a merged point in its card', () => {
    render(<ResultsMap items={items} total={4} />);
    fireEvent.click(point(/^2 lieux/));
    const listed = within(card()).getAllByTestId('map-card-item');
    expect(listed.map((li) => li.querySelector('.map-card-name')?.textContent)).toEqual([
      'Épicerie Le Panier',
      'Colis du jeudi',
    ]);
    expect(listed[0]?.textContent).toContain('a rue de la République, 69200 Vénissieux');
    expect(listed[0]?.textContent).toContain('Épicerie sociale');
    expect(listed[0]?.textContent).toContain('Ouvre demain à 9h');
    fireEvent.click(within(card()).getByRole('button', { name: 'Fermer' }));
    expect(within(card()).queryAllByTestId('map-card-item')).toHaveLength(0);
    // The focus goes back to the point, not to the top of the page.
    expect(document.activeElement).toBe(point(/^2 lieux/));
  });

  it('shows the person’s position when given, and says the page shown of a longer list', () => {
    const more = vi.fn();
    render(<ResultsMap items={items} total={25} person={{ latitude: 45.7, longitude: 4.89 }} onMore={more} />);
    expect(screen.getByRole('img', { name: 'Position de la personne' })).toBeTruthy();
    expect(screen.getByText('Les 4 premiers résultats sur 25, comme dans la liste.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus (21 restants)' }));
    expect(more).toHaveBeenCalledOnce();
  });
});
