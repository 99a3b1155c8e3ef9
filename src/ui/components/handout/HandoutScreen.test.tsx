import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogWith } from '../../../../tests/fixtures/catalog.ts';
import { TUESDAY_10H, venissieuxDirectory } from '../../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../../db/database.ts';
import { createRecapModel } from '../../models/recap-model.ts';
import { HandoutScreen } from './HandoutScreen.tsx';

const databases: BoussoleDatabase[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_10H);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const db of databases.splice(0)) await db.delete();
});

async function handoutOf(serviceIds: string[]) {
  const { db, model, catalog } = await catalogWith(venissieuxDirectory());
  databases.push(db);
  await model.ensureHours();
  const recap = createRecapModel();
  for (const id of serviceIds) {
    const entry = model.entry(id);
    if (!entry) throw new Error(id);
    recap.add({ serviceId: id, structureId: entry.structureId, distanceKm: 1.24, distanceApproximate: false });
  }
  render(<HandoutScreen catalog={catalog} recap={recap} />);
  return recap;
}

const partner = (name: string) =>
  within(screen.getByRole('heading', { level: 2, name }).closest('article') as HTMLElement);

describe('the handout', () => {
  it('shows each partner with its address, hours in words, what to bring, how to be referred and its phone', async () => {
    await handoutOf(['test--s1-1', 'test--s2-1']);
    expect(screen.getAllByTestId('handout-partner')).toHaveLength(2);

    const epicerie = partner('Épicerie sociale des Minguettes');
    expect(epicerie.getByTestId('handout-address').textContent).toBe('12 avenue Jean Cagne69200 Vénissieux');
    const hours = epicerie.getByTestId('handout-hours').textContent;
    // Each next opening with its date: a weekday alone leaves the person to count.
    expect(hours).toContain('aujourd’hui mardi 3 novembre de 9h à 12h');
    expect(hours).toContain('jeudi 5 novembre de 9h à 12h');
    expect(hours).toContain('Le mardi : de 9h à 12h');
    expect(hours).toContain('Le jeudi : de 9h à 12h');
    expect(epicerie.getByText("Pièce d'identité ou titre de séjour")).toBeTruthy();
    expect(epicerie.getByText('Attestation CAF ou quotient familial')).toBeTruthy();
    expect(
      epicerie.getByText(
        'Une fiche de liaison est nécessaire : votre travailleur·se social·e la transmet (dans Boussole ou par courriel).',
      ),
    ).toBeTruthy();
    expect(epicerie.getByText('À 1,2 km à vol d’oiseau de votre lieu de vie')).toBeTruthy();
    expect(epicerie.getByRole('link', { name: 'Téléphone : 04 72 00 00 01' }).getAttribute('href')).toBe(
      'tel:0472000001',
    );
    const price = '10 à 30 % du prix en magasin. Adhésion 2 € par an. Pour 6 mois, renouvelable';
    expect(epicerie.getByText((text) => text.replace(/\u00a0/g, ' ') === price)).toBeTruthy();

    const colis = partner('Colis du Moulin-à-Vent');
    expect(colis.getByTestId('handout-hours').textContent).toContain('demain mercredi 4 novembre de 14h à 17h');
    expect(colis.getByText('Aucun justificatif demandé.')).toBeTruthy();
    expect(colis.getByText('Vous pouvez y aller directement, sans orientation.')).toBeTruthy();
  });

  it('draws one QR code per partner on the device, a contact card with its name, phone and address', async () => {
    await handoutOf(['test--s1-1', 'test--s2-1']);
    const codes = screen.getAllByRole('img', { name: /^QR code : ajouter/ });
    expect(codes).toHaveLength(2);
    for (const svg of codes) {
      expect(svg.tagName.toLowerCase()).toBe('svg');
      expect(svg.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(500);
    }
    expect(codes[0]?.getAttribute('aria-label')).toContain('Épicerie sociale des Minguettes');
  });

  it('carries no personal data but the first name the worker chose to type', async () => {
    await handoutOf(['test--s2-1']);
    expect(screen.queryByText(/^Pour /)).toBeNull();
    fireEvent.input(screen.getByLabelText('Prénom de la personne (facultatif, imprimé sur la fiche)'), {
      target: { value: 'Amina' },
    });
    expect(screen.getByText('Pour Amina')).toBeTruthy();
    expect(screen.getByText(/^Fiche préparée le 3 novembre 2026/)).toBeTruthy();
  });

  it('removes a partner from the sheet, prints with the browser, and says when the sheet is empty', async () => {
    const recap = await handoutOf(['test--s2-1']);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de la fiche : Colis du Moulin-à-Vent' }));
    await waitFor(() => expect(screen.queryAllByTestId('handout-partner')).toHaveLength(0));
    expect(recap.count.value).toBe(0);
    expect(screen.getByText(/La fiche est vide/)).toBeTruthy();
  });
});
