import type { CoverageCell } from '../../matching/coverage/coverage.ts';
import { type GapRules, gapsOf } from '../../matching/coverage/gaps.ts';
import { useInSteps } from '../components/use-in-steps.ts';
import { formatNumber, gapsText, territoryName } from '../text/coverage-words.ts';
import { distance } from '../text/fr-format.ts';
import { frCoverage } from './strings-coverage.ts';

const C = frCoverage;
const K = C.columns;
/**
 * The table is below the map: its rows (ten cells each, about 800 elements for the Métropole) are drawn a few at a
 * time after the screen's first frame rather than in it.
 */
const FIRST_ROWS = 10;
const ROWS_PER_TURN = 20;

const yesNo = (v: boolean | null, services: number) =>
  services === 0 ? C.none : v === null ? C.unknown : v ? C.yes : C.no;

/**
 * The map's equivalent, and more: every territory (Lyon's arrondissements included) with all the figures for the
 * chosen need; a row with a gap says so in words in its last column and is marked by a border, not by colour alone.
 */
export function CoverageTable(props: {
  cells: readonly CoverageCell[];
  needLabel: string;
  rules: GapRules;
  onlyGaps: boolean;
}) {
  const { rules } = props;
  const rows = props.cells
    .map((cell) => ({ cell, gaps: gapsOf(cell, rules) }))
    .filter((r) => !props.onlyGaps || r.gaps.length > 0);
  const drawn = useInSteps(rows.length, FIRST_ROWS, ROWS_PER_TURN);
  return (
    // A region that scrolls sideways on a narrow screen must take the keyboard focus to be scrolled without a
    // mouse (WCAG 2.1.1; axe's scrollable-region-focusable); its name is the table's caption.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable scrolling region, see above
    <section class="table-scroll" aria-labelledby="coverage-table-caption" tabIndex={0}>
      <table class="coverage-table" data-testid="coverage-table">
        <caption id="coverage-table-caption">{C.tableCaption(props.needLabel)}</caption>
        <thead>
          <tr>
            <th scope="col">{K.territory}</th>
            <th scope="col">{K.services}</th>
            <th scope="col">{K.unconditional}</th>
            <th scope="col">{K.inQpv}</th>
            <th scope="col">{K.days}</th>
            <th scope="col">{K.weekend}</th>
            <th scope="col">{K.evening}</th>
            <th scope="col">{K.nearest}</th>
            <th scope="col">{K.per10k}</th>
            <th scope="col">{K.gaps}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, drawn).map(({ cell, gaps }) => (
            <tr key={cell.code} class={gaps.length > 0 ? 'gap-row' : undefined} data-code={cell.code}>
              <th scope="row">{territoryName(cell.code)}</th>
              <td class="num">{cell.services}</td>
              <td class="num">{cell.unconditional}</td>
              <td class="num">{cell.inQpv}</td>
              <td class="num">{cell.services === 0 ? C.none : cell.days === null ? C.unknown : cell.days}</td>
              <td>{yesNo(cell.weekend, cell.services)}</td>
              <td>{yesNo(cell.evening, cell.services)}</td>
              <td class="num">{cell.nearestKm === null ? C.none : distance(cell.nearestKm)}</td>
              <td class="num">{cell.per10k === null ? C.none : formatNumber(cell.per10k)}</td>
              <td>{gaps.length > 0 ? <strong>{gapsText(gaps, rules)}</strong> : C.noGap}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
