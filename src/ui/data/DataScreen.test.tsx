import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../domain/sync-protocol.ts';
import { DataScreen } from './DataScreen.tsx';

const coordinator = { id: 'a1', role: 'coordinateur', nom: 'Claire' } as Account;
const worker = { id: 'a2', role: 'travailleur', nom: 'Théo' } as Account;

const report = {
  lus: 3,
  creees: 1,
  modifiees: 0,
  inchangees: 0,
  supprimees: 0,
  horairesAVerifier: 0,
  rejetees: [
    {
      position: 'structures.csv, ligne 3',
      kind: 'structure',
      id: 'x2',
      problems: [
        { path: 'nom', message: 'Texte attendu' },
        { path: 'date_maj', message: 'Date attendue' },
      ],
    },
    {
      position: 'structures.csv, ligne 4',
      kind: 'structure',
      problems: [{ path: '', message: '5 colonnes au lieu de 4' }],
    },
  ],
};

function open(account: Account, online = true, fetchImpl = vi.fn<typeof fetch>()) {
  render(
    <DataScreen online={signal(online)} account={signal(account)} getToken={() => 'jeton'} fetchImpl={fetchImpl} />,
  );
  return fetchImpl;
}

function chooseFile(name: string, content: string) {
  const input = screen.getByLabelText('Fichier(s) à importer') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'text/csv' })] });
  fireEvent.change(input);
}

describe('the « Données » screen', () => {
  it('shows a coordinator the import report: counts, and each rejected line with its field and reason, focused', async () => {
    const fetchImpl = open(
      coordinator,
      true,
      vi.fn<typeof fetch>(async () => Response.json({ protocol: 5, format: 'data-inclusion', report })),
    );
    chooseFile('structures.csv', 'source,id,nom\n');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const heading = await screen.findByRole('heading', { name: 'Rapport d’import' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Fiches lues : 3')).toBeTruthy();
    expect(screen.getByText('Importées : 1 (créées 1, mises à jour 0, déjà à jour 0)')).toBeTruthy();
    expect(screen.getByText('Rejetées : 2 lignes')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Lignes rejetées, avec le champ en cause' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['structures.csv, ligne 3', 'nom', 'Texte attendu'],
      ['structures.csv, ligne 3', 'date_maj', 'Date attendue'],
      ['structures.csv, ligne 4', '(la fiche entière)', '5 colonnes au lieu de 4'],
    ]);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/import');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer jeton');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      format: 'data-inclusion',
      files: [{ name: 'structures.csv', content: 'source,id,nom\n' }],
    });
  });

  it('says offline that exports and imports need the network, and does not call the server', () => {
    const fetchImpl = open(coordinator, false);
    expect(screen.getByText(/Hors connexion : les exports et les imports passent par le serveur/)).toBeTruthy();
    const download = screen.getByRole('button', { name: 'Structures (JSON)' }) as HTMLButtonElement;
    expect(download.disabled).toBe(true);
    expect(download.getAttribute('aria-describedby')).toBe('data-offline');
    expect((screen.getByRole('button', { name: 'Importer' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('shows a worker the downloads but no import form', () => {
    open(worker);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Structures (JSON)',
      'Structures (CSV)',
      'Services (JSON)',
      'Services (CSV)',
    ]);
  });

  it('reports the server’s refusal of an import in the live region', async () => {
    open(
      coordinator,
      true,
      vi.fn<typeof fetch>(async () =>
        Response.json(
          { error: { code: 'forbidden', message: 'Seule la coordination importe des fiches.' } },
          { status: 403 },
        ),
      ),
    );
    chooseFile('a.json', '[]');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const message = await screen.findByText('L’import a échoué : Seule la coordination importe des fiches.');
    expect([message.getAttribute('role'), message.getAttribute('aria-live')]).toEqual(['status', 'polite']);
  });
});
