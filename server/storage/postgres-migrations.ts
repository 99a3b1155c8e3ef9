// The history of the PostgreSQL schema, applied in order: the same tables as SQLite's (sqlite-migrations.ts), in
// PostgreSQL's types. `schema_version` holds how many steps a database has received; a server applies the missing
// ones in one transaction under an advisory lock, so that of several instances starting together one migrates and
// the others find the steps done.
//
// NEVER edit or reorder a step that has shipped: databases in the field already ran it and will not run it again.
// Change the schema by APPENDING a step (here, and in sqlite-migrations.ts when SQLite needs it too). A database
// newer than this code is refused rather than used by a server that does not know its tables.
//
// Every text column compares bytes (COLLATE "C"), as SQLite does: ids after a keyset cursor, names in order and
// ISO instants compared as strings must not depend on the locale the database was created with. Instants stay ISO
// strings, as in SQLite, so both stores share the code that writes and compares them.
import type { ISql, Sql } from 'postgres';
import { backfillPostgresTotals } from './postgres-totals.ts';

export interface PostgresMigration {
  /** What the step does and why, kept as documentation of the schema. */
  description: string;
  sql: string;
  /** Fills what the step created from the rows already there, with the server's own rules, after `sql`. */
  backfill?: (tx: ISql) => Promise<void>;
}

/** The advisory lock key of migrations (any constant; other locks of the store use other keys). */
export const MIGRATION_LOCK = 0x426f7573_01;

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    description:
      'v1: the schema of SQLite step 8 (directory records of every kind, tombstones, conflicts, history, accounts, ' +
      'invitations, devices, clients and mutation results, referrals, orientation events, audit, claims, mail)',
    sql: `
      CREATE TABLE meta (
        key text COLLATE "C" PRIMARY KEY,
        value text COLLATE "C" NOT NULL
      );
      -- The identity of this database, created with it: clients that see a new epoch start over from cursor 0.
      INSERT INTO meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));

      -- Last seq handed out: a counter row, not a sequence. Its update is transactional (a rolled-back write gives
      -- its seq back) and locks the row until commit, so seqs become visible in order (sync-protocol.md, « Several
      -- server instances »).
      CREATE TABLE seq_counter (
        id integer PRIMARY KEY CHECK (id = 1),
        last bigint NOT NULL CHECK (last >= 0)
      );
      INSERT INTO seq_counter (id, last) VALUES (1, 0);

      -- One row per record, at the seq of its last write. \`data\` is the record as validated JSON (the source of
      -- truth, parsed again when read); the other columns are copies of its fields for indexes and filters.
      CREATE TABLE records (
        kind text COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z]'),
        id text COLLATE "C" NOT NULL,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        structure_id text COLLATE "C",
        code_insee text COLLATE "C",
        categorie text COLLATE "C",
        visibilite text COLLATE "C",
        statut text COLLATE "C",
        data jsonb NOT NULL,
        -- 'structure' for services, NULL otherwise: lets a service reference a row of kind 'structure'.
        parent_kind text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'service' THEN 'structure' END) STORED,
        PRIMARY KEY (kind, id),
        CHECK ((kind = 'service') = (structure_id IS NOT NULL)),
        -- Deferred: a batch may write a service before its structure; the check runs at commit.
        FOREIGN KEY (parent_kind, structure_id) REFERENCES records (kind, id) DEFERRABLE INITIALLY DEFERRED
      );
      CREATE INDEX records_structures_by_commune ON records (code_insee, id) WHERE kind = 'structure';
      CREATE INDEX records_services_by_structure ON records (structure_id, id) WHERE kind = 'service';
      CREATE INDEX records_services_by_categorie ON records (categorie, id) WHERE kind = 'service';

      -- A deleted record: its id at the seq of the deletion, and its last content (a resolution may restore it).
      CREATE TABLE tombstones (
        kind text COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z]'),
        id text COLLATE "C" NOT NULL,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        structure_id text COLLATE "C",
        data jsonb NOT NULL,
        deleted_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (kind, id)
      );

      -- base/mine/theirs/resolution hold any JSON value, null included (SQL NULL: no resolution yet).
      CREATE TABLE conflicts (
        id text COLLATE "C" PRIMARY KEY,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        record_kind text COLLATE "C" NOT NULL CHECK (record_kind ~ '^[a-z]'),
        record_id text COLLATE "C" NOT NULL,
        field text COLLATE "C" NOT NULL,
        base jsonb NOT NULL,
        mine jsonb NOT NULL,
        theirs jsonb NOT NULL,
        mine_by text COLLATE "C" NOT NULL,
        theirs_by text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        statut text COLLATE "C" NOT NULL CHECK (statut IN ('ouvert', 'resolu')),
        resolution jsonb,
        resolved_by text COLLATE "C",
        resolved_at text COLLATE "C"
      );
      CREATE INDEX conflicts_by_record ON conflicts (record_kind, record_id);

      CREATE TABLE history (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        at text COLLATE "C" NOT NULL,
        account_id text COLLATE "C" NOT NULL,
        client_id text COLLATE "C",
        mutation_id integer,
        record_kind text COLLATE "C" NOT NULL CHECK (record_kind ~ '^[a-z]'),
        record_id text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        action text COLLATE "C" NOT NULL
          CHECK (action IN ('creation', 'modification', 'suppression', 'restauration')),
        changes jsonb NOT NULL
      );
      CREATE INDEX history_by_record ON history (record_kind, record_id, seq);

      CREATE TABLE accounts (
        id text COLLATE "C" PRIMARY KEY,
        nom text COLLATE "C" NOT NULL,
        role text COLLATE "C" NOT NULL CHECK (role IN ('coordinateur', 'travailleur', 'partenaire')),
        structure_id text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        disabled_at text COLLATE "C",
        -- A worker's team: gives no right on the directory, only widens the sending side of referrals.
        equipe_id text COLLATE "C" CHECK (equipe_id IS NULL OR role = 'travailleur'),
        -- A coordinator's territory: a JSON array of INSEE codes.
        communes jsonb CHECK (communes IS NULL OR (jsonb_typeof(communes) = 'array' AND role = 'coordinateur')),
        email text COLLATE "C",
        notifications text COLLATE "C" NOT NULL DEFAULT 'immediate'
          CHECK (notifications IN ('immediate', 'daily', 'none')),
        CHECK ((role = 'partenaire') = (structure_id IS NOT NULL))
      );

      -- Only the sha-256 of a code is kept.
      CREATE TABLE invitations (
        code_hash text COLLATE "C" PRIMARY KEY,
        role text COLLATE "C" NOT NULL CHECK (role IN ('coordinateur', 'travailleur', 'partenaire')),
        nom text COLLATE "C" NOT NULL,
        structure_id text COLLATE "C",
        account_id text COLLATE "C" REFERENCES accounts (id),
        created_by text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        expires_at text COLLATE "C",
        used_at text COLLATE "C",
        reusable boolean NOT NULL DEFAULT false,
        equipe_id text COLLATE "C" CHECK (equipe_id IS NULL OR role = 'travailleur'),
        email text COLLATE "C",
        CHECK ((role = 'partenaire') = (structure_id IS NOT NULL))
      );
      CREATE INDEX invitations_by_account ON invitations (account_id) WHERE account_id IS NOT NULL;

      CREATE TABLE devices (
        token_hash text COLLATE "C" PRIMARY KEY,
        client_id text COLLATE "C" NOT NULL UNIQUE,
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id),
        label text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        last_seen_at text COLLATE "C" NOT NULL,
        revoked_at text COLLATE "C",
        -- NULL when the device signed itself out, else the coordinator's account.
        revoked_by text COLLATE "C"
      );
      CREATE INDEX devices_by_account ON devices (account_id);

      CREATE TABLE clients (
        client_id text COLLATE "C" PRIMARY KEY REFERENCES devices (client_id),
        last_mutation_id integer NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
        gap_allowed boolean NOT NULL DEFAULT false
      );

      CREATE TABLE mutation_results (
        client_id text COLLATE "C" NOT NULL REFERENCES clients (client_id),
        mutation_id integer NOT NULL CHECK (mutation_id > 0),
        content_hash text COLLATE "C" NOT NULL,
        result jsonb NOT NULL,
        PRIMARY KEY (client_id, mutation_id)
      );

      -- Referrals have a seq of their own, apart from the directory feed.
      CREATE TABLE referral_seq (
        id integer PRIMARY KEY CHECK (id = 1),
        last bigint NOT NULL CHECK (last >= 0)
      );
      INSERT INTO referral_seq (id, last) VALUES (1, 0);

      CREATE TABLE referrals (
        id text COLLATE "C" PRIMARY KEY,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        content_hash text COLLATE "C" NOT NULL,
        structure_id text COLLATE "C" NOT NULL,
        service_id text COLLATE "C" NOT NULL,
        sender_account_id text COLLATE "C" NOT NULL,
        sender_scope text COLLATE "C" NOT NULL,
        statut text COLLATE "C" NOT NULL,
        motif text COLLATE "C",
        sent_at text COLLATE "C" NOT NULL,
        closed_at text COLLATE "C",
        erased_at text COLLATE "C",
        reuse_attempts integer NOT NULL DEFAULT 0 CHECK (reuse_attempts >= 0),
        data jsonb NOT NULL
      );
      CREATE INDEX referrals_to_structure ON referrals (structure_id, seq);
      CREATE INDEX referrals_from_team ON referrals (sender_scope, seq);
      CREATE INDEX referrals_open ON referrals (sent_at) WHERE statut IN ('envoyee', 'recue');
      CREATE INDEX referrals_to_erase ON referrals (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

      CREATE TABLE referral_changes (
        change_id text COLLATE "C" PRIMARY KEY,
        referral_id text COLLATE "C" NOT NULL REFERENCES referrals (id),
        content_hash text COLLATE "C" NOT NULL
      );

      -- No account, no device, no time of day (docs/orientation-events.md).
      CREATE TABLE orientation_events (
        id text COLLATE "C" PRIMARY KEY,
        semaine text COLLATE "C" NOT NULL,
        equipe_id text COLLATE "C",
        data jsonb NOT NULL
      );
      CREATE INDEX orientation_events_by_week ON orientation_events (semaine);

      -- Names only: no code, token, contact nor anything about the people oriented.
      CREATE TABLE audit (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        actor_id text COLLATE "C" NOT NULL,
        actor_nom text COLLATE "C" NOT NULL,
        action text COLLATE "C" NOT NULL,
        cible text COLLATE "C" NOT NULL,
        commune text COLLATE "C"
      );

      CREATE TABLE claims (
        id text COLLATE "C" PRIMARY KEY,
        structure_id text COLLATE "C" NOT NULL,
        nom text COLLATE "C" NOT NULL,
        contact text COLLATE "C",
        etat text COLLATE "C" NOT NULL CHECK (etat IN ('ouverte', 'acceptee', 'refusee')),
        created_at text COLLATE "C" NOT NULL,
        decided_at text COLLATE "C",
        account_id text COLLATE "C" REFERENCES accounts (id),
        CHECK ((etat = 'ouverte') = (contact IS NOT NULL))
      );

      CREATE TABLE mail_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text COLLATE "C" NOT NULL UNIQUE,
        recipient text COLLATE "C" NOT NULL,
        template text COLLATE "C" NOT NULL,
        params jsonb NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        next_attempt_at text COLLATE "C" NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        locked_until text COLLATE "C",
        sent_at text COLLATE "C",
        abandoned_at text COLLATE "C"
      );
      CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;

      CREATE TABLE mail_digest_events (
        key text COLLATE "C" PRIMARY KEY,
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id),
        event text COLLATE "C" NOT NULL,
        day text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        digested_at text COLLATE "C"
      );
      CREATE INDEX mail_digest_pending ON mail_digest_events (day, account_id) WHERE digested_at IS NULL;
    `,
  },
  {
    description:
      "readers' totals kept at write time (SQLite step 10): each live record's count buckets, and one counter per " +
      'bucket and kind, so that a pull reads a few counters instead of counting the directory at every new seq',
    sql: `
      -- The buckets a record was counted in (sync/visibility.ts), kept so that its next write or its deletion takes
      -- exactly those away, even when its structure has changed since.
      CREATE TABLE counted (
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        buckets jsonb NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE TABLE totals (
        bucket text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        n integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY (bucket, kind)
      );
    `,
    backfill: backfillPostgresTotals,
  },
];

/**
 * Applies the missing steps in one transaction; returns the schema version the database is at afterwards. The
 * version is read under an advisory lock held until commit: a second instance starting at the same time waits,
 * then finds the steps done.
 */
export async function migratePostgres(
  sql: Sql,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_version (
      id integer PRIMARY KEY CHECK (id = 1),
      version integer NOT NULL CHECK (version >= 0)
    )`;
    const [row] = await tx<{ version: number }[]>`SELECT version FROM schema_version WHERE id = 1`;
    const current = row?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `Base de données au schéma ${current}, plus récent que ce serveur (${migrations.length}) : mettez le serveur à jour.`,
      );
    }
    for (let step = current; step < migrations.length; step++) {
      const migration = migrations[step];
      if (!migration) throw new Error(`Migration ${step + 1} absente`);
      await tx.unsafe(migration.sql);
      await migration.backfill?.(tx);
    }
    if (current < migrations.length) {
      await tx`INSERT INTO schema_version (id, version) VALUES (1, ${migrations.length})
        ON CONFLICT (id) DO UPDATE SET version = excluded.version`;
    }
    return migrations.length;
  }) as Promise<number>;
}
