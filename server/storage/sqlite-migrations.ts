// The history of the SQLite schema, applied in order. `PRAGMA user_version` holds how many steps a database file
// has received; opening a file applies the missing ones in a single transaction (all or nothing).
//
// NEVER edit or reorder a step that has shipped: files in the field already ran it and will not run it again.
// Change the schema by APPENDING a step. A database newer than this code (more steps than listed) is refused
// rather than used by a server that does not know its tables.
import type Database from 'better-sqlite3';

export interface Migration {
  /** What the step does and why, kept as documentation of the file format. */
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'v1: meta with the epoch, the seq counter, and directory records (structures and services)',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- The identity of this database, created with it: clients that see a new epoch start over from cursor 0.
      INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));

      -- Last seq handed out. A counter rather than max(seq), so that a seq is never reused once records can be
      -- deleted: a client that has read up to N must never miss a later change numbered N.
      CREATE TABLE seq_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL CHECK (last >= 0)
      ) STRICT;
      INSERT INTO seq_counter (id, last) VALUES (1, 0);

      -- One row per record, at the seq of its last write. \`data\` is the record as validated JSON (the source of
      -- truth, parsed again when read); the other columns are copies of its fields for indexes and filters.
      CREATE TABLE records (
        kind TEXT NOT NULL CHECK (kind IN ('structure', 'service')),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        structure_id TEXT,
        code_insee TEXT,
        categorie TEXT,
        data TEXT NOT NULL CHECK (json_valid(data)),
        -- 'structure' for services, NULL for structures: lets a service reference a row of kind 'structure'.
        parent_kind TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'service' THEN 'structure' END) VIRTUAL,
        PRIMARY KEY (kind, id),
        CHECK ((kind = 'service') = (structure_id IS NOT NULL)),
        -- Deferred: a batch may write a service before its structure; the check runs at commit.
        FOREIGN KEY (parent_kind, structure_id) REFERENCES records (kind, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;

      CREATE INDEX records_structures_by_commune ON records (code_insee, id) WHERE kind = 'structure';
      CREATE INDEX records_services_by_structure ON records (structure_id, id) WHERE kind = 'service';
      CREATE INDEX records_services_by_categorie ON records (categorie, id) WHERE kind = 'service';
    `,
  },
];

/** Applies the missing steps; returns the schema version the file is at afterwards. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('PRAGMA user_version illisible');
  if (current > migrations.length) {
    throw new Error(
      `Base de données au schéma ${current}, plus récent que ce serveur (${migrations.length}) : mettez le serveur à jour.`,
    );
  }
  if (current === migrations.length) return current;
  db.transaction(() => {
    for (let step = current; step < migrations.length; step++) {
      const migration = migrations[step];
      if (!migration) throw new Error(`Migration ${step + 1} absente`);
      db.exec(migration.sql);
    }
    // PRAGMA cannot take a bound parameter; the value is an integer we computed.
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return migrations.length;
}
