// Every CSV Boussole writes and reads. Two dialects of one writer: RFC 4180 (comma, no byte order mark) for the
// data·inclusion files that programs exchange, and the French spreadsheet's for the coordinator's tables. Reading
// is lenient (LF or CRLF, a UTF-8 byte order mark, quoted cells spanning lines as spreadsheets export them), and
// each row remembers the line it starts on, so an import can point a person at "ligne 12" of the file they opened.
//
// No cell may run as a formula (CSV injection, OWASP): a partner writes its own listing, and professionals open the
// exports in a spreadsheet, where `=HYPERLINK(…)` becomes a link and `@SUM(…)` / `+…` / `-…` a computation. A text
// cell that a spreadsheet could take for one (starting with = + - @, a tab or a carriage return, also after
// spaces) is written quoted and prefixed with an apostrophe, which spreadsheets read as "this is text". So that
// this stays reversible, a text cell already starting with an apostrophe is prefixed too, and the reader removes
// exactly one apostrophe before such cells: an export imported back gives every value as it was ("+33 4…", "- à
// partir de 18 h"). Numbers are the program's own values, written as numbers (a longitude may be negative).

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string };

export type CsvCell = string | number | null;

export interface CsvDialect {
  separator: ',' | ';';
  /** A UTF-8 byte order mark first. */
  bom: boolean;
  number: (value: number) => string;
}

/** The data·inclusion files: RFC 4180 as programs read it. */
export const RFC_4180: CsvDialect = { separator: ',', bom: false, number: String };

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });

/**
 * What French spreadsheets open with a double click. Separator `;`: Excel reads a CSV with the list separator of
 * the system's locale, which is `;` in France (a comma file opens as one column), and `;` leaves decimal commas
 * ("1,5") inside their cell. A UTF-8 byte order mark: without it Excel decodes the file as Windows-1252 and
 * "Vénissieux" becomes "VÃ©nissieux". LibreOffice reads the same file.
 */
export const FRENCH_SPREADSHEET: CsvDialect = { separator: ';', bom: true, number: (n) => decimal.format(n) };

/** Text a spreadsheet could run as a formula, or that starts with the apostrophe which marks one defused. */
const NEEDS_APOSTROPHE = /^(?:['\t\r]|\s*[=+\-@])/;

function cellText(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return dialect.number(cell);
  const defused = NEEDS_APOSTROPHE.test(cell);
  const text = defused ? `'${cell}` : cell;
  const quoted = defused || /["\r\n]/.test(text) || text.includes(dialect.separator) || text !== text.trim();
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The reverse of `cellText` for a text cell, once unquoted. */
function restore(cell: string): string {
  return cell.startsWith("'") && NEEDS_APOSTROPHE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** CSV text of `rows` (a header first, as a row like the others), CRLF after every row. */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>, dialect: CsvDialect = RFC_4180): string {
  const lines = rows.map((row) => `${row.map((cell) => cellText(cell, dialect)).join(dialect.separator)}\r\n`);
  return `${dialect.bom ? '\uFEFF' : ''}${lines.join('')}`;
}

/** Reads comma-separated text; cells come back as they were before `toCsv` defused them. */
export function parseCsv(text: string): CsvParse {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStarted = false;
  const endCell = () => {
    cells.push(restore(cell));
    cell = '';
    cellStarted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endCell();
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      line++;
      rowLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) return { ok: false, line: rowLine, message: 'Guillemet ouvert jamais refermé' };
  if (cellStarted || cells.length > 0) {
    endCell();
    rows.push({ line: rowLine, cells });
  }
  return { ok: true, rows };
}
