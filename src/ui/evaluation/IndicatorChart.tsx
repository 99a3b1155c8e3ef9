import { monthShort } from '../text/fr-format.ts';
import { frDemand } from '../text/strings-demand.ts';
import type { Point } from './evaluation-view.ts';
import { scaleOf } from './evaluation-view.ts';

const E = frDemand.evaluation;
const W = 240;
const H = 96;
const BASE = H - 16;

/**
 * One indicator over the months as small bars, and the same figures in a table beside it: the drawing is for the
 * eye (hidden from screen readers), the table for everyone. A protected count (« < 5 ») is a hatched bar of
 * unknown height under 5; a figure not computed has no bar.
 */
export function IndicatorChart(props: {
  id: string;
  label: string;
  definition: string;
  team: string;
  points: readonly Point[];
  format: (value: number) => string;
}) {
  const { points } = props;
  const max = scaleOf(points);
  const step = W / Math.max(points.length, 1);
  const bar = Math.max(4, step * 0.7);
  const shown = (v: Point['value']) => (v === null ? E.notGiven : typeof v === 'number' ? props.format(v) : v);
  return (
    <section class="indicator" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.label}</h2>
      <p class="hint">{props.definition}</p>
      <div class="indicator-body">
        <svg viewBox={`0 0 ${W} ${H}`} class="indicator-chart" aria-hidden="true" focusable="false">
          <defs>
            <pattern id={`${props.id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse">
              <path d="M0 4 L4 0" stroke="currentColor" stroke-width="1" />
            </pattern>
          </defs>
          <line x1="0" y1={BASE} x2={W} y2={BASE} stroke="currentColor" stroke-width="1" />
          {points.map((p, i) => {
            const x = i * step + (step - bar) / 2;
            const value = typeof p.value === 'number' ? p.value : p.value === null ? 0 : 4;
            const h = (value / max) * (BASE - 4);
            return (
              <g key={p.month}>
                {p.value !== null && (
                  <rect
                    x={x}
                    y={BASE - h}
                    width={bar}
                    height={h}
                    class={typeof p.value === 'number' ? 'bar' : 'bar protected'}
                    fill={typeof p.value === 'number' ? undefined : `url(#${props.id}-hatch)`}
                  />
                )}
                {/* Every other month past six, so that names never overlap; the latest always. */}
                {(points.length <= 6 || (points.length - 1 - i) % 2 === 0) && (
                  <text x={i * step + step / 2} y={H - 3} text-anchor="middle" class="axis">
                    {monthShort(p.month)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable scrolling region, as the coverage table */}
        <section class="table-scroll" tabIndex={0} aria-labelledby={`${props.id}-caption`}>
          <table class="indicator-table">
            <caption id={`${props.id}-caption`}>{E.tableCaption(props.label, props.team)}</caption>
            <thead>
              <tr>
                <th scope="col">{E.monthColumn}</th>
                <th scope="col">{E.valueColumn}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{frDemand.month(p.month)}</th>
                  <td class="num">{shown(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
