import { describe, expect, it } from 'vitest';
import { QPV_LIST } from '../../domain/qpv.ts';
import { communeMap } from '../map/commune-map.ts';
import { qpvShapes } from './qpv-outlines.ts';

describe('QPV outlines on the coverage map', () => {
  const map = communeMap();
  it('draws the outlines a file gives, in the communes’ projection, and nothing for a file without', () => {
    expect(qpvShapes(map, QPV_LIST)).toEqual([]);
    const [shape] = qpvShapes(map, [
      {
        code: 'QN06912M',
        nom: 'Essai',
        communes: ['69259'],
        contour: [
          [
            [4.87, 45.7],
            [4.89, 45.7],
            [4.89, 45.71],
            [4.87, 45.7],
          ],
        ],
      },
    ]);
    const start = map.project(4.87, 45.7);
    expect(shape?.d.startsWith(`M${start.x.toFixed(1)} ${start.y.toFixed(1)} L`)).toBe(true);
    expect(shape?.d.endsWith('Z')).toBe(true);
    // Within the map: the Minguettes are in the Métropole.
    expect(start.x).toBeGreaterThan(0);
    expect(start.y).toBeLessThan(map.height);
  });
});
