import { useMemo, useRef, useState } from 'preact/hooks';
import { frOrientation } from '../orientation/strings-orientation.ts';
import { type CommuneMap, communeMap } from './commune-map.ts';
import { frameStyle, MapNames, placeAt, useFrameWidth } from './map-frame.tsx';
import {
  type Box,
  type Direction,
  fitView,
  type Group,
  groupByProximity,
  nextInDirection,
  placeNames,
} from './map-layout.ts';
import { frMap } from './strings-map.ts';

const M = frMap;

/** One place of the results, as the map shows it and its card says it. */
export interface MapItem {
  id: string;
  /** The partner's name (or the service's when the partner is unknown). */
  name: string;
  /** The service, when it says more than the partner's name. */
  detail: string | null;
  commune: string;
  address: string | null;
  /** "Ouvert jusqu'à 12h", "Ouvre demain à 9h"; null while the hours library loads. */
  hours: string | null;
  distance: string | null;
  /** The partner sheet, on this service. */
  href: string;
  kind: 'eligible' | 'to_check' | 'service';
  /** Placed at its commune's centre: the address is not geocoded. */
  approximate: boolean;
  latitude: number;
  longitude: number;
}

interface Placed {
  x: number;
  y: number;
  item: MapItem;
}

/** Drawn once per chunk load, shared with the coverage map's chunk (same outlines, same projection). */
let shared: CommuneMap | null = null;
const theMap = () => {
  shared ??= communeMap();
  return shared;
};

/**
 * Visible marker radius, and the distance under which two markers merge, in CSS pixels. Each marker's target is
 * 44 px wide (22 around its centre): 32 px apart, a finger on a dot never lands in a neighbour's target.
 */
const DOT_PX = 9;
const MERGE_PX = 32;
const NAME_PX = 12;
const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const kindOf = (g: Group<Placed>) =>
  g.members.some((m) => m.item.kind === 'eligible') ? 'eligible' : (g.members[0]?.item.kind ?? 'service');

function labelOf(g: Group<Placed>): string {
  const one = (i: MapItem) => M.point(i.name, i.commune, M.kind[i.kind] ?? '');
  if (g.members.length === 1) return one((g.members[0] as Placed).item);
  return M.group(g.members.length, g.members.map((m) => m.item.name).join(', '));
}

/**
 * The results on a map of the Métropole drawn from the outlines on the device (no tiles, no network): one point per
 * place, those too close to tell apart on this screen merged into a numbered one, the commune names that fit, and
 * the person's position when the worker used it (shown only: it comes from the orientation's memory and goes
 * nowhere). A point is a button: touch or Enter/Space shows its card (name, address, next opening, the partner
 * sheet); the points are one Tab stop, the arrow keys move between them (roving focus), Escape closes the card.
 */
export function ResultsMap(props: {
  items: readonly MapItem[];
  /** Results in the list: the map shows the same page of them. */
  total: number;
  person?: { latitude: number; longitude: number } | null | undefined;
  onMore?: (() => void) | undefined;
}) {
  const map = theMap();
  const [frame, widthPx] = useFrameWidth();
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const card = useRef<HTMLElement>(null);

  const placed = useMemo<Placed[]>(
    () => props.items.map((item) => ({ ...map.project(item.longitude, item.latitude), item })),
    [props.items],
  );
  const person = props.person ? map.project(props.person.longitude, props.person.latitude) : null;
  const view = useMemo(() => fitView(map, person ? [...placed, person] : placed), [placed, person?.x, person?.y]);
  const k = widthPx / view.w;
  const groups = useMemo(() => groupByProximity(placed, MERGE_PX / k), [placed, k]);
  const names = useMemo(() => {
    const around = (p: { x: number; y: number }, r: number): Box => {
      const cx = (p.x - view.x) * k;
      const cy = (p.y - view.y) * k;
      return { left: cx - r, top: cy - r, right: cx + r, bottom: cy + r };
    };
    const obstacles = groups.map((g) => around(g, DOT_PX + 3));
    if (person) obstacles.push(around(person, DOT_PX + 3));
    return placeNames(map.names, view, widthPx, NAME_PX, obstacles);
  }, [groups, view, widthPx, person?.x, person?.y]);

  const indexOf = (id: string | null) => groups.findIndex((g) => g.members.some((m) => m.item.id === id));
  const activeIndex = Math.max(0, indexOf(active));
  const selectedGroup = groups[indexOf(selected)] ?? null;

  const focusGroup = (i: number) => {
    const g = groups[i];
    if (!g) return;
    setActive((g.members[0] as Placed).item.id);
    buttons.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const direction = ARROWS[e.key];
    let next: number | null = null;
    if (direction) next = nextInDirection(groups, activeIndex, direction);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = groups.length - 1;
    else if (e.key === 'Escape' && selected !== null) {
      e.preventDefault();
      setSelected(null);
      return;
    } else return;
    e.preventDefault();
    if (next !== null) focusGroup(next);
  };
  const select = (g: Group<Placed>, byPointer: boolean) => {
    const id = (g.members[0] as Placed).item.id;
    setActive(id);
    setSelected(selected === id ? null : id);
    // A finger on a phone: the card below the map comes into sight; the keyboard stays on the point.
    if (byPointer) requestAnimationFrame(() => card.current?.scrollIntoView?.({ block: 'nearest' }));
  };
  const close = () => {
    setSelected(null);
    buttons.current[activeIndex]?.focus();
  };

  const kinds = new Set(groups.map(kindOf));
  const grouped = groups.some((g) => g.members.length > 1);
  return (
    <div class="results-map" data-testid="results-map">
      <p class="result-count">{props.items.length === 0 ? M.none : M.shown(props.items.length, props.total)}</p>
      <p class="hint">{M.keyboardHint}</p>
      <div class="results-map-body">
        <figure class="map-figure">
          <div class="map-frame" ref={frame} style={frameStyle(view, 62)}>
            <svg
              class="map-svg"
              viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
              aria-hidden="true"
              focusable="false"
              preserveAspectRatio="xMidYMid meet"
            >
              {map.shapes.map((s) => (
                <path key={s.code} d={s.d} class="map-commune" />
              ))}
            </svg>
            <MapNames names={names} view={view} />
            {person && (
              <span class="map-person" role="img" aria-label={M.person} style={placeAt(view, person.x, person.y)} />
            )}
            <ul class="map-points" aria-label={M.pointsLabel(groups.length)} onKeyDown={onKeyDown}>
              {groups.map((g, i) => {
                const id = (g.members[0] as Placed).item.id;
                const isSelected = selectedGroup === g;
                return (
                  <li key={id} style={placeAt(view, g.x, g.y)}>
                    <button
                      type="button"
                      ref={(el) => {
                        buttons.current[i] = el;
                      }}
                      class={`map-point is-${kindOf(g)}${isSelected ? ' is-selected' : ''}`}
                      tabIndex={i === activeIndex ? 0 : -1}
                      aria-label={labelOf(g)}
                      aria-expanded={isSelected}
                      aria-controls="map-card"
                      data-id={id}
                      onFocus={() => setActive(id)}
                      onClick={(e) => select(g, e.detail > 0)}
                    >
                      <span class="map-dot" aria-hidden="true">
                        {g.members.length > 1 ? g.members.length : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
          <figcaption>
            <ul class="map-legend plain" aria-label={M.legendTitle}>
              {(['eligible', 'to_check', 'service'] as const)
                .filter((kind) => kinds.has(kind))
                .map((kind) => (
                  <li key={kind}>
                    <span class={`map-dot is-${kind}`} aria-hidden="true" /> {M.legend[kind]}
                  </li>
                ))}
              {grouped && (
                <li>
                  <span class="map-dot is-group" aria-hidden="true">
                    2
                  </span>{' '}
                  {M.legend.group}
                </li>
              )}
              {person && (
                <li>
                  <span class="map-person is-legend" aria-hidden="true" /> {M.legend.person}
                </li>
              )}
            </ul>
          </figcaption>
        </figure>
        <section id="map-card" class="map-card" ref={card} aria-live="polite" aria-label={M.cardLabel}>
          {selectedGroup ? (
            <>
              <button type="button" class="button small map-card-close" onClick={close}>
                {M.close}
              </button>
              <ul class="plain">
                {selectedGroup.members.map(({ item }) => (
                  <li key={item.id} class={`map-card-item is-${item.kind}`} data-testid="map-card-item">
                    <p class="map-card-name">{item.name}</p>
                    {item.detail && <p class="map-card-detail">{item.detail}</p>}
                    <p>{item.address ?? item.commune}</p>
                    {item.approximate && <p class="hint">{M.approximate}</p>}
                    {(item.kind !== 'service' || item.distance) && (
                      <p class="map-card-kind">
                        {[item.kind !== 'service' ? M.legend[item.kind] : '', item.distance ?? '']
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    )}
                    <p class="hours-status">{item.hours ?? M.hoursUnknown}</p>
                    <a href={item.href}>
                      {frOrientation.openSheet}
                      <span class="visually-hidden"> : {item.name}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="hint">{M.selectHint}</p>
          )}
        </section>
      </div>
      {props.onMore && props.total > props.items.length && (
        <button type="button" class="button wide" onClick={props.onMore}>
          {frOrientation.showMore(props.total - props.items.length)}
        </button>
      )}
    </div>
  );
}
