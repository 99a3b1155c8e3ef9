// Recurrence expansion of the programme in Europe/Paris: wall-clock times hold across the changes of
// time, French public holidays cancel occurrences when the organiser says so, exceptions and end dates are kept.
// Every instant is given explicitly (an injected clock): the process's time zone never matters.
import { describe, expect, it } from 'vitest';
import type { Calendrier } from '../action.ts';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from '../time/french-holidays.ts';
import { cancelledBetween, nextOccurrence, occurrencesBetween } from './occurrences.ts';

const at = (iso: string) => Date.parse(iso);
const weeklyTuesday: Calendrier = {
  debut: '2026-03-17T14:00',
  duree_minutes: 120,
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
  sauf_jours_feries: false,
};

describe('French public holidays', () => {
  it('knows Easter and the feasts that follow it, and the fixed days', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect([...frenchPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(isFrenchPublicHoliday('2026-04-07')).toBe(false);
  });
});

describe('occurrences of an action', () => {
  it('asked again for the same series, over a later or a shorter window, answers for that window', () => {
    // A screen asks at each render with `now` a little later: the expansion is kept per series and per days.
    const days = (from: string, to: string) =>
      occurrencesBetween(weeklyTuesday, at(from), at(to)).map((o) => `${o.day} ${o.time}`);
    expect(days('2026-03-16T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual(['2026-03-17 14:00', '2026-03-24 14:00']);
    expect(days('2026-03-17T15:30:00Z', '2026-03-30T00:00:00Z')).toEqual(['2026-03-24 14:00']);
    expect(days('2026-03-30T00:00:00Z', '2026-04-08T00:00:00Z')).toEqual(['2026-03-31 14:00', '2026-04-07 14:00']);
    expect(days('2026-03-16T00:00:00Z', '2026-03-17T12:00:00Z')).toEqual([]);
  });

  it('a weekly Tuesday 14:00 stays at 14:00 Paris time across the change to summer time (29 March 2026)', () => {
    const found = occurrencesBetween(weeklyTuesday, at('2026-03-16T00:00:00Z'), at('2026-04-08T00:00:00Z'));
    expect(found.map((o) => `${o.day} ${o.time}`)).toEqual([
      '2026-03-17 14:00',
      '2026-03-24 14:00',
      '2026-03-31 14:00',
      '2026-04-07 14:00',
    ]);
    // 14:00 is 13:00 UTC in winter, 12:00 UTC in summer.
    expect(new Date(found[1]?.start ?? 0).toISOString()).toBe('2026-03-24T13:00:00.000Z');
    expect(new Date(found[2]?.start ?? 0).toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect((found[2]?.end ?? 0) - (found[2]?.start ?? 0)).toBe(2 * 3_600_000);
  });

  it('and across the change back to winter time (25 October 2026)', () => {
    const saturday: Calendrier = { ...weeklyTuesday, debut: '2026-10-17T09:30', rrule: 'FREQ=WEEKLY;BYDAY=SA' };
    const found = occurrencesBetween(saturday, at('2026-10-17T00:00:00Z'), at('2026-11-01T00:00:00Z'));
    expect(found.map((o) => new Date(o.start).toISOString())).toEqual([
      '2026-10-17T07:30:00.000Z',
      '2026-10-24T07:30:00.000Z',
      '2026-10-31T08:30:00.000Z',
    ]);
  });

  it('a public holiday cancels the occurrence when the organiser skips them, and only then', () => {
    // Monday workshops: Easter Monday 6 April and Whit Monday 25 May 2026 fall on one.
    const monday: Calendrier = { ...weeklyTuesday, debut: '2026-03-30T10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' };
    const window = [at('2026-03-30T00:00:00Z'), at('2026-04-14T00:00:00Z')] as const;
    expect(occurrencesBetween(monday, ...window).map((o) => o.day)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
    const skipping = { ...monday, sauf_jours_feries: true };
    expect(occurrencesBetween(skipping, ...window).map((o) => o.day)).toEqual(['2026-03-30', '2026-04-13']);
    expect(cancelledBetween(skipping, ...window).map((o) => o.day)).toEqual(['2026-04-06']);
  });

  it('every 2nd Tuesday of the month, until an end date, without the exception days', () => {
    const monthly: Calendrier = {
      debut: '2026-01-13T18:00',
      duree_minutes: 90,
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
      jusqu_au: '2026-06-09',
      exceptions: ['2026-03-10'],
      sauf_jours_feries: true,
    };
    const found = occurrencesBetween(monthly, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(found.map((o) => o.day)).toEqual(['2026-01-13', '2026-02-10', '2026-04-14', '2026-05-12', '2026-06-09']);
  });

  it('every other week, and a one-off action', () => {
    const fortnight: Calendrier = { ...weeklyTuesday, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' };
    const found = occurrencesBetween(fortnight, at('2026-03-16T00:00:00Z'), at('2026-04-15T00:00:00Z'));
    expect(found.map((o) => o.day)).toEqual(['2026-03-17', '2026-03-31', '2026-04-14']);
    const once: Calendrier = { debut: '2026-05-20T12:00', duree_minutes: 60, sauf_jours_feries: false };
    expect(occurrencesBetween(once, at('2026-05-01T00:00:00Z'), at('2026-06-01T00:00:00Z')).map((o) => o.time)).toEqual(
      ['12:00'],
    );
    expect(occurrencesBetween(once, at('2026-06-01T00:00:00Z'), at('2026-07-01T00:00:00Z'))).toEqual([]);
  });

  it('the next occurrence from a given instant: the one running now counts, a finished one does not', () => {
    // Tuesday 24 March 2026, 14:30 Paris (13:30 UTC): the workshop runs until 16:00.
    expect(nextOccurrence(weeklyTuesday, at('2026-03-24T13:30:00Z'))?.day).toBe('2026-03-24');
    // 16:05 Paris: next week's.
    expect(nextOccurrence(weeklyTuesday, at('2026-03-24T15:05:00Z'))?.day).toBe('2026-03-31');
    // Before the first date: the first date, within the horizon asked (62 days by default).
    expect(nextOccurrence(weeklyTuesday, at('2026-03-01T00:00:00Z'))?.day).toBe('2026-03-17');
    expect(nextOccurrence(weeklyTuesday, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});
