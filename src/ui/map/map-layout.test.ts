import { describe, expect, it } from 'vitest';
import { communeMap } from './commune-map.ts';
import { fitView, groupByProximity, nextInDirection, placeNames, textBox } from './map-layout.ts';

const map = communeMap();
const at = (lon: number, lat: number) => map.project(lon, lat);
// Town halls, for points that fall where a reader expects them.
const venissieux = at(4.8862, 45.6975);
const villeurbanne = at(4.8799, 45.7667);
const lyon8 = at(4.869, 45.735);

describe('the projection shared by the coverage map and the results map', () => {
  it('puts a position inside its commune’s outline, and keeps north up and east right', () => {
    // Vénissieux is south-east of Lyon 8e, Villeurbanne north of both.
    expect(venissieux.y).toBeGreaterThan(lyon8.y);
    expect(villeurbanne.y).toBeLessThan(lyon8.y);
    expect(venissieux.x).toBeGreaterThan(lyon8.x);
    for (const p of [venissieux, villeurbanne, lyon8]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(map.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(map.height);
    }
  });

  it('names the 58 communes at their outline’s centre and Lyon’s arrondissements by a short name', () => {
    expect(map.names.filter((n) => !n.arrondissement)).toHaveLength(58);
    expect(map.names.find((n) => n.code === '69383')?.name).toBe('Lyon 3e');
    const name = map.names.find((n) => n.code === '69259');
    expect(name?.name).toBe('Vénissieux');
    // Within a kilometre or two of the town hall (a map unit is about 55 m).
    expect(Math.hypot((name?.x ?? 0) - venissieux.x, (name?.y ?? 0) - venissieux.y)).toBeLessThan(40);
  });
});

describe('the view a set of points needs', () => {
  it('is the whole Métropole without points, and a square around the points otherwise', () => {
    const whole = fitView(map, []);
    expect(whole.w).toBe(Math.max(map.width, map.height));
    const view = fitView(map, [venissieux, villeurbanne]);
    expect(view.w).toBe(view.h);
    for (const p of [venissieux, villeurbanne]) {
      expect(p.x).toBeGreaterThan(view.x);
      expect(p.x).toBeLessThan(view.x + view.w);
      expect(p.y).toBeGreaterThan(view.y);
      expect(p.y).toBeLessThan(view.y + view.h);
    }
    expect(view.w).toBeLessThan(map.width / 2);
  });

  it('never zooms closer than about 5 km, even on a single point', () => {
    const view = fitView(map, [venissieux]);
    expect(view.w).toBe(100);
    expect(venissieux.x - view.x).toBeCloseTo(view.w / 2, 5);
  });
});

describe('points too close to be told apart', () => {
  it('merge into the first one’s group, in the list’s order', () => {
    const points = [
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 100, y: 100 },
      { id: 'c', x: 13, y: 14 },
    ];
    const groups = groupByProximity(points, 6);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'c'], ['b']]);
    expect(groups[0]).toMatchObject({ x: 10, y: 10 });
    expect(groupByProximity(points, 4)).toHaveLength(3);
  });
});

describe('the commune names written on a map', () => {
  const view = { x: 0, y: 0, w: map.width, h: map.height };
  const overlap = (a: ReturnType<typeof textBox>, b: ReturnType<typeof textBox>) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('never cover each other, favour the populous, and write more names on a wider map', () => {
    const narrow = placeNames(map.names, view, 360, 12);
    const wide = placeNames(map.names, view, 900, 12);
    expect(narrow.map((n) => n.name)).toContain('Lyon');
    expect(narrow.map((n) => n.name)).toContain('Villeurbanne');
    expect(wide.length).toBeGreaterThan(narrow.length);
    const k = 360 / view.w;
    const boxes = narrow.map((n) => textBox(n.name, n.x * k, n.y * k, 12));
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    });
  });

  it('step aside for a point rather than cover it, and drop a name that has no room left', () => {
    const venissieuxName = map.names.find((n) => n.code === '69259');
    if (!venissieuxName) throw new Error('Vénissieux sans nom');
    const k = 600 / view.w;
    const point = {
      left: venissieuxName.x * k - 11,
      right: venissieuxName.x * k + 11,
      top: venissieuxName.y * k - 11,
      bottom: venissieuxName.y * k + 11,
    };
    const [moved] = placeNames([venissieuxName], view, 600, 12, [point]);
    if (!moved) throw new Error('Vénissieux sans place');
    expect(overlap(textBox(moved.name, moved.x * k, moved.y * k, 12), point)).toBe(false);
    const everywhere = { left: 0, right: 600, top: 0, bottom: 2000 };
    expect(placeNames([venissieuxName], view, 600, 12, [everywhere])).toEqual([]);
  });
});

describe('the arrow keys among the points', () => {
  //   0 . . 1
  //   . 2 . .
  //   3 . . .
  const points = [
    { x: 0, y: 0 },
    { x: 30, y: 2 },
    { x: 14, y: 14 },
    { x: 2, y: 30 },
  ];
  it('go to the nearest point on that side, a step sideways costing twice a step ahead', () => {
    expect(nextInDirection(points, 0, 'right')).toBe(1);
    expect(nextInDirection(points, 0, 'down')).toBe(3);
    expect(nextInDirection(points, 2, 'left')).toBe(0);
    expect(nextInDirection(points, 1, 'down')).toBe(2);
    expect(nextInDirection(points, 2, 'down')).toBe(3);
  });
  it('stay put when nothing lies on that side', () => {
    expect(nextInDirection(points, 0, 'up')).toBeNull();
    expect(nextInDirection(points, 1, 'right')).toBeNull();
  });
});
