import { signal } from '@preact/signals';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { dayFromNow, deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { readStructure, type StructureSummary } from '../../db/directory-repo.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { createDirectoryModel } from '../directory/directory-model.ts';
import { hoursLibraryEngine } from '../hours/hours-library.ts';
import { createPendingModel } from '../sync/pending-model.ts';
import { dateWords } from '../text/hours-status.ts';
import { type SheetContext, StructureScreen } from './StructureScreen.tsx';

const DAY = 86_400_000;
const structure = aStructure(1, {
  nom: 'Épicerie solidaire Le Panier',
  horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  horaires_note: 'Fermé la première semaine d’août',
  telephone: '04 78 00 00 00',
  courriel: 'contact@panier.example',
  accessibilite: { pmr: true },
  verification: { le: new Date(Date.now() - 92 * DAY).toISOString(), par: 'Anne Martin (MDM Vénissieux)' },
});
const closed = aService(1, 1, {
  nom: 'Épicerie sociale',
  categorie: 'social_grocery_stores',
  tarif: { type: 'solidaire', pourcentage_min: 10, pourcentage_max: 30, precisions: 'Selon le reste à vivre' },
  eligibilite: {
    ...aService(1, 1).eligibilite,
    accueil: 'exclusif',
    publics: ['familles'],
    sur_orientation: true,
    justificatifs: ['piece-identite', 'attestation-caf'],
  },
  fiche_liaison: {
    requise: true,
    canaux: ['courriel', 'application'],
    champs: [{ id: 'quotient', libelle: 'Quotient familial', type: 'nombre', requis: true }],
    contact_nom: 'Mme Durand',
    courriel: 'orientations@panier.example',
  },
  capacite: { etat: 'limite', note: 'Liste d’attente de deux semaines' },
  infos_temporaires: [
    { id: 'inventaire', type: 'fermeture', debut: dayFromNow(-1), fin: dayFromNow(5), message: 'Inventaire annuel' },
    { id: 'passe', type: 'fermeture', debut: dayFromNow(-30), fin: dayFromNow(-20) },
  ],
  verification: { le: new Date(Date.now() - 800 * DAY).toISOString(), par: 'Paul' },
});
const workshop = aService(1, 2, {
  nom: 'Atelier cuisine',
  categorie: 'cooking_workshop',
  horaires_accueil: 'We 14:00-16:00',
  infos_temporaires: [{ id: 'salle', type: 'message', debut: dayFromNow(3), message: 'Nouvelle salle au 1er étage' }],
});

let db: BoussoleDatabase;
let catalog: CatalogModel;
let context: SheetContext;
beforeAll(async () => {
  ({ db, catalog } = await deviceWith([structure], [closed, workshop]));
  context = {
    structure: (id) => readStructure(db, id),
    pending: createPendingModel(db),
    catalog: signal(catalog),
    directory: createDirectoryModel(db),
  };
});
afterAll(() => context.pending.dispose());

async function openSheet() {
  render(<StructureScreen context={context} id="test--s1" />);
  await screen.findByRole('heading', { level: 1, name: 'Épicerie solidaire Le Panier' });
}

describe('the partner sheet', () => {
  it('shows a closure under way on top, with its dates and message, before the address', async () => {
    await openSheet();
    const notices = screen.getByTestId('temporary-notices');
    const items = within(notices).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain(
      `Fermeture temporaire du ${dateWords(dayFromNow(-1))} au ${dateWords(dayFromNow(5))}`,
    );
    expect(items[0]?.textContent).toContain('Inventaire annuel');
    expect(items[0]?.textContent).toContain('Service : Épicerie sociale');
    expect(items[1]?.textContent).toContain('Information');
    expect(items[1]?.textContent).toContain('Nouvelle salle au 1er étage');
    // A closure already over is not shown.
    expect(notices.textContent).not.toContain(dateWords(dayFromNow(-30)));
    const address = screen.getByTestId('address');
    expect(notices.compareDocumentPosition(address) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(screen.getByTestId('services-status')).getByText(/Fermé temporairement jusqu’au/)).toBeTruthy();
  });

  it('says who verified the listing and when, and flags an obsolete service', async () => {
    await openSheet();
    const sentences = screen.getAllByTestId('freshness').map((p) => p.textContent);
    expect(sentences).toContain('Vérifié il y a 3 mois par Anne Martin (MDM Vénissieux)');
    expect(sentences).toContain(
      'Vérifié il y a 2 ans par Paul Obsolète : informations de plus de 2 ans, appelez avant d’orienter',
    );
    expect(sentences.some((s) => s?.startsWith('Jamais vérifié'))).toBe(true);
  });

  it('explains the coming week, contacts in one tap, the conditions and how to refer', async () => {
    await openSheet();
    expect(screen.getByTestId('structure-hours-week').querySelectorAll('dt')).toHaveLength(7);
    expect(screen.getByTestId('structure-hours-week').textContent).toMatch(/9h – 12h et 14h – 17h/);
    expect(screen.getByText('Fermé la première semaine d’août')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Appeler le 04 78 00 00 00' })[0]?.getAttribute('href')).toBe(
      'tel:0478000000',
    );
    expect(screen.getByRole('link', { name: 'Écrire à contact@panier.example' }).getAttribute('href')).toBe(
      'mailto:contact@panier.example',
    );
    const service = document.getElementById('service-test--s1-1') as HTMLElement;
    const text = service.textContent ?? '';
    for (const expected of [
      'Prix10 à 30\u00a0% du prix en magasinSelon le reste à vivre',
      'Accueil exclusif',
      'Publics : Familles',
      'Sur orientation d’un ou d’une travailleuse sociale',
      "Pièce d'identité ou titre de séjour",
      'Fiche de liaison obligatoire',
      'Transmission : Par courriel et Dans Boussole',
      'Contact pour les orientations : Mme Durand',
      'Quotient familial (Nombre, obligatoire)',
      'Places limitées',
    ]) {
      expect(text).toContain(expected);
    }
    expect(within(service).getByRole('link', { name: 'Modifier « Épicerie sociale »' }).getAttribute('href')).toBe(
      '/partenaires/test--s1/services/test--s1-1/modifier',
    );
    expect(screen.getByRole('link', { name: 'Modifier le partenaire' }).getAttribute('href')).toBe(
      '/partenaires/test--s1/modifier',
    );
  });
});

describe('a partner sheet opened before the device holds the partner (a link opened on a first visit)', () => {
  /** The sheet of a partner not on the device; what the server answers, and whether it was asked. */
  function openMissing(server: StructureSummary | undefined, downloadComing: boolean) {
    const asked = vi.fn(async () => server);
    const missing = { ...context, structure: async () => undefined, structureFromServer: asked };
    render(<StructureScreen context={missing} id="test--s1" downloadComing={downloadComing} />);
    return asked;
  }

  it('opened from a link, without the catalog, still works out its hours (the library, when no hours worker)', async () => {
    const library = vi.fn(hoursLibraryEngine);
    render(<StructureScreen context={{ ...context, catalog: signal(null), hoursEngine: library }} id="test--s1" />);
    const status = await screen.findByTestId('services-status');
    await waitFor(() => expect(status.getAttribute('aria-busy')).toBeNull());
    expect(within(status).getByText(/Fermé temporairement jusqu’au/)).toBeTruthy();
    expect(library).toHaveBeenCalledOnce();
  });

  it('shows the server’s copy while the download is on its way, not « introuvable »', async () => {
    openMissing({ structure, services: [closed, workshop] }, true);
    await screen.findByRole('heading', { level: 1, name: 'Épicerie solidaire Le Panier' });
    expect(screen.queryByText('Fiche partenaire introuvable')).toBeNull();
  });

  it('says it is loading while the server cannot answer and the download is on its way', async () => {
    openMissing(undefined, true);
    await screen.findByText("Chargement de l'annuaire…");
    expect(screen.queryByText('Fiche partenaire introuvable')).toBeNull();
  });

  it('says « introuvable » once no download is coming, without asking the server', async () => {
    const asked = openMissing({ structure, services: [closed, workshop] }, false);
    await screen.findByRole('heading', { level: 1, name: 'Fiche partenaire introuvable' });
    expect(asked).not.toHaveBeenCalled();
  });
});
