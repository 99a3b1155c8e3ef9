import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_NOW,
  coverageServices,
  coverageStructures,
  LYON_8_PLACE,
} from '../../../tests/fixtures/coverage-directory.ts';
import { communeByCode } from '../../domain/communes.ts';
import { distanceKm } from '../../domain/geo/distance.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import { createHoursEngine, type OpeningHoursConstructor } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { actorsByTerritory } from './actors.ts';
import { type CoverageCell, type CoverageMatrix, computeCoverage } from './coverage.ts';
import { gapsOf } from './gaps.ts';
import { classOf, measureClasses, measureValue } from './measures.ts';

const engine = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);
const snapshot = prepareDirectory(coverageStructures, coverageServices);
const matrix = computeCoverage(snapshot, COVERAGE_NOW, { hours: engine });

function cell(m: CoverageMatrix, code: string, need: NeedValue): CoverageCell {
  const found = m.byNeed.get(need)?.find((c) => c.code === code);
  if (!found) throw new Error(`no cell ${code} ${need}`);
  return found;
}
const pick = (c: CoverageCell) => ({
  services: c.services,
  unconditional: c.unconditional,
  inQpv: c.inQpv,
  hoursKnown: c.hoursKnown,
  days: c.days,
  weekend: c.weekend,
  evening: c.evening,
});
const per10k = (code: string, n: number) => (n / (communeByCode(code)?.population ?? 1)) * 10_000;

describe('the coverage matrix on a hand-made directory', () => {
  it('has one row per commune and arrondissement for every need', () => {
    expect(matrix.territories).toHaveLength(67);
    expect(matrix.needs).toHaveLength(10);
    for (const need of matrix.needs) expect(matrix.byNeed.get(need)).toHaveLength(67);
    expect(matrix.hours).toBe('computed');
    expect(matrix.from).toBe('2026-12-01');
  });

  it('counts services, unconditional ones, days, weekend and evening per commune for "aide alimentaire"', () => {
    const need = 'aide-alimentaire';
    expect(pick(cell(matrix, '69259', need))).toEqual({
      services: 1,
      unconditional: 1,
      inQpv: 0,
      hoursKnown: 1,
      days: 5,
      weekend: false,
      evening: false,
    });
    // Hors les murs: counted where it takes place (Lyon 8e, and Lyon as a whole), not at the partner's address.
    expect(pick(cell(matrix, '69388', need))).toEqual({
      services: 1,
      unconditional: 0,
      inQpv: 1,
      hoursKnown: 1,
      days: 2,
      weekend: false,
      evening: false,
    });
    expect(cell(matrix, '69266', need).services).toBe(0);
    // No hours published: counted, hours unknown rather than "closed".
    expect(pick(cell(matrix, '69383', need))).toEqual({
      services: 1,
      unconditional: 1,
      inQpv: 0,
      hoursKnown: 0,
      days: null,
      weekend: null,
      evening: null,
    });
    expect(pick(cell(matrix, '69123', need))).toEqual({
      services: 2,
      unconditional: 1,
      inQpv: 1,
      hoursKnown: 1,
      days: 2,
      weekend: false,
      evening: false,
    });
    // A proposal awaiting validation counts nowhere.
    expect(cell(matrix, '69029', need).services).toBe(0);
  });

  it('sees a Saturday evening meal as weekend and evening', () => {
    expect(pick(cell(matrix, '69259', 'repas'))).toEqual({
      services: 1,
      unconditional: 0,
      inQpv: 0,
      hoursKnown: 1,
      days: 1,
      weekend: true,
      evening: true,
    });
    expect(cell(matrix, '69259', 'repas').dayMask).toBe(1 << 5);
  });

  it('gives services per 10,000 inhabitants and the distance to the nearest service from the centre', () => {
    const need = 'aide-alimentaire';
    expect(cell(matrix, '69259', need).per10k).toBeCloseTo(per10k('69259', 1), 10);
    expect(cell(matrix, '69123', need).per10k).toBeCloseTo(per10k('69123', 2), 10);
    expect(cell(matrix, '69266', need).per10k).toBe(0);
    expect(cell(matrix, '69259', need).nearestKm).toBeCloseTo(0, 6);
    // Villeurbanne's nearest is the distribution in Lyon 8e (its own partner's address offers nothing for it).
    const villeurbanne = communeByCode('69266')?.centre;
    if (!villeurbanne) throw new Error('Villeurbanne');
    const toLyon8 = distanceKm(villeurbanne, LYON_8_PLACE);
    const toLyon3 = distanceKm(villeurbanne, { latitude: 45.7597, longitude: 4.847 });
    expect(cell(matrix, '69266', need).nearestKm).toBeCloseTo(Math.min(toLyon8, toLyon3), 6);
    // No service of the need anywhere: no distance.
    expect(cell(matrix, '69266', 'jardiner').nearestKm).toBeNull();
  });

  it('reads temporary closures: a service closed over the whole horizon opens no day', () => {
    const closed = coverageServices.map((s) =>
      s.id === 'test--s1-1'
        ? { ...s, infos_temporaires: [{ id: 'travaux', type: 'fermeture' as const, debut: '2026-11-01' }] }
        : s,
    );
    const m = computeCoverage(prepareDirectory(coverageStructures, closed), COVERAGE_NOW, { hours: engine });
    expect(pick(cell(m, '69259', 'aide-alimentaire'))).toMatchObject({ services: 1, hoursKnown: 1, days: 0 });
    expect(cell(m, '69259', 'aide-alimentaire').weekend).toBe(false);
  });

  it('without the hours engine, counts everything but the hours, and says so', () => {
    const m = computeCoverage(snapshot, COVERAGE_NOW);
    expect(m.hours).toBe('not_loaded');
    expect(pick(cell(m, '69259', 'aide-alimentaire'))).toMatchObject({ services: 1, days: null, weekend: null });
  });
});

describe('the gap rules', () => {
  const rules = { maxDistanceKm: 3 };
  it('flags no service, none unconditional, too far and none open at weekends, without repeating themselves', () => {
    expect(gapsOf(cell(matrix, '69259', 'aide-alimentaire'), rules)).toEqual(['pas-le-week-end']);
    expect(gapsOf(cell(matrix, '69259', 'repas'), rules)).toEqual(['aucun-inconditionnel']);
    expect(gapsOf(cell(matrix, '69388', 'aide-alimentaire'), rules)).toEqual([
      'aucun-inconditionnel',
      'pas-le-week-end',
    ]);
    // No service at all: only "none" and the distance (the nearest may be over the border).
    expect(gapsOf(cell(matrix, '69266', 'jardiner'), rules)).toEqual(['aucun-service', 'trop-loin']);
    // Unknown hours are not a weekend gap.
    expect(gapsOf(cell(matrix, '69383', 'aide-alimentaire'), rules)).toEqual([]);
  });

  it('judges the distance against the threshold the coordinator sets', () => {
    const villeurbanne = cell(matrix, '69266', 'aide-alimentaire');
    const km = villeurbanne.nearestKm ?? 0;
    expect(km).toBeGreaterThan(1);
    expect(gapsOf(villeurbanne, { maxDistanceKm: km - 0.1 })).toContain('trop-loin');
    expect(gapsOf(villeurbanne, { maxDistanceKm: km + 0.1 })).not.toContain('trop-loin');
  });
});

describe('the map measures', () => {
  it('put values in fixed classes, worst first', () => {
    expect([0, 1, 3, 6, 12].map((n) => classOf('services', n))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 2, 4, 6, 7].map((n) => classOf('jours', n))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 0.4, 1.5, 3, 8].map((n) => classOf('pour10000', n))).toEqual([0, 1, 2, 3, 4]);
    expect([7, 3, 1.5, 0.2, null].map((n) => classOf('distance', n))).toEqual([0, 1, 2, 3, 0]);
    expect([0, 1, null].map((n) => classOf('weekend', n))).toEqual([0, 1, null]);
    expect(measureClasses('distance')[0]).toEqual({ index: 0, min: 5, max: null });
  });

  it('read the value of a cell', () => {
    const c = cell(matrix, '69259', 'repas');
    expect(measureValue(c, 'services')).toBe(1);
    expect(measureValue(c, 'inconditionnels')).toBe(0);
    expect(measureValue(c, 'jours')).toBe(1);
    expect(measureValue(c, 'weekend')).toBe(1);
    expect(measureValue(c, 'soir')).toBe(1);
    expect(measureValue(cell(matrix, '69383', 'aide-alimentaire'), 'soir')).toBeNull();
    // Nothing there: no day open rather than unknown hours.
    expect(measureValue(cell(matrix, '69266', 'aide-alimentaire'), 'jours')).toBe(0);
    expect(measureValue(cell(matrix, '69266', 'aide-alimentaire'), 'weekend')).toBe(0);
  });
});

describe('actors per territory', () => {
  it('lists who works where and on what, hors les murs included, Lyon gathering its arrondissements', () => {
    const actors = actorsByTerritory(snapshot);
    expect(actors.get('69259')?.map((a) => [a.nom, a.needs, a.services, a.unconditional])).toEqual([
      ['Épicerie du Centre', ['aide-alimentaire', 'repas', 'lien-social'], 2, true],
    ]);
    expect(actors.get('69388')?.map((a) => [a.nom, a.homeCommune])).toEqual([['Entraide Gratte-Ciel', '69266']]);
    expect(actors.get('69123')?.map((a) => a.nom)).toEqual(['Bons du 3e', 'Entraide Gratte-Ciel']);
    expect(actors.has('69266')).toBe(false);
    expect(actors.has('69029')).toBe(false);
  });

  it('keeps only the actors of a need when one is chosen', () => {
    const actors = actorsByTerritory(snapshot, { need: 'aide-alimentaire' });
    expect(actors.get('69259')?.map((a) => [a.nom, a.needs, a.services])).toEqual([
      ['Épicerie du Centre', ['aide-alimentaire'], 1],
    ]);
  });
});
