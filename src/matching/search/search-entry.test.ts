// The start-up copy's search entries come back exactly as they were saved: every field, in its place.
import { expect, test, vi } from 'vitest';
import { generateDirectory } from '../../demo/generate-directory.ts';
import { prepareDirectory } from '../snapshot.ts';
import { SavedEntries, type SearchEntry, searchEntriesToRows } from './search-entry.ts';

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
  const back = [...new SavedEntries(searchEntriesToRows(entries))];
  expect(back.map(fieldsOf)).toEqual(entries.map(fieldsOf));
  // The demo directory exercises the fields whose values differ between entries.
  expect(new Set(back.map((e) => e.structureNom)).size).toBeGreaterThan(1);
  expect(back.some((e) => e.referral) && back.some((e) => !e.referral)).toBe(true);
});

test('saved entries are parsed as they are read, and found by id once a search has read them', () => {
  const directory = generateDirectory({ services: 50 });
  const { entries } = prepareDirectory(directory.structures, directory.services);
  const rows = searchEntriesToRows(entries);
  const saved = new SavedEntries(rows);
  const parse = vi.spyOn(JSON, 'parse');
  const fifth = saved.at(4);
  expect(parse).toHaveBeenCalledTimes(1);
  expect(fifth?.id).toBe(entries[4]?.id);
  expect(saved.at(4)).toBe(fifth);
  expect(saved.byId(entries[4]?.id ?? '')).toBe(fifth);
  expect(parse).toHaveBeenCalledTimes(1);
  // Rows are matched to their service without being parsed.
  expect(saved.isAt(7, entries[7]?.id ?? '')).toBe(true);
  expect(saved.isAt(7, entries[8]?.id ?? '')).toBe(false);
  expect(parse).toHaveBeenCalledTimes(1);
  expect(saved.at(rows.length)).toBeUndefined();
  parse.mockRestore();
});
