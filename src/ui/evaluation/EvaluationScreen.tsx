import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Evaluation } from '../../domain/evaluation.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { downloadText } from '../coverage/download.ts';
import { frDemand } from '../text/strings-demand.ts';
import { evaluationCsv, INDICATORS, type Indicator, METROPOLE_ONLY, series, teamsOf } from './evaluation-view.ts';
import { IndicatorChart } from './IndicatorChart.tsx';
import { statsClient } from './stats-client.ts';

const E = frDemand.evaluation;
const PERIODS = [6, 12, 24] as const;

type State =
  | { kind: 'offline' | 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; evaluation: Evaluation };

const formatOf = (indicator: Indicator) =>
  indicator === 'delai_reponse_median_jours'
    ? E.days
    : indicator === 'campagnes_completion'
      ? E.percent
      : (n: number) => n.toLocaleString('fr-FR');

/**
 * Évaluation du pilote (coordinators, online): per Maison de la Métropole and month, each indicator with its
 * written definition, small bars and their table, and the whole as CSV. Computed by the server from anonymous
 * facts only; counts drawn from people's orientations come protected (« < 5 »).
 */
export function EvaluationScreen(props: {
  online: ReadonlySignal<boolean>;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
}) {
  const { getToken, fetchImpl } = props;
  const client = useMemo(() => statsClient({ getToken, ...(fetchImpl ? { fetchImpl } : {}) }), [getToken, fetchImpl]);
  const [months, setMonths] = useState<number>(12);
  const [team, setTeam] = useState<string>('');
  const [state, setState] = useState<State>({ kind: props.online.value ? 'loading' : 'offline' });
  const online = props.online.value;
  useEffect(() => {
    if (!online) {
      setState((s) => (s.kind === 'ready' ? s : { kind: 'offline' }));
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    client.evaluation(months).then(
      (evaluation) => live && setState({ kind: 'ready', evaluation }),
      (error: unknown) => live && setState({ kind: 'error', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [client, online, months]);

  const teams = state.kind === 'ready' ? teamsOf(state.evaluation) : [];
  const chosen = teams.find((t) => (t.id ?? '') === team) ?? teams[0];
  const today = parisDay(Date.now());
  return (
    <section aria-labelledby="evaluation-title" class="evaluation">
      <h1 id="evaluation-title">{E.title}</h1>
      <p>{E.intro}</p>
      <p class="hint">{E.smallCells}</p>
      <div class="field-row">
        <div class="field">
          <label for="evaluation-team">{E.team}</label>
          <select id="evaluation-team" value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
            {teams.map((t) => (
              <option key={t.id ?? ''} value={t.id ?? ''}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="evaluation-months">{E.months}</label>
          <select
            id="evaluation-months"
            value={String(months)}
            onChange={(e) => setMonths(Number(e.currentTarget.value))}
          >
            {PERIODS.map((n) => (
              <option key={n} value={String(n)}>
                {E.monthsOption(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state.kind === 'offline' && <p class="notice">{E.offline}</p>}
      {state.kind === 'loading' && <p aria-busy="true">{E.loading}</p>}
      {state.kind === 'error' && <p role="alert">{E.error(state.message)}</p>}
      {state.kind === 'ready' && chosen && (
        <>
          <div class="actions">
            <button
              type="button"
              class="button"
              onClick={() =>
                downloadText(
                  E.csvFile(today),
                  evaluationCsv(state.evaluation, E.csvHeader, (i) => E.indicators[i].label),
                )
              }
            >
              {E.export}
            </button>
          </div>
          <div class="indicators" data-testid="evaluation-indicators">
            {INDICATORS.filter((i) => chosen.id === null || !METROPOLE_ONLY.has(i)).map((indicator) => (
              <IndicatorChart
                key={`${indicator}-${chosen.id}`}
                id={`ind-${indicator}`}
                label={E.indicators[indicator].label}
                definition={E.indicators[indicator].definition}
                team={chosen.name}
                points={series(state.evaluation, chosen.id, indicator)}
                format={formatOf(indicator)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
