// Propositions for a coordinator: who proposed (name, role, team) and when, written out; the structure a proposal
// duplicates picked among the likely ones (by name and address), or found by a search — not a list of 42.
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Structure } from '../../domain/structure.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { createDirectoryModel } from '../directory/directory-model.ts';
import { createListingActions } from '../partner-sheet/listing-actions.ts';
import { createPendingModel } from '../sync/pending-model.ts';
import { type ProposalsContext, ProposalsScreen } from './ProposalsScreen.tsx';

const CLAIRE: Account = { id: 'compte-claire', nom: 'Claire', role: 'coordinateur' };
const published = [
  aStructure(1, { nom: 'Épicerie solidaire Le Panier', adresse: '3 rue Paul Bert' }),
  aStructure(2, { nom: 'MDM de Vénissieux', adresse: '5 avenue Marcel Houël' }),
  aStructure(3, { nom: 'CCAS de Vénissieux', adresse: '7 avenue Marcel Houël' }),
  ...Array.from({ length: 40 }, (_, i) =>
    aStructure(10 + i, { nom: `Association ${i}`, adresse: `${i} rue de la Paix` }),
  ),
];
const proposal = aStructure(90, {
  nom: 'Epicerie le Panier',
  adresse: '3 r. Paul-Bert',
  statut: 'proposee',
  proposee_par: { account_id: 'compte-ines', nom: 'Inès Martin', role: 'travailleur', equipe_id: 'test--s2' },
  proposee_le: '2026-12-03T09:30:00Z',
});
const older = aStructure(91, {
  nom: 'Jardin partagé des Minguettes',
  statut: 'proposee',
  date_maj: '2026-10-01',
  proposee_par: { account_id: 'compte-theo', nom: 'Théo' },
});

const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
});

async function open(account: Account = CLAIRE, others: Structure[] = []) {
  const { db } = await deviceWith([...published, proposal, older, ...others], []);
  const pending = createPendingModel(db);
  cleanups.push(() => {
    pending.dispose();
    void db.delete();
  });
  const context = {
    session: { account: signal(account) },
    listings: async () => createListingActions(db, () => account),
    pending,
    directory: createDirectoryModel(db),
  } as unknown as ProposalsContext;
  render(<ProposalsScreen context={context} />);
  await screen.findByRole('heading', { level: 2, name: 'Epicerie le Panier' });
  return db as BoussoleDatabase;
}
const article = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('article') as HTMLElement;

describe('Propositions', () => {
  it('says who proposed, with role and team, and when, the date written out', async () => {
    await open();
    expect(within(article('Epicerie le Panier')).getByTestId('proposed-by').textContent).toBe(
      'Proposée par Inès Martin (Travailleur·se social·e, MDM de Vénissieux) le 3 décembre 2026',
    );
    // Proposed before proposals were dated: the listing's date, said as such.
    expect(within(article('Jardin partagé des Minguettes')).getByTestId('proposed-by').textContent).toBe(
      'Proposée par Théo. Fiche datée du 1er octobre 2026',
    );
  });

  it('offers the likely duplicates first, by name and address, and finds any other by a search', async () => {
    const db = await open();
    const card = article('Epicerie le Panier');
    const group = within(card).getByRole('group', { name: 'Doublon d’une structure existante' });
    const options = within(group).getAllByRole('radio');
    expect(options.length).toBeLessThanOrEqual(5);
    expect(within(group).getAllByRole('radio')[0]?.closest('label')?.textContent).toBe(
      'Épicerie solidaire Le Panier — 3 rue Paul Bert, 69200 Vénissieux',
    );
    expect(within(group).queryByText(/Association 12/)).toBeNull();

    fireEvent.input(within(group).getByLabelText('Chercher une autre structure (nom, adresse ou commune)'), {
      target: { value: 'houel ccas' },
    });
    const ccas = within(group).getByRole('radio', { name: /^CCAS de Vénissieux/ });
    fireEvent.click(ccas);
    fireEvent.click(within(card).getByRole('button', { name: 'Fusionner' }));
    await waitFor(async () => expect((await db.structures.get('test--s90'))?.fusion_vers).toBe('test--s3'));
  });

  it('says so when nothing is picked, and merges nothing', async () => {
    const db = await open();
    const card = article('Epicerie le Panier');
    fireEvent.click(within(card).getByRole('button', { name: 'Fusionner' }));
    expect(within(card).getByText('Choisissez la structure existante.')).toBeTruthy();
    expect((await db.structures.get('test--s90'))?.fusion_vers).toBeUndefined();
  });

  it('shows a worker its own proposals with no decision to take', async () => {
    await open({ id: 'compte-ines', nom: 'Inès Martin', role: 'travailleur' });
    expect(within(article('Epicerie le Panier')).queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fusionner' })).toBeNull();
  });

  it('shows a coordinator of a territory its communes’ proposals to decide and its own elsewhere to follow, not the others', async () => {
    const vincent: Account = { id: 'compte-vincent', nom: 'Vincent', role: 'coordinateur', communes: ['69259'] };
    const where = { commune: 'Villeurbanne', code_insee: '69266', code_postal: '69100', statut: 'proposee' as const };
    await open(vincent, [
      aStructure(92, {
        ...where,
        nom: 'Cantine du Tonkin',
        proposee_par: { account_id: 'compte-vincent', nom: 'Vincent' },
      }),
      aStructure(93, {
        ...where,
        nom: 'Frigo solidaire Gratte-Ciel',
        proposee_par: { account_id: 'compte-ines', nom: 'Inès' },
      }),
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Cantine du Tonkin',
      'Epicerie le Panier',
      'Jardin partagé des Minguettes',
    ]);
    expect(within(article('Epicerie le Panier')).getByRole('button', { name: 'Valider et publier' })).toBeTruthy();
    // Outside its territory it proposed as a worker does: it follows, the Métropole's coordination decides.
    expect(within(article('Cantine du Tonkin')).queryByRole('button', { name: 'Valider et publier' })).toBeNull();
  });
});
