// How SQLite stores each record kind: the columns copied from a record for filters and counts, the JSON path of its
// owners, and the counts a reader's class sees — the SQL side of server/sync/record-kinds.ts (the pure rules) and
// of sync/visibility.ts (who sees what; the contract suite checks that these counts agree with the feed). Adding a
// kind: docs/sync-protocol.md, « Record kinds ».
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';

/** Copies of a record's fields in its SQLite row (sqlite-records.ts). */
export interface StorageColumns {
  structure_id: string | null;
  code_insee: string | null;
  categorie: string | null;
  visibilite: string | null;
  statut: string | null;
}

export interface SqliteKind<K extends RecordKind> {
  columns(record: RecordOfKind[K]): StorageColumns;
  /** The JSON path of the record's owners (a string or an array of strings), for `ownedBy`. */
  ownersPath: string;
  /**
   * How many live records of this kind a non-professional reader sees (`@own`: the partner's structure, NULL for
   * anonymous), the same rule as `canSee` (the contract suite checks that counts agree with the feed).
   */
  publicCountSql: string;
  /** The same for a worker (`@account`: its id): all but others' proposals and reports, no campaigns. */
  workerCountSql: string;
}

export const SQLITE_KINDS: { readonly [K in RecordKind]: SqliteKind<K> } = {
  structure: {
    columns: (s) => ({
      structure_id: null,
      code_insee: s.code_insee,
      categorie: null,
      visibilite: s.visibilite,
      statut: s.statut,
    }),
    ownersPath: '$.id',
    publicCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'structure'
      AND (id = @own OR (visibilite = 'public' AND statut = 'publiee'))`,
    // Split on `statut` so that the common case reads the index only (records_visibility), never the JSON.
    workerCountSql: `SELECT (SELECT count(*) FROM records WHERE kind = 'structure' AND statut IS NOT 'proposee')
      + (SELECT count(*) FROM records WHERE kind = 'structure' AND statut = 'proposee'
        AND json_extract(data, '$.proposee_par.account_id') = @account) AS n`,
  },
  service: {
    columns: (v) => ({
      structure_id: v.structure_id,
      code_insee: v.lieu?.code_insee ?? null,
      categorie: v.categorie ?? null,
      visibilite: v.visibilite,
      statut: null,
    }),
    ownersPath: '$.structure_id',
    // Every service has its structure (a foreign key): the counts start from all services, read from indexes, and
    // take away the few whose structure hides them (not public, not published, another account's proposal) — found
    // from those structures (CROSS JOIN keeps them the outer loop) — so that a count never joins every service to
    // its structure nor reads a record's JSON but a proposal's.
    publicCountSql: `SELECT (SELECT count(*) FROM records WHERE kind = 'service' AND structure_id = @own)
      + (SELECT count(*) FROM records WHERE kind = 'service' AND visibilite = 'public' AND structure_id IS NOT @own)
      - (SELECT count(*) FROM records p CROSS JOIN records v ON v.kind = 'service' AND v.structure_id = p.id
        WHERE p.kind = 'structure' AND (p.visibilite IS NOT 'public' OR p.statut IS NOT 'publiee')
        AND v.visibilite = 'public' AND v.structure_id IS NOT @own) AS n`,
    workerCountSql: `SELECT (SELECT count(*) FROM records WHERE kind = 'service')
      - (SELECT count(*) FROM records p CROSS JOIN records v ON v.kind = 'service' AND v.structure_id = p.id
        WHERE p.kind = 'structure' AND p.statut = 'proposee'
        AND json_extract(p.data, '$.proposee_par.account_id') IS NOT @account) AS n`,
  },
  action: {
    columns: (a) => ({
      structure_id: null,
      code_insee: a.lieu.type === 'adresse' ? (a.lieu.code_insee ?? null) : null,
      categorie: a.type,
      visibilite: a.visibilite,
      statut: null,
    }),
    ownersPath: '$.organisateurs',
    publicCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'action' AND (visibilite = 'public'
      OR EXISTS (SELECT 1 FROM json_each(data, '$.organisateurs') WHERE value = @own))`,
    workerCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'action'`,
  },
  signalement: {
    columns: (s) => ({
      structure_id: null,
      code_insee: null,
      categorie: s.motif,
      visibilite: null,
      statut: s.etat,
    }),
    ownersPath: '$.structure_id',
    publicCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'signalement'
      AND (json_extract(data, '$.structure_id') = @own OR json_extract(data, '$.auteur.account_id') = @account)`,
    workerCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'signalement'
      AND json_extract(data, '$.auteur.account_id') = @account`,
  },
  campagne: {
    columns: () => ({ structure_id: null, code_insee: null, categorie: null, visibilite: null, statut: null }),
    ownersPath: '$.partenaires',
    publicCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'campagne'
      AND EXISTS (SELECT 1 FROM json_each(data, '$.partenaires') WHERE value = @own)`,
    workerCountSql: `SELECT 0 AS n`,
  },
  reponse_campagne: {
    columns: () => ({
      structure_id: null,
      code_insee: null,
      categorie: null,
      visibilite: null,
      statut: null,
    }),
    ownersPath: '$.structure_id',
    publicCountSql: `SELECT count(*) AS n FROM records WHERE kind = 'reponse_campagne' AND json_extract(data, '$.structure_id') = @own`,
    workerCountSql: `SELECT 0 AS n`,
  },
};

export function sqliteKindOf<K extends RecordKind>(kind: K): SqliteKind<K> {
  return SQLITE_KINDS[kind] as SqliteKind<K>;
}
