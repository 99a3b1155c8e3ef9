// Times, days, dates, distances and lists as a French reader says them, always on the Paris clock whatever the
// device's zone (instants are epoch ms; calendar days are Paris `YYYY-MM-DD`). "9h", "9h30", "demain mercredi 11
// novembre", "jeudi 12 novembre", "1er avril", "1,2 km", "a, b ou c". The words themselves come from strings.ts;
// prices are said by src/domain/price-words.ts (the data·inclusion export says them too).
import { addDays, daysBetween, parisDay } from '../../domain/time/paris-time.ts';
import { frWhen } from './strings-when.ts';

const PARIS = 'Europe/Paris';

/** Formatters are made on first use: the page's first one is slow to make, not to be spent at start-up. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

const hourMinute = once(
  () => new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: 'numeric', minute: '2-digit' }),
);
const weekday = once(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long' }));
const dayMonth = once(
  () => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
);
const weekdayYear = once(
  () =>
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
);
const dateOnly = once(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long' }));
const dateYear = once(
  () => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
);
const numeric = once(
  () => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
);
const numericStamp = once(
  () => new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' }),
);
const shortMonth = once(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'short' }));
const longMonth = once(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' }));
const oneDecimal = once(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }));
const andList = once(() => new Intl.ListFormat('fr-FR', { type: 'conjunction' }));
const orList = once(() => new Intl.ListFormat('fr-FR', { type: 'disjunction' }));

/** The first of the month as French writes it, "1er avril" (Intl says "1 avril"). */
function withFirst(format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** A calendar day as a Date at its UTC midnight, for formatters set to UTC (no zone shift possible). */
function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "9h", "9h30", "14h05" on the Paris clock. */
export function time(instant: number): string {
  const parts = hourMinute().formatToParts(instant);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return m === '00' ? `${h}h` : `${h}h${m}`;
}

/** "9h–12h". */
export function timeRange(start: number, end: number): string {
  return `${time(start)}–${time(end)}`;
}

/**
 * A day always with its date, so that nobody has to count: "jeudi 12 novembre" ("jeudi 7 janvier 2027" in
 * another year), and for the worker "aujourd'hui mardi 3 novembre", "demain mercredi 4 novembre".
 */
export function relativeDay(day: string, now: number): string {
  const today = parisDay(now);
  const dated = day.slice(0, 4) === today.slice(0, 4) ? dayMonth() : weekdayYear();
  const diff = daysBetween(today, day);
  const named = withFirst(dated, utcDate(day));
  if (diff === 0) return `${frWhen.today} ${named}`;
  if (diff === 1) return `${frWhen.tomorrow} ${named}`;
  return named;
}

/** "demain mercredi 4 novembre de 9h à 12h", "jeudi 12 novembre à 14h" (without an end). */
export function when(start: number, now: number, end?: number): string {
  const day = relativeDay(parisDay(start), now);
  return end === undefined ? frWhen.at(day, time(start)) : frWhen.between(day, time(start), time(end));
}

/** "mardi 4 mars", "mardi 1er avril" for a Paris calendar day. */
export function weekdayDate(day: string): string {
  return withFirst(dayMonth(), utcDate(day));
}

/** "12 novembre", with the year when it is not this year's ("12 janvier 2027"). */
export function date(day: string, now: number): string {
  return withFirst(day.slice(0, 4) === parisDay(now).slice(0, 4) ? dateOnly() : dateYear(), utcDate(day));
}

/** "4 mars" for a Paris calendar day. */
export function dayAndMonth(day: string): string {
  return withFirst(dateOnly(), utcDate(day));
}

/** "4 mars 2026" for a Paris calendar day. */
export function dayMonthYear(day: string): string {
  return withFirst(dateYear(), utcDate(day));
}

/** "mardi 4 mars 2026", "mardi 1er avril 2026" for a Paris calendar day: an appointment, said in full. */
export function weekdayDateYear(day: string): string {
  return withFirst(weekdayYear(), utcDate(day));
}

/** "12/11/2026" for a Paris calendar day: lists and history lines, where a short date reads best. */
export function numericDate(day: string): string {
  return numeric().format(utcDate(day));
}

/** "12/11/2026": the Paris day of an instant, as `numericDate` writes it. */
export function numericDateOf(instant: number): string {
  return numericDate(parisDay(instant));
}

/** "12/11/2026 14:05" on the Paris clock: when something was done. */
export function numericDateTime(instant: number): string {
  return numericStamp().format(instant);
}

/** "mars", "janv" for a month `YYYY-MM`: a chart's axis. */
export function monthShort(month: string): string {
  return shortMonth()
    .format(utcDate(`${month}-01`))
    .replace('.', '');
}

/** "mars 2026" for a month `YYYY-MM`. */
export function monthYear(month: string): string {
  return longMonth().format(utcDate(`${month}-01`));
}

/** "3 novembre 2026": a date in full, for the handout's header. */
export function fullDate(instant: number): string {
  return withFirst(dateYear(), utcDate(parisDay(instant)));
}

/** "lundi" for an ISO weekday index (0 Monday … 6 Sunday). */
export function weekdayName(index: number): string {
  // 2024-01-01 was a Monday.
  return weekday().format(utcDate(addDays('2024-01-01', index)));
}

/** "1,2 km", "800 m". */
export function distance(km: number): string {
  // 0,99 km rounds to 1 000 m: said in kilometres then.
  const metres = Math.max(50, Math.round((km * 1000) / 50) * 50);
  if (metres < 1000) return `${metres} m`;
  return `${oneDecimal().format(km < 10 ? km : Math.round(km))} km`;
}

/** "a, b et c". */
export function and(items: readonly string[]): string {
  return andList().format(items);
}

/** "a, b ou c". */
export function or(items: readonly string[]): string {
  return orList().format(items);
}

/** First letter lower-cased, for a label used inside a sentence ("Par courriel" → "par courriel"). */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** First letter upper-cased, for a sentence built from lower-case pieces. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
