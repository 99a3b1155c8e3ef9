import { describe, expect, it } from 'vitest';
import { PERIODES_ADHESION, UNITES_PRIX } from '../../domain/vocabulary.ts';
import type { Language } from '../../matching/reasons.ts';
import { priceNumbers } from './handout-format.ts';
import {
  HANDOUT_LANGUAGES,
  handoutLanguage,
  isHandoutLanguage,
  loadWords,
  preselected,
  untranslated,
} from './handout-language.ts';
import { fr, type HandoutWords } from './handout-languages/fr.ts';

type FunctionKey = {
  [K in keyof HandoutWords]: HandoutWords[K] extends (...args: never[]) => string ? K : never;
}[keyof HandoutWords];

/** Arguments for each function of a language file; a new function without arguments here does not compile. */
const SAMPLES: { [K in FunctionKey]: Parameters<HandoutWords[K]>[] } = {
  forPerson: [['«NAME»']],
  madeOn: [['«DATE»']],
  closed: [
    ['«FROM»', '«TO»'],
    ['«FROM»', null],
  ],
  exceptional: [
    ['«FROM»', '«TO»'],
    ['«FROM»', null],
  ],
  slot: [['«FROM»', '«TO»']],
  opening: [['«DATE»', '«SLOTS»']],
  oneDay: [['«DAY»']],
  dayRange: [['«FROM»', '«TO»']],
  someDays: [['«DAY»']],
  weekly: [['«DAYS»', '«SLOTS»']],
  distance: [
    ['«D»', true],
    ['«D»', false],
  ],
  date: [
    [{ weekday: '«WEEKDAY»', day: 17, month: '«MONTH»' }],
    [{ day: 17, month: '«MONTH»', year: 2031 }],
    [{ day: 17, month: '«MONTH»' }],
  ],
};

/** Every string of a language file, with its path; functions are called with the samples. */
function texts(words: HandoutWords): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push([path, value]);
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const [key, value] of Object.entries(words)) {
    if (typeof value === 'function') {
      for (const args of SAMPLES[key as FunctionKey]) walk((value as (...a: unknown[]) => unknown)(...args), key);
    } else walk(value, key);
  }
  return out;
}

/** Object keys and array lengths, functions as a mark: two files with the same shape have the same skeleton. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return 'function';
  if (Array.isArray(value)) return value.map(() => 'item');
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('the handout’s languages', () => {
  it('cover at least English, Arabic, Spanish, Portuguese, Romanian, Russian, Ukrainian, Turkish, Dari and Tigrinya', () => {
    const codes = HANDOUT_LANGUAGES.map((l) => l.code);
    for (const code of ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'ru', 'uk', 'tr', 'fa', 'ti'])
      expect(codes).toContain(code);
  });

  it('write Arabic and Dari right to left, the others left to right', () => {
    const rtl = HANDOUT_LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code);
    expect(rtl.sort()).toEqual(['ar', 'fa']);
    expect(handoutLanguage('fa').tag).toBe('fa-AF');
  });

  describe.each(HANDOUT_LANGUAGES.map((l) => l.code))('%s', (code) => {
    it('has every key of the French file, no other, and no empty text', async () => {
      const words = await loadWords(code);
      expect(shape(words)).toEqual(shape(fr));
      const all = texts(words);
      expect(all.length).toBeGreaterThan(60);
      for (const [path, text] of all) {
        expect(text.trim(), `${code} ${path}`).not.toBe('');
        expect(text, `${code} ${path}`).not.toMatch(/undefined|null|\[object/);
      }
      expect(words.days).toHaveLength(7);
      expect(words.months).toHaveLength(12);
    });

    it('puts every value it is given into its sentences', async () => {
      const words = await loadWords(code);
      for (const [key, calls] of Object.entries(SAMPLES)) {
        const fn = words[key as FunctionKey] as (...a: unknown[]) => string;
        for (const args of calls) {
          const text = fn(...args);
          const given = args.flatMap((a) =>
            typeof a === 'string' ? [a] : a && typeof a === 'object' ? Object.values(a).map(String) : [],
          );
          for (const value of given) expect(text, `${code} ${key}`).toContain(value);
        }
      }
    });

    it('says a price with every amount it is given, in the language’s own way of writing euros', async () => {
      const { priceWords: w } = await loadWords(code);
      const said: string[] = [
        ...UNITES_PRIX.map((unit) => w.amount('«PAID»', unit)),
        w.insteadOf('«PAID»', '«USUAL»'),
        ...PERIODES_ADHESION.map((period) => w.membership('«FEE»', period)),
        w.labelled('«LABEL»', '«TEXT»'),
      ];
      for (const text of said) expect(text, text).toMatch(/«PAID»|«FEE»|«LABEL»/);
      expect(w.insteadOf('«PAID»', '«USUAL»')).toContain('«USUAL»');
      expect(w.labelled('«LABEL»', '«TEXT»')).toContain('«TEXT»');
      // Each unit and period has its own words.
      expect(new Set(UNITES_PRIX.map((unit) => w.amount('«PAID»', unit))).size).toBe(UNITES_PRIX.length);
      expect(new Set(PERIODES_ADHESION.map((p) => w.membership('«FEE»', p))).size).toBe(PERIODES_ADHESION.length);
      expect(w.amount('«PAID»', undefined)).toBe('«PAID»');
      const share = [w.share(10, 30), w.share(42, 42), w.share(10, undefined), w.share(undefined, 30)];
      expect(new Set(share).size).toBe(4);
      for (const text of [...said, ...share]) expect(text, text).not.toMatch(/undefined|null|NaN|\[object/);
      expect(w.join(['«A»', '«B»'])).toMatch(/^«A»\S* «B»$/);
      if (code !== 'fr') {
        // The number format of the language the sheet is tagged with (fa-AF for Dari…), Latin digits.
        const numbers = priceNumbers(handoutLanguage(code).tag);
        expect(w.euros(2.5)).toBe(numbers.euros(2.5));
        expect(share[0]).toContain(numbers.percent(10));
        expect(share[0]).toContain(numbers.percent(30));
        expect(share[1]).toContain(numbers.percent(42));
        expect(w.types.solidaire).not.toBe(fr.priceWords.types.solidaire);
      }
    });

    if (code !== 'fr') {
      it('is a translation: its sentences are not the French ones', async () => {
        const words = await loadWords(code);
        for (const key of ['title', 'hours', 'toBring', 'howToGo', 'welcome', 'direct', 'nothingToBring'] as const) {
          expect(words[key], key).not.toBe(fr[key]);
        }
      });
    }
  });

  it('propose the first of the person’s languages that has a translation, French alone when none has', () => {
    expect(preselected(['wo', 'ar', 'en'])).toBe('ar');
    expect(preselected(['fr', 'uk'])).toBe('uk');
    expect(preselected(['fr'])).toBe('fr');
    expect(preselected(['wo', 'lsf'])).toBe('fr');
    expect(preselected([])).toBe('fr');
    expect(untranslated(['wo', 'ar', 'lsf', 'so'] as Language[])).toEqual(['wo', 'so']);
    expect(isHandoutLanguage('ti')).toBe(true);
    expect(isHandoutLanguage('toString')).toBe(false);
  });
});
