// Decoding the directory's stored rows, the same for every SQL engine: a row is parsed with the domain schemas, never
// trusted — the database may have been written by an older server, edited by hand or damaged. A row that does not
// parse is skipped and logged (kind, id, seq and the failing field paths — directory data, no personal data)
// instead of crashing the request; reads still move past it (`cursor`, `next`), so a client never loops on a bad row.
import { type DirectoryEntry, directoryEntrySchema } from '../../src/domain/directory.ts';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';

/** Where a row stands: its kind, id and seq columns. */
export interface RowPlace {
  kind: string;
  id: string;
  seq: number;
}

/** Decoders over one engine's rows, given how a row's record is read (`record`: undefined when unreadable). */
export function rowDecoders<Row extends RowPlace>(logger: Logger, record: (row: Row) => unknown) {
  /** Parses a row back into an entry; logs and returns undefined when it does not conform. */
  function decode(row: Row): DirectoryEntry | undefined {
    const parsed = parse(directoryEntrySchema, { kind: row.kind, seq: row.seq, record: record(row) });
    const problems = parsed.ok
      ? parsed.value.record.id === row.id
        ? []
        : [{ path: 'record.id', message: 'Identifiant différent de celui de la ligne' }]
      : parsed.problems;
    if (parsed.ok && problems.length === 0) return parsed.value;
    logger.error({
      event: 'corrupt_row',
      kind: row.kind,
      id: row.id,
      seq: row.seq,
      problems: problems.map((p) => ({ path: p.path, message: p.message })),
    });
    return undefined;
  }

  /** Decoded records of one kind; rows of another kind or that fail to parse are left out (and logged). */
  function decodeAll<K extends keyof RecordOfKind>(rows: Iterable<Row>, kind: K): RecordOfKind[K][] {
    const out: RecordOfKind[K][] = [];
    for (const row of rows) {
      const entry = decode(row);
      if (entry?.kind === kind) out.push(entry.record as RecordOfKind[K]);
    }
    return out;
  }

  return { decode, decodeAll };
}
