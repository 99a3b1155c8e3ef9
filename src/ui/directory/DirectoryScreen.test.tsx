import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { dayFromNow, deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { CatalogModel } from './catalog-model.ts';
import { DirectoryScreen } from './DirectoryScreen.tsx';

// Three partners: an épicerie in Vénissieux (solidarity price, on referral, closed for works), a colis point open
// 24/7 in Villeurbanne (free, direct), a restaurant in Lyon 3e (paying, Arabic spoken, step-free, no hours).
const structures = [
  aStructure(1, { nom: 'Épicerie solidaire Le Panier', horaires_accueil: 'Tu,Th 14:00-17:30; PH off' }),
  aStructure(2, { nom: 'Entraide Gratte-Ciel', commune: 'Villeurbanne', code_insee: '69266', code_postal: '69100' }),
  aStructure(3, {
    nom: 'La Table ouverte',
    commune: 'Lyon 3e Arrondissement',
    code_insee: '69383',
    code_postal: '69003',
    langues: ['fr', 'ar'],
    accessibilite: { pmr: true },
  }),
];
const services = [
  aService(1, 1, {
    nom: 'Épicerie sociale',
    categorie: 'social_grocery_stores',
    tarif: { type: 'solidaire', pourcentage_min: 10, pourcentage_max: 30, precisions: 'Selon le reste à vivre' },
    eligibilite: { ...aService(1, 1).eligibilite, sur_orientation: true },
    fiche_liaison: { requise: true, canaux: ['sur-place'], champs: [] },
    // Closed these days whatever the day the tests run: "open now" never depends on the clock.
    infos_temporaires: [{ id: 'travaux', type: 'fermeture', debut: dayFromNow(-1), fin: dayFromNow(10) }],
  }),
  aService(2, 1, { nom: 'Colis du jeudi', horaires_accueil: '24/7' }),
  aService(3, 1, { nom: 'Repas du midi', categorie: 'solidarity_restaurant', tarif: { type: 'payant' } }),
];

let device: { db: BoussoleDatabase; catalog: CatalogModel };
beforeAll(async () => {
  device = await deviceWith(structures, services);
});
afterEach(() => history.replaceState(null, '', '/'));

function openAt(url: string) {
  history.replaceState(null, '', url);
  render(
    <LocationProvider>
      <DirectoryScreen catalog={signal(device.catalog)} />
    </LocationProvider>,
  );
}
const names = () => screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('the Annuaire', () => {
  it('finds an épicerie in Vénissieux typed without accents and with a typo, labelled with its partner', async () => {
    openAt('/annuaire?q=epicerie+solidaire+venisieux');
    expect(screen.getByTestId('result-count').textContent).toBe('1 service trouvé');
    const card = screen.getByRole('listitem');
    expect(within(card).getByRole('link', { name: 'Épicerie sociale' }).getAttribute('href')).toBe(
      '/partenaires/test--s1#service-test--s1-1',
    );
    expect(card.textContent).toContain('Chez Épicerie solidaire Le Panier');
    expect(card.textContent).toContain('Épicerie sociale et solidaire');
    expect(card.textContent).toContain('1 rue de la République, 69200 Vénissieux');
    expect(card.textContent).toContain('10 à 30\u00a0% du prix en magasin. Selon le reste à vivre');
    expect(card.textContent).toContain('Sur orientation');
    // The card's hours are worked out once the cards are shown.
    await waitFor(() => expect(card.textContent).toContain('Fermé temporairement jusqu’au'));
  });

  it('searches as the person types, and puts the query in the URL', async () => {
    openAt('/annuaire');
    expect(screen.getByTestId('result-count').textContent).toBe('3 services trouvés');
    fireEvent.input(screen.getByLabelText('Rechercher'), { target: { value: 'repas' } });
    await waitFor(() => expect(names()).toEqual(['Repas du midi']));
    expect(location.search).toBe('?q=repas');
  });

  it('once a card is tapped during a typing pause, the pause’s end does not bring the person back', async () => {
    openAt('/annuaire');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.input(screen.getByLabelText('Rechercher'), { target: { value: 'repas' } });
    // The router has moved to the sheet, whose screen is still loading: the Annuaire is still mounted.
    history.pushState(null, '', '/partenaires/test--s1');
    vi.advanceTimersByTime(1000);
    vi.useRealTimers();
    expect(location.pathname).toBe('/partenaires/test--s1');
  });

  it('a search sent with the button is not sent again when the typing pause ends', async () => {
    openAt('/annuaire');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.input(screen.getByLabelText('Rechercher'), { target: { value: 'repas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(location.search).toBe('?q=repas');
    const replaced = vi.spyOn(history, 'replaceState');
    vi.advanceTimersByTime(1000);
    vi.useRealTimers();
    expect(replaced).not.toHaveBeenCalled();
    replaced.mockRestore();
  });

  it.each([
    ['prix=gratuit', ['Colis du jeudi']],
    ['prix=solidaire', ['Colis du jeudi', 'Épicerie sociale']],
    ['sans_orientation=1', ['Colis du jeudi', 'Repas du midi']],
    ['commune=69266', ['Colis du jeudi']],
    ['ouvert=maintenant', ['Colis du jeudi']],
    ['langue=ar', ['Repas du midi']],
    ['pmr=1', ['Repas du midi']],
    ['besoin=epicerie-solidaire', ['Épicerie sociale']],
  ])('filters from a deep link: %s', (params, expected) => {
    openAt(`/annuaire?${params}`);
    expect(names().sort()).toEqual([...expected].sort());
  });

  it('applies a filter chosen in the form at once, and keeps it in the URL', async () => {
    openAt('/annuaire');
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '69259' } });
    await waitFor(() => expect(names()).toEqual(['Épicerie sociale']));
    expect(location.search).toBe('?commune=69259');
    expect(screen.getByTestId('result-count').textContent).toBe('1 service trouvé');
  });

  it('says what to change when nothing matches, and removes a filter in one tap', async () => {
    openAt('/annuaire?q=repas&prix=gratuit');
    expect(screen.getByTestId('result-count').textContent).toBe('Aucun service trouvé');
    const empty = screen.getByTestId('empty-results');
    expect(empty.textContent).toContain('« repas » donne 1 service sans les filtres : retirez un filtre.');
    fireEvent.click(within(empty).getByRole('button', { name: 'Retirer « Gratuit »' }));
    await waitFor(() => expect(names()).toEqual(['Repas du midi']));
    expect(location.search).toBe('?q=repas');
  });
});

describe('the Annuaire’s cards', () => {
  it('shows the first cards with the answer and the others at the page’s next turns', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => aService(1, i + 1, { nom: `Distribution ${i + 1}` }));
    const many = await deviceWith([aStructure(1)], twelve);
    history.replaceState(null, '', '/annuaire');
    render(
      <LocationProvider>
        <DirectoryScreen catalog={signal(many.catalog)} />
      </LocationProvider>,
    );
    expect(screen.getByTestId('result-count').textContent).toBe('12 services trouvés');
    const list = screen.getByRole('list', { name: 'Résultats' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(12));
  });
});
