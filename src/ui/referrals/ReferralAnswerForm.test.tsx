// The receiving partner's answer to a referral: nothing is chosen for it (neither accept nor refuse, nor a reason),
// an acceptance may carry an appointment whose day is checked on the device, and only a valid answer is queued.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ReferralAnswerForm } from './ReferralAnswerForm.tsx';

// Tuesday 6 January 2027, 10:00 in Lyon.
const NOW = new Date('2027-01-06T09:00:00Z');

function setUp() {
  const onAnswer = vi.fn(async (_change: Record<string, unknown>) => ({ ok: true as const }));
  render(<ReferralAnswerForm onAnswer={onAnswer} now={() => NOW} />);
  const send = () => fireEvent.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
  const type = (label: string | RegExp, value: string) =>
    fireEvent.input(screen.getByLabelText(label), { target: { value } });
  return { onAnswer, send, type };
}

const summaryLinks = () => screen.getAllByRole('link').map((a) => a.textContent);

describe('la réponse du partenaire à une orientation', () => {
  it('ne choisit rien à sa place : ni acceptation, ni refus, ni motif ; l’envoyer sans choix le dit', async () => {
    const { onAnswer, send } = setUp();
    const [accept, refuse] = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(accept?.checked).toBe(false);
    expect(refuse?.checked).toBe(false);
    expect(screen.queryByLabelText('Motif du refus')).toBeNull();
    send();
    await screen.findByRole('heading', { name: 'Le formulaire contient 1 erreur' });
    expect(summaryLinks()).toEqual(['Réponse à l’orientation : Choisissez : accepter ou refuser l’orientation.']);
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('un refus demande son motif, sans motif choisi d’avance', async () => {
    const { onAnswer, send } = setUp();
    fireEvent.click(screen.getByLabelText('Refuser'));
    const motif = screen.getByLabelText('Motif du refus') as HTMLSelectElement;
    expect(motif.value).toBe('');
    send();
    await screen.findByRole('heading', { name: 'Le formulaire contient 1 erreur' });
    expect(document.activeElement?.hasAttribute('data-error-summary')).toBe(true);
    fireEvent.click(screen.getByRole('link', { name: /^Motif du refus/ }));
    expect(document.activeElement).toBe(motif);
    fireEvent.change(motif, { target: { value: 'complet' } });
    send();
    await vi.waitFor(() => expect(onAnswer).toHaveBeenCalledWith({ statut: 'refusee', motif: 'complet' }));
  });

  it('une acceptation sans rendez-vous part telle quelle ; avec, le jour est exigé et ne peut être passé', async () => {
    const { onAnswer, send, type } = setUp();
    fireEvent.click(screen.getByLabelText('Accepter'));
    type('Personne à demander (facultatif)', 'Mme Martin, accueil');
    send();
    await screen.findByRole('heading', { name: 'Le formulaire contient 1 erreur' });
    expect(summaryLinks()).toEqual([
      'Date : Indiquez la date du rendez-vous, ou videz les autres champs du rendez-vous.',
    ]);
    const date = screen.getByLabelText('Date');
    expect(date.getAttribute('aria-invalid')).toBe('true');

    type('Date', '2027-01-05');
    send();
    await screen.findByText('Le rendez-vous ne peut pas être fixé à une date passée', { selector: '.field-error' });
    expect(onAnswer).not.toHaveBeenCalled();

    type('Date', '2027-01-12');
    type('Heure (facultative)', '14:30');
    type('Lieu (facultatif)', 'Salle 2, au fond de la cour');
    send();
    await vi.waitFor(() =>
      expect(onAnswer).toHaveBeenCalledWith({
        statut: 'acceptee',
        rendez_vous: {
          date: '2027-01-12',
          heure: '14:30',
          lieu: 'Salle 2, au fond de la cour',
          interlocuteur: 'Mme Martin, accueil',
        },
      }),
    );
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('une acceptation sans rendez-vous ne porte que le statut', async () => {
    const { onAnswer, send } = setUp();
    fireEvent.click(screen.getByLabelText('Accepter'));
    send();
    await vi.waitFor(() => expect(onAnswer).toHaveBeenCalledWith({ statut: 'acceptee' }));
  });
});
