// The hours of a listing are computed in Europe/Paris whatever the process time zone (the library reads local
// getters), with French public holidays and the daylight-saving changes right.
import opening_hours from 'opening_hours';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TIME_ZONES, WINTER_OFFSET_MIN } from '../../../tests/fixtures/time-zones.ts';
import { daysFrom } from '../../domain/time/paris-time.ts';
import { createHoursEngine, type HoursEngine } from './hours-engine.ts';
import { computeSchedule } from './schedule.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(TIME_ZONES)('hours with the process in %s', (tz) => {
  const saved = process.env.TZ;
  let engine: HoursEngine;
  beforeAll(() => {
    process.env.TZ = tz;
    // A fresh engine per zone: nothing computed in another zone may leak through the cache.
    engine = createHoursEngine(opening_hours);
  });
  afterAll(() => {
    process.env.TZ = saved;
  });
  const day = (value: string, d: string) => (engine.day(value, d) ?? []).map((i) => [iso(i.start), iso(i.end)]);

  test('the process really runs in the zone under test', () => {
    expect(new Date(2027, 0, 15, 12).getTimezoneOffset()).toBe(WINTER_OFFSET_MIN[tz]);
  });

  test.each([
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['2027-03-28', '2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ['2027-10-31', '2027-10-30T22:00:00.000Z', '2027-10-31T23:00:00.000Z'],
  ])('24/7 on the DST day %s lasts from Paris midnight to Paris midnight (23 h or 25 h)', (d, start, end) => {
    expect(day('24/7', d)).toEqual([[start, end]]);
  });

  test('morning hours keep their wall-clock time on both sides of the spring change', () => {
    expect(day('Mo-Su 09:00-12:00', '2026-03-28')).toEqual([['2026-03-28T08:00:00.000Z', '2026-03-28T11:00:00.000Z']]);
    expect(day('Mo-Su 09:00-12:00', '2026-03-29')).toEqual([['2026-03-29T07:00:00.000Z', '2026-03-29T10:00:00.000Z']]);
    expect(day('Mo-Su 09:00-12:00', '2027-10-31')).toEqual([['2027-10-31T08:00:00.000Z', '2027-10-31T11:00:00.000Z']]);
  });

  test('a night range over the change lasts 2 h in spring and 4 h in autumn', () => {
    expect(day('Su 01:00-04:00', '2026-03-29')).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    expect(day('Su 01:00-04:00', '2026-10-25')).toEqual([['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
  });

  test.each([
    ['2026-05-01', 'fête du Travail'],
    ['2026-05-08', 'Victoire 1945'],
    ['2026-05-14', 'Ascension 2026'],
    ['2026-07-14', 'fête nationale'],
    ['2026-11-11', 'Armistice'],
    ['2026-12-25', 'Noël'],
    ['2027-03-29', 'lundi de Pâques 2027'],
    ['2027-05-06', 'Ascension 2027'],
    ['2027-05-17', 'lundi de Pentecôte 2027'],
  ])('PH off closes on %s (%s)', (d) => {
    expect(day('Mo-Su 09:00-12:00; PH off', d)).toEqual([]);
  });

  test('PH off leaves ordinary days open (the days after the holidays)', () => {
    for (const d of ['2026-05-02', '2026-07-15', '2026-11-12', '2027-03-30', '2027-05-07']) {
      expect(day('Mo-Su 09:00-12:00; PH off', d), d).toHaveLength(1);
    }
  });

  test("the process zone's own DST days (New York, 1 Nov 2026 and 14 Mar 2027) change nothing in Paris", () => {
    expect(day('Mo-Su 09:00-12:00', '2026-11-01')).toEqual([['2026-11-01T08:00:00.000Z', '2026-11-01T11:00:00.000Z']]);
    expect(day('Mo-Su 09:00-12:00', '2027-03-14')).toEqual([['2027-03-14T08:00:00.000Z', '2027-03-14T11:00:00.000Z']]);
  });

  test('a Th[3] workshop opens on the third Thursday of each month only', () => {
    const now = Date.parse('2026-11-01T09:00:00+01:00');
    const schedule = computeSchedule(
      engine,
      { regular: 'Th[3] 14:00-16:30', temporary: [] },
      { now, days: daysFrom('2026-11-01', 84) },
    );
    expect(schedule.open_now).toBe(false);
    expect(schedule.next_openings.map((o) => [o.day, iso(o.start), iso(o.end)])).toEqual([
      ['2026-11-19', '2026-11-19T13:00:00.000Z', '2026-11-19T15:30:00.000Z'],
      ['2026-12-17', '2026-12-17T13:00:00.000Z', '2026-12-17T15:30:00.000Z'],
      ['2027-01-21', '2027-01-21T13:00:00.000Z', '2027-01-21T15:30:00.000Z'],
    ]);
  });

  test('the next opening after a Saturday noon crosses the autumn change at the right instant', () => {
    const now = Date.parse('2026-10-24T12:30:00+02:00');
    const s = computeSchedule(
      engine,
      { regular: 'Mo-Su 09:00-12:00', temporary: [] },
      { now, days: daysFrom('2026-10-24', 7) },
    );
    expect(iso(s.next_openings[0]?.start ?? 0)).toBe('2026-10-25T08:00:00.000Z');
  });

  test('an unparsable string is reported invalid and gives unknown hours, not an exception', () => {
    expect(engine.isValid('Mo-Fr 09:00-12:00')).toBe(true);
    expect(engine.isValid('tous les jours sauf dimanche')).toBe(false);
    expect(engine.day('tous les jours sauf dimanche', '2026-11-02')).toBeNull();
  });
});

test('each distinct string is parsed once and each (string, day) evaluated once', () => {
  const engine = createHoursEngine(opening_hours);
  for (let i = 0; i < 5; i++) {
    engine.day('Tu,Th 09:00-11:30; PH off', '2026-11-03');
    engine.day('Tu,Th 09:00-11:30; PH off', '2026-11-05');
  }
  expect(engine.stats()).toEqual({ parsed: 1, evaluatedDays: 2 });
});
