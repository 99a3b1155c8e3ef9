// @vitest-environment node
// The hours editor round-trips: every document it can hold is written as an OSM string that reads back as the same
// document (property test), and every string it shows as a table — the corpus's, what the French converter makes
// of it, the demo directory's — is written back with the same meaning over several weeks of the year. A string it cannot show
// is left to the read-only view, never rewritten.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVERTED } from '../../../tests/fixtures/french-hours-corpus.ts';
import { isValidOsm, osmWeeks, readsOsm } from '../../../tests/fixtures/osm-year.ts';
import { generateDirectory } from '../../demo/generate-directory.ts';
import { frenchHoursToOsm } from '../../interop/french-hours.ts';
import { osmSentence } from '../text/osm-sentence.ts';
import {
  checkDocument,
  DAYS,
  documentToOsm,
  emptyDocument,
  type HoursDocument,
  MONTH_DAYS,
  osmToDocument,
  RANKS,
  sortRanks,
  type TimeRange,
  type Week,
} from './hours-document.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** 0 to 4 ranges in order, not overlapping, on quarter hours; the last may end at midnight (24:00). */
const ranges = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 8 }).map((marks) => {
  const sorted = [...marks].sort((a, b) => a - b);
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length && out.length < 4; i += 2) {
    out.push({ from: clock((sorted[i] as number) * 15), to: clock((sorted[i + 1] as number) * 15) });
  }
  return out.filter((r) => r.from !== '24:00');
});
const someRanges = ranges.filter((r) => r.length > 0);
const week: fc.Arbitrary<Week> = fc.tuple(...DAYS.map(() => ranges)).map((days) => {
  const w = {} as Week;
  DAYS.forEach((d, i) => {
    w[d] = days[i] as TimeRange[];
  });
  return w;
});
const monthDay = fc
  .integer({ min: 0, max: 11 })
  .chain((m) => fc.integer({ min: 1, max: MONTH_DAYS[m] as number }).map((d) => `${pad(m + 1)}-${pad(d)}`));
const isoDay = fc.tuple(fc.integer({ min: 2026, max: 2030 }), monthDay).map(([y, md]) => `${y}-${md}`);

const doc: fc.Arbitrary<HoursDocument> = fc.record({
  week,
  monthly: fc.array(
    fc.record({
      day: fc.constantFrom(...DAYS),
      n: fc.uniqueArray(fc.constantFrom(...RANKS), { minLength: 1, maxLength: 3 }).map(sortRanks),
      ranges: someRanges,
    }),
    { maxLength: 2 },
  ),
  seasons: fc.array(
    fc
      .record({ from: monthDay, to: monthDay, week })
      .filter((s) => s.from !== s.to && DAYS.some((d) => s.week[d].length > 0)),
    { maxLength: 2 },
  ),
  periods: fc.array(
    fc.oneof(
      fc.record({ from: monthDay, to: monthDay, ranges }),
      fc
        .tuple(isoDay, isoDay, ranges)
        .map(([a, b, r]) => (a <= b ? { from: a, to: b, ranges: r } : { from: b, to: a, ranges: r })),
    ),
    { maxLength: 3 },
  ),
  holidaysClosed: fc.boolean(),
});

/** Every string shown as a table is written back with the same meaning (the text itself may be tidied). */
function expectSameMeaningWhenShown(osm: string): boolean {
  const read = osmToDocument(osm);
  if (!read) return false;
  const written = documentToOsm(read);
  expect(written === null ? [] : osmWeeks(written)).toEqual(osmWeeks(osm));
  return true;
}

describe('hours document ↔ OSM opening_hours', () => {
  it('reads back every document it writes as the same document, and the library reads the string', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const osm = documentToOsm(d);
        fc.pre(osm !== null);
        expect(osmToDocument(osm as string)).toEqual(d);
        expect(readsOsm(osm as string)).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('writes back every corpus string it shows as a table with the same meaning, before and after the converter', () => {
    let shown = 0;
    for (const [french, osm] of CONVERTED) {
      if (expectSameMeaningWhenShown(osm)) shown++;
      const converted = frenchHoursToOsm(french, isValidOsm);
      if (converted.ok) expectSameMeaningWhenShown(converted.osm);
    }
    // The open ends (« à partir de 18h ») are the only ones the table leaves to the read-only view.
    expect(shown).toBeGreaterThanOrEqual(CONVERTED.length - 5);
  }, 30_000);

  it('writes back every hours string of the demo directory it shows with the same meaning, and says the others', () => {
    const demo = generateDirectory({ services: 200 });
    const strings = new Set(
      [...demo.structures, ...demo.services].flatMap((r) => (r.horaires_accueil ? [r.horaires_accueil] : [])),
    );
    let shown = 0;
    for (const osm of strings) {
      if (expectSameMeaningWhenShown(osm)) shown++;
      else expect(osmSentence(osm), osm).not.toBeNull();
    }
    expect(shown).toBeGreaterThan(strings.size * 0.9);
  });

  it('leaves to the read-only view what the table cannot say, or not in this order', () => {
    for (const osm of [
      'Th[3] 19:30+',
      'Sa 10:00-12:00 "sur inscription"',
      'PH off; Mo-Fr 09:00-12:00',
      'Tu[1] 14:00-16:00; Mo-Fr 09:00-12:00',
      'Aug off; Mo-Fr 09:00-12:00',
      'week 1-53/2 Sa 09:00-12:00',
      'SH off; Mo-Fr 09:00-12:00',
      'Mo 09:00-12:00 || "sur rendez-vous"',
    ]) {
      expect(osmToDocument(osm)).toBeNull();
    }
  });

  it('names each problem where it is', () => {
    const d = emptyDocument();
    d.week.Mo = [{ from: '10:00', to: '09:00' }];
    d.week.Tu = [
      { from: '09:00', to: '12:00' },
      { from: '11:00', to: '13:00' },
    ];
    d.monthly = [{ day: 'Th', n: [], ranges: [{ from: '14:00', to: '16:00' }] }];
    d.periods = [{ from: '2026-01-10', to: '2026-01-12', ranges: [] }];
    expect(checkDocument(d, '2026-12-06')).toEqual({
      'week.Mo': 'order',
      'week.Tu': 'overlap',
      'monthly.0': 'noRank',
      'period.0': 'past',
    });
  });
});
