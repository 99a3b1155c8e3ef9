// The server's rules for each record kind, in one table: who may create, edit and delete one, who may read it,
// what the server sets on creation, which other records it refers to, what happens to it when an owning structure
// is deleted, and the columns SQLite copies from it for filters and counts. Everything else — decide*.ts, the
// feed, both stores — is written once for every kind and reads these rules. The schema and owners of a kind are
// in src/domain/record-kinds.ts. Adding a kind: docs/sync-protocol.md, "Record kinds".
import { ownersOf, type RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { Account, RecordKind } from '../../src/domain/sync-protocol.ts';
import { canSeeAction, canSeeService, canSeeStructure, type Reader } from './visibility.ts';

/** Copies of a record's fields in its SQLite row (server/storage/sqlite-records.ts). */
export interface StorageColumns {
  structure_id: string | null;
  code_insee: string | null;
  categorie: string | null;
  visibilite: string | null;
  statut: string | null;
}

export interface Reference {
  kind: RecordKind;
  id: string;
  /** Path of the field inside the record, for the rejection. */
  path: string;
}

export interface KindRules<K extends RecordKind> {
  /** Judged on the record as sent (not yet validated: read its fields defensively). */
  mayCreate(account: Account, sent: Readonly<Record<string, unknown>>): boolean;
  /** The French reason of a refused creation. */
  forbiddenCreate: string;
  /** Judged on the server's copy; a change must also leave the record editable by its author. */
  mayEdit(account: Account, held: RecordOfKind[K]): boolean;
  mayDelete(account: Account, held: RecordOfKind[K]): boolean;
  /** Fields the server sets on a new record besides version and date_maj. */
  createdFields(account: Account, candidate: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /** Records that must be live when this one is created or restored. */
  references(record: RecordOfKind[K]): Reference[];
  /** When its owning structure `structureId` is deleted: go with it, or stay (other owners remain). */
  onOwnerDeleted(record: RecordOfKind[K], structureId: string): 'delete' | 'keep';
  canSee(reader: Reader, record: RecordOfKind[K], structureOf: (id: string) => Structure | undefined): boolean;
  columns(record: RecordOfKind[K]): StorageColumns;
  /** SQLite: the JSON path of the record's owners (a string or an array of strings), for `ownedBy`. */
  ownersPath: string;
  /**
   * SQLite: how many live records of this kind a non-professional reader sees (`@own`: the partner's structure,
   * NULL for anonymous), the same rule as `canSee` (the contract suite checks that counts agree with the feed).
   */
  publicCountSql: string;
}

const isPartner = (account: Account) => account.role === 'partenaire';
const ownedBy = (account: Account, owners: readonly string[]) =>
  account.structure_id !== undefined && owners.includes(account.structure_id);

export const KIND_RULES: { readonly [K in RecordKind]: KindRules<K> } = {
  // Coordinators everything and alone delete a whole partner; workers create (proposed) and edit; a partner its own.
  structure: {
    mayCreate: (account) => !isPartner(account),
    forbiddenCreate: 'Un compte partenaire ne peut pas créer de structure : demandez-le à la coordination.',
    mayEdit: (account, held) => !isPartner(account) || ownedBy(account, [held.id]),
    mayDelete: (account) => account.role === 'coordinateur',
    createdFields: (account, candidate) => {
      const statut = account.role === 'coordinateur' ? (candidate.statut ?? 'publiee') : 'proposee';
      return {
        verification: null,
        statut,
        // Issue 7: a proposal is signed by its author (who sees it until a coordinator decides); what only
        // coordinators write (recommendations, refusal, merge) is never taken from a new record.
        proposee_par: statut === 'proposee' ? { account_id: account.id, nom: account.nom } : undefined,
        fusion_vers: undefined,
        ...(account.role === 'coordinateur' ? {} : { recommandee_pour: undefined, refus: undefined }),
      };
    },
    references: () => [],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, structure) => canSeeStructure(reader, structure),
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
  },
  service: {
    mayCreate: (account, sent) =>
      !isPartner(account) || (typeof sent.structure_id === 'string' && ownedBy(account, [sent.structure_id])),
    forbiddenCreate: 'Un compte partenaire ne peut ajouter des services qu’à sa propre structure.',
    mayEdit: (account, held) => !isPartner(account) || ownedBy(account, ownersOf('service', held)),
    mayDelete: (account, held) => !isPartner(account) || ownedBy(account, ownersOf('service', held)),
    // Issue 7: notes and criteria are added by edits (the server signs new notes there), never on creation.
    createdFields: () => ({ verification: null, notes_pro: undefined, criteres: undefined }),
    references: (service) => [{ kind: 'structure', id: service.structure_id, path: 'structure_id' }],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, service, structureOf) => canSeeService(reader, service, () => structureOf(service.structure_id)),
    columns: (v) => ({
      structure_id: v.structure_id,
      code_insee: v.lieu?.code_insee ?? null,
      categorie: v.categorie ?? null,
      visibilite: v.visibilite,
      statut: null,
    }),
    ownersPath: '$.structure_id',
    publicCountSql: `SELECT count(*) AS n FROM records v JOIN records p ON p.kind = 'structure' AND p.id = v.structure_id
      WHERE v.kind = 'service' AND (v.structure_id = @own OR (v.visibilite = 'public' AND p.visibilite = 'public'
        AND p.statut = 'publiee'))`,
  },
  // The programme (issue 7): coordinators and the organising partners write it; workers read it.
  action: {
    mayCreate: (account, sent) =>
      account.role === 'coordinateur' ||
      (isPartner(account) && Array.isArray(sent.organisateurs) && ownedBy(account, sent.organisateurs as string[])),
    forbiddenCreate:
      'Seuls la coordination et les partenaires organisateurs peuvent ajouter une action (un partenaire : en ' +
      'se comptant parmi les organisateurs).',
    mayEdit: (account, held) =>
      account.role === 'coordinateur' || (isPartner(account) && ownedBy(account, held.organisateurs)),
    mayDelete: (account, held) =>
      account.role === 'coordinateur' || (isPartner(account) && ownedBy(account, held.organisateurs)),
    createdFields: () => ({}),
    references: (action) => [
      ...action.organisateurs.map((id, i) => ({ kind: 'structure' as const, id, path: `organisateurs[${i}]` })),
      ...(action.lieu.type === 'structure'
        ? [{ kind: 'structure' as const, id: action.lieu.structure_id, path: 'lieu.structure_id' }]
        : []),
    ],
    // An action run by several partners stays when one of them goes; alone, it goes with its organiser.
    onOwnerDeleted: (action, structureId) =>
      action.organisateurs.every((id) => id === structureId) ? 'delete' : 'keep',
    canSee: (reader, action) => canSeeAction(reader, action),
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
  },
};

export function rulesOf<K extends RecordKind>(kind: K): KindRules<K> {
  return KIND_RULES[kind] as KindRules<K>;
}
