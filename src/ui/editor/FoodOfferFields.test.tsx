import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Service } from '../../domain/service.ts';
import { type ServiceEditContext, ServiceEditScreen } from './ServiceEditScreen.tsx';
import { createServiceEditor } from './service-editor-model.ts';

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
    session: { account: signal(null) },
    catalog: signal(null),
    hoursEngine: () => catalog.ensureHours(),
    refresh: vi.fn<ServiceEditContext['refresh']>(async () => [undefined, undefined] as never),
  };
  history.replaceState(null, '', '/partenaires/test--s1/services/test--s1-1/modifier');
  render(
    <LocationProvider>
      <ServiceEditScreen context={context} id="test--s1" serviceId="test--s1-1" />
    </LocationProvider>,
  );
  await screen.findByRole('heading', { level: 1 });
  return { db, group: screen.getByRole('group', { name: 'L’alimentation proposée' }) };
}
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer sur l’appareil' }));

describe('the editor’s « L’alimentation proposée » fieldset', () => {
  it('lets a partner say what it offers and how, with baby food and diets, saved on the device and queued', async () => {
    const { db, group } = await openEditor(aService(1, 1));
    const g = within(group);
    for (const legend of [
      'Produits proposés',
      'Choix des produits',
      'Comment les produits sont remis',
      'Régimes pris en compte',
    ])
      expect(g.getByRole('group', { name: legend })).toBeTruthy();
    expect((g.getByRole('radio', { name: 'Non précisé' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(g.getByRole('checkbox', { name: 'Fruits et légumes frais' }));
    fireEvent.click(g.getByRole('checkbox', { name: 'Produits bio' }));
    fireEvent.click(g.getByRole('checkbox', { name: 'Alimentation bébé' }));
    fireEvent.click(g.getByRole('radio', { name: 'La personne choisit ses produits' }));
    fireEvent.click(g.getByRole('checkbox', { name: 'En libre-service' }));
    fireEvent.click(g.getByRole('checkbox', { name: 'Halal' }));
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const saved = (await db.services.get('test--s1-1')) as Service;
    expect(saved.offre_alimentaire).toEqual({
      produits: ['fruits-legumes-frais', 'bio'],
      choix: 'libre',
      modes: ['libre-service'],
    });
    expect([...saved.regimes].sort()).toEqual(['bebe', 'halal']);
  });

  it('shows what the service declared, and removes the offer when everything is unticked', async () => {
    const declared = aService(1, 1, {
      offre_alimentaire: { produits: ['local'], choix: 'colis-compose', modes: ['panier'] },
    });
    const { db, group } = await openEditor(declared);
    const g = within(group);
    const local = g.getByRole('checkbox', { name: 'Produits locaux ou en circuit court' }) as HTMLInputElement;
    const basket = g.getByRole('checkbox', { name: 'En panier à retirer' }) as HTMLInputElement;
    expect(local.checked).toBe(true);
    expect(basket.checked).toBe(true);
    expect((g.getByRole('radio', { name: 'Colis ou panier composé à l’avance' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(local);
    fireEvent.click(basket);
    fireEvent.click(g.getByRole('radio', { name: 'Non précisé' }));
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect((await db.services.get('test--s1-1'))?.offre_alimentaire).toBeUndefined();
  });
});
