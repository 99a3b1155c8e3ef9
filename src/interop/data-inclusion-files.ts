// data·inclusion files as they are exchanged: JSON (an array of structures or of services, as the data·inclusion
// API serves them, or `{ "structures": [...], "services": [...] }`) and CSV (one file per kind, a header of field
// names; lists written `a,b`; `extension_boussole` as JSON text; no cell a spreadsheet would run, see csv.ts).
// Reading gives raw records with their position in the file, parsed with the data·inclusion schemas: nothing is
// trusted before that.
import { type Problem, parse } from '../domain/validation.ts';
import { type CsvCell, type CsvRow, parseCsv, toCsv } from './csv.ts';
import {
  DI_LIST_FIELDS,
  DI_NUMBER_FIELDS,
  DI_SERVICE_FIELDS,
  DI_STRUCTURE_FIELDS,
  type DiKind,
  diServiceSchema,
  diStructureSchema,
  EXTENSION_FIELD,
} from './data-inclusion-schema.ts';

type Rec = Record<string, unknown>;

/** One record of a file, checked against the data·inclusion schema of its kind. */
export type DiFileRecord =
  | { ok: true; kind: DiKind; position: string; record: Rec; extension: Rec | undefined }
  | { ok: false; kind: DiKind; position: string; id: string | undefined; problems: Problem[] };

export type DiFileRead = { ok: true; records: DiFileRecord[] } | { ok: false; message: string };

function check(kind: DiKind, position: string, raw: unknown, extensionProblem?: Problem): DiFileRecord {
  const id = typeof (raw as Rec | null)?.id === 'string' ? String((raw as Rec).id) : undefined;
  const parsed = parse(kind === 'structure' ? diStructureSchema : diServiceSchema, raw);
  const problems = [...(parsed.ok ? [] : parsed.problems), ...(extensionProblem ? [extensionProblem] : [])];
  if (!parsed.ok || problems.length > 0) return { ok: false, kind, position, id, problems };
  const extension = (raw as Rec)[EXTENSION_FIELD];
  const isObject = typeof extension === 'object' && extension !== null && !Array.isArray(extension);
  if (extension !== undefined && extension !== null && !isObject) {
    return { ok: false, kind, position, id, problems: [{ path: EXTENSION_FIELD, message: 'Objet attendu' }] };
  }
  return { ok: true, kind, position, record: parsed.value, extension: isObject ? (extension as Rec) : undefined };
}

const kindOf = (records: readonly unknown[]): DiKind =>
  records.some((r) => typeof r === 'object' && r !== null && 'structure_id' in r) ? 'service' : 'structure';

function readJson(text: string): DiFileRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'JSON illisible' };
  }
  const lists: Array<[DiKind, unknown[]]> = [];
  if (Array.isArray(data)) lists.push([kindOf(data), data]);
  else if (typeof data === 'object' && data !== null && ('structures' in data || 'services' in data)) {
    const { structures, services } = data as Rec;
    if (structures !== undefined && !Array.isArray(structures))
      return { ok: false, message: '« structures » : liste attendue' };
    if (services !== undefined && !Array.isArray(services))
      return { ok: false, message: '« services » : liste attendue' };
    lists.push(['structure', structures ?? []], ['service', services ?? []]);
  } else return { ok: false, message: 'Liste de structures ou de services attendue' };
  const records = lists.flatMap(([kind, list]) =>
    list.map((raw, i) => check(kind, `${kind === 'structure' ? 'structures' : 'services'}[${i}]`, raw)),
  );
  return { ok: true, records };
}

function cellValue(field: string, cell: string): unknown {
  const value = cell.trim();
  if (value === '') return null;
  if (DI_LIST_FIELDS.has(field))
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if (DI_NUMBER_FIELDS.has(field)) return Number.isFinite(Number(value)) ? Number(value) : value;
  return value;
}

function readCsv(text: string): DiFileRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `CSV illisible (ligne ${parsed.line}) : ${parsed.message}` };
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, message: 'Fichier vide' };
  const fields = header.cells.map((c) => c.trim());
  const kind: DiKind = fields.includes('structure_id') ? 'service' : 'structure';
  const records = rows.map((row: CsvRow) => {
    const raw: Rec = {};
    let extensionProblem: Problem | undefined;
    fields.forEach((field, i) => {
      const cell = row.cells[i] ?? '';
      if (field !== EXTENSION_FIELD) {
        raw[field] = cellValue(field, cell);
        return;
      }
      if (cell.trim() === '') return;
      try {
        raw[field] = JSON.parse(cell);
      } catch {
        extensionProblem = { path: EXTENSION_FIELD, message: 'JSON illisible' };
      }
    });
    // Empty optional cells are null; the record is checked as a JSON reader would receive it.
    for (const [k, v] of Object.entries(raw)) if (v === null) delete raw[k];
    const position = `ligne ${row.line}`;
    if (row.cells.length !== fields.length) {
      const problem = { path: '', message: `${row.cells.length} colonnes au lieu de ${fields.length}` };
      return { ok: false as const, kind, position, id: undefined, problems: [problem] };
    }
    return check(kind, position, raw, extensionProblem);
  });
  return { ok: true, records };
}

/** Reads a data·inclusion file; `name` decides the format (`.csv`, else JSON). */
export function readDiFile(name: string, text: string): DiFileRead {
  return name.toLowerCase().endsWith('.csv') ? readCsv(text) : readJson(text);
}

/**
 * A data·inclusion file written record by record, so that an export streams: its text is `start`, then
 * `row(record, i)` for each record, then `end(count)`. The whole file (`diJson`, `diCsv`) is the same text.
 */
export interface DiFileWriter {
  start: string;
  row(record: Rec, index: number): string;
  end(count: number): string;
}

/** `JSON.stringify(records, null, 2)` and a final newline, one record at a time. */
export const diJsonWriter = (): DiFileWriter => ({
  start: '[',
  row: (record, index) => `${index > 0 ? ',' : ''}\n  ${JSON.stringify(record, null, 2).replaceAll('\n', '\n  ')}`,
  end: (count) => (count > 0 ? '\n]\n' : ']\n'),
});

export function diCsvWriter(kind: DiKind): DiFileWriter {
  const fields = [...(kind === 'structure' ? DI_STRUCTURE_FIELDS : DI_SERVICE_FIELDS), EXTENSION_FIELD];
  const cell = (field: string, value: unknown): CsvCell => {
    if (value === null || value === undefined) return null;
    if (field === EXTENSION_FIELD) return JSON.stringify(value);
    if (Array.isArray(value)) return value.join(',');
    return typeof value === 'number' ? value : String(value);
  };
  return { start: toCsv([fields]), row: (r) => toCsv([fields.map((f) => cell(f, r[f]))]), end: () => '' };
}

function whole(writer: DiFileWriter, records: readonly Rec[]): string {
  return `${writer.start}${records.map((r, i) => writer.row(r, i)).join('')}${writer.end(records.length)}`;
}

export function diJson(records: readonly Rec[]): string {
  return whole(diJsonWriter(), records);
}

export function diCsv(kind: DiKind, records: readonly Rec[]): string {
  return whole(diCsvWriter(kind), records);
}
