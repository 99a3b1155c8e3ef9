import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TIME_ZONES, WINTER_OFFSET_MIN } from '../../../tests/fixtures/time-zones.ts';
import {
  addDays,
  daysBetween,
  fromLibraryDate,
  instantOf,
  parisDay,
  parisMinuteOfDay,
  parisOffsetMs,
  toLibraryDate,
  wallOf,
  weekdayOf,
} from './paris-time.ts';

const H = 3_600_000;
const wall = (iso: string) => Date.parse(`${iso}Z`);

describe.each(TIME_ZONES)('Paris wall clock with the process in %s', (tz) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  test('the process really runs in the zone under test', () => {
    expect(new Date(2027, 0, 15, 12).getTimezoneOffset()).toBe(WINTER_OFFSET_MIN[tz]);
  });

  test('offsets are +1 h in winter and +2 h in summer, switching at 01:00 UTC on the last Sundays', () => {
    expect(parisOffsetMs(Date.parse('2026-03-29T00:59:00Z'))).toBe(H);
    expect(parisOffsetMs(Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * H);
    expect(parisOffsetMs(Date.parse('2026-10-25T00:59:00Z'))).toBe(2 * H);
    expect(parisOffsetMs(Date.parse('2026-10-25T01:00:00Z'))).toBe(H);
    expect(parisOffsetMs(Date.parse('2027-03-28T01:00:00Z'))).toBe(2 * H);
    expect(parisOffsetMs(Date.parse('2027-10-31T01:00:00Z'))).toBe(H);
  });

  test('a wall time in the spring gap moves forward an hour; an autumn overlap time has two instants', () => {
    expect(instantOf(wall('2026-03-29T02:30:00'))).toBe(Date.parse('2026-03-29T03:30:00+02:00'));
    expect(instantOf(wall('2026-10-25T02:30:00'), 'earlier')).toBe(Date.parse('2026-10-25T02:30:00+02:00'));
    expect(instantOf(wall('2026-10-25T02:30:00'), 'later')).toBe(Date.parse('2026-10-25T02:30:00+01:00'));
    expect(instantOf(wall('2027-01-15T09:00:00'))).toBe(Date.parse('2027-01-15T09:00:00+01:00'));
  });

  test('calendar day, weekday and minute of day follow Paris, not the process', () => {
    const lateEvening = Date.parse('2026-11-01T23:30:00+01:00');
    expect(parisDay(lateEvening)).toBe('2026-11-01');
    expect(weekdayOf(parisDay(lateEvening))).toBe(6);
    expect(parisMinuteOfDay(lateEvening)).toBe(23 * 60 + 30);
    expect(parisDay(Date.parse('2026-11-01T23:30:00Z'))).toBe('2026-11-02');
    // « Today » between midnight and 2 a.m. in Paris is already the next day, where UTC still says yesterday.
    expect(parisDay(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });

  test('library dates read the Paris wall time through local getters, and convert back', () => {
    const w = wallOf(Date.parse('2026-07-14T10:15:00+02:00'));
    const d = toLibraryDate(w);
    expect([d.getHours(), d.getMinutes(), d.getDate(), d.getMonth()]).toEqual([10, 15, 14, 6]);
    expect(fromLibraryDate(d)).toBe(w);
  });
});
