// How SQLite stores each record kind: the columns copied from a record for filters, and the JSON path of its
// owners — the SQL side of server/sync/record-kinds.ts (the pure rules). Readers' totals are kept from the rules'
// count buckets (sqlite-totals.ts). Adding a kind: docs/sync-protocol.md, « Record kinds ».
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
  },
  campagne: {
    columns: () => ({ structure_id: null, code_insee: null, categorie: null, visibilite: null, statut: null }),
    ownersPath: '$.partenaires',
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
  },
};

export function sqliteKindOf<K extends RecordKind>(kind: K): SqliteKind<K> {
  return SQLITE_KINDS[kind] as SqliteKind<K>;
}
