import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogWith } from '../../../tests/fixtures/catalog.ts';
import { TUESDAY_10H, venissieuxDirectory } from '../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { OrientationScreen } from './OrientationScreen.tsx';
import { restoreWorkInProgress, type WorkInProgress } from './work-in-progress.ts';

const databases: BoussoleDatabase[] = [];
const works: WorkInProgress[] = [];
beforeEach(() => {
  // Only the clock is fake: IndexedDB (fake-indexeddb) still needs real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_10H);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const work of works.splice(0)) work.stop();
  for (const db of databases.splice(0)) await db.delete();
});

async function setUp(audience: 'professionnel' | 'public' = 'professionnel') {
  const { db, model, catalog } = await catalogWith(venissieuxDirectory(), audience);
  databases.push(db);
  const work = await restoreWorkInProgress(db, catalog);
  works.push(work);
  render(<OrientationScreen catalog={catalog} work={work} />);
  return { model, recap: work.recap, db, work };
}

const card = (name: string) => {
  const heading = screen.getByRole('heading', { level: 4, name });
  return heading.closest('li') as HTMLElement;
};

async function fillFamilyOfFive() {
  fireEvent.input(screen.getByLabelText('Commune ou code postal'), { target: { value: 'vénis' } });
  fireEvent.click(screen.getByRole('button', { name: /^Vénissieux/ }));
  expect(screen.getByTestId('commune-status').textContent).toBe('Commune retenue : Vénissieux');
  fireEvent.input(screen.getByLabelText('Nombre d’adultes'), { target: { value: '2' } });
  fireEvent.input(screen.getByLabelText('Nombre d’enfants'), { target: { value: '3' } });
  fireEvent.input(screen.getByLabelText('Âge de l’enfant 1 (ans)'), { target: { value: '4' } });
  fireEvent.input(screen.getByLabelText('Âge de l’enfant 2 (ans)'), { target: { value: '7' } });
  fireEvent.input(screen.getByLabelText('Âge de l’enfant 3 (ans)'), { target: { value: '12' } });
}

describe('the orientation screen', () => {
  it('goes from the profile to the needs to the results: eligible first with reasons, the épicerie on referral with its fiche to send, excluded on demand', async () => {
    const { model } = await setUp();
    await model.ensureHours();
    expect(document.activeElement?.textContent).toBe('Nouvelle orientation');
    await fillFamilyOfFive();
    fireEvent.click(screen.getByLabelText('Minima sociaux (RSA, ASS, AAH…)'));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));

    const needsTitle = screen.getByRole('heading', { level: 2, name: '2. Ce dont la personne a besoin' });
    await waitFor(() => expect(document.activeElement).toBe(needsTitle));
    fireEvent.click(screen.getByLabelText('Aide alimentaire (colis, distribution)'));
    fireEvent.click(screen.getByLabelText('Faire ses courses à prix solidaire'));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));

    await waitFor(() =>
      expect(screen.getByTestId('orientation-count').textContent).toBe('2 partenaires correspondent, 0 à vérifier'),
    );
    const eligible = within(screen.getByRole('list', { name: 'Correspondent à la situation' }));
    expect(eligible.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Épicerie sociale des Minguettes',
      'Colis du Moulin-à-Vent',
    ]);
    const colis = card('Colis du Moulin-à-Vent').textContent;
    expect(colis).toContain('Accueil sans condition');
    expect(colis).toContain('Ouvert demain mercredi 4 novembre de 14h à 17h');
    expect(colis).toMatch(/À (environ )?(\d+ m|\d,\d km), (≈ \d+ min|moins de 5 min) (à pied|en transports)/);
    expect(colis).toContain('Gratuit');

    const epicerie = card('Épicerie sociale des Minguettes');
    expect(epicerie.textContent).not.toContain('À vérifier');
    expect(within(epicerie).getByTestId('result-action').textContent).toBe(
      'À faire :Sur orientation : fiche de liaison à remplir (dans Boussole ou par courriel)',
    );
    expect(epicerie.textContent).toContain('Ouvert maintenant jusqu’à 12h');
    expect(epicerie.textContent).toContain('Ressources acceptées : Minima sociaux (RSA, ASS, AAH…)');
    // The price as the listing says it, amounts included.
    expect(epicerie.textContent?.replace(/\u00a0/g, ' ')).toContain(
      '10 à 30 % du prix en magasin. Adhésion 2 € par an. Pour 6 mois, renouvelable',
    );
    const send = within(epicerie).getByRole('link', {
      name: 'Envoyer une fiche de liaison : Épicerie sociale des Minguettes',
    });
    expect(send.getAttribute('href')).toBe('/orientations/nouvelle/test--s1-1');

    expect(screen.queryByRole('heading', { name: 'Colis de Bron' })).toBeNull();
    fireEvent.click(screen.getByText('Voir les 2 partenaires écartés et pourquoi'));
    fireEvent(
      screen.getByText('Voir les 2 partenaires écartés et pourquoi').parentElement as HTMLElement,
      new Event('toggle'),
    );
    await waitFor(() => expect(card('Colis de Bron').textContent).toContain('Réservé aux habitants de Bron'));
    expect(card('Épicerie étudiante').textContent).toContain('Ressources non acceptées');
  });

  it('for a person looking by themselves, the épicerie on referral stays to check, with no fiche to send', async () => {
    const { model } = await setUp('public');
    await model.ensureHours();
    await fillFamilyOfFive();
    fireEvent.click(screen.getByLabelText('Minima sociaux (RSA, ASS, AAH…)'));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByLabelText('Faire ses courses à prix solidaire'));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    await waitFor(() =>
      expect(screen.getByTestId('orientation-count').textContent).toBe('0 partenaire correspond, 1 à vérifier'),
    );
    const epicerie = card('Épicerie sociale des Minguettes');
    expect(epicerie.textContent).toContain('À vérifier :');
    expect(within(epicerie).queryByTestId('result-action')).toBeNull();
    expect(within(epicerie).queryByRole('link', { name: /Envoyer une fiche de liaison/ })).toBeNull();
  });

  it('refines with filters without starting over, and says how many are hidden', async () => {
    const { model } = await setUp();
    await model.ensureHours();
    await fillFamilyOfFive();
    fireEvent.click(screen.getByLabelText('Minima sociaux (RSA, ASS, AAH…)'));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    await waitFor(() => expect(screen.getByTestId('orientation-count').textContent).toContain('à vérifier'));

    fireEvent.click(screen.getByRole('button', { name: 'Ouvert maintenant' }));
    expect(screen.getByRole('button', { name: 'Ouvert maintenant' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('orientation-count').textContent).toBe(
      '1 partenaire correspond, 0 à vérifier — 1 masqué par les filtres',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ouvert maintenant' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sans orientation' }));
    expect(screen.queryByRole('heading', { name: 'Épicerie sociale des Minguettes' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Colis du Moulin-à-Vent' })).toBeTruthy();
  });

  it('offers to ask what would decide results, and brings focus back to that field', async () => {
    const { model } = await setUp();
    await model.ensureHours();
    fireEvent.input(screen.getByLabelText('Commune ou code postal'), { target: { value: '69200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    const ask = await screen.findByRole('button', { name: 'Préciser les ressources changerait 2 résultats' });
    fireEvent.click(ask);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Minima sociaux (RSA, ASS, AAH…)')));
    expect(screen.getByLabelText('Commune ou code postal')).toHaveProperty('value', '69200');
  });

  it('says hours are loading, then shows them without starting over', async () => {
    await setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    expect(screen.getByText('Horaires en cours de chargement : les résultats se mettront à jour.')).toBeTruthy();
    await waitFor(
      () =>
        expect(card('Colis du Moulin-à-Vent').textContent).toContain('Ouvert demain mercredi 4 novembre de 14h à 17h'),
      {
        timeout: 10_000,
      },
    );
    expect(screen.queryByText(/Horaires en cours de chargement/)).toBeNull();
  });

  it('puts picked partners in the recap and takes them out again', async () => {
    const { model, recap } = await setUp();
    await model.ensureHours();
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    expect(screen.getByTestId('recap-count').textContent).toBe('Aucun partenaire dans la liste');
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter à la liste : Colis du Moulin-à-Vent' }));
    expect(screen.getByTestId('recap-count').textContent).toBe('1 partenaire dans la liste');
    expect(screen.getByRole('link', { name: 'Voir la liste à remettre' }).getAttribute('href')).toBe('/fiche');
    expect(recap.items.value.map((i) => i.serviceId)).toEqual(['test--s2-1']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de la liste : Colis du Moulin-à-Vent' }));
    expect(recap.count.value).toBe(0);
  });

  it('gives each result an « Itinéraire » to the partner in the maps, saying it needs a connection, and what offline means', async () => {
    const { model } = await setUp();
    await model.ensureHours();
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    const colis = await waitFor(() => card('Colis du Moulin-à-Vent'));
    const link = within(colis).getByRole('link', {
      name: 'Itinéraire vers Colis du Moulin-à-Vent (nécessite une connexion)',
    });
    expect(link.textContent).toBe('Itinéraire');
    // The partner's place only, never where the person lives.
    expect(link.getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=%3B45\.\d+%2C4\.\d+/,
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.closest('p')?.textContent).toBe('Itinéraire (nécessite une connexion)');

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(link.closest('p')?.textContent).toContain(
      'hors connexion : la carte ne s’ouvrira qu’une fois l’appareil connecté',
    );
    onLine.mockRestore();
  });

  it('forgets the person, their picks and their first name on a new orientation, on screen and on the device', async () => {
    const { recap, db, work } = await setUp();
    fireEvent.input(screen.getByLabelText('Nombre d’adultes'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter à la liste : Colis du Moulin-à-Vent' }));
    recap.firstName.value = 'Amina';
    await work.flush();
    expect(await db.workInProgress.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle orientation (tout effacer)' }));
    await work.flush();
    expect(await db.workInProgress.count()).toBe(0);
    expect(recap.count.value).toBe(0);
    expect(recap.firstName.value).toBe('');
    expect(screen.getByRole('heading', { level: 2, name: '1. La situation de la personne' })).toBeTruthy();
    expect(screen.getByLabelText('Nombre d’adultes')).toHaveProperty('value', '');
  });
});
