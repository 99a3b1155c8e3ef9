import { describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { checkFeedEntries } from './feed-entries.ts';
import { ProtocolError } from './transport-errors.ts';

describe('feed entries checked on arrival', () => {
  it('files records, tombstones and conflicts whose kind, seq, ids and index keys are sound', () => {
    const entries = [
      { kind: 'structure', seq: 1, record: aStructure(1) },
      { kind: 'service', seq: 2, record: aService(1, 1) },
      { kind: 'tombstone', seq: 3, record_kind: 'action', id: 'test--a1' },
    ];
    expect(checkFeedEntries(entries)).toBe(entries);
  });

  it('leaves the rest of a record to the schemas where it is read: a wrong field does not refuse the page', () => {
    const odd = { kind: 'structure', seq: 1, record: { ...aStructure(1), langues: 'fr', latitude: 'nord' } };
    expect(checkFeedEntries([odd])).toEqual([odd]);
  });

  it.each([
    ['a record without id', { kind: 'structure', seq: 1, record: { nom: 'Sans identifiant' } }, 'record.id'],
    [
      'a service without its structure',
      { kind: 'service', seq: 1, record: { ...aService(1, 1), structure_id: 7 } },
      'structure_id',
    ],
    [
      'a structure whose commune is no text',
      { kind: 'structure', seq: 1, record: { ...aStructure(1), code_insee: 69259 } },
      'code_insee',
    ],
    ['an unknown kind', { kind: 'recette', seq: 1, record: aStructure(1) }, 'kind'],
    ['a seq that is no positive integer', { kind: 'structure', seq: 0, record: aStructure(1) }, 'seq'],
    [
      'a tombstone of an unknown kind',
      { kind: 'tombstone', seq: 1, record_kind: 'recette', id: 'test--r1' },
      'record_kind',
    ],
    ['a malformed conflict', { kind: 'conflict', seq: 1, conflict: { id: 'c1' } }, 'entries[1]'],
  ])('refuses the whole page for %s, naming the entry', (_what, entry, named) => {
    const page = [{ kind: 'structure', seq: 1, record: aStructure(9) }, entry];
    expect(() => checkFeedEntries(page)).toThrow(ProtocolError);
    expect(() => checkFeedEntries(page)).toThrow(named);
  });
});
