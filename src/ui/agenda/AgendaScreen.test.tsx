// The agenda and the action form on a device, with the device's real database (fake-indexeddb): the
// agenda shows the week's dates from what the device holds, filtered by commune and kind; the form refuses an
// invalid action with a message under the field, and saves a valid one with its outbox entry, for coordinators
// and organising partners only.
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { addDays } from '../../domain/time/paris-time.ts';
import { ActionEditScreen } from './ActionEditScreen.tsx';
import { AgendaScreen } from './AgendaScreen.tsx';
import { createAgendaModel } from './agenda-model.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  history.replaceState(null, '', '/');
  for (const db of databases.splice(0)) await db.delete();
});

const COORDINATOR: Account = { id: 'c', nom: 'Claire', role: 'coordinateur' };
const WORKER: Account = { id: 't', nom: 'Théo', role: 'travailleur' };
const PARTNER: Account = { id: 'p', nom: 'Pauline', role: 'partenaire', structure_id: 'test--s1' };

// Tuesday 24 November 2026, 10:00 Paris: the week runs to Sunday 29.
const NOW = Date.parse('2026-11-24T09:00:00Z');
const clock = () => NOW;

/** A device holding two partners (Vénissieux, Saint-Fons) and, on Wednesday and Thursday, one action each. */
async function device(account: Account) {
  const today = '2026-11-25';
  const { db, catalog } = await deviceWith(
    [aStructure(1), aStructure(2, { commune: 'Saint-Fons', code_insee: '69199', code_postal: '69190' })],
    [],
  );
  databases.push(db);
  await db.actions.bulkPut([
    anAction(1, 1, { calendrier: { debut: `${today}T14:00`, duree_minutes: 120, sauf_jours_feries: false } }),
    anAction(2, 1, {
      type: 'repas-partage',
      titre: 'Repas du quartier',
      calendrier: { debut: `${addDays(today, 1)}T12:00`, duree_minutes: 90, sauf_jours_feries: false },
    }),
  ]);
  const model = createAgendaModel(db, () => account);
  return { db, catalog: signal(catalog), programme: async () => model, account: signal<Account | null>(account) };
}

describe('the agenda screen', () => {
  it('lists the coming dates from the device, by commune with its calendar link, and by kind', async () => {
    const { catalog, programme } = await device(WORKER);
    render(<AgendaScreen catalog={catalog} programme={programme} clock={clock} />);
    await waitFor(() => expect(screen.getAllByTestId('agenda-item')).toHaveLength(2));
    expect(screen.queryByRole('link', { name: 'Ajouter une action' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '69199' } });
    await waitFor(() => expect(screen.getAllByTestId('agenda-item')).toHaveLength(1));
    expect(screen.getByText('Repas du quartier')).toBeTruthy();
    expect(screen.getByTestId('ics-commune').getAttribute('href')).toBe('/api/v1/agenda/commune/69199.ics');
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Type d’action'), { target: { value: 'atelier-cuisine' } });
    await waitFor(() => expect(screen.getAllByTestId('agenda-item')).toHaveLength(1));
    expect(screen.getByText('Atelier cuisine 1')).toBeTruthy();
  });

  it('offers coordinators to add actions, and partners to change the ones they organise only', async () => {
    const { catalog, programme } = await device(PARTNER);
    render(<AgendaScreen catalog={catalog} programme={programme} clock={clock} />);
    await waitFor(() => expect(screen.getAllByTestId('agenda-item')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Ajouter une action' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /^Modifier/ }).map((a) => a.textContent)).toEqual([
      'Modifier : Atelier cuisine 1',
    ]);
  });
});

describe('the agenda on a first visit', () => {
  it('says it is loading while the first download is on its way, and « Aucune date » only once it has come', async () => {
    const { db, catalog } = await deviceWith([], []);
    databases.push(db);
    const model = createAgendaModel(db, () => null);
    const programme = async () => model;
    const { rerender } = render(
      <AgendaScreen catalog={signal(catalog)} programme={programme} downloadComing clock={clock} />,
    );
    await waitFor(() => expect(model.actions.value).toEqual([]));
    expect(screen.getByTestId('agenda-count').textContent).toBe('Chargement de l’agenda…');
    expect(screen.queryByText('Aucune action prévue pour ces critères.')).toBeNull();
    rerender(<AgendaScreen catalog={signal(catalog)} programme={programme} clock={clock} />);
    expect(screen.getByTestId('agenda-count').textContent).toBe('Aucune date');
  });
});

describe('the action form', () => {
  async function openForm(account: Account) {
    const context = await device(account);
    history.replaceState(null, '', '/agenda/nouvelle');
    render(
      <LocationProvider>
        <ActionEditScreen catalog={context.catalog} programme={context.programme} account={context.account} />
      </LocationProvider>,
    );
    return context;
  }
  const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

  it('refuses an action without title or kind, with the message under each field, and writes nothing', async () => {
    const { db } = await openForm(PARTNER);
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer l’action' }));
    await waitFor(() => expect(field('Intitulé').getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(`${field('Intitulé').id}-error`);
    expect(message?.textContent).toBeTruthy();
    expect(field('Type d’action').getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves a weekly action on the device with its outbox entry, the partner as organiser', async () => {
    const { db } = await openForm(PARTNER);
    await screen.findByRole('button', { name: 'Enregistrer l’action' });
    fireEvent.change(field('Type d’action'), { target: { value: 'atelier-cuisine' } });
    fireEvent.input(field('Intitulé'), { target: { value: 'Atelier des saveurs' } });
    fireEvent.input(field('Date (première date si elle se répète)'), { target: { value: '2026-12-01' } });
    fireEvent.change(field('Fréquence'), { target: { value: 'hebdomadaire' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’action' }));
    await screen.findByTestId('action-saved');
    const saved = (await db.actions.toArray()).find((a) => a.titre === 'Atelier des saveurs');
    expect(saved).toMatchObject({
      organisateurs: ['test--s1'],
      calendrier: { debut: '2026-12-01T14:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', sauf_jours_feries: true },
    });
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({ name: 'record.create', args: { kind: 'action' } });
  });

  it('tells a worker that only coordinators and organising partners write the programme', async () => {
    await openForm(WORKER);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Seuls la coordination/);
  });

  it('lets a coordinator choose the organiser among the partners', async () => {
    await openForm(COORDINATOR);
    const organiser = (await screen.findByLabelText('Organisateur')) as HTMLSelectElement;
    expect([...organiser.options].map((o) => o.value)).toEqual(['', 'test--s1', 'test--s2']);
  });
});
