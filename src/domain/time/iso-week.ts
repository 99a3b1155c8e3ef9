// ISO 8601 weeks, the unit of time of the anonymous orientation events (src/domain/orientation-event.ts): a week
// rather than a day, so that an event cannot be matched to an appointment. Pure date arithmetic, no imports.

const DAY = 86_400_000;

/** The ISO week of a calendar day `YYYY-MM-DD` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The month an ISO week counts in: its Thursday's (as the week's year is), `YYYY-MM`. */
export function monthOfWeek(week: string): string {
  const [yearText, weekText] = week.split('-W');
  const year = Number(yearText);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(mondayWeek1 + ((Number(weekText) - 1) * 7 + 3) * DAY);
  return thursday.toISOString().slice(0, 7);
}
