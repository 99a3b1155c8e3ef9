// Notes and criteria added by two workers offline must both survive: the element-wise merge of collection fields.
import { describe, expect, it } from 'vitest';
import { mergeCollection, type NotePro, normaliseCritere } from './listing-annotations.ts';

const note = (id: string, texte = `note ${id}`): NotePro => ({
  id,
  texte,
  auteur: { account_id: 'acc-1', nom: 'Anne' },
  le: '2026-11-28T10:00:00.000Z',
});

describe('merging collection fields', () => {
  it('keeps both criteria added concurrently from the same base', () => {
    const theirs = mergeCollection('criteres', ['halal'], ['halal', 'familles'], ['halal', 'non francophones']);
    expect(theirs).toEqual(['halal', 'non francophones', 'familles']);
  });

  it('keeps both notes added concurrently, and a removal of mine does not remove theirs', () => {
    const base = [note('a')];
    const theirs = [note('a'), note('b')];
    expect(mergeCollection('notes_pro', base, [note('a'), note('c')], theirs)).toEqual([
      note('a'),
      note('b'),
      note('c'),
    ]);
    expect(mergeCollection('notes_pro', base, [], theirs)).toEqual([note('b')]);
  });

  it('applies a change of my note unless someone removed it meanwhile', () => {
    expect(mergeCollection('notes_pro', [note('a')], [note('a', 'corrigée')], [note('a'), note('b')])).toEqual([
      note('a', 'corrigée'),
      note('b'),
    ]);
    expect(mergeCollection('notes_pro', [note('a')], [note('a', 'corrigée')], [])).toEqual([]);
  });

  it('starts from an absent field and leaves it absent when nothing is left', () => {
    expect(mergeCollection('recommandee_pour', null, ['69259'], null)).toEqual(['69259']);
    expect(mergeCollection('recommandee_pour', ['69259'], null, ['69259'])).toEqual([]);
    expect(mergeCollection('criteres', null, [], null)).toBeNull();
  });

  it('does not add twice what both sides added', () => {
    expect(mergeCollection('criteres', [], ['halal'], ['halal'])).toEqual(['halal']);
  });

  it('normalises criteria so that the same words are one tag', () => {
    expect(normaliseCritere('  Bon   accueil Familles ')).toBe('bon accueil familles');
  });
});
