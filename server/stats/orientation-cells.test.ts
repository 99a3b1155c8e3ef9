// « Demandes sans réponse » per commune, need and month: exact over a generated month of orientations, and never a
// count under 5 shown as such.

import { describe, expect, it } from 'vitest';
import { generateDirectory } from '../../src/demo/generate-directory.ts';
import { generateOrientationEvents } from '../../src/demo/orientation-events.ts';
import type { OrientationEvent } from '../../src/domain/orientation-event.ts';
import { isoWeekOf, monthOfWeek } from '../../src/domain/time/iso-week.ts';
import { orientationCells } from './orientation-cells.ts';
import { protect, SUPPRESSED } from './small-cells.ts';

const demo = generateDirectory({ services: 300 });
const month = generateOrientationEvents({ services: demo.services, month: '2026-11', count: 1500 });

const event = (over: Partial<OrientationEvent> = {}): OrientationEvent => ({
  id: `evt-${Math.random().toString(36).slice(2)}-0123456789`,
  semaine: '2026-W46',
  commune: '69259',
  besoins: ['repas'],
  resultats: { eligibles: 0, a_verifier: 1, exclus: 12 },
  motifs_exclusion: ['zone_outside'],
  orientation_envoyee: false,
  ...over,
});

describe('orientation cells', () => {
  it('every count under 5, zero included, is « < 5 »; from 5 on, the count', () => {
    expect([0, 1, 4, 5, 6].map(protect)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, 5, 6]);
    const four = orientationCells(Array.from({ length: 4 }, () => event()));
    expect(four).toEqual([
      { commune: '69259', need: 'repas', month: '2026-11', orientations: '< 5', sans_reponse: '< 5' },
    ]);
    const seven = orientationCells([
      ...Array.from({ length: 5 }, () => event()),
      ...Array.from({ length: 2 }, () => event({ resultats: { eligibles: 2, a_verifier: 0, exclus: 3 } })),
    ]);
    expect(seven).toEqual([{ commune: '69259', need: 'repas', month: '2026-11', orientations: 7, sans_reponse: 5 }]);
  });

  it('counts a generated month exactly: each commune × need, its orientations and those without an eligible result', () => {
    expect(month.length).toBeGreaterThan(1000);
    expect(month.every((e) => monthOfWeek(e.semaine) === '2026-11')).toBe(true);
    const cells = orientationCells(month);
    const arrondissement = /^6938[1-9]$/;
    for (const cell of cells) {
      const mine = month.filter(
        (e) =>
          e.besoins.includes(cell.need as OrientationEvent['besoins'][number]) &&
          (e.commune === cell.commune || (cell.commune === '69123' && arrondissement.test(e.commune ?? ''))),
      );
      expect(cell.orientations, `${cell.commune} ${cell.need}`).toEqual(protect(mine.length));
      expect(cell.sans_reponse).toEqual(protect(mine.filter((e) => e.resultats.eligibles === 0).length));
    }
    const pairs = new Set(month.flatMap((e) => e.besoins.map((n) => `${e.commune}|${n}`)));
    const lyon = new Set(
      month.filter((e) => arrondissement.test(e.commune ?? '')).flatMap((e) => e.besoins.map((n) => n)),
    );
    expect(cells.length).toBe(pairs.size + lyon.size);
    // The demo's gaps show from the demand side: some cells have 5 or more orientations without an answer.
    expect(cells.some((c) => typeof c.sans_reponse === 'number')).toBe(true);
  });

  it('by QPV, a month, a territory: the same counts narrowed', () => {
    const events = [
      ...Array.from({ length: 6 }, () => event({ qpv: 'QNDEMO01' })),
      ...Array.from({ length: 5 }, () => event({ commune: '69266', semaine: isoWeekOf('2026-12-02') })),
    ];
    expect(orientationCells(events, { level: 'qpv' })).toEqual([
      { commune: '69259', qpv: 'QNDEMO01', need: 'repas', month: '2026-11', orientations: 6, sans_reponse: 6 },
      { commune: '69266', qpv: null, need: 'repas', month: '2026-12', orientations: 5, sans_reponse: 5 },
    ]);
    expect(orientationCells(events, { month: '2026-12' }).map((c) => c.commune)).toEqual(['69266']);
    expect(orientationCells(events, { territory: new Set(['69259']) }).map((c) => c.commune)).toEqual(['69259']);
  });
});
