import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { BESOINS, type NeedValue } from '../../domain/vocabulary.ts';
import { type Cell, demandCsv, rankOf, type StatsClient } from '../evaluation/stats-client.ts';
import { territoryName } from '../text/coverage-words.ts';
import { frDemand } from '../text/strings-demand.ts';
import { downloadText } from './download.ts';

const D = frDemand;

export type DemandState =
  | { kind: 'offline' | 'loading' | 'not_asked' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; cells: readonly Cell[] };

/**
 * The server's « demandes sans réponse », asked once the screen is open and online (never kept on the device), when
 * `asked` (the reader may see them).
 */
export function useDemand(client: StatsClient, online: ReadonlySignal<boolean>, asked = true): DemandState {
  const [state, setState] = useState<DemandState>({
    kind: !asked ? 'not_asked' : online.value ? 'loading' : 'offline',
  });
  const isOnline = online.value;
  useEffect(() => {
    if (!asked) return;
    if (!isOnline) {
      setState((s) => (s.kind === 'ready' ? s : { kind: 'offline' }));
      return;
    }
    let live = true;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    client.orientations().then(
      (stats) => live && setState({ kind: 'ready', cells: stats.cells }),
      (error: unknown) => live && setState({ kind: 'error', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [client, isOnline, asked]);
  return state;
}

export const name = (code: string | null) => (code === null ? D.unknownCommune : territoryName(code));

/** The cell of a territory for a need in a month, if any orientation was recorded there. */
export function demandOf(state: DemandState, code: string, need: NeedValue, month: string | null): Cell | undefined {
  if (state.kind !== 'ready') return undefined;
  return state.cells.find((c) => c.commune === code && c.need === need && c.month === month);
}

export function latestMonth(state: DemandState): string | null {
  if (state.kind !== 'ready') return null;
  return state.cells.reduce<string | null>((m, c) => (m === null || c.month > m ? c.month : m), null);
}

/**
 * « Demandes sans réponse » for the need chosen on Couverture: per commune, the orientations of a month and how
 * many found no eligible service, most first; counts under 5 come from the server as « < 5 » and stay so.
 */
export function DemandSection(props: {
  state: DemandState;
  need: NeedValue;
  month: string | null;
  onMonth: (month: string) => void;
  today: string;
}) {
  const { state, need, month } = props;
  const needLabel = BESOINS[need].label;
  return (
    <section aria-labelledby="demand-title" data-testid="demand-section">
      <h2 id="demand-title">{D.demandTitle}</h2>
      <p class="hint">{D.demandIntro}</p>
      {state.kind === 'offline' && <p class="notice">{D.demandOffline}</p>}
      {state.kind === 'loading' && <p aria-busy="true">{D.demandLoading}</p>}
      {state.kind === 'error' && <p role="alert">{D.demandError(state.message)}</p>}
      {state.kind === 'ready' && <DemandTable {...props} cells={state.cells} needLabel={needLabel} month={month} />}
    </section>
  );
}

function DemandTable(props: {
  cells: readonly Cell[];
  need: NeedValue;
  needLabel: string;
  month: string | null;
  onMonth: (month: string) => void;
  today: string;
}) {
  const months = [...new Set(props.cells.map((c) => c.month))].sort().reverse();
  const rows = props.cells
    .filter((c) => c.need === props.need && c.month === props.month)
    .sort((a, b) => rankOf(b.sans_reponse) - rankOf(a.sans_reponse) || name(a.commune).localeCompare(name(b.commune)));
  return (
    <>
      {months.length > 0 && (
        <div class="field narrow-field">
          <label for="demand-month">{D.period}</label>
          <select id="demand-month" value={props.month ?? ''} onChange={(e) => props.onMonth(e.currentTarget.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {D.month(m)}
              </option>
            ))}
          </select>
        </div>
      )}
      {rows.length === 0 || props.month === null ? (
        <p class="empty">{D.demandNone(props.needLabel)}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable scrolling region (as the coverage table)
        <section class="table-scroll" aria-labelledby="demand-caption" tabIndex={0}>
          <table class="coverage-table" data-testid="demand-table">
            <caption id="demand-caption">{D.demandCaption(props.needLabel, D.month(props.month))}</caption>
            <thead>
              <tr>
                <th scope="col">{D.columns.territory}</th>
                <th scope="col">{D.columns.sansReponse}</th>
                <th scope="col">{D.columns.orientations}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={`${c.commune}`} data-code={c.commune ?? ''}>
                  <th scope="row">{name(c.commune)}</th>
                  <td class="num">{D.count(c.sans_reponse)}</td>
                  <td class="num">{D.count(c.orientations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div class="actions">
        <button
          type="button"
          class="button"
          onClick={() =>
            downloadText(
              D.csv.file(props.today),
              demandCsv(props.cells, D.csv.header, {
                territory: name,
                need: (n) => BESOINS[n as NeedValue]?.label ?? n,
              }),
            )
          }
        >
          {D.exportDemand}
        </button>
      </div>
      <p>
        <a href="/evaluation">{D.evaluationLink}</a>
      </p>
    </>
  );
}
