// DirectoryStore on an embedded SQLite file (better-sqlite3): the zero-set-up default of the server.
//
// Rows read back are parsed with the domain schemas, never trusted: the file may have been written by an older
// server, edited by hand or damaged. A row that does not parse is skipped and logged (kind, id, seq and the failing
// field paths — directory data, no personal data) instead of crashing the request; reads still move past it
// (`cursor`, `next`), so a client never loops on a bad row.
import Database from 'better-sqlite3';
import { type DirectoryEntry, directoryEntrySchema } from '../../src/domain/directory.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import { parse } from '../../src/domain/validation.ts';
import { type Logger, silentLogger } from '../logger.ts';
import {
  assertLimit,
  assertWritableMetaKey,
  type DirectoryPageResult,
  type DirectoryStore,
  type DirectoryWrite,
  type KeysetPage,
  type ListServicesQuery,
  type ListStructuresQuery,
  type UpsertOptions,
  unknownStructureError,
  validateWrite,
} from './directory-store.ts';
import { migrate } from './sqlite-migrations.ts';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private database that disappears on close. */
  path: string;
  logger?: Logger;
}

interface RecordRow {
  kind: string;
  id: string;
  seq: number;
  data: string;
}

interface RecordOfKind {
  structure: Structure;
  service: Service;
}

interface ServiceFilters {
  structure_id: string | null;
  categorie: string | null;
  after: string;
  limit: number;
}

export function openSqliteStore({ path, logger = silentLogger }: SqliteStoreOptions): DirectoryStore {
  const db = new Database(path);
  // WAL: readers do not block the writer (a sync pull during a seed or an import). NORMAL is durable across
  // application crashes in WAL mode; only an OS crash may lose the last transactions, never corrupt the file.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    nextSeq: db.prepare<[], { last: number }>('UPDATE seq_counter SET last = last + 1 WHERE id = 1 RETURNING last'),
    write: db.prepare<[string, string, number, string | null, string | null, string | null, string]>(
      `INSERT INTO records (kind, id, seq, structure_id, code_insee, categorie, data) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, structure_id = excluded.structure_id,
         code_insee = excluded.code_insee, categorie = excluded.categorie, data = excluded.data`,
    ),
    structureExists: db.prepare<[string], { one: number }>(
      "SELECT 1 AS one FROM records WHERE kind = 'structure' AND id = ?",
    ),
    page: db.prepare<[number, number], RecordRow>(
      'SELECT kind, id, seq, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    total: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
    counts: db.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM records GROUP BY kind'),
    structure: db.prepare<[string], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND id = ?",
    ),
    structures: db.prepare<[string, number], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND id > ? ORDER BY id LIMIT ?",
    ),
    structuresByCommune: db.prepare<[string, string, number], RecordRow>(
      `SELECT kind, id, seq, data FROM records WHERE kind = 'structure' AND code_insee = ? AND id > ?
       ORDER BY id LIMIT ?`,
    ),
    servicesOf: db.prepare<[string], RecordRow>(
      "SELECT kind, id, seq, data FROM records WHERE kind = 'service' AND structure_id = ? ORDER BY id",
    ),
  };

  // One statement per combination of filters, so that each can use its partial index (an `? IS NULL OR …`
  // clause in a single statement would defeat them).
  const servicesStatements = new Map<string, Database.Statement<[ServiceFilters], RecordRow>>();
  function servicesStatement(byStructure: boolean, byCategorie: boolean) {
    const key = `${byStructure}/${byCategorie}`;
    let statement = servicesStatements.get(key);
    if (!statement) {
      const filters = [
        byStructure ? 'AND structure_id = @structure_id' : '',
        byCategorie ? 'AND categorie = @categorie' : '',
      ].join(' ');
      statement = db.prepare<[ServiceFilters], RecordRow>(
        `SELECT kind, id, seq, data FROM records WHERE kind = 'service' ${filters} AND id > @after ORDER BY id LIMIT @limit`,
      );
      servicesStatements.set(key, statement);
    }
    return statement;
  }

  /** Parses a row back into an entry; logs and returns undefined when it does not conform. */
  function decode(row: RecordRow): DirectoryEntry | undefined {
    let record: unknown;
    try {
      record = JSON.parse(row.data);
    } catch {
      record = undefined;
    }
    const parsed = parse(directoryEntrySchema, { kind: row.kind, seq: row.seq, record });
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
  function decodeAll<K extends keyof RecordOfKind>(rows: RecordRow[], kind: K): RecordOfKind[K][] {
    const out: RecordOfKind[K][] = [];
    for (const row of rows) {
      const entry = decode(row);
      if (entry?.kind === kind) out.push(entry.record as RecordOfKind[K]);
    }
    return out;
  }

  /** Keyset page from rows fetched with LIMIT limit + 1: the extra row only tells that more exist. */
  function keyset<K extends keyof RecordOfKind>(
    rows: RecordRow[],
    limit: number,
    kind: K,
  ): KeysetPage<RecordOfKind[K]> {
    const shown = rows.slice(0, limit);
    const next = rows.length > limit ? (shown.at(-1)?.id ?? null) : null;
    return { items: decodeAll(shown, kind), next };
  }

  const upsertTx = db.transaction((entries: readonly DirectoryWrite[], meta: Readonly<Record<string, string>>) => {
    const written: Array<{ index: number; service: Service }> = [];
    entries.forEach((entry, index) => {
      // Validated inside the transaction: a bad record half-way through rolls back the ones before it.
      const write = validateWrite(entry, index);
      const seq = statements.nextSeq.get()?.last;
      if (seq === undefined) throw new Error('seq_counter vide');
      const r = write.record;
      if (write.kind === 'structure') {
        statements.write.run('structure', r.id, seq, null, write.record.code_insee, null, JSON.stringify(r));
      } else {
        const { structure_id, lieu, categorie } = write.record;
        statements.write.run(
          'service',
          r.id,
          seq,
          structure_id,
          lieu?.code_insee ?? null,
          categorie ?? null,
          JSON.stringify(r),
        );
        written.push({ index, service: write.record });
      }
    });
    // The deferred foreign key would also refuse a dangling service at commit, but without saying which one.
    for (const { index, service } of written) {
      if (!statements.structureExists.get(service.structure_id)) throw unknownStructureError(index, service);
    }
    for (const [key, value] of Object.entries(meta)) statements.setMeta.run(key, value);
  });

  const pageTx = db.transaction((cursor: number, limit: number): DirectoryPageResult => {
    const rows = statements.page.all(cursor, limit + 1);
    const shown = rows.slice(0, limit);
    const entries: DirectoryEntry[] = [];
    for (const row of shown) {
      const entry = decode(row);
      if (entry) entries.push(entry);
    }
    return {
      entries,
      cursor: shown.at(-1)?.seq ?? cursor,
      hasMore: rows.length > limit,
      total: statements.total.get()?.n ?? 0,
    };
  });

  const getStructureTx = db.transaction((id: string) => {
    const row = statements.structure.get(id);
    if (!row) return undefined;
    const [structure] = decodeAll([row], 'structure');
    if (!structure) return undefined;
    return { structure, services: decodeAll(statements.servicesOf.all(id), 'service') };
  });

  return {
    async epoch() {
      const epoch = statements.getMeta.get('epoch')?.value;
      if (!epoch) throw new Error('Base sans epoch : migration incomplète');
      return epoch;
    },

    async upsert(entries, options?: UpsertOptions) {
      for (const key of Object.keys(options?.meta ?? {})) assertWritableMetaKey(key);
      upsertTx(entries, options?.meta ?? {});
    },

    async page(cursor, limit) {
      assertLimit(limit);
      return pageTx(cursor, limit);
    },

    async listStructures(query: ListStructuresQuery): Promise<KeysetPage<Structure>> {
      assertLimit(query.limit);
      const after = query.after ?? '';
      const rows =
        query.code_insee === undefined
          ? statements.structures.all(after, query.limit + 1)
          : statements.structuresByCommune.all(query.code_insee, after, query.limit + 1);
      return keyset(rows, query.limit, 'structure');
    },

    async getStructure(id) {
      return getStructureTx(id);
    },

    async listServices(query: ListServicesQuery): Promise<KeysetPage<Service>> {
      assertLimit(query.limit);
      const rows = servicesStatement(query.structure_id !== undefined, query.categorie !== undefined).all({
        structure_id: query.structure_id ?? null,
        categorie: query.categorie ?? null,
        after: query.after ?? '',
        limit: query.limit + 1,
      });
      return keyset(rows, query.limit, 'service');
    },

    async counts() {
      const counts = { structures: 0, services: 0 };
      for (const { kind, n } of statements.counts.all()) {
        if (kind === 'structure') counts.structures = n;
        if (kind === 'service') counts.services = n;
      }
      return counts;
    },

    async getMeta(key) {
      return statements.getMeta.get(key)?.value;
    },

    async setMeta(key, value) {
      assertWritableMetaKey(key);
      statements.setMeta.run(key, value);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
