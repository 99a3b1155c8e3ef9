// French public holidays (jours fériés, metropolitan France: the Métropole de Lyon has no Alsace-Moselle extras),
// for actions that do not take place on them. Pure calendar arithmetic on `YYYY-MM-DD` days: the movable feasts
// follow Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
import { addDays } from './paris-time.ts';

/** Easter Sunday of a Gregorian year, `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, ReadonlySet<string>>();

/** The eleven public holidays of a year. */
export function frenchPublicHolidays(year: number): ReadonlySet<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const days = new Set([...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)]);
  cache.set(year, days);
  return days;
}

export function isFrenchPublicHoliday(day: string): boolean {
  return frenchPublicHolidays(Number(day.slice(0, 4))).has(day);
}
