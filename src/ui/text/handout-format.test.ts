import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../domain/time/paris-time.ts';
import { handoutFormat, priceNumbers } from './handout-format.ts';
import { HANDOUT_LANGUAGES, type HandoutLanguageCode, handoutLanguage, loadWords } from './handout-language.ts';
import type { HandoutWords } from './handout-languages/fr.ts';

const NBSP = '\u00a0';
/** Intl writes French units and percents after a narrow no-break space. */
const NNBSP = '\u202f';
/** Tuesday 3 November 2026, 10:00 in Paris (09:00 UTC). */
const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const at = (iso: string) => Date.parse(iso);

async function formatOf(code: HandoutLanguageCode) {
  return handoutFormat(handoutLanguage(code), await loadWords(code));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dates on the handout are written out, on the Paris clock', () => {
  it('writes a French opening as « jeudi 5 novembre, 14 h – 17 h », never « demain » or a bare weekday', async () => {
    const f = await formatOf('fr');
    // Thursday 5 November, two days after NOW: relative words would say « jeudi ».
    expect(f.day('2026-11-05')).toBe('jeudi 5 novembre');
    expect(f.day('2026-11-04')).toBe('mercredi 4 novembre');
    expect(f.slot(at('2026-11-05T14:00:00+01:00'), at('2026-11-05T17:00:00+01:00'))).toBe(
      `14${NBSP}h${NBSP}– 17${NBSP}h`,
    );
    expect(f.slot(at('2026-11-05T09:30:00+01:00'), at('2026-11-05T12:05:00+01:00'))).toBe(
      `9${NBSP}h${NBSP}30${NBSP}– 12${NBSP}h${NBSP}05`,
    );
  });

  it('reads times on the Paris clock across the summer-time change and ends at midnight as 24 h', async () => {
    const f = await formatOf('en');
    // 29 March 2026: Paris goes from UTC+1 to UTC+2.
    expect(f.slot(at('2026-03-28T09:00:00+01:00'), at('2026-03-28T12:00:00+01:00'))).toBe(`09:00${NBSP}– 12:00`);
    expect(f.slot(at('2026-03-30T09:00:00+02:00'), at('2026-03-30T12:00:00+02:00'))).toBe(`09:00${NBSP}– 12:00`);
    expect(f.slot(at('2026-03-30T20:00:00+02:00'), at('2026-03-31T00:00:00+02:00'))).toBe(`20:00${NBSP}– 24:00`);
  });

  it('adds the year only when the date is not in the current year', async () => {
    const f = await formatOf('fr');
    expect(f.date('2026-12-24', NOW)).toBe('24 décembre');
    expect(f.date('2027-01-04', NOW)).toBe('4 janvier 2027');
    expect(f.fullDate(NOW)).toBe('3 novembre 2026');
    // Just after midnight in Paris is already the next day, though it is still the day before in UTC.
    expect(f.fullDate(at('2026-11-03T23:30:00Z'))).toBe('4 novembre 2026');
  });

  it('writes Arabic and Dari dates with Gregorian months and Latin digits, as the address and the French beside', async () => {
    const ar = await formatOf('ar');
    expect(ar.day('2026-11-05')).toBe('الخميس، 5 نوفمبر');
    expect(ar.slot(at('2026-11-05T14:00:00+01:00'), at('2026-11-05T17:00:00+01:00'))).toBe('من 14:00 إلى 17:00');
    const fa = await formatOf('fa');
    // fa-AF's default calendar is the Persian one (« آبان »): the sheet must use the Gregorian date.
    expect(fa.day('2026-11-05')).toBe('پنجشنبه 5 نومبر');
    expect(fa.fullDate(NOW)).toBe('3 نومبر 2026');
    expect(fa.day('2026-11-05')).not.toMatch(/[۰-۹٠-٩]/);
  });

  it('falls back to the language file’s own names where the browser’s Intl lacks the language (Tigrinya in Chromium)', async () => {
    const spy = vi
      .spyOn(Intl.DateTimeFormat, 'supportedLocalesOf')
      .mockImplementation((tags) => [tags].flat().filter((t): t is string => typeof t === 'string' && t !== 'ti'));
    const ti = await formatOf('ti');
    expect(spy).toHaveBeenCalled();
    expect(ti.day('2026-11-05')).toBe('ሓሙስ፣ 5 ሕዳር');
    expect(ti.weekday(0)).toBe('ሰኑይ');
    expect(ti.fullDate(NOW)).toBe('ሕዳር 3, 2026');
    expect(ti.distance(1.24)).toBe('1.2 km');
    expect(priceNumbers('ti').percent(30)).toBe('30%');
    expect(priceNumbers('ti').euros(2.5)).toBe('€2.50');
    expect(priceNumbers('ti').euros(7)).toBe('€7');
  });

  it('writes distances, amounts and shares of the price as each language does', async () => {
    expect((await formatOf('fr')).distance(1.24)).toBe(`1,2${NNBSP}km`);
    expect((await formatOf('fr')).distance(0.42)).toBe(`400${NNBSP}m`);
    expect((await formatOf('ar')).distance(1.24)).toBe('1.2 كم');
    expect(priceNumbers('tr').percent(30)).toBe('%30');
    expect(priceNumbers('en-GB').percent(12.5)).toBe('12.5%');
    expect(priceNumbers('en-GB').euros(2.5)).toBe('€2.50');
    expect(priceNumbers('en-GB').euros(18)).toBe('€18');
    // The euro sign, never « EUR » (Intl's default in Romanian and Ukrainian).
    expect(priceNumbers('ro').euros(2.5)).toBe(`2,50${NBSP}€`);
    expect(priceNumbers('uk').euros(7)).toBe(`7${NBSP}€`);
    // Latin digits, as in the French block beside.
    expect(priceNumbers('fa-AF').euros(7)).not.toMatch(/[۰-۹٠-٩]/);
  });
});

/** Days of 2026 covering every month and every weekday. */
const SAMPLE_DAYS = [
  ...Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}-1${m % 9}`),
  ...Array.from({ length: 7 }, (_, i) => addDays('2026-06-01', i)),
];

describe.each(HANDOUT_LANGUAGES.map((l) => l.code))('the %s file’s day and month names', (code) => {
  it('write every date exactly as Intl does where it knows the language (the fallback for browsers that do not)', async () => {
    const words: HandoutWords = await loadWords(code);
    const withIntl = handoutFormat(handoutLanguage(code), words);
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    const fallback = handoutFormat(handoutLanguage(code), words);
    for (const day of SAMPLE_DAYS) {
      expect(fallback.day(day), day).toBe(withIntl.day(day));
      expect(fallback.date(day, NOW), day).toBe(withIntl.date(day, NOW));
      expect(fallback.date(day, at('2030-01-01T12:00:00Z')), day).toBe(withIntl.date(day, at('2030-01-01T12:00:00Z')));
    }
    for (let i = 0; i < 7; i++) expect(fallback.weekday(i)).toBe(withIntl.weekday(i));
  });
});
