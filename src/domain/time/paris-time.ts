// Europe/Paris wall-clock arithmetic that does not depend on the process time zone (CI runs in UTC, a tablet may
// be set to anything). Three representations, never mixed up:
// - an *instant*: epoch milliseconds, what `now` and every result carry;
// - a *wall* time: the Paris wall clock encoded as if it were UTC epoch milliseconds (`Date.UTC(y, m, d, h, mi)`),
//   what calendar reasoning uses (days, weekdays, "09:00");
// - a *library date*: a `Date` whose LOCAL getters read the Paris wall clock, because opening_hours reads
//   `getHours()`/`getDay()`… in the process time zone. Only the hours engine builds or reads those.
// The offset of an instant is asked of Intl (the platform's tz database) and cached per UTC hour: Paris changes
// offset only on a whole UTC hour (01:00 UTC on the last Sundays of March and October).

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const DAY_MS = 86_400_000;

let format: Intl.DateTimeFormat | null = null;

/** Made on first use: the page's first time zone format is slow to make, better not spent at start-up. */
function parisFormat(): Intl.DateTimeFormat {
  format ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return format;
}

const offsets = new Map<number, number>();
const MAX_CACHED_HOURS = 200_000;

/** Offset of Paris from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(instant: number): number {
  const hour = Math.floor(instant / HOUR);
  const cached = offsets.get(hour);
  if (cached !== undefined) return cached;
  const at = hour * HOUR;
  const parts: Record<string, number> = {};
  for (const p of parisFormat().formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = Math.round((wall - at) / MINUTE) * MINUTE;
  if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
  offsets.set(hour, offset);
  return offset;
}

/** The Paris wall clock at `instant`. */
export function wallOf(instant: number): number {
  return instant + parisOffsetMs(instant);
}

/**
 * The instant at which Paris clocks show `wall`. In the autumn overlap (02:00–03:00 happens twice) `earlier`
 * picks the first occurrence (summer time), `later` the second. In the spring gap (02:00–03:00 does not exist)
 * the time is read with the offset in force before the gap, so 02:30 becomes 03:30 summer time — as JavaScript
 * dates and Temporal's "compatible" option do.
 */
export function instantOf(wall: number, choose: 'earlier' | 'later' = 'earlier'): number {
  const before = parisOffsetMs(wall - 3 * HOUR);
  const after = parisOffsetMs(wall + 3 * HOUR);
  const t1 = wall - before;
  const t2 = wall - after;
  const ok1 = wallOf(t1) === wall;
  const ok2 = wallOf(t2) === wall;
  if (ok1 && ok2) return choose === 'earlier' ? Math.min(t1, t2) : Math.max(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return t1;
}

/**
 * The Paris calendar date of `instant`, `YYYY-MM-DD`: « today » for the app and the server alike (a record's
 * `date_maj`, a campaign's days, a referral's appointment). Never a UTC date, which is yesterday's between midnight
 * and 2 a.m. in Paris.
 */
export function parisDay(instant: number | Date): string {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  return dayOfWall(wallOf(at));
}

/** The calendar day (`YYYY-MM-DD`) a wall time falls on: the inverse of `wallOfDay`. */
export function dayOfWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** Wall time of midnight starting the Paris day `day` (`YYYY-MM-DD`). */
export function wallOfDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The day `n` days after `day` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  return dayOfWall(wallOfDay(day) + n * DAY_MS);
}

/** `count` consecutive Paris days starting with `day`. */
export function daysFrom(day: string, count: number): string[] {
  const start = wallOfDay(day);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(dayOfWall(start + i * DAY_MS));
  return out;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((wallOfDay(to) - wallOfDay(from)) / DAY_MS);
}

/** ISO weekday of a Paris day: 0 Monday … 6 Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(wallOfDay(day)).getUTCDay() + 6) % 7;
}

/** Minutes since Paris midnight of an instant (0–1439). */
export function parisMinuteOfDay(instant: number): number {
  const wall = wallOf(instant);
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE);
}

/** A `Date` whose local getters, in the current process time zone, read the wall time `wall`. */
export function toLibraryDate(wall: number): Date {
  const d = new Date(wall);
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/** The wall time a library date stands for (its local getters), the inverse of `toLibraryDate`. */
export function fromLibraryDate(date: Date): number {
  return Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  );
}
