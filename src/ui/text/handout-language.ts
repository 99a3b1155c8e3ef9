// The languages the person's handout can be printed in, beside French (the partner reads the French block). Each
// language's words are one file in handout-languages/, loaded only when chosen: none rides on the app's first
// load (checked by tests/build), and the service worker precaches them all, so any language opens offline.
import type { Language } from '../../matching/reasons.ts';
import { fr, type HandoutWords } from './handout-languages/fr.ts';

export interface HandoutLanguage {
  /** The profile's language code (vocabulary LANGUES). */
  code: Language;
  /** BCP 47 tag for the `lang` attribute and Intl (day and month names). */
  tag: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in itself, for the person to recognise it in the list. */
  name: string;
}

export const HANDOUT_LANGUAGES = [
  { code: 'fr', tag: 'fr', dir: 'ltr', name: 'Français' },
  { code: 'ar', tag: 'ar', dir: 'rtl', name: 'العربية' },
  { code: 'en', tag: 'en-GB', dir: 'ltr', name: 'English' },
  { code: 'es', tag: 'es', dir: 'ltr', name: 'Español' },
  { code: 'fa', tag: 'fa-AF', dir: 'rtl', name: 'دری' },
  { code: 'pt', tag: 'pt-PT', dir: 'ltr', name: 'Português' },
  { code: 'ro', tag: 'ro', dir: 'ltr', name: 'Română' },
  { code: 'ru', tag: 'ru', dir: 'ltr', name: 'Русский' },
  { code: 'ti', tag: 'ti', dir: 'ltr', name: 'ትግርኛ' },
  { code: 'tr', tag: 'tr', dir: 'ltr', name: 'Türkçe' },
  { code: 'uk', tag: 'uk', dir: 'ltr', name: 'Українська' },
] as const satisfies readonly HandoutLanguage[];

export type HandoutLanguageCode = (typeof HANDOUT_LANGUAGES)[number]['code'];

/** One lazy chunk per language; a literal import() each, so that the bundler splits them. */
const LOADERS: Record<HandoutLanguageCode, () => Promise<HandoutWords>> = {
  fr: () => Promise.resolve(fr),
  ar: () => import('./handout-languages/ar.ts').then((m) => m.ar),
  en: () => import('./handout-languages/en.ts').then((m) => m.en),
  es: () => import('./handout-languages/es.ts').then((m) => m.es),
  fa: () => import('./handout-languages/fa.ts').then((m) => m.fa),
  pt: () => import('./handout-languages/pt.ts').then((m) => m.pt),
  ro: () => import('./handout-languages/ro.ts').then((m) => m.ro),
  ru: () => import('./handout-languages/ru.ts').then((m) => m.ru),
  ti: () => import('./handout-languages/ti.ts').then((m) => m.ti),
  tr: () => import('./handout-languages/tr.ts').then((m) => m.tr),
  uk: () => import('./handout-languages/uk.ts').then((m) => m.uk),
};

export function isHandoutLanguage(code: string): code is HandoutLanguageCode {
  return Object.hasOwn(LOADERS, code);
}

export function handoutLanguage(code: HandoutLanguageCode): HandoutLanguage {
  return HANDOUT_LANGUAGES.find((l) => l.code === code) ?? HANDOUT_LANGUAGES[0];
}

export function loadWords(code: HandoutLanguageCode): Promise<HandoutWords> {
  return LOADERS[code]();
}

/**
 * The language proposed for the sheet: the first of the person's languages (in the profile's order) that has a
 * translation, French aside (the French block is always printed); French alone when none has.
 */
export function preselected(langues: readonly Language[]): HandoutLanguageCode {
  return langues.find((l): l is HandoutLanguageCode => l !== 'fr' && isHandoutLanguage(l)) ?? 'fr';
}

/** The person's written languages with no translation of the sheet (sign language needs none: it is not written). */
export function untranslated(langues: readonly Language[]): Language[] {
  return langues.filter((l) => l !== 'lsf' && !isHandoutLanguage(l));
}
