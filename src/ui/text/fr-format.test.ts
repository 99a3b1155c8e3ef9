// A day is always said with its date, on the Paris clock whatever the device's zone: « jeudi 5 novembre à 9h30 »
// rather than « jeudi », which leaves the person to count; « aujourd'hui » and « demain » stay for the worker, with
// the date beside them.
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { createHoursEngine } from '../../matching/hours/hours-engine.ts';
import {
  monthShort,
  monthYear,
  numericDate,
  numericDateOf,
  numericDateTime,
  relativeDay,
  weekdayDateYear,
  when,
} from './fr-format.ts';
import { hoursStatus, openingWords, weekWords } from './hours-status.ts';

// Tuesday 3 November 2026, 10:00 in Paris (09:00 UTC).
const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const at = (iso: string) => Date.parse(iso);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('days and times in French', () => {
  it('writes the short and long dates the screens show, on the Paris clock', () => {
    expect(numericDate('2026-11-03')).toBe('03/11/2026');
    expect(numericDateOf(at('2026-11-30T23:30:00Z'))).toBe('01/12/2026');
    // 23:30 UTC on 14 June is already 15 June, 01:30, in Paris.
    expect(plain(numericDateTime(at('2026-06-14T23:30:00Z')))).toBe('15/06/2026 01:30');
    expect(weekdayDateYear('2026-12-01')).toBe('mardi 1er décembre 2026');
    expect(monthShort('2026-11')).toBe('nov');
    expect(monthYear('2026-11')).toBe('novembre 2026');
  });

  it('says every day with its date, today and tomorrow as well', () => {
    expect(relativeDay('2026-11-03', NOW)).toBe('aujourd’hui mardi 3 novembre');
    expect(relativeDay('2026-11-04', NOW)).toBe('demain mercredi 4 novembre');
    expect(relativeDay('2026-11-05', NOW)).toBe('jeudi 5 novembre');
    expect(relativeDay('2026-11-30', NOW)).toBe('lundi 30 novembre');
    expect(relativeDay('2026-12-01', NOW)).toBe('mardi 1er décembre');
    expect(relativeDay('2027-01-07', NOW)).toBe('jeudi 7 janvier 2027');
  });

  it('says an opening with its hours, from the Paris clock in winter and in summer', () => {
    expect(when(at('2026-11-05T14:00:00+01:00'), NOW)).toBe('jeudi 5 novembre à 14h');
    expect(when(at('2026-11-04T09:00:00+01:00'), NOW, at('2026-11-04T12:30:00+01:00'))).toBe(
      'demain mercredi 4 novembre de 9h à 12h30',
    );
    // 23:30 UTC on 10 July is already Saturday 11 July, 01:30, in Paris.
    expect(when(at('2026-07-10T23:30:00Z'), at('2026-07-10T08:00:00Z'))).toBe('demain samedi 11 juillet à 1h30');
  });
});

describe('the partner sheet’s hours', () => {
  const engine = createHoursEngine(opening_hours);
  const hours = { regular: 'Tu,Th 14:00-17:00', temporary: [] };

  it('says when it opens next with the date, and each next opening with its date', () => {
    const morning = at('2026-11-03T09:00:00+01:00');
    const status = hoursStatus(engine, hours, morning, 3);
    expect(status.text).toBe('Ouvre aujourd’hui mardi 3 novembre à 14h');
    expect(status.next.map((o) => plain(openingWords(o, morning)))).toEqual([
      'aujourd’hui mardi 3 novembre, 14h – 17h',
      'jeudi 5 novembre, 14h – 17h',
      'mardi 10 novembre, 14h – 17h',
    ]);
    const wednesday = at('2026-11-04T18:00:00+01:00');
    expect(hoursStatus(engine, hours, wednesday, 1).text).toBe('Ouvre demain jeudi 5 novembre à 14h');
    expect(hoursStatus(engine, hours, at('2026-11-05T18:00:00+01:00'), 1).text).toBe('Ouvre mardi 10 novembre à 14h');
  });

  it('labels the coming week day by day with the dates', () => {
    const labels = weekWords(engine, hours, NOW, 3).map((line) => line.label);
    expect(labels).toEqual(['aujourd’hui mardi 3 novembre', 'demain mercredi 4 novembre', 'jeudi 5 novembre']);
  });
});
