import { describe, expect, it } from 'vitest';
import { osmSentence } from './osm-sentence.ts';

const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ') ?? null;

describe('hours the table cannot show, said in French', () => {
  it.each([
    ['Th[3] 19:30+', 'Le 3e jeudi du mois : à partir de 19 h 30.'],
    ['Sa 10:00-12:00 "sur inscription"', 'Le samedi : de 10 h à 12 h (« sur inscription »).'],
    [
      'Nov-Mar: Tu,Th 09:00-11:30; Apr-Oct: Th 09:00-11:30; PH off',
      'De novembre à mars, le mardi et le jeudi : de 9 h à 11 h 30. D’avril à octobre, le jeudi : de 9 h à 11 h 30. Les jours fériés : fermé.',
    ],
    ['SH off; Mo-Fr 09:00-12:00', 'Pendant les vacances scolaires : fermé. Du lundi au vendredi : de 9 h à 12 h.'],
    ['2026 Dec 24-2027 Jan 02 off', 'Du 24 décembre 2026 au 2 janvier 2027 : fermé.'],
    ['24/7', 'Tous les jours, 24 h sur 24.'],
  ])('%s', (osm, words) => {
    expect(plain(osmSentence(osm))).toBe(words);
  });

  it('gives up rather than show a part it cannot say', () => {
    expect(osmSentence('week 1-53/2 Sa 09:00-12:00')).toBeNull();
    expect(osmSentence('sunrise-sunset')).toBeNull();
  });
});
