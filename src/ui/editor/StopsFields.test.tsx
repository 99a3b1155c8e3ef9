// A partner keeps the round of its maraude or épicerie mobile true on the device: stops added, placed by commune
// and address, given their hours, removed — saved with the service in one edit queued for the server; a stop
// without a place or a commune gets its message beside the field and nothing is written.
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Arret, Service } from '../../domain/service.ts';
import { type ServiceEditContext, ServiceEditScreen } from './ServiceEditScreen.tsx';
import { createServiceEditor } from './service-editor-model.ts';

const GUICHARD: Arret = {
  id: 'guichard',
  nom: 'Place Guichard',
  code_postal: '69003',
  commune: 'Lyon 3e Arrondissement',
  code_insee: '69383',
  latitude: 45.7597,
  longitude: 4.8475,
  horaires: 'Tu 18:30-20:00',
};

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  history.replaceState(null, '', '/');
  for (const db of databases.splice(0)) await db.delete();
});

async function openEditor(service: Service) {
  const { db, catalog } = await deviceWith([aStructure(1)], [service]);
  databases.push(db);
  const context: ServiceEditContext = {
    serviceEditor: async (id) => createServiceEditor(db, id),
    catalog: signal(null),
    hoursEngine: () => catalog.ensureHours(),
    refresh: vi.fn<ServiceEditContext['refresh']>(async () => [undefined, undefined] as never),
    session: { account: signal(null) },
  };
  history.replaceState(null, '', '/partenaires/test--s1/services/test--s1-1/modifier');
  render(
    <LocationProvider>
      <ServiceEditScreen context={context} id="test--s1" serviceId="test--s1-1" />
    </LocationProvider>,
  );
  await screen.findByRole('heading', { level: 1 });
  return db;
}
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer sur l’appareil' }));
const stopCard = (n: number) =>
  screen.getByRole('heading', { level: 3, name: new RegExp(`^Arrêt ${n}`) }).closest('li') as HTMLElement;
const saved = async (db: BoussoleDatabase) => (await db.services.get('test--s1-1')) as Service;

describe('the stops of a service that moves, in the service editor', () => {
  it('adds a stop placed by commune and address with its hours, keeping the others, in one queued edit', async () => {
    const db = await openEditor(aService(1, 1, { arrets: [GUICHARD] }));
    expect(within(stopCard(1)).getByLabelText<HTMLInputElement>('Nom du lieu').value).toBe('Place Guichard');

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un arrêt' }));
    const second = stopCard(2);
    const name = within(second).getByLabelText('Nom du lieu');
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.input(name, { target: { value: 'Parvis du Mas du Taureau' } });
    fireEvent.input(within(second).getByLabelText(/^Adresse/), { target: { value: '2 avenue Gabriel Péri' } });
    fireEvent.change(within(second).getByLabelText('Commune'), { target: { value: '69256' } });
    fireEvent.click(within(second).getByLabelText('Ouvert le mercredi'));
    submit();

    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect((await saved(db)).arrets).toEqual([
      GUICHARD,
      {
        id: expect.stringMatching(/^arret-/),
        nom: 'Parvis du Mas du Taureau',
        adresse: '2 avenue Gabriel Péri',
        code_postal: '69120',
        commune: 'Vaulx-en-Velin',
        code_insee: '69256',
        latitude: null,
        longitude: null,
        horaires: expect.stringMatching(/^We \d\d:\d\d-\d\d:\d\d/),
      },
    ]);
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({ name: 'record.update', args: { changes: { arrets: expect.any(Array) } } });
  });

  it('says beside the fields that a stop needs a place and a commune, and writes nothing', async () => {
    const db = await openEditor(aService(1, 1));
    expect(screen.getByText('Aucun arrêt : le service a lieu à une adresse fixe.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un arrêt' }));
    fireEvent.click(within(stopCard(1)).getByLabelText('Ouvert le mardi'));
    submit();
    const commune = within(stopCard(1)).getByLabelText('Commune');
    await waitFor(() => expect(commune.getAttribute('aria-invalid')).toBe('true'));
    expect(within(stopCard(1)).getByText('Choisissez la commune de l’arrêt')).toBeTruthy();
    expect(within(stopCard(1)).getByText('Indiquez le nom du lieu ou son adresse')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
    expect((await saved(db)).arrets).toBeUndefined();
  });

  it('removes a stop; with none left the service is a fixed place again', async () => {
    const db = await openEditor(aService(1, 1, { arrets: [GUICHARD] }));
    fireEvent.click(screen.getByRole('button', { name: 'Retirer l’arrêt 1' }));
    expect(screen.queryByRole('heading', { level: 3, name: /^Arrêt 1/ })).toBeNull();
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect(await saved(db)).not.toHaveProperty('arrets');
  });
});
