// The history of the SQLite schema, applied in order. `PRAGMA user_version` holds how many steps a database file
// has received; opening a file applies the missing ones in a single transaction (all or nothing).
//
// NEVER edit or reorder a step that has shipped: files in the field already ran it and will not run it again.
// Change the schema by APPENDING a step. A database newer than this code (more steps than listed) is refused
// rather than used by a server that does not know its tables.
import type Database from 'better-sqlite3';
import { backfillSqliteTotals } from './sqlite-totals.ts';
import { writeTransaction } from './sqlite-transaction.ts';

export interface Migration {
  /** What the step does and why, kept as documentation of the file format. */
  description: string;
  sql: string;
  /** Fills what the step created from the rows already there, with the server's own rules, after `sql`. */
  backfill?: (db: Database.Database) => void;
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
  // Step 2 says "Imports leave no history": true of `upsert` (seeding), which it meant. File imports
  // go through importRecords and write history lines under their author, in the same table, with no client_id.
  {
    description:
      'v2 (sync): visibility columns, tombstones, conflicts, history, accounts, invitations, devices, ' +
      'client states and stored mutation results',
    sql: `
      -- Copies of the fields that decide who may read a record, for counting a reader's total in SQL.
      ALTER TABLE records ADD COLUMN visibilite TEXT;
      ALTER TABLE records ADD COLUMN statut TEXT;
      UPDATE records SET visibilite = json_extract(data, '$.visibilite'),
        statut = CASE WHEN kind = 'structure' THEN json_extract(data, '$.statut') END;

      -- A deleted record: its id at the seq of the deletion (the feed sends a tombstone), and its last content,
      -- which a conflict resolution may restore. Writing the record again removes the tombstone.
      CREATE TABLE tombstones (
        kind TEXT NOT NULL CHECK (kind IN ('structure', 'service')),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        structure_id TEXT,
        data TEXT NOT NULL CHECK (json_valid(data)),
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT;

      -- Authors are account ids ('import' for imported values); base/mine/theirs/resolution are JSON. A conflict
      -- takes a new seq when created and again when resolved, so it reaches its authors through the feed.
      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        record_kind TEXT NOT NULL CHECK (record_kind IN ('structure', 'service')),
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        base TEXT NOT NULL CHECK (json_valid(base)),
        mine TEXT NOT NULL CHECK (json_valid(mine)),
        theirs TEXT NOT NULL CHECK (json_valid(theirs)),
        mine_by TEXT NOT NULL,
        theirs_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        statut TEXT NOT NULL CHECK (statut IN ('ouvert', 'resolu')),
        resolution TEXT CHECK (resolution IS NULL OR json_valid(resolution)),
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX conflicts_by_record ON conflicts (record_kind, record_id);

      -- One line per accepted change, at the seq the change took; \`at\` is the server's clock. \`version\` is
      -- the record's version after the change (before it, for a deletion). Imports leave no history.
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        at TEXT NOT NULL,
        account_id TEXT NOT NULL,
        client_id TEXT,
        mutation_id INTEGER,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('structure', 'service')),
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('creation', 'modification', 'suppression', 'restauration')),
        changes TEXT NOT NULL CHECK (json_valid(changes))
      ) STRICT;
      CREATE INDEX history_by_record ON history (record_kind, record_id, seq);

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        nom TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('coordinateur', 'travailleur', 'partenaire')),
        structure_id TEXT,
        created_at TEXT NOT NULL,
        disabled_at TEXT,
        CHECK ((role = 'partenaire') = (structure_id IS NOT NULL))
      ) STRICT;

      -- Only the sha-256 of a code is kept. \`account_id\` is set when the code signs in as an existing account
      -- (demo codes, after their first use). \`reusable\` marks demo codes.
      CREATE TABLE invitations (
        code_hash TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('coordinateur', 'travailleur', 'partenaire')),
        nom TEXT NOT NULL,
        structure_id TEXT,
        account_id TEXT REFERENCES accounts (id),
        created_by TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        used_at TEXT,
        reusable INTEGER NOT NULL DEFAULT 0 CHECK (reusable IN (0, 1)),
        CHECK ((role = 'partenaire') = (structure_id IS NOT NULL))
      ) STRICT;

      -- A signed-in device: the sha-256 of its bearer token, its client id in the protocol, its account.
      CREATE TABLE devices (
        token_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;

      -- The push state of a client: its last handled mutation id. \`gap_allowed\` is set for every client by an
      -- epoch rotation: the next push may start above last_mutation_id + 1 once.
      CREATE TABLE clients (
        client_id TEXT PRIMARY KEY REFERENCES devices (client_id),
        last_mutation_id INTEGER NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
        gap_allowed INTEGER NOT NULL DEFAULT 0 CHECK (gap_allowed IN (0, 1))
      ) STRICT;

      -- The answer given to each mutation, returned again for a retry, with the fingerprint of its content.
      CREATE TABLE mutation_results (
        client_id TEXT NOT NULL REFERENCES clients (client_id),
        mutation_id INTEGER NOT NULL CHECK (mutation_id > 0),
        content_hash TEXT NOT NULL,
        result TEXT NOT NULL CHECK (json_valid(result)),
        PRIMARY KEY (client_id, mutation_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    description:
      'v3 (referrals): referrals with their own seq, kept apart from the directory feed, and the ids of ' +
      'the status changes already applied',
    sql: `
      CREATE TABLE referral_seq (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL CHECK (last >= 0)
      ) STRICT;
      INSERT INTO referral_seq (id, last) VALUES (1, 0);

      -- \`data\` is the referral as the server shows it (without seq), the source of truth, parsed when read; it
      -- holds the personal fields until the retention purge rewrites it. The other columns are copies for the
      -- feeds (receiving structure, sending team), the sweep (statut, sent_at, closed_at) and anonymous counts.
      -- \`content_hash\` recognises a resend; \`reuse_attempts\` counts refused sends of another content under the id.
      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        content_hash TEXT NOT NULL,
        structure_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        sender_account_id TEXT NOT NULL,
        sender_scope TEXT NOT NULL,
        statut TEXT NOT NULL,
        motif TEXT,
        sent_at TEXT NOT NULL,
        closed_at TEXT,
        erased_at TEXT,
        reuse_attempts INTEGER NOT NULL DEFAULT 0 CHECK (reuse_attempts >= 0),
        data TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX referrals_to_structure ON referrals (structure_id, seq);
      CREATE INDEX referrals_from_team ON referrals (sender_scope, seq);
      CREATE INDEX referrals_open ON referrals (sent_at) WHERE statut IN ('envoyee', 'recue');
      CREATE INDEX referrals_to_erase ON referrals (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

      CREATE TABLE referral_changes (
        change_id TEXT PRIMARY KEY,
        referral_id TEXT NOT NULL REFERENCES referrals (id),
        content_hash TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  // Step 4 rebuilds the four tables whose `kind` was checked against a list ('structure', 'service'): SQLite
  // cannot change a CHECK in place. The kinds are now the code's business (src/domain/record-kinds.ts, parsed on
  // every write and read), so the next kind needs no migration unless it wants columns of its own.
  {
    description:
      'v4 (programme of actions): any record kind in records, tombstones, conflicts and history ' +
      '(tables rebuilt without the list of kinds); actions are rows of kind "action"',
    sql: `
      CREATE TABLE records_v4 (
        kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*'),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        structure_id TEXT,
        code_insee TEXT,
        categorie TEXT,
        data TEXT NOT NULL CHECK (json_valid(data)),
        parent_kind TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'service' THEN 'structure' END) VIRTUAL,
        visibilite TEXT,
        statut TEXT,
        PRIMARY KEY (kind, id),
        CHECK ((kind = 'service') = (structure_id IS NOT NULL)),
        FOREIGN KEY (parent_kind, structure_id) REFERENCES records_v4 (kind, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      INSERT INTO records_v4 (kind, id, seq, structure_id, code_insee, categorie, data, visibilite, statut)
        SELECT kind, id, seq, structure_id, code_insee, categorie, data, visibilite, statut FROM records;
      DROP TABLE records;
      ALTER TABLE records_v4 RENAME TO records;
      CREATE INDEX records_structures_by_commune ON records (code_insee, id) WHERE kind = 'structure';
      CREATE INDEX records_services_by_structure ON records (structure_id, id) WHERE kind = 'service';
      CREATE INDEX records_services_by_categorie ON records (categorie, id) WHERE kind = 'service';
      CREATE INDEX records_by_kind ON records (kind, id);

      CREATE TABLE tombstones_v4 (
        kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*'),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        structure_id TEXT,
        data TEXT NOT NULL CHECK (json_valid(data)),
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT;
      INSERT INTO tombstones_v4 SELECT kind, id, seq, structure_id, data, deleted_at FROM tombstones;
      DROP TABLE tombstones;
      ALTER TABLE tombstones_v4 RENAME TO tombstones;

      CREATE TABLE conflicts_v4 (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        record_kind TEXT NOT NULL CHECK (record_kind GLOB '[a-z]*'),
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        base TEXT NOT NULL CHECK (json_valid(base)),
        mine TEXT NOT NULL CHECK (json_valid(mine)),
        theirs TEXT NOT NULL CHECK (json_valid(theirs)),
        mine_by TEXT NOT NULL,
        theirs_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        statut TEXT NOT NULL CHECK (statut IN ('ouvert', 'resolu')),
        resolution TEXT CHECK (resolution IS NULL OR json_valid(resolution)),
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      INSERT INTO conflicts_v4 SELECT id, seq, record_kind, record_id, field, base, mine, theirs, mine_by, theirs_by,
        created_at, statut, resolution, resolved_by, resolved_at FROM conflicts;
      DROP TABLE conflicts;
      ALTER TABLE conflicts_v4 RENAME TO conflicts;
      CREATE INDEX conflicts_by_record ON conflicts (record_kind, record_id);

      CREATE TABLE history_v4 (
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        at TEXT NOT NULL,
        account_id TEXT NOT NULL,
        client_id TEXT,
        mutation_id INTEGER,
        record_kind TEXT NOT NULL CHECK (record_kind GLOB '[a-z]*'),
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('creation', 'modification', 'suppression', 'restauration')),
        changes TEXT NOT NULL CHECK (json_valid(changes))
      ) STRICT;
      INSERT INTO history_v4 SELECT seq, at, account_id, client_id, mutation_id, record_kind, record_id, version,
        action, changes FROM history;
      DROP TABLE history;
      ALTER TABLE history_v4 RENAME TO history;
      CREATE INDEX history_by_record ON history (record_kind, record_id, seq);
    `,
  },
  {
    description:
      'v5 (referrals): a worker account may belong to a team (a structure of the directory), set by its ' +
      'invitation; the workers of one team share their sent referrals',
    sql: `
      -- Not structure_id: that column gives a partner rights over its listing, and is checked to be set for
      -- partners only. A team gives no right on the directory; it only widens the sending side of referrals.
      ALTER TABLE accounts ADD COLUMN equipe_id TEXT CHECK (equipe_id IS NULL OR role = 'travailleur');
      ALTER TABLE invitations ADD COLUMN equipe_id TEXT CHECK (equipe_id IS NULL OR role = 'travailleur');
    `,
  },
  {
    description:
      'orientation events: the anonymous events devices send when an orientation ends (docs/orientation-events.md), ' +
      'kept with the sending team, purged by week',
    sql: `
      -- No account, no device, no time of day: the event's fields (JSON), its ISO week (for the purge) and the team.
      CREATE TABLE orientation_events (
        id TEXT PRIMARY KEY,
        semaine TEXT NOT NULL,
        equipe_id TEXT,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orientation_events_by_week ON orientation_events (semaine);
    `,
  },
  {
    description:
      "administration: a coordinator's territory (communes, JSON array of INSEE codes), the audit trail " +
      "of administrative actions, and partners' claims of their listing",
    sql: `
      ALTER TABLE accounts ADD COLUMN communes TEXT CHECK (communes IS NULL OR (json_valid(communes) AND role = 'coordinateur'));
      CREATE INDEX invitations_by_account ON invitations (account_id) WHERE account_id IS NOT NULL;
      CREATE INDEX devices_by_account ON devices (account_id);
      -- Who revoked a device: NULL when it signed itself out (it keeps its data), else the coordinator's account
      -- (the device is told so and erases its personal data).
      ALTER TABLE devices ADD COLUMN revoked_by TEXT;

      -- Names only: no code, token, contact nor anything about the people oriented.
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_nom TEXT NOT NULL,
        action TEXT NOT NULL,
        cible TEXT NOT NULL,
        commune TEXT
      ) STRICT;

      -- The claimant's contact is erased (NULL) when a coordinator decides.
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        structure_id TEXT NOT NULL,
        nom TEXT NOT NULL,
        contact TEXT,
        etat TEXT NOT NULL CHECK (etat IN ('ouverte', 'acceptee', 'refusee')),
        created_at TEXT NOT NULL,
        decided_at TEXT,
        account_id TEXT REFERENCES accounts (id),
        CHECK ((etat = 'ouverte') = (contact IS NOT NULL))
      ) STRICT;
    `,
  },
  {
    description:
      'mail: an optional e-mail address per account (or given with its invitation) and how it wants ' +
      'notifications; the mail outbox drained by a job, and the events waiting for a daily digest',
    sql: `
      ALTER TABLE accounts ADD COLUMN email TEXT;
      ALTER TABLE accounts ADD COLUMN notifications TEXT NOT NULL DEFAULT 'immediate'
        CHECK (notifications IN ('immediate', 'daily', 'none'));
      -- The address the invitation was sent to: the account's until one is set on the account itself.
      ALTER TABLE invitations ADD COLUMN email TEXT;

      -- Messages to send. A request writes here and returns; the mail job sends. \`key\` names the event a
      -- message comes from (unique: an event written twice is one message). \`params\` (an invitation's code)
      -- are erased once the message is sent or abandoned; rows are deleted some days later.
      CREATE TABLE mail_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        template TEXT NOT NULL,
        params TEXT NOT NULL CHECK (json_valid(params)),
        created_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- A drain holds the message until then: another process does not send it meanwhile.
        locked_until TEXT,
        sent_at TEXT,
        abandoned_at TEXT
      ) STRICT;
      CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;

      -- Events for accounts that want one message a day, grouped by the digest job per account and Paris day.
      CREATE TABLE mail_digest_events (
        key TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        event TEXT NOT NULL,
        day TEXT NOT NULL,
        created_at TEXT NOT NULL,
        digested_at TEXT
      ) STRICT;
      CREATE INDEX mail_digest_pending ON mail_digest_events (day, account_id) WHERE digested_at IS NULL;
    `,
  },
  {
    description:
      "readers' totals from an index: visibilite and statut come after the JSON in each row, so counting " +
      'listings by them read every record whole (its overflow pages) at every new seq',
    sql: `
      CREATE INDEX records_visibility ON records (kind, structure_id, visibilite, statut, id);
    `,
  },
  {
    description:
      "readers' totals kept at write time: each live record's count buckets (who sees it), and one counter per " +
      'bucket and kind, so that a pull reads a few counters instead of counting the directory at every new seq',
    sql: `
      -- The buckets a record was counted in (a JSON array of bucket names, sync/visibility.ts), kept so that its
      -- next write or its deletion takes exactly those away, even when its structure has changed since.
      CREATE TABLE counted (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        buckets TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE totals (
        bucket TEXT NOT NULL,
        kind TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (bucket, kind)
      ) STRICT, WITHOUT ROWID;
    `,
    backfill: backfillSqliteTotals,
  },
];

/**
 * Applies the missing steps; returns the schema version the file is at afterwards. The version is read under the
 * write lock, so that of two servers starting on one file the second finds the steps done by the first.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  return writeTransaction(db, () => {
    const current = db.pragma('user_version', { simple: true });
    if (typeof current !== 'number') throw new Error('PRAGMA user_version illisible');
    if (current > migrations.length) {
      throw new Error(
        `Base de données au schéma ${current}, plus récent que ce serveur (${migrations.length}) : mettez le serveur à jour.`,
      );
    }
    for (let step = current; step < migrations.length; step++) {
      const migration = migrations[step];
      if (!migration) throw new Error(`Migration ${step + 1} absente`);
      db.exec(migration.sql);
      migration.backfill?.(db);
    }
    // PRAGMA cannot take a bound parameter; the value is an integer we computed.
    if (current < migrations.length) db.pragma(`user_version = ${migrations.length}`);
    return migrations.length;
  });
}
