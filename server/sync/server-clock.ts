// The server's clock is the only one Boussole trusts (devices' clocks drift and mutations carry no time). These
// helpers turn one server instant into the forms records and logs need.

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Lyon (`YYYY-MM-DD`) of an instant: `date_maj` is a French date, not a UTC one. */
export function parisDate(now: Date): string {
  return PARIS_DATE.format(now);
}

/** ISO 8601 instant (UTC, `Z`), as stored in history, conflicts, devices and invitations. */
export function isoInstant(now: Date): string {
  return now.toISOString();
}
