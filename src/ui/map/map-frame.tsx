import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommuneName } from './commune-map.ts';
import type { View } from './map-layout.ts';
import './map.css';

// The frame both maps draw in (coverage, results): an SVG of the commune outlines with, over it, HTML layers
// placed in percent of the view — the commune names and the results' points — so that text and touch targets keep
// their size in pixels (12 px names, 44 px targets) however wide the map is drawn. The frame keeps the view's
// proportions, so percentages of the frame are percentages of the view.

/** Assumed until the frame is measured (first paint, tests without layout). */
const UNMEASURED_PX = 600;

/** The frame's width in CSS pixels, followed as the window turns or resizes. */
export function useFrameWidth(): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width > 0 ? width : UNMEASURED_PX];
}

/** A map position as CSS offsets in the frame. */
export function placeAt(view: View, x: number, y: number): { left: string; top: string } {
  return {
    left: `${(((x - view.x) / view.w) * 100).toFixed(3)}%`,
    top: `${(((y - view.y) / view.h) * 100).toFixed(3)}%`,
  };
}

/** The frame's size: the view's proportions, as wide as the column allows and at most `maxVh` of the screen high. */
export function frameStyle(view: View, maxVh: number): Record<string, string> {
  return { aspectRatio: `${view.w} / ${view.h}`, maxWidth: `min(100%, ${((maxVh * view.w) / view.h).toFixed(2)}vh)` };
}

/**
 * The names placed by placeNames, hidden from assistive technology: every name is said where it matters (a point's
 * label and card, a commune's shape and detail), and a list of 30 town names read out of order would only be noise.
 * They let touches through to what is under them.
 */
export function MapNames({ names, view }: { names: readonly CommuneName[]; view: View }) {
  return (
    <div class="map-names" aria-hidden="true" data-testid="map-names">
      {names.map((n) => (
        <span
          key={n.code}
          class={n.arrondissement ? 'map-name is-arrondissement' : 'map-name'}
          style={placeAt(view, n.x, n.y)}
        >
          {n.name}
        </span>
      ))}
    </div>
  );
}
