// CSV as French spreadsheets open it with a double click. Separator `;`: Excel reads a CSV with the list separator
// of the system's locale, which is `;` in France (a comma file opens as one column), and `;` leaves decimal
// commas ("1,5") inside their cell. A UTF-8 byte order mark: without it Excel decodes the file as Windows-1252 and
// "Vénissieux" becomes "VÃ©nissieux". CRLF line ends and double-quoted cells as RFC 4180 says; LibreOffice reads
// the same file. A text cell starting with = + - @ is prefixed with an apostrophe so that a partner's name is
// never run as a formula (CSV injection).

export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return decimal.format(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
