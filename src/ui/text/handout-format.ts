// Dates, times, distances and amounts written for the person's handout in one language, always on the Paris clock.
// Paper is read days later, so a date is always written out (« jeudi 11 mars, 14 h – 17 h »), never « demain » or
// a bare weekday. Day and month names come from Intl.DateTimeFormat(lang) (Gregorian calendar, Latin digits like the
// address, the phone number and the French block beside); where the browser's Intl lacks the language (Chromium
// has no Tigrinya) they come from the language's own file, written as CLDR writes them.
import { DAY_MS, parisDay, parisMinuteOfDay, wallOfDay, weekdayOf } from '../../domain/time/paris-time.ts';
import type { HandoutLanguage } from './handout-language.ts';
import type { HandoutWords } from './handout-languages/fr.ts';

export interface HandoutFormat {
  /** « jeudi 11 mars » for a Paris calendar day `YYYY-MM-DD`. */
  day(day: string): string;
  /** « 11 mars », with the year when it is not the year of `now` (« 4 janvier 2027 »). */
  date(day: string, now: number): string;
  /** « 3 novembre 2026 », the day of an instant. */
  fullDate(instant: number): string;
  /** « 14 h – 17 h », « 14:00 – 17:30 ». */
  slot(start: number, end: number): string;
  /** A weekday's name, 0 Monday … 6 Sunday. */
  weekday(index: number): string;
  /** « 1,2 km », « 800 m ». */
  distance(km: number): string;
  /** First letter upper-cased, by the language's rules. */
  capitalised(text: string): string;
}

const NBSP = '\u00a0';

/** Whether the browser's Intl has data for the language (else it would silently answer in its default locale). */
export function intlKnows(tag: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
}

function utcDate(day: string): Date {
  return new Date(wallOfDay(day));
}

/** Hours and minutes on the Paris clock; an end at midnight is the end of the day (24:00), not its start. */
function clock(instant: number, isEnd: boolean): { h: number; m: number } {
  const minutes = parisMinuteOfDay(instant);
  const total = isEnd && minutes === 0 ? 24 * 60 : minutes;
  return { h: Math.floor(total / 60), m: total % 60 };
}

export function handoutFormat(language: HandoutLanguage, words: HandoutWords): HandoutFormat {
  const intl = intlKnows(language.tag);
  const locale = `${language.tag}-u-ca-gregory-nu-latn`;
  const dates = new Map<string, Intl.DateTimeFormat>();
  const formatter = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options);
    let f = dates.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
      dates.set(key, f);
    }
    return f;
  };
  const written = (day: string, withWeekday: boolean, withYear: boolean): string => {
    if (intl) {
      return formatter({
        ...(withWeekday ? { weekday: 'long' } : {}),
        day: 'numeric',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
      }).format(utcDate(day));
    }
    return words.date({
      ...(withWeekday ? { weekday: words.days[weekdayOf(day)] as string } : {}),
      day: Number(day.slice(8, 10)),
      month: words.months[Number(day.slice(5, 7)) - 1] as string,
      ...(withYear ? { year: Number(day.slice(0, 4)) } : {}),
    });
  };
  const time = (instant: number, isEnd: boolean): string => {
    const { h, m } = clock(instant, isEnd);
    // French writes « 14 h », « 14 h 30 » (Imprimerie nationale); the others « 14:00 », as Intl does for them.
    if (language.code === 'fr') return m === 0 ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}`;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  };
  const number = (value: number, options: Intl.NumberFormatOptions, fallback: (n: string) => string): string =>
    intl ? new Intl.NumberFormat(locale, options).format(value) : fallback(String(Math.round(value * 10) / 10));
  return {
    day: (day) => written(day, true, false),
    date: (day, now) => written(day, false, day.slice(0, 4) !== parisDay(now).slice(0, 4)),
    fullDate: (instant) => written(parisDay(instant), false, true),
    slot: (start, end) => words.slot(time(start, false), time(end, true)),
    weekday: (index) =>
      intl
        ? formatter({ weekday: 'long' }).format(new Date(Date.UTC(2024, 0, 1) + index * DAY_MS))
        : (words.days[index] as string),
    distance: (km) => {
      // 0,99 km rounds to 1 000 m: said in kilometres then.
      const metres = Math.max(50, Math.round((km * 1000) / 50) * 50);
      if (metres < 1000) return number(metres, { style: 'unit', unit: 'meter' }, (n) => `${n} m`);
      const value = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
      return number(value, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }, (n) => `${n} km`);
    },
    capitalised: (text) => text.charAt(0).toLocaleUpperCase(language.tag) + text.slice(1),
  };
}

/**
 * Euros and shares of a price as the language writes them, with Latin digits like the French block beside: « €2.50 »,
 * « 2,50 € », « %30 ». For each language file's `priceWords`; where the browser's Intl lacks the language
 * (Tigrinya in Chromium) as CLDR writes it there: « €2.50 », « 30% ».
 */
export function priceNumbers(tag: string): { euros(amount: number): string; percent(value: number): string } {
  const locale = `${tag}-u-nu-latn`;
  // Made on first use: only the language chosen for a sheet formats anything.
  const formats = new Map<string, Intl.NumberFormat>();
  const format = (value: number, options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = formats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      formats.set(key, f);
    }
    return f.format(value);
  };
  return {
    euros(amount) {
      const digits = Number.isInteger(amount) ? 0 : 2;
      if (!intlKnows(tag)) return `€${amount.toFixed(digits)}`;
      return format(amount, {
        style: 'currency',
        currency: 'EUR',
        // « € », never « EUR » (Romanian and Ukrainian say EUR by default).
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    },
    percent(value) {
      if (!intlKnows(tag)) return `${Math.round(value * 10) / 10}%`;
      return format(value / 100, { style: 'percent', maximumFractionDigits: 1 });
    },
  };
}
