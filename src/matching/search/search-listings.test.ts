// The Annuaire's filters on what professionals know: how fresh a listing is (injected clock) and the professionals' own
// criteria.
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { prepareDirectory } from '../snapshot.ts';
import { type SearchFilters, search } from './search.ts';

const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const verified = (le: string) => ({ verification: { le, par: 'Anne' } });
const snapshot = prepareDirectory(
  [1, 2, 3, 4].map((n) => aStructure(n)),
  [
    aService(1, 1, { ...verified('2026-10-01T10:00:00Z'), criteres: ['familles'] }), // fresh
    aService(2, 1, { ...verified('2026-01-01T10:00:00Z'), frequence_maj_mois: 6 }), // due after 6 months
    aService(3, 1, { ...verified('2026-01-01T10:00:00Z'), frequence_maj_mois: 12, criteres: ['halal', 'familles'] }), // fresh
    aService(4, 1, { ...verified('2024-06-01T10:00:00Z'), frequence_maj_mois: 12 }), // obsolete
  ],
);
const ids = (filters: SearchFilters, now = NOW) =>
  search(snapshot, '', filters, now)
    .hits.map((h) => h.structure_id)
    .sort();

describe('Annuaire filters on freshness and own criteria', () => {
  test('"vérifiées récemment" keeps listings within their own frequency; "à vérifier" the others', () => {
    expect(ids({ fraicheur: 'a-jour' })).toEqual(['test--s1', 'test--s3']);
    expect(ids({ fraicheur: 'a-verifier' })).toEqual(['test--s2', 'test--s4']);
  });

  test('the same listing moves to "à vérifier" as the injected clock passes its frequency', () => {
    expect(ids({ fraicheur: 'a-verifier' }, Date.parse('2027-04-15T10:00:00Z'))).toEqual([
      'test--s1',
      'test--s2',
      'test--s3',
      'test--s4',
    ]);
  });

  test('a criterion keeps the services colleagues tagged with it', () => {
    expect(ids({ critere: 'familles' })).toEqual(['test--s1', 'test--s3']);
    expect(ids({ critere: 'halal' })).toEqual(['test--s3']);
  });
});
