// What épiceries decide on, in the orientation form: amounts typed give the reste à vivre and the
// quotient familial at once, with how they were computed; a wrong entry gets its message beside its field; an
// épicerie's ceiling then decides its verdict; employment and disability reach the profile; colleagues' criteria
// can be picked.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogWith } from '../../../tests/fixtures/catalog.ts';
import { TUESDAY_10H, venissieuxDirectory } from '../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { OrientationScreen } from './OrientationScreen.tsx';
import { restoreWorkInProgress, type WorkInProgress } from './work-in-progress.ts';

const databases: BoussoleDatabase[] = [];
const works: WorkInProgress[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_10H);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const work of works.splice(0)) work.stop();
  for (const db of databases.splice(0)) await db.delete();
});

/** The Vénissieux directory, its épicerie deciding on a reste à vivre of at most 8 €, the colis carrying a criterion. */
async function setUp() {
  const directory = venissieuxDirectory();
  const [epicerie, colis] = directory.services;
  if (!epicerie || !colis) throw new Error('fixture changed');
  epicerie.eligibilite.reste_a_vivre_max = 8;
  colis.criteres = ['bon accueil des familles'];
  const { db, catalog } = await catalogWith(directory);
  databases.push(db);
  const work = await restoreWorkInProgress(db, catalog);
  works.push(work);
  render(<OrientationScreen catalog={catalog} work={work} />);
  return { model: work.orientation };
}

const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

function fillSingleParentOfTwo() {
  type('Commune ou code postal', 'vénis');
  fireEvent.click(screen.getByRole('button', { name: /^Vénissieux/ }));
  type('Nombre d’adultes', '1');
  type('Nombre d’enfants', '2');
  type('Âge de l’enfant 1 (ans)', '4');
  type('Âge de l’enfant 2 (ans)', '9');
}

async function openBudget() {
  const summary = screen.getByText('Ressources et charges (reste à vivre, quotient familial)');
  const details = summary.closest('details') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  await screen.findByLabelText('Salaires et allocations chômage');
}

function typeAmounts() {
  type('Salaires et allocations chômage', '900');
  type('Allocations familiales et logement (CAF)', '350');
  type('Loyer et charges, ou prêt du logement', '520');
  type('Énergie et eau', '90');
  type('Assurances et mutuelle', '32');
  type('Autres charges (téléphone, transport…)', '50');
}

describe('resources and charges in the orientation form', () => {
  it('shows the reste à vivre and the quotient familial as the amounts are typed, and how they were computed', async () => {
    await setUp();
    fillSingleParentOfTwo();
    await openBudget();
    expect(plain(screen.getByTestId('reste-a-vivre').textContent)).toBe(
      'Reste à vivre : indiquez au moins une ressource (0 si le foyer n’en a aucune).',
    );
    typeAmounts();
    expect(plain(screen.getByTestId('reste-a-vivre').textContent)).toBe(
      'Reste à vivre : 6,20 € par jour et par personne' +
        '(1 250 € de ressources − 692 € de charges) ÷ 3 personnes ÷ 30 jours',
    );
    expect(plain(screen.getByTestId('quotient-familial').textContent)).toBe(
      'Quotient familial estimé : 417 €' +
        '(900 € de revenus imposables par mois + 350 € de prestations) ÷ 3 parts CAF',
    );
    // The summary keeps the figure in view once closed.
    expect(plain(screen.getByText(/Ressources et charges/).closest('summary')?.textContent)).toContain(
      'Reste à vivre : 6,20 € par jour et par personne',
    );
    // The QF of the CAF attestation replaces the estimate.
    type('Quotient familial CAF inscrit sur l’attestation (€)', '512');
    expect(plain(screen.getByTestId('quotient-familial').textContent)).toBe(
      'Quotient familial : 512 € (attestation CAF)',
    );
  });

  it('says beside the field what is wrong with an amount, and leaves it out of the figures', async () => {
    const { model } = await setUp();
    fillSingleParentOfTwo();
    await openBudget();
    typeAmounts();
    const rent = screen.getByLabelText('Loyer et charges, ou prêt du logement');
    fireEvent.input(rent, { target: { value: '52O' } });
    expect(rent.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(rent.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('Montant attendu en euros, par exemple 450 ou 12,50');
    expect(message?.previousElementSibling).toBe(rent);
    // Not counted as 0 nor as anything: the rent is simply not given.
    expect(model.profile.value.budget?.charges.loyer).toBeUndefined();
    expect(plain(screen.getByTestId('reste-a-vivre').textContent)).toContain(
      '(1 250 € de ressources − 172 € de charges)',
    );

    fireEvent.input(rent, { target: { value: '-520' } });
    expect(document.getElementById(`${rent.id}-error`)?.textContent).toBe('Un montant ne peut pas être négatif');
    fireEvent.input(rent, { target: { value: '1 520,50 €' } });
    expect(rent.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(`${rent.id}-error`)).toBeNull();
    expect(model.profile.value.budget?.charges.loyer).toBe(1520.5);
  });

  it('keeps the profile step until a wrong amount is fixed: the summary takes the focus and leads to the field', async () => {
    const { model } = await setUp();
    fillSingleParentOfTwo();
    await openBudget();
    type('Loyer et charges, ou prêt du logement', '52O');
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    await screen.findByRole('heading', { name: 'Le formulaire contient 1 erreur' });
    expect(document.activeElement?.hasAttribute('data-error-summary')).toBe(true);
    expect(model.step.value).toBe('profil');
    fireEvent.click(
      screen.getByRole('link', {
        name: 'Loyer et charges, ou prêt du logement : Montant attendu en euros, par exemple 450 ou 12,50',
      }),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Loyer et charges, ou prêt du logement'));
    type('Loyer et charges, ou prêt du logement', '520');
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    await waitFor(() => expect(model.step.value).toBe('besoins'));
  });

  it('lets an épicerie’s ceiling decide: « montant non renseigné » to check without amounts, the figure said with them', async () => {
    await setUp();
    fillSingleParentOfTwo();
    fireEvent.click(screen.getByLabelText('Minima sociaux (RSA, ASS, AAH…)'));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    await waitFor(() => expect(screen.getByTestId('orientation-count').textContent).toContain('à vérifier'));
    const card = (list = 'À vérifier') =>
      within(screen.getByRole('list', { name: list }))
        .getByRole('heading', { name: 'Épicerie sociale des Minguettes' })
        .closest('li');
    expect(plain(card()?.textContent)).toContain(
      'Montant non renseigné : reste à vivre jusqu’à 8 € par jour et par personne',
    );

    // « Préciser les ressources et charges » brings the worker back to the amounts, opened, focus in them.
    fireEvent.click(screen.getByRole('button', { name: /^Préciser les ressources et charges/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Salaires et allocations chômage')));
    typeAmounts();
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    // Within the ceiling, the figure said: it now fits (its referral is an action for the professional, not a doubt).
    const fits = () => card('Correspondent à la situation');
    await waitFor(() =>
      expect(plain(fits()?.textContent)).toContain(
        'Reste à vivre de 6,20 € par jour et par personne, dans la limite de 8 €',
      ),
    );
    expect(plain(fits()?.textContent)).not.toContain('Montant non renseigné');
  });

  it('puts employment and disability in the profile; « Non » takes back the recognitions', async () => {
    const { model } = await setUp();
    const more = screen.getByText(/^Autres critères/).closest('details') as HTMLDetailsElement;
    more.open = true;
    fireEvent(more, new Event('toggle'));
    fireEvent.click(await screen.findByLabelText("Demandeur ou demandeuse d'emploi"));
    const handicap = within(screen.getByRole('group', { name: 'Situation de handicap' }));
    fireEvent.click(handicap.getByLabelText('Oui'));
    fireEvent.click(screen.getByLabelText('RQTH (travailleur ou travailleuse handicapé·e)'));
    expect(model.profile.value).toMatchObject({
      emploi: 'demandeur-emploi',
      handicap: true,
      reconnaissances_handicap: ['rqth'],
    });
    fireEvent.click(handicap.getByLabelText('Non'));
    expect(model.profile.value.handicap).toBe(false);
    expect(model.profile.value.reconnaissances_handicap).toBeUndefined();
    expect(screen.queryByLabelText('RQTH (travailleur ou travailleuse handicapé·e)')).toBeNull();
  });

  it('offers colleagues’ criteria on the needs step; a picked one moves its services up with the reason', async () => {
    await setUp();
    fillSingleParentOfTwo();
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    const criteria = within(screen.getByRole('group', { name: 'Critères des collègues et des MDM' }));
    fireEvent.click(criteria.getByLabelText('bon accueil des familles'));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les résultats' }));
    await waitFor(() =>
      expect(plain(screen.getByRole('list', { name: 'Correspondent à la situation' }).textContent)).toContain(
        'Critère de collègues : bon accueil des familles',
      ),
    );
  });
});
