// The `opening_hours` grammar check the importers hand to the pure converters: a string is kept as OSM hours only
// when the library reads it without a warning (its warnings flag guesses, e.g. "9h" read as 09:00). Evaluated as
// in Lyon (French public holidays), like the app's hours engine.
import opening_hours from 'opening_hours';

const LYON = { lat: '45.76', lon: '4.84', address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } };

export function isValidOsmHours(value: string): boolean {
  try {
    // The typings want numbers for lat/lon; 3.15.0 reads strings (see src/matching/hours/hours-engine.ts).
    return new opening_hours(value, LYON as never, 0).getWarnings().length === 0;
  } catch {
    return false;
  }
}
