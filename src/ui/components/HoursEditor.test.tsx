import { fireEvent, render, screen } from '@testing-library/preact';
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { createHoursEditor } from '../models/hours-editor-model.ts';
import { HoursEditor } from './HoursEditor.tsx';

const engine = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);
const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saved = () => screen.getByText(/^Sera enregistré :/).textContent;

describe('the hours editor', () => {
  it('writes a split Tuesday, a Saturday morning and "PH off" as the person ticks them, and previews openings', () => {
    render(<HoursEditor editor={createHoursEditor(undefined)} engine={engine} idPrefix="h" />);
    expect(screen.getByText('Aucun jour d’ouverture : aucun horaire ne sera publié.')).toBeTruthy();
    fireEvent.click(box('Ouvert le mardi'));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une plage le mardi (journée coupée)' }));
    fireEvent.input(box('Mardi, plage 2 : à'), { target: { value: '17:30' } });
    fireEvent.click(box('Ouvert le samedi'));
    // A day opened takes the hours of the open day before it; equal days are written together.
    expect(saved()).toBe('Sera enregistré : Tu,Sa 09:00-12:00,14:00-17:30; PH off');
    fireEvent.click(screen.getByRole('button', { name: 'Retirer la plage 2 du samedi' }));
    expect(saved()).toBe('Sera enregistré : Tu 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off');
    fireEvent.click(box('Fermé les jours fériés'));
    expect(saved()).toBe('Sera enregistré : Tu 09:00-12:00,14:00-17:30; Sa 09:00-12:00');
    expect(screen.getByTestId('hours-preview').querySelectorAll('li').length).toBe(5);
  });

  it('shows a stored simple string as ticked days, and keeps a richer one as text', () => {
    render(
      <HoursEditor editor={createHoursEditor('Mo-Fr 09:00-12:00,14:00-17:00; PH off')} engine={engine} idPrefix="a" />,
    );
    expect(box('Ouvert le mercredi').checked).toBe(true);
    expect(box('Ouvert le samedi').checked).toBe(false);
    expect(box('Mercredi, plage 2 : de').value).toBe('14:00');
    expect(box('Fermé les jours fériés').checked).toBe(true);
    render(<HoursEditor editor={createHoursEditor('Th[3] 14:00-16:30')} engine={engine} idPrefix="b" />);
    expect(box('Horaires au format OpenStreetMap').value).toBe('Th[3] 14:00-16:30');
  });

  it('says next to the day when a range ends before it starts', async () => {
    const editor = createHoursEditor('Mo 09:00-12:00');
    render(<HoursEditor editor={editor} engine={engine} idPrefix="c" />);
    fireEvent.input(box('Lundi, plage 1 : à'), { target: { value: '08:00' } });
    expect(editor.validate(engine)).toEqual({ ok: false });
    const message = await screen.findByText('La fin de la plage doit être après son début.');
    expect(box('Lundi, plage 1 : à').getAttribute('aria-invalid')).toBe('true');
    expect(box('Lundi, plage 1 : à').getAttribute('aria-describedby')).toBe(message.id);
  });
});
