// The QPV reference file: the shipped one parses and names every QPV; a file in the documented format replaces it
// without code, its outlines included; a faulty file is refused naming the place of the fault.
import { describe, expect, it } from 'vitest';
import file from '../../reference/qpv/qpv-metropole-lyon.json';
import { COMMUNES } from './communes.ts';
import { parseQpvFile, QPV_FILE, QPV_LIST, qpvName, qpvOfCommune } from './qpv.ts';

describe('QPV reference data', () => {
  it('ships the demonstration list, said to be one, with its source', () => {
    expect(QPV_FILE.demonstration).toBe(true);
    expect(QPV_FILE.source).toMatch(/ANCT/);
    expect(QPV_LIST.length).toBeGreaterThanOrEqual(12);
    const codes = new Set(COMMUNES.map((c) => c.code_insee));
    for (const q of QPV_LIST) for (const c of q.communes) expect(codes.has(c), `${q.nom} ${c}`).toBe(true);
  });

  it('finds a commune’s QPV by name and names a code', () => {
    expect(qpvOfCommune('69266').map((q) => q.nom)).toEqual(['Les Buers', 'Saint-Jean']);
    expect(qpvName('QNDEMO01')).toBe('Les Minguettes');
    expect(qpvName('QN06901M')).toBe('QN06901M');
    expect(qpvOfCommune('69003')).toEqual([]);
  });

  it('reads a file in the documented format with outlines, and refuses a faulty one naming where', () => {
    const official = {
      format: 'boussole-qpv/1',
      source: 'ANCT, quartiers prioritaires 2024',
      licence: 'Licence Ouverte 2.0',
      qpv: [
        {
          code: 'QN06912M',
          nom: 'Quartier essai',
          communes: ['69259', '69199'],
          contour: [
            [
              [4.87, 45.7],
              [4.89, 45.7],
              [4.89, 45.71],
              [4.87, 45.7],
            ],
          ],
        },
      ],
    };
    expect(parseQpvFile(official).ok).toBe(true);
    const bad = parseQpvFile({ ...official, qpv: [{ ...official.qpv[0], communes: ['Vénissieux'] }] });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['qpv[0].communes[0]']);
    expect(parseQpvFile({ ...file, format: 'autre' }).ok).toBe(false);
  });
});
