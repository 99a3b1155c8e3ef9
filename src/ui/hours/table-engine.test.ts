import opening_hours from 'opening_hours';
import { describe, expect, it, vi } from 'vitest';
import { addDays, daysFrom, parisDay } from '../../domain/time/paris-time.ts';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { hoursTable, tableEngine } from '../../matching/hours/table-engine.ts';
import { hoursStatus, weekWords } from '../text/hours-status.ts';

const real = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);
const NOW = Date.parse('2026-12-06T21:30:00Z'); // a Sunday, 22:30 in Paris
const TODAY = parisDay(NOW);
const DAYS = daysFrom(addDays(TODAY, -1), 37);
const STRINGS = ['Mo-Fr 09:00-12:00,14:00-17:30; PH off', 'Sa 22:00-02:00', 'Tu[1] 10:00-12:00', 'pas des horaires'];

describe('hours worked out in the hours worker, answered on the page', () => {
  it('answers a partner sheet’s questions as the library does, over the days the table holds', () => {
    const onMiss = vi.fn();
    const table = tableEngine(JSON.parse(JSON.stringify(hoursTable(real, STRINGS, DAYS))), onMiss);
    for (const regular of STRINGS) {
      const hours = { regular, temporary: [] };
      expect(table.isValid(regular)).toBe(real.isValid(regular));
      expect(hoursStatus(table, hours, NOW, 3)).toEqual(hoursStatus(real, hours, NOW, 3));
      expect(weekWords(table, hours, NOW)).toEqual(weekWords(real, hours, NOW));
    }
    expect(onMiss).not.toHaveBeenCalled();
  });

  it('says « unknown » to a question it was not made for, and reports it once so that the page loads the library', () => {
    const onMiss = vi.fn();
    const table = tableEngine(hoursTable(real, STRINGS, DAYS), onMiss);
    expect(table.day(STRINGS[0] as string, addDays(TODAY, 60))).toBeNull();
    expect(table.day('Mo 08:00-09:00', TODAY)).toBeNull();
    expect(table.isValid('Mo 08:00-09:00')).toBe(true);
    expect(onMiss).toHaveBeenCalledTimes(1);
  });

  it('says which strings it knows, so that an editor does not let unchecked hours be saved', () => {
    const onMiss = vi.fn();
    const table = tableEngine(hoursTable(real, STRINGS, DAYS), onMiss);
    expect(table.knows?.(STRINGS[0] as string)).toBe(true);
    expect(table.knows?.('pas des horaires')).toBe(true);
    expect(onMiss).not.toHaveBeenCalled();
    expect(table.knows?.('Mo 08:00-09:00')).toBe(false);
    expect(onMiss).toHaveBeenCalledTimes(1);
    expect(real.knows).toBeUndefined();
  });
});
