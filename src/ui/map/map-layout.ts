// Where things go on a map drawn with commune-map.ts, as pure arithmetic in the map's units and the screen's pixels:
// the part of the Métropole a set of points needs (the view), points too close to be told apart on this screen
// merged into one (a group), the commune names that fit without covering each other or a point, and which point
// an arrow key leads to. No DOM here: the components measure the frame's width and pass it in.

export interface Point {
  x: number;
  y: number;
}

/** A rectangle of the map in its user units: the SVG viewBox. */
export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The narrowest view a map zooms to (map units; the map is 600 wide for about 32 km, so about 5 km). */
const MIN_SPAN = 100;
/** Room left around the outermost points, as a share of the span. */
const PAD = 0.12;

/**
 * The square view holding every point with some room around it, never narrower than MIN_SPAN nor wider than the
 * Métropole; kept inside the map where it can be. Without points: the whole Métropole.
 */
export function fitView(map: { width: number; height: number }, points: readonly Point[]): View {
  const whole = Math.max(map.width, map.height);
  if (points.length === 0) return { x: (map.width - whole) / 2, y: (map.height - whole) / 2, w: whole, h: whole };
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const span = Math.min(whole, Math.max(MIN_SPAN, Math.max(maxX - minX, maxY - minY) * (1 + 2 * PAD)));
  const clamp = (centre: number, size: number) => {
    const start = centre - span / 2;
    if (span >= size) return (size - span) / 2;
    return Math.min(Math.max(start, 0), size - span);
  };
  return { x: clamp((minX + maxX) / 2, map.width), y: clamp((minY + maxY) / 2, map.height), w: span, h: span };
}

export interface Group<T> {
  /** Where the group's marker stands: its first member's place. */
  x: number;
  y: number;
  members: T[];
}

/**
 * Points closer than `tolerance` (map units) to a group's marker join it, in the order given (the list's), so a
 * group's first member is its best-ranked one. Quadratic in the worst case; a few hundred points are a few
 * thousand comparisons, since most points join one of few groups or stand far apart.
 */
export function groupByProximity<T extends Point>(points: readonly T[], tolerance: number): Group<T>[] {
  const groups: Group<T>[] = [];
  const t2 = tolerance * tolerance;
  for (const p of points) {
    const near = groups.find((g) => (g.x - p.x) ** 2 + (g.y - p.y) ** 2 <= t2);
    if (near) near.members.push(p);
    else groups.push({ x: p.x, y: p.y, members: [p] });
  }
  return groups;
}

export interface NameCandidate extends Point {
  code: string;
  name: string;
  population: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The on-screen box of a text of `fontPx` centred on a pixel; a character is about 0.56 em of the system font. */
export function textBox(text: string, cx: number, cy: number, fontPx: number): Box {
  const w = text.length * fontPx * 0.56 + 6;
  const h = fontPx * 1.35;
  return { left: cx - w / 2, top: cy - h / 2, right: cx + w / 2, bottom: cy + h / 2 };
}

/**
 * The names written on the map: the most populated territories first, each only if its box stays inside the view
 * and covers neither a name already written nor an obstacle (the points, in pixels). Names left out stay reachable
 * otherwise (a point's card, a commune's detail, the table): the map is never the only place they are said.
 */
export function placeNames<T extends NameCandidate>(
  names: readonly T[],
  view: View,
  widthPx: number,
  fontPx: number,
  obstacles: readonly Box[] = [],
): T[] {
  const k = widthPx / view.w;
  const heightPx = view.h * k;
  const written: Box[] = [];
  const placed: T[] = [];
  const free = (box: Box) =>
    box.left >= 0 &&
    box.top >= 0 &&
    box.right <= widthPx &&
    box.bottom <= heightPx &&
    !written.some((t) => overlaps(t, box)) &&
    !obstacles.some((t) => overlaps(t, box));
  const byImportance = [...names].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
  const step = fontPx * 1.5;
  for (const n of byImportance) {
    const centred = textBox(n.name, (n.x - view.x) * k, (n.y - view.y) * k, fontPx);
    // Another name there: this one gives way (moved, it could be read as its neighbour's).
    if (written.some((t) => overlaps(t, centred))) continue;
    const side = (centred.right - centred.left) / 2 + 14;
    // Centred on its place, else — a point is there — just above, below, left or right of it: a point on a
    // commune's centre does not cost the commune its name.
    const shifts: Array<[number, number]> = [
      [0, 0],
      [0, -step],
      [0, step],
      [-side, 0],
      [side, 0],
    ];
    for (const [dx, dy] of shifts) {
      const box = {
        left: centred.left + dx,
        right: centred.right + dx,
        top: centred.top + dy,
        bottom: centred.bottom + dy,
      };
      if (!free(box)) continue;
      written.push(box);
      placed.push(dx === 0 && dy === 0 ? n : { ...n, x: n.x + dx / k, y: n.y + dy / k });
      break;
    }
  }
  return placed;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The point an arrow key leads to from point `from`: the nearest one on that side, a step sideways costing twice a
 * step ahead (so → follows a row rather than jumping to a far corner). Null when nothing lies on that side.
 */
export function nextInDirection(points: readonly Point[], from: number, direction: Direction): number | null {
  const origin = points[from];
  if (!origin) return null;
  let best: number | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  points.forEach((p, i) => {
    if (i === from) return;
    const dx = p.x - origin.x;
    const dy = p.y - origin.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) return;
    const cost = ahead + 2 * aside;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}
