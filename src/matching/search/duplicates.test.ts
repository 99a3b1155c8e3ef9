// A coordinator picking the structure a proposal duplicates gets the likely ones first, by name and address,
// typed differently (accents, abbreviations, a typo), not a list of every partner of the commune.
import { describe, expect, it } from 'vitest';
import { type DuplicateCandidate, duplicateIndex } from './duplicates.ts';

const at = (n: number, nom: string, adresse: string, commune = 'Vénissieux', code_insee = '69259') => ({
  id: `s${n}`,
  nom,
  adresse,
  code_postal: '69200',
  commune,
  code_insee,
});
const published: DuplicateCandidate[] = [
  at(1, 'Secours populaire', '10 rue Paul Bert'),
  at(2, 'Épicerie solidaire Le Panier', '3 rue Paul Bert'),
  at(3, 'Restos du Cœur', '3 avenue Jean Cagne'),
  at(4, 'Le Panier de Villeurbanne', '8 cours Émile Zola', 'Villeurbanne', '69266'),
  at(5, 'CCAS de Vénissieux', '5 avenue Marcel Houël'),
  ...Array.from({ length: 40 }, (_, i) => at(10 + i, `Association ${i}`, `${i} place de la Paix`)),
];
const names = (list: DuplicateCandidate[]) => list.map((s) => s.nom);

describe('likely duplicates of a proposal', () => {
  const index = duplicateIndex(published);

  it('puts the partner with a close name and the same street first, written without accents and with a typo', () => {
    const proposal = at(99, 'Epicerie solidare le panier', '3 r. Paul-Bert');
    const likely = names(index.likely(proposal, 5));
    expect(likely[0]).toBe('Épicerie solidaire Le Panier');
    // Sharing only a street number or « rue » makes no likeness.
    expect(likely).not.toContain('Association 3');
    expect(likely).not.toContain('Restos du Cœur');
  });

  it('prefers the same commune when the name alone hesitates', () => {
    const proposal = at(99, 'Le Panier', '1 rue Inconnue');
    expect(names(index.likely(proposal, 2))).toEqual(['Épicerie solidaire Le Panier', 'Le Panier de Villeurbanne']);
  });

  it('finds any other partner by words of its name, address or commune', () => {
    expect(names(index.find('resto coeur', 5))).toEqual(['Restos du Cœur']);
    expect(names(index.find('houel', 5))).toEqual(['CCAS de Vénissieux']);
    expect(index.find('  ', 5)).toEqual([]);
  });
});
