import { fireEvent, render, screen, within } from '@testing-library/preact';
import opening_hours from 'opening_hours';
import { describe, expect, it, vi } from 'vitest';
import { addDays, daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import {
  createHoursEngine,
  type HoursEngine,
  type OpeningHoursConstructor,
} from '../../matching/hours/hours-engine.ts';
import { hoursTable, tableEngine } from '../../matching/hours/table-engine.ts';
import { type HoursChange, HoursEditor } from './HoursEditor.tsx';

const engine = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);
const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

function open(value: string | undefined, osm = false, using: HoursEngine = engine) {
  const changes: HoursChange[] = [];
  const view = render(
    <HoursEditor value={value} onChange={(c) => changes.push(c)} engine={using} idPrefix="h" osm={osm} />,
  );
  const last = () => changes[changes.length - 1] as HoursChange;
  return { view, last };
}

describe('the hours editor', () => {
  it('opened with a table of its hours (the hours worker’s), holds new hours back until they are checked', () => {
    const stored = 'Mo-Fr 09:00-12:00';
    const onMiss = vi.fn();
    const days = daysFrom(addDays(parisDay(Date.now()), -1), 40);
    const { last } = open(stored, false, tableEngine(hoursTable(engine, [stored], days), onMiss));
    expect(screen.getByTestId('hours-preview').textContent).toMatch(/9h – 12h/);
    expect(onMiss).not.toHaveBeenCalled();
    fireEvent.click(box('Ouvert le samedi'));
    expect(last().value).toBe('Mo-Sa 09:00-12:00');
    expect(last().problems).toEqual({ value: 'Vérification de ces horaires en cours…' });
    // The editor's hook loads the library on the page when told.
    expect(onMiss).toHaveBeenCalled();
  });

  it('fills the table from French typed as one says it, live, and reports the string to save', () => {
    const { last } = open(undefined);
    expect(screen.getByText('Aucun jour d’ouverture : aucun horaire ne sera publié.')).toBeTruthy();
    fireEvent.input(box('Écrire les horaires en français'), {
      target: { value: 'lun-ven 9h-12h et 14h-17h, fermé les jours fériés' },
    });
    for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'])
      expect(box(`Ouvert le ${day}`).checked).toBe(true);
    expect(box('Ouvert le samedi').checked).toBe(false);
    expect(box('Jeudi, plage 2 : de').value).toBe('14:00');
    expect(box('Fermé les jours fériés').checked).toBe(true);
    expect(screen.getByText(/^Compris : le tableau ci-dessous est rempli/)).toBeTruthy();
    expect(last()).toEqual({ value: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', problems: {} });
    expect(screen.getByTestId('hours-preview').querySelectorAll('li').length).toBe(5);
  });

  it('says what it did not understand and leaves the table as it was', () => {
    const { last } = open('Tu 14:00-17:00; PH off');
    fireEvent.input(box('Écrire les horaires en français'), { target: { value: 'lundi 9h-12h sur rendez-vous' } });
    expect(screen.getByText(/^Pas compris : « lundi 9h-12h sur rendez-vous »/)).toBeTruthy();
    expect(box('Écrire les horaires en français').getAttribute('aria-invalid')).toBe('true');
    expect(box('Ouvert le lundi').checked).toBe(false);
    expect(last().value).toBe('Tu 14:00-17:00; PH off');
  });

  it('takes as many ranges a day as needed', () => {
    const { last } = open('Mo 08:00-10:00,12:00-13:30; PH off');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une plage le lundi' }));
    expect(box('Lundi, plage 3 : de').value).toBe('14:00');
    fireEvent.input(box('Lundi, plage 3 : de'), { target: { value: '18:00' } });
    fireEvent.input(box('Lundi, plage 3 : à'), { target: { value: '20:00' } });
    expect(last().value).toBe('Mo 08:00-10:00,12:00-13:30,18:00-20:00; PH off');
  });

  it('says in the preview, as the person types, what is wrong and where, and announces it on the inputs', () => {
    const { last } = open('Mo 09:00-12:00');
    fireEvent.input(box('Lundi, plage 1 : à'), { target: { value: '08:00' } });
    const problems = screen.getByTestId('hours-problems');
    expect(problems.textContent).toBe('Lundi : la fin d’une plage doit être après son début.');
    const input = box('Lundi, plage 1 : à');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'La fin d’une plage doit être après son début.',
    );
    expect(Object.keys(last().problems)).toEqual(['week.Mo']);
  });

  it('writes the 1st and 3rd Tuesday of the month from ticked weeks', () => {
    const { last } = open(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un jour du mois' }));
    const monthly = screen.getByRole('group', { name: 'Certains jours du mois' });
    expect((within(monthly).getByLabelText('1er') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(monthly).getByLabelText('5e'));
    expect(last().value).toBe('Tu[1,3,5] 14:00-17:00; PH off');
    fireEvent.click(within(monthly).getByLabelText('1er'));
    fireEvent.click(within(monthly).getByLabelText('3e'));
    fireEvent.click(within(monthly).getByLabelText('5e'));
    expect(screen.getByTestId('hours-problems').textContent).toBe(
      'Jour du mois 1 : cochez au moins une semaine du mois.',
    );
  });

  it('shows a yearly closure as a period of the table, and keeps it as it was', () => {
    const { last } = open('Tu,Fr 13:30-17:30; Aug 01-Aug 20 off');
    expect(box('Ouvert le mardi').checked).toBe(true);
    const period = screen.getByRole('group', { name: 'Période 1' });
    expect((within(period).getByLabelText('Chaque année') as HTMLInputElement).checked).toBe(true);
    expect((within(period).getByLabelText('Du') as HTMLInputElement).value).toMatch(/^\d{4}-08-01$/);
    expect((within(period).getByLabelText('Fermé') as HTMLInputElement).checked).toBe(true);
    expect(box('Fermé les jours fériés').checked).toBe(false);
    expect(last()).toEqual({ value: 'Tu,Fr 13:30-17:30; Aug 01-Aug 20 off', problems: {} });
  });

  it('reports a stored string character for character until the person changes something', () => {
    const { last } = open('Mo-Fr 09:00-17:00; We 09:00-12:00');
    expect(box('Mercredi, plage 1 : à').value).toBe('12:00');
    expect(last().value).toBe('Mo-Fr 09:00-17:00; We 09:00-12:00');
    fireEvent.click(box('Ouvert le samedi'));
    expect(last().value).toBe('Mo,Tu,Th-Sa 09:00-17:00; We 09:00-12:00');
  });

  it('keeps hours the table cannot show, said in French, never in OSM syntax, and never dropped', () => {
    const { view, last } = open('Th[3] 19:30+');
    expect(screen.getByTestId('hours-kept').textContent?.replace(/\u00a0/g, ' ')).toContain(
      'Le 3e jeudi du mois : à partir de 19 h 30.',
    );
    expect(view.container.textContent).not.toContain('Th[3]');
    expect(screen.queryByRole('button', { name: /Avancé/ })).toBeNull();
    expect(last()).toEqual({ value: 'Th[3] 19:30+', problems: {} });
  });

  it('lets a coordinator open the OSM text (« avancé ») and come back to the table', () => {
    const { last } = open('Mo-Fr 09:00-12:00; PH off', true);
    fireEvent.click(screen.getByRole('button', { name: 'Avancé : voir le format OpenStreetMap' }));
    const raw = box('Horaires au format OpenStreetMap');
    expect(raw.value).toBe('Mo-Fr 09:00-12:00; PH off');
    fireEvent.input(raw, { target: { value: 'Mo-Sa 09:00-12:00; PH off' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revenir au tableau' }));
    expect(box('Ouvert le samedi').checked).toBe(true);
    expect(last().value).toBe('Mo-Sa 09:00-12:00; PH off');
  });
});
