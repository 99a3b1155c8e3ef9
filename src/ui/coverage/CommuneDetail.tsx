import { useEffect, useRef } from 'preact/hooks';
import type { CoverageCell } from '../../matching/coverage/coverage.ts';
import { type GapRules, gapsOf } from '../../matching/coverage/gaps.ts';
import type { Measure } from '../../matching/coverage/measures.ts';
import type { Cell } from '../evaluation/stats-client.ts';
import { gapsText, territoryName, valueText } from '../text/coverage-words.ts';
import { frDemand } from '../text/strings-demand.ts';
import { frCoverageMap } from './strings-coverage-map.ts';

const D = frCoverageMap;
const COUNTS: ReadonlySet<Measure> = new Set<Measure>(['services', 'inconditionnels']);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The commune touched on the coverage map: its figure for the measure shown, its services and gaps, and the way to
 * its actors. Said politely to screen readers as it changes; the region stays in place so that each change is.
 */
export function CommuneDetail(props: {
  cell: CoverageCell | null;
  /** The orientations of the month chosen under « Demandes sans réponse » (none recorded: undefined). */
  demand?: Cell | undefined;
  measure: Measure;
  rules: GapRules;
  onActors: (code: string) => void;
}) {
  const { cell } = props;
  const region = useRef<HTMLElement>(null);
  // On a phone the detail sits under the map: it comes into sight when a commune is touched.
  useEffect(() => {
    if (cell) region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cell?.code]);
  const gaps = cell ? gapsOf(cell, props.rules) : [];
  const name = cell ? territoryName(cell.code) : '';
  return (
    <section ref={region} aria-live="polite" aria-label={D.detailLabel} data-testid="commune-detail">
      {cell && (
        <div class="coverage-detail">
          <h3>{name}</h3>
          <p>{D.services(cell.services, cell.unconditional)}</p>
          {/* The figure the map colours the commune by, when it is not the count just said. */}
          {!COUNTS.has(props.measure) && <p>{capitalised(valueText(cell, props.measure))}</p>}
          <p>{gaps.length > 0 ? D.gaps(gapsText(gaps, props.rules)) : D.noGap}</p>
          {props.demand && <p>{frDemand.detail(props.demand.sans_reponse, props.demand.orientations)}</p>}
          <button type="button" class="button small" onClick={() => props.onActors(cell.code)}>
            {D.actors(name)}
          </button>
        </div>
      )}
    </section>
  );
}
