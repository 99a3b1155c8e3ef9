// French text as the index and the queries see it: lower case, accents stripped (NFD), ligatures spelled out
// (œ → oe, æ → ae), apostrophes and punctuation as separators ("l’épicerie" → "l", "epicerie"), and the small
// words that carry no meaning dropped. So "Épicerie", "epicerie" and "ÉPICERIE" are one term, and so are
// "Vénissieux" and "venissieux".
import { foldAccents } from '../../domain/fold-accents.ts';

const SEPARATORS = /[^a-z0-9]+/;

/**
 * Words too common to search on: articles, prepositions, pronouns, elided forms. Kept on purpose: "sans"
 * (sans porc, sans rendez-vous), "tous" (tous publics) and numbers.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'au',
  'aux',
  'avec',
  'c',
  'ce',
  'ces',
  'cet',
  'cette',
  'chaque',
  'chez',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'elle',
  'elles',
  'en',
  'entre',
  'est',
  'et',
  'etre',
  'il',
  'ils',
  'j',
  'je',
  'l',
  'la',
  'le',
  'les',
  'leur',
  'leurs',
  'lui',
  'm',
  'ma',
  'mais',
  'me',
  'meme',
  'mes',
  'moi',
  'mon',
  'n',
  'ne',
  'nos',
  'notre',
  'nous',
  'on',
  'ou',
  'par',
  'pas',
  'plus',
  'pour',
  'qu',
  'que',
  'qui',
  's',
  'sa',
  'se',
  'ses',
  'si',
  'son',
  'sont',
  'sur',
  't',
  'ta',
  'te',
  'tes',
  'toi',
  'ton',
  'tu',
  'un',
  'une',
  'vos',
  'votre',
  'vous',
  'y',
]);

export function normalizeFrench(text: string): string {
  return foldAccents(text.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae'));
}

/** Normalized words, stop words included (the index drops them in `processTerm`). */
export function tokenizeFrench(text: string): string[] {
  return normalizeFrench(text)
    .split(SEPARATORS)
    .filter((t) => t.length > 0);
}

/** The index's term filter: null for stop words. */
export function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : term;
}
