import { expect, test } from 'vitest';
import { ADDRESSABLE_COMMUNES, COMMUNES, communeByCode, LYON, zoneCovers } from './communes.ts';

test('the Métropole has 58 communes plus Lyon’s 9 arrondissements, and only those are flagged arrondissements', () => {
  expect(COMMUNES).toHaveLength(67);
  // Regression: the reference CSV has CRLF line ends, which once left every `arrondissement` flag false.
  expect(COMMUNES.filter((c) => c.arrondissement).map((c) => c.code_insee)).toEqual([
    '69381',
    '69382',
    '69383',
    '69384',
    '69385',
    '69386',
    '69387',
    '69388',
    '69389',
  ]);
  expect(communeByCode(LYON)?.arrondissement).toBe(false);
});

test('addresses are in a commune or an arrondissement, never in Lyon as a whole', () => {
  expect(ADDRESSABLE_COMMUNES).toHaveLength(66);
  expect(ADDRESSABLE_COMMUNES.some((c) => c.code_insee === LYON)).toBe(false);
});

test('a zone listing Lyon covers its arrondissements, not its neighbours', () => {
  expect(zoneCovers(LYON, '69388')).toBe(true);
  expect(zoneCovers('69388', '69388')).toBe(true);
  expect(zoneCovers('69388', '69387')).toBe(false);
  expect(zoneCovers(LYON, '69266')).toBe(false);
});
