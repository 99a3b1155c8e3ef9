import type { ComponentChildren } from 'preact';
import type { CoverageCell } from '../../matching/coverage/coverage.ts';
import { type GapRules, gapsOf } from '../../matching/coverage/gaps.ts';
import { classOf, GAPS_SHOWN, type Measure, measureClasses, measureValue } from '../../matching/coverage/measures.ts';
import type { CommuneMap } from '../map/commune-map.ts';
import { frameStyle, MapNames, useFrameWidth } from '../map/map-frame.tsx';
import { placeNames, type View } from '../map/map-layout.ts';
import { classText, gapsText, gapText, territoryName, valueText } from '../text/coverage-words.ts';
import { or } from '../text/fr-format.ts';
import { frDemand } from '../text/strings-demand.ts';
import type { QpvShape } from './qpv-outlines.ts';
import { frCoverage } from './strings-coverage.ts';
import { frCoverageMap } from './strings-coverage-map.ts';

const C = frCoverage;

/** Sequential blues, light (worst) to dark (best); yes/no measures use both ends. */
const COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const UNKNOWN = '#cccccc';
/** Hatching stays visible on every fill: dark lines on light classes, white on the two darkest. */
const HATCH = ['#1a1a1a', '#1a1a1a', '#1a1a1a', '#ffffff', '#ffffff'];

function colourIndex(measure: Measure, cls: number): number {
  return measure === 'weekend' || measure === 'soir' ? cls * 4 : cls;
}

function fillOf(measure: Measure, cls: number | null, gap: boolean): string {
  if (cls === null) return gap ? 'url(#cov-hatch-unknown)' : UNKNOWN;
  const i = colourIndex(measure, cls);
  return gap ? `url(#cov-hatch-${i})` : (COLOURS[i] ?? UNKNOWN);
}

function Hatch({ id, fill, line }: { id: string; fill: string; line: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={fill} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={line} stroke-width="2" />
    </pattern>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg class="swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="27" height="17" fill={fill} stroke="#333" />
    </svg>
  );
}

/** Names on the coverage map: a little smaller than on the results map, so that more communes get theirs. */
const NAME_PX = 11;

/**
 * The choropleth: one shape per commune, each with its accessible name ("Vénissieux : 3 services ; manques : …"),
 * coloured by the class of the chosen measure and hatched where a gap of that measure is found (GAPS_SHOWN), so
 * that neither the value nor the gap rests on colour alone, and the names that fit written over it. Touching a
 * commune picks it (its detail, `onPick`); the keyboard's way to the same is the table and the territory list,
 * which say the same for every territory.
 */
export function CoverageMap(props: {
  map: CommuneMap;
  cells: ReadonlyMap<string, CoverageCell>;
  measure: Measure;
  needLabel: string;
  rules: GapRules;
  picked: string | null;
  onPick: (code: string) => void;
  /** The picked commune's detail, at the head of the legend's column: right under the map on a phone. */
  detail?: ComponentChildren;
  /** QPV outlines to draw (those the reference file has). */
  qpv?: readonly QpvShape[];
}) {
  const { map, cells, measure, rules } = props;
  const classes = measureClasses(measure);
  const used = classes.map((c) => colourIndex(measure, c.index));
  const shown = GAPS_SHOWN[measure];
  const qpv = props.qpv ?? [];
  const [frame, widthPx] = useFrameWidth();
  const view: View = { x: 0, y: 0, w: map.width, h: map.height };
  // Lyon is one shape here: its arrondissements are named in the table, not on the map.
  const names = placeNames(
    map.names.filter((n) => !n.arrondissement),
    view,
    widthPx,
    NAME_PX,
  );
  return (
    <div class="coverage-map">
      <figure>
        <p class="hint">{frCoverageMap.tapHint}</p>
        <div class="map-frame" ref={frame} style={frameStyle(view, 75)}>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: a pointer's shortcut; the keyboard has the table and the territory list */}
          <svg
            class="map-svg"
            viewBox={`0 0 ${map.width} ${map.height}`}
            data-testid="coverage-map"
            onClick={(e) => {
              const code = (e.target as Element).getAttribute('data-code');
              if (code) props.onPick(code);
            }}
          >
            <title>{C.mapLabel(C.measures[measure], props.needLabel)}</title>
            <defs>
              {COLOURS.map((fill, i) => (
                <Hatch key={fill} id={`cov-hatch-${i}`} fill={fill} line={HATCH[i] ?? '#1a1a1a'} />
              ))}
              <Hatch id="cov-hatch-unknown" fill={UNKNOWN} line="#1a1a1a" />
            </defs>
            {map.shapes.map((shape) => {
              const cell = cells.get(shape.code);
              if (!cell) return null;
              const gaps = gapsOf(cell, rules);
              const hatched = gaps.some((g) => shown.includes(g));
              const cls = classOf(measure, measureValue(cell, measure));
              return (
                // An SVG path is not interactive here: role img only gives each commune its accessible name.
                // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: see above
                <path
                  key={shape.code}
                  d={shape.d}
                  role="img"
                  aria-label={C.shapeLabel(territoryName(shape.code), valueText(cell, measure), gapsText(gaps, rules))}
                  fill={fillOf(measure, cls, hatched)}
                  stroke="#333"
                  stroke-width="0.8"
                  stroke-linejoin="round"
                  data-code={shape.code}
                  class={props.picked === shape.code ? 'is-picked' : undefined}
                />
              );
            })}
            {/* QPV outlines, when the reference file has them: dashed over the communes, never in the way of a touch. */}
            {qpv.map((q) => (
              <path key={q.code} d={q.d} class="qpv-outline" data-qpv={q.code} />
            ))}
          </svg>
          <MapNames names={names} view={view} />
        </div>
        <figcaption class="hint">{C.mapNote}</figcaption>
      </figure>
      <div class="coverage-legend">
        {props.detail}
        <h3>{C.legendTitle}</h3>
        <p>{C.measures[measure]}</p>
        <ul class="plain">
          {classes.map((c, i) => (
            <li key={c.index}>
              <Swatch fill={COLOURS[used[i] ?? 0] ?? UNKNOWN} /> {classText(measure, c)}
            </li>
          ))}
          <li>
            <Swatch fill={UNKNOWN} /> {C.legendUnknown}
          </li>
          <li>
            <Swatch fill="url(#cov-hatch-0)" /> {C.legendGap(or(shown.map((g) => gapText(g, rules))))}
          </li>
          {qpv.length > 0 && <li>{frDemand.qpvLegend(qpv.map((q) => q.nom))}</li>}
        </ul>
      </div>
    </div>
  );
}
