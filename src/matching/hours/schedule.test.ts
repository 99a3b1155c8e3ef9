// Temporary information overrides the regular hours between its dates (inclusive, Paris calendar dates): a
// closure closes whole days, exceptional hours replace the regular ones, a closure wins over exceptional hours.
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import type { InfoTemporaire } from '../../domain/service.ts';
import { daysFrom } from '../../domain/time/paris-time.ts';
import { createHoursEngine } from './hours-engine.ts';
import { computeSchedule } from './schedule.ts';
import { closedUntil, planOn, temporaryPeriods } from './temporary.ts';

const engine = createHoursEngine(opening_hours);
const WEEKDAYS = 'Mo-Fr 09:00-12:00';
const iso = (ms: number) => new Date(ms).toISOString();

function closure(debut: string, fin?: string, id = 'c'): InfoTemporaire {
  return { id, type: 'fermeture', debut, ...(fin ? { fin } : {}), message: 'Fermeture' };
}
function exceptional(debut: string, fin: string, horaires: string): InfoTemporaire {
  return { id: 'e', type: 'horaires-exceptionnels', debut, fin, horaires, message: 'Vacances' };
}

/** Schedule on Monday 2 November 2026 at 10:00 Paris time, two weeks ahead. */
function scheduleWith(infos: InfoTemporaire[], now = '2026-11-02T10:00:00+01:00') {
  const at = Date.parse(now);
  return computeSchedule(
    engine,
    { regular: WEEKDAYS, temporary: temporaryPeriods(infos) },
    { now: at, days: daysFrom(now.slice(0, 10), 14) },
  );
}

describe('temporary information over regular hours', () => {
  test('without temporary information, the regular hours apply: open now until noon', () => {
    const s = scheduleWith([]);
    expect(s.open_now).toBe(true);
    expect(iso(s.current?.end ?? 0)).toBe('2026-11-02T11:00:00.000Z');
    expect(s.next_openings.map((o) => o.day)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
  });

  test('a closure closes every day between its dates, both included, then the regular hours resume', () => {
    const s = scheduleWith([closure('2026-11-02', '2026-11-04')]);
    expect(s.open_now).toBe(false);
    expect(s.next_openings[0]?.day).toBe('2026-11-05');
  });

  test('a closure until further notice leaves no opening at all', () => {
    const s = scheduleWith([closure('2026-10-20')]);
    expect(s.open_now).toBe(false);
    expect(s.next_openings).toEqual([]);
  });

  test('exceptional hours replace the regular ones between their dates and are flagged', () => {
    const s = scheduleWith([exceptional('2026-11-02', '2026-11-06', 'We 14:00-16:00')]);
    expect(s.open_now).toBe(false);
    expect(s.next_openings.map((o) => [o.day, iso(o.start), o.exceptional])).toEqual([
      ['2026-11-04', '2026-11-04T13:00:00.000Z', true],
      ['2026-11-09', '2026-11-09T08:00:00.000Z', false],
      ['2026-11-10', '2026-11-10T08:00:00.000Z', false],
    ]);
  });

  test('a closure wins over exceptional hours on the same days', () => {
    const s = scheduleWith([
      exceptional('2026-11-02', '2026-11-06', 'Mo-Su 08:00-20:00'),
      closure('2026-11-02', '2026-11-03'),
    ]);
    expect(s.open_now).toBe(false);
    expect(s.next_openings[0]?.day).toBe('2026-11-04');
    expect(s.next_openings[0]?.exceptional).toBe(true);
  });

  test('a past closure and plain messages change nothing', () => {
    const message: InfoTemporaire = { id: 'm', type: 'message', debut: '2026-11-01', message: 'Nouveau numéro' };
    expect(scheduleWith([closure('2026-09-01', '2026-09-20'), message]).open_now).toBe(true);
  });

  test('exceptional hours give hours to a listing that has none', () => {
    const s = computeSchedule(
      engine,
      { regular: null, temporary: temporaryPeriods([exceptional('2026-11-02', '2026-11-03', 'Mo-Su 09:00-12:00')]) },
      { now: Date.parse('2026-11-02T10:00:00+01:00'), days: daysFrom('2026-11-02', 7) },
    );
    expect(s.open_now).toBe(true);
    expect(s.next_openings.map((o) => o.day)).toEqual(['2026-11-03']);
  });

  test('closed until: the last day of back-to-back closures, null until further notice, undefined when open', () => {
    const periods = temporaryPeriods([
      closure('2026-11-01', '2026-11-05', 'a'),
      closure('2026-11-06', '2026-11-10', 'b'),
    ]);
    expect(closedUntil(periods, '2026-11-02')).toBe('2026-11-10');
    expect(closedUntil(periods, '2026-11-11')).toBeUndefined();
    expect(closedUntil(temporaryPeriods([closure('2026-11-01')]), '2026-12-24')).toBeNull();
    expect(planOn(periods, '2026-11-10').kind).toBe('closed');
  });
});
