import { signal } from '@preact/signals';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Evaluation, EvaluationRow } from '../../domain/evaluation.ts';
import { frDemand } from '../text/strings-demand.ts';
import { EvaluationScreen } from './EvaluationScreen.tsx';
import { evaluationCsv } from './evaluation-view.ts';

// The pilot's evaluation for coordinators: per team and month, each indicator with its definition, drawn and
// given as a table, small counts kept « < 5 », and the CSV saying the same.
const row = (equipe_id: string | null, mois: string, over: Partial<EvaluationRow> = {}): EvaluationRow => ({
  equipe_id,
  equipe: equipe_id === null ? 'Toute la Métropole' : 'Maison de la Métropole de Vénissieux',
  mois,
  orientations: 42,
  orientations_sans_reponse: 7,
  fiches_envoyees: 12,
  fiches_acceptees: 8,
  fiches_refusees: '< 5',
  motifs_refus: { complet: '< 5' },
  delai_reponse_median_jours: 2.5,
  fiches_verifiees_6_mois: equipe_id === null ? 180 : null,
  fiches_publiees: equipe_id === null ? 300 : null,
  campagnes_completion: equipe_id === null ? 64 : null,
  signalements_ouverts: 3,
  signalements_clos: 1,
  ...over,
});
const evaluation: Evaluation = {
  protocol: 4,
  mois: ['2026-10', '2026-11'],
  lignes: [
    row(null, '2026-10'),
    row(null, '2026-11', { orientations: 50 }),
    row('mdm-v', '2026-10', { orientations: '< 5' }),
    row('mdm-v', '2026-11', { orientations: 9, delai_reponse_median_jours: null }),
  ],
};

function open(online = true) {
  const fetchImpl = vi.fn<typeof fetch>(
    async () => new Response(JSON.stringify(evaluation), { headers: { 'content-type': 'application/json' } }),
  );
  render(<EvaluationScreen online={signal(online)} getToken={() => 'jeton'} fetchImpl={fetchImpl} />);
  return fetchImpl;
}

describe('the pilot’s evaluation', () => {
  it('shows each indicator with its definition, bars hidden from screen readers and the table beside them', async () => {
    const fetchImpl = open();
    const orientations = await screen.findByRole('region', { name: 'Orientations — Toute la Métropole' });
    expect(String(fetchImpl.mock.calls[0]?.[0])).toBe('/api/v1/stats/evaluation?mois=12');
    expect(
      within(orientations)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['MoisValeur', 'octobre 202642', 'novembre 202650']);
    expect(screen.getByText(frDemand.evaluation.indicators.orientations.definition)).toBeTruthy();
    expect(document.querySelectorAll('svg.indicator-chart[aria-hidden="true"]').length).toBe(10);
    expect(screen.getByRole('region', { name: 'Délai médian de réponse — Toute la Métropole' }).textContent).toContain(
      '2,5 j',
    );
  });

  it('turns to a team: protected counts stay « < 5 », Métropole-only figures are left out', async () => {
    open();
    await screen.findByTestId('evaluation-indicators');
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: 'mdm-v' } });
    const team = 'Maison de la Métropole de Vénissieux';
    const orientations = screen.getByRole('region', { name: `Orientations — ${team}` });
    expect(within(orientations).getAllByRole('row')[1]?.textContent).toBe('octobre 2026< 5');
    expect(screen.queryByRole('region', { name: `Complétion des campagnes — ${team}` })).toBeNull();
    expect(screen.getByRole('region', { name: `Délai médian de réponse — ${team}` }).textContent).toContain(
      'non calculé',
    );
    expect(document.querySelectorAll('svg.indicator-chart').length).toBe(8);
  });

  it('asks nothing offline and says why', () => {
    const fetchImpl = open(false);
    expect(screen.getByText(frDemand.evaluation.offline)).toBeTruthy();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('exports one line per team, month and indicator, refusals by reason included, « < 5 » as written', () => {
    const csv = evaluationCsv(
      evaluation,
      frDemand.evaluation.csvHeader,
      (i) => frDemand.evaluation.indicators[i].label,
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Équipe;Mois;Indicateur;Valeur');
    expect(lines).toContain('Maison de la Métropole de Vénissieux;2026-10;Orientations;< 5');
    expect(lines).toContain('Toute la Métropole;2026-11;Complétion des campagnes;64');
    expect(lines).toContain('Toute la Métropole;2026-10;Refusées : Complet;< 5');
    expect(lines.some((l) => l.startsWith('Maison de la Métropole de Vénissieux;2026-10;Complétion'))).toBe(false);
  });
});
