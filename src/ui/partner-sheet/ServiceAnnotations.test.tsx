// A one-field form inside the partner sheet: refused, its field takes the focus back with its message beside it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { aService } from '../../../tests/fixtures/records.ts';
import type { ListingActions } from './listing-actions.ts';
import { ServiceAnnotations } from './ServiceAnnotations.tsx';

describe('les notes des professionnels', () => {
  it('refusent une note vide : le champ reprend le focus, son message à côté, rien n’est envoyé', async () => {
    const addNote = vi.fn();
    const actions = { addNote } as unknown as ListingActions;
    render(
      <ServiceAnnotations
        service={aService(1, 1)}
        actions={actions}
        accountId="acc"
        coordinator={false}
        suggestions={[]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter la note' }));
    const field = screen.getByLabelText('Nouvelle note');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Écrivez la note avant de l’ajouter.',
    );
    expect(addNote).not.toHaveBeenCalled();
  });
});
