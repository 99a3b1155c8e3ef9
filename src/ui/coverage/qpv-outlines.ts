// The QPV outlines of the reference file (src/domain/qpv.ts) as SVG paths in the coverage map's projection
// (commune-map.ts), for the QPV whose file entry has a `contour`; none when the file has no outlines.
import type { Qpv } from '../../domain/qpv.ts';
import type { CommuneMap } from '../map/commune-map.ts';

export interface QpvShape {
  code: string;
  nom: string;
  d: string;
}

export function qpvShapes(map: Pick<CommuneMap, 'project'>, list: readonly Qpv[]): QpvShape[] {
  return list.flatMap((q) => {
    if (!q.contour) return [];
    const d = q.contour
      .map(
        (ring) =>
          `${ring
            .map(([lon = 0, lat = 0], i) => {
              const p = map.project(lon, lat);
              return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
            })
            .join(' ')} Z`,
      )
      .join(' ');
    return [{ code: q.code, nom: q.nom, d }];
  });
}
