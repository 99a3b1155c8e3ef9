import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { createHoursEditor } from './hours-editor-model.ts';
import { checkWeek, emptyWeek, osmToWeek, weekToOsm } from './osm-hours.ts';

const engine = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);

describe('the simple week and its OSM opening_hours string', () => {
  it.each([
    ['split days on weekdays, closed on public holidays', 'Mo-Fr 09:00-12:00,14:00-17:30; PH off'],
    ['a Saturday morning', 'Tu-Fr 14:00-18:00; Sa 09:00-12:00; PH off'],
    ['days listed, not a run', 'Mo,We,Fr 09:00-12:00; PH off'],
    ['two short runs', 'Mo,Tu,Th,Fr 08:30-12:00,13:30-17:00; We 08:30-12:00; PH off'],
    ['open on public holidays too', 'Mo-Su 12:00-13:30'],
    ['a weekday then the rest of the week', 'Mo 13:30-17:00; Tu-Fr 09:00-12:00,13:30-17:00; PH off'],
  ])('round-trips %s: %s', (_, osm) => {
    const week = osmToWeek(osm);
    expect(week).not.toBeNull();
    expect(weekToOsm(week as NonNullable<typeof week>)).toBe(osm);
    expect(engine.isValid(osm)).toBe(true);
  });

  it('writes a split day, a Saturday morning and "PH off" from the week a person ticked', () => {
    const week = emptyWeek(true);
    week.days.Tu = [
      { from: '09:00', to: '12:00' },
      { from: '14:00', to: '17:00' },
    ];
    week.days.Th = [...week.days.Tu];
    week.days.Sa = [{ from: '09:30', to: '12:00' }];
    const osm = weekToOsm(week);
    expect(osm).toBe('Tu,Th 09:00-12:00,14:00-17:00; Sa 09:30-12:00; PH off');
    expect(engine.isValid(osm as string)).toBe(true);
    expect(osmToWeek(osm as string)).toEqual(week);
  });

  it('reads the OSM meaning of later rules (they replace earlier ones for their days) and "off"', () => {
    const week = osmToWeek('Mo-Fr 09:00-17:00; We 09:00-12:00; Fr off; PH off');
    expect(week?.days.We).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(week?.days.Fr).toEqual([]);
    expect(weekToOsm(week as NonNullable<typeof week>)).toBe('Mo,Tu,Th 09:00-17:00; We 09:00-12:00; PH off');
  });

  it.each([
    'Th[3] 14:00-16:30',
    'Apr-Oct: We 17:00-19:00; Nov-Mar: We 16:00-18:00',
    'Sa 10:00-12:00 "sur inscription"',
    '24/7',
    'Mo-Fr 08:00-10:00,12:00-13:30,18:00-20:00',
    'PH off; Mo-Fr 09:00-12:00',
    'Tu,Fr 13:30-17:30; Aug 01-Aug 20 off; PH off',
  ])('leaves a string the simple week cannot say as it is: %s', (osm) => {
    expect(osmToWeek(osm)).toBeNull();
    const editor = createHoursEditor(osm);
    expect(editor.mode.value).toBe('advanced');
    expect(editor.validate(engine)).toEqual({ ok: true, value: osm });
  });

  it('has no string for a week with no open day', () => {
    expect(weekToOsm(emptyWeek())).toBeNull();
  });

  it('finds ranges that end before they start, overlap, or miss a time', () => {
    const week = emptyWeek();
    week.days.Mo = [{ from: '12:00', to: '09:00' }];
    week.days.Tu = [
      { from: '09:00', to: '13:00' },
      { from: '12:00', to: '17:00' },
    ];
    week.days.We = [{ from: '09:00', to: '' }];
    expect(checkWeek(week)).toEqual({ Mo: 'order', Tu: 'overlap', We: 'incomplete' });
  });
});

describe('the hours editor model', () => {
  it('opens a day with the hours of the previous open day, adds an afternoon, and copies Monday to the week', () => {
    const editor = createHoursEditor(undefined);
    editor.setOpen('Mo', true);
    editor.addRange('Mo');
    editor.copyToWeekdays('Mo');
    editor.setOpen('Sa', true);
    editor.removeRange('Sa', 1);
    expect(editor.value.value).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off');
  });

  it('refuses a string the hours library rejects, with a message', () => {
    const editor = createHoursEditor('Mo-Fr 09:00-12:00');
    editor.useAdvanced();
    editor.setRaw('tous les jours');
    expect(editor.validate(engine)).toEqual({ ok: false });
    expect(editor.errors.value.value).toMatch(/pas compris/);
  });
});
