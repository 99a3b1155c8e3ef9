// The start-up copy's search entries come back exactly as they were saved: every field, in its place.
import { expect, test } from 'vitest';
import { generateDirectory } from '../../demo/generate-directory.ts';
import { prepareDirectory } from '../snapshot.ts';
import { type SearchEntry, searchEntriesFromJson, searchEntriesToJson } from './search-entry.ts';

test('search entries taken back from their saved rows equal the snapshot’s, field by field', () => {
  const directory = generateDirectory({ services: 400 });
  const { entries } = prepareDirectory(directory.structures, directory.services);
  const fieldsOf = (e: SearchEntry) => {
    const { id, structureId, nom, structureNom, communeCode, communeName, category, tarif, affordable } = e;
    const { referral, directAccess, professionalOnly, published, needsMask, langues, pmr, verifiedAt } = e;
    const { frequenceMois, criteres, hours, temporary } = e;
    return {
      ...{ id, structureId, nom, structureNom, communeCode, communeName, category, tarif, affordable, referral },
      ...{ directAccess, professionalOnly, published, needsMask, langues, pmr, verifiedAt, frequenceMois },
      ...{ criteres, hours, temporary },
    };
  };
  const back = searchEntriesFromJson(searchEntriesToJson(entries));
  expect(back.map(fieldsOf)).toEqual(entries.map(fieldsOf));
  // The demo directory exercises the fields whose values differ between entries.
  expect(new Set(back.map((e) => e.structureNom)).size).toBeGreaterThan(1);
  expect(back.some((e) => e.referral) && back.some((e) => !e.referral)).toBe(true);
});
