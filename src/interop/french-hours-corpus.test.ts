// The converter on a corpus of French phrasings as public listings write them (tests/fixtures/french-hours-corpus.ts):
// every converted text means what its expected OSM value means, compared by the `opening_hours` library over a whole
// year (open intervals, open ends included: seasons, nth weekdays and public holidays all show within it), never
// as text; every refused text stays refused, so that no conversion is wrong.
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { CONVERTED, REFUSED } from '../../tests/fixtures/french-hours-corpus.ts';
import { frenchHoursToOsm } from './french-hours.ts';

const LYON = { lat: 45.76, lon: 4.84, address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } };
const FROM = new Date('2027-01-01T00:00:00');
const TO = new Date('2028-01-01T00:00:00');

function isValidOsm(value: string): boolean {
  try {
    return new opening_hours(value, LYON as never, 0).getWarnings().length === 0;
  } catch {
    return false;
  }
}

/** The year's open intervals, with whether each end is known: what a reader of the hours is told. */
function year(value: string): string[] {
  const oh = new opening_hours(value, LYON as never, 0);
  return oh.getOpenIntervals(FROM, TO).map(([a, b, unknown]) => `${a.toISOString()}/${b.toISOString()}/${unknown}`);
}

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
