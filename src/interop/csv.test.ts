import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRENCH_SPREADSHEET, parseCsv, RFC_4180, toCsv } from './csv.ts';

const cellsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows.map((r) => r.cells);
};

describe('toCsv', () => {
  it.each([
    ['=HYPERLINK("https://evil.example";"Voir")', `"'=HYPERLINK(""https://evil.example"";""Voir"")"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['+1+1', `"'+1+1"`],
    ['+33 4 72 00 00 00', `"'+33 4 72 00 00 00"`],
    ['-2+3', `"'-2+3"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['  =1+1', `"'  =1+1"`],
    ["'déjà une apostrophe", `"''déjà une apostrophe"`],
    ['Épicerie du Centre', 'Épicerie du Centre'],
    ['a = b', 'a = b'],
  ])('never lets a text cell run as a formula: %j → %s', (cell, written) => {
    expect(toCsv([[cell, 'x']])).toBe(`${written},x\r\n`);
    expect(toCsv([[cell, 'x']], FRENCH_SPREADSHEET)).toBe(`\uFEFF${written};x\r\n`);
  });

  it('writes numbers as numbers, negative ones included, in each dialect', () => {
    expect(toCsv([[-4.85, 1.5, null]])).toBe('-4.85,1.5,\r\n');
    expect(toCsv([[-4.85, 1.5, null]], FRENCH_SPREADSHEET)).toBe('\uFEFF-4,85;1,5;\r\n');
  });

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(toCsv([['a,b', 'c;d', 'e"f', 'g\nh', ' i']], RFC_4180)).toBe('"a,b",c;d,"e""f","g\nh"," i"\r\n');
    expect(toCsv([['a,b', 'c;d']], FRENCH_SPREADSHEET)).toBe('\uFEFFa,b;"c;d"\r\n');
  });
});

describe('parseCsv', () => {
  it('reads back exactly what toCsv wrote, defused cells included', () => {
    const risky = fc
      .tuple(fc.constantFrom('', '=', '+', '-', '@', "'", "''", '\t', '\r', ' ', ' =', '"', ','), fc.string())
      .map(([start, rest]) => start + rest);
    const rows = fc.array(fc.array(fc.oneof(fc.string(), risky), { minLength: 2, maxLength: 5 }), { maxLength: 5 });
    fc.assert(
      fc.property(rows, (written) => {
        expect(cellsOf(toCsv(written))).toEqual(written);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a cell a spreadsheet saved without quotes, and keeps an apostrophe that defuses nothing', () => {
    expect(cellsOf("'+33 4 72 00 00 00,'-1,'t Hooft\n")).toEqual([['+33 4 72 00 00 00', '-1', "'t Hooft"]]);
  });
});
