// The converter on a corpus of French phrasings as public listings write them (tests/fixtures/french-hours-corpus.ts):
// every converted text means what its expected OSM value means, compared by the `opening_hours` library over a whole
// year (open intervals, open ends included: seasons, nth weekdays and public holidays all show within it), never
// as text; every refused text stays refused, so that no conversion is wrong.
import { describe, expect, it } from 'vitest';
import { CONVERTED, REFUSED } from '../../tests/fixtures/french-hours-corpus.ts';
import { isValidOsm, osmYear as year } from '../../tests/fixtures/osm-year.ts';
import { frenchHoursToOsm } from './french-hours.ts';

describe('French hours corpus', () => {
  it('holds at least 150 converted phrasings and refusals', () => {
    expect(CONVERTED.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CONVERTED.map(([french]) => french)).size).toBe(CONVERTED.length);
  });

  it.each(CONVERTED)('« %s » means %s', (french, osm) => {
    expect(isValidOsm(osm)).toBe(true);
    const result = frenchHoursToOsm(french, isValidOsm);
    if (!result.ok) throw new Error(`not converted: ${result.reason} (${result.detail ?? ''})`);
    expect(year(result.osm)).toEqual(year(osm));
  });

  it.each(REFUSED)('« %s » is left for a person to check', (french) => {
    expect(frenchHoursToOsm(french, isValidOsm)).toMatchObject({ ok: false });
  });
});
