// Accents folded away, the one way every comparison of French words does it (search, import vocabularies, hours
// phrasing, identifiers and slugs): « Vénissieux », « VENISSIEUX » and « venissieux » differ only in case after it.
// Letters keep their case; ligatures (œ, æ) are not letters with accents and stay.
const DIACRITICS = /[\u0300-\u036f]/g;

/** `text` with the combining accents of its decomposed form removed: « Épicerie » → « Epicerie ». */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '');
}
