// The server's rules for each record kind, in one table: who may create, edit and delete one, who may read it,
// what the server sets on creation, which other records it refers to, and what happens to it when an owning
// structure is deleted. Pure: how SQLite stores each kind is server/storage/sqlite-kinds.ts. Everything else —
// decide*.ts, the feed, the stores — is written once for every kind and reads these rules. The schema and owners of a kind are
// in src/domain/record-kinds.ts. Adding a kind: docs/sync-protocol.md, "Record kinds".
import { CAMPAIGN_RESPONSE_EDITABLE } from '../../src/domain/campaign.ts';
import { ownersOf, type RecordOfKind } from '../../src/domain/record-kinds.ts';
import { REPORT_EDITABLE } from '../../src/domain/report.ts';
import type { Account, RecordKind } from '../../src/domain/sync-protocol.ts';
import { isoInstant } from './server-clock.ts';
import {
  actionBuckets,
  campaignBuckets,
  campaignResponseBuckets,
  canSeeAction,
  canSeeCampaign,
  canSeeCampaignResponse,
  canSeeReport,
  canSeeService,
  canSeeStructure,
  type Reader,
  reportBuckets,
  type StructureVisibility,
  serviceBuckets,
  structureBuckets,
} from './visibility.ts';

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
  /** Fields the server sets on a new record besides version and date_maj (`now`: the server's clock). */
  createdFields(account: Account, candidate: Readonly<Record<string, unknown>>, now: Date): Record<string, unknown>;
  /** When set, the only fields a record.update may change (others are refused `invalide`, naming them). */
  editable?: ReadonlySet<string>;
  /** Values of an update the server stamps for this kind (who and when), whatever the device sent. */
  stampUpdate?(changes: Readonly<Record<string, unknown>>, account: Account, at: string): Record<string, unknown>;
  /** Records that must be live when this one is created or restored. */
  references(record: RecordOfKind[K]): Reference[];
  /** When its owning structure `structureId` is deleted: go with it, or stay (other owners remain). */
  onOwnerDeleted(record: RecordOfKind[K], structureId: string): 'delete' | 'keep';
  canSee(
    reader: Reader,
    record: RecordOfKind[K],
    structureOf: (id: string) => StructureVisibility | undefined,
  ): boolean;
  /**
   * The count buckets of a live record (visibility.ts): the same rule as `canSee`, as the stores keep totals.
   * `parentOf` gives a structure's visibility, asked only by kinds whose visibility follows their structure.
   */
  countBuckets(record: RecordOfKind[K], parentOf: (id: string) => StructureVisibility | undefined): string[];
}

const isPartner = (account: Account) => account.role === 'partenaire';
const ownedBy = (account: Account, owners: readonly string[]) =>
  account.structure_id !== undefined && owners.includes(account.structure_id);
const isCoordinator = (account: Account) => account.role === 'coordinateur';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const KIND_RULES: { readonly [K in RecordKind]: KindRules<K> } = {
  // Coordinators everything and alone delete a whole partner; workers create (proposed) and edit; a partner its own.
  structure: {
    mayCreate: (account) => !isPartner(account),
    forbiddenCreate: 'Un compte partenaire ne peut pas créer de structure : demandez-le à la coordination.',
    // A worker edits any listing it can see: not another account's proposal.
    mayEdit: (account, held) =>
      isPartner(account)
        ? ownedBy(account, [held.id])
        : isCoordinator(account) || held.statut !== 'proposee' || held.proposee_par?.account_id === account.id,
    mayDelete: (account) => account.role === 'coordinateur',
    createdFields: (account, candidate, now) => {
      const statut = account.role === 'coordinateur' ? (candidate.statut ?? 'publiee') : 'proposee';
      const proposal = statut === 'proposee';
      return {
        verification: null,
        statut,
        // A proposal is signed by its author (who sees it until a coordinator decides) and dated by the
        // server's clock; what only coordinators write (recommendations, refusal, merge) is never taken from a
        // new record.
        proposee_par: proposal
          ? {
              account_id: account.id,
              nom: account.nom,
              role: account.role,
              ...(account.equipe_id === undefined ? {} : { equipe_id: account.equipe_id }),
            }
          : undefined,
        proposee_le: proposal ? isoInstant(now) : undefined,
        fusion_vers: undefined,
        ...(account.role === 'coordinateur' ? {} : { recommandee_pour: undefined, refus: undefined }),
      };
    },
    references: () => [],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, structure) => canSeeStructure(reader, structure),
    countBuckets: (structure) => structureBuckets(structure),
  },
  service: {
    mayCreate: (account, sent) =>
      !isPartner(account) || (typeof sent.structure_id === 'string' && ownedBy(account, [sent.structure_id])),
    forbiddenCreate: 'Un compte partenaire ne peut ajouter des services qu’à sa propre structure.',
    mayEdit: (account, held) => !isPartner(account) || ownedBy(account, ownersOf('service', held)),
    mayDelete: (account, held) => !isPartner(account) || ownedBy(account, ownersOf('service', held)),
    // Notes and criteria are added by edits (the server signs new notes there), never on creation.
    createdFields: () => ({ verification: null, notes_pro: undefined, criteres: undefined }),
    references: (service) => [{ kind: 'structure', id: service.structure_id, path: 'structure_id' }],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, service, structureOf) => canSeeService(reader, service, () => structureOf(service.structure_id)),
    countBuckets: (service, parentOf) => serviceBuckets(service, parentOf(service.structure_id)),
  },
  // The programme: coordinators and the organising partners write it; workers read it.
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
    countBuckets: (action) => actionBuckets(action),
  },
  // « Signaler une erreur »: anyone signed in reports; the partner concerned and coordinators close.
  signalement: {
    mayCreate: () => true,
    forbiddenCreate: 'Signalement non autorisé pour ce compte.',
    mayEdit: (account, held) => isCoordinator(account) || ownedBy(account, [held.structure_id]),
    // Removing a report is moderation (a report sent twice, an abusive comment): coordinators only.
    mayDelete: (account) => isCoordinator(account),
    createdFields: (account, _candidate, now) => ({
      auteur: { account_id: account.id, nom: account.nom },
      signale_le: isoInstant(now),
      etat: 'ouvert',
      cloture: undefined,
    }),
    editable: REPORT_EDITABLE,
    stampUpdate: (changes, account, at) =>
      isObject(changes.cloture) ? { ...changes, cloture: { ...changes.cloture, par: account.nom, le: at } } : changes,
    references: (s) => [
      { kind: 'structure', id: s.structure_id, path: 'structure_id' },
      ...(s.service_id === undefined ? [] : [{ kind: 'service' as const, id: s.service_id, path: 'service_id' }]),
    ],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, s) => canSeeReport(reader, s),
    countBuckets: (s) => reportBuckets(s),
  },
  // Update campaigns: coordinators decide them; the partners asked read them.
  campagne: {
    mayCreate: (account) => isCoordinator(account),
    forbiddenCreate: 'Seule la coordination lance une campagne de mise à jour.',
    mayEdit: (account) => isCoordinator(account),
    mayDelete: (account) => isCoordinator(account),
    createdFields: () => ({}),
    references: (c) => c.partenaires.map((id, i) => ({ kind: 'structure' as const, id, path: `partenaires[${i}]` })),
    // A campaign asks many partners: one going away does not end it.
    onOwnerDeleted: () => 'keep',
    canSee: (reader, c) => canSeeCampaign(reader, c),
    countBuckets: (c) => campaignBuckets(c),
  },
  // A partner's answers to a campaign (src/domain/campaign.ts): the partner itself, or a coordinator on its behalf.
  reponse_campagne: {
    mayCreate: (account, sent) =>
      isCoordinator(account) || (typeof sent.structure_id === 'string' && ownedBy(account, [sent.structure_id])),
    forbiddenCreate: 'Un partenaire ne répond aux campagnes que pour sa propre structure.',
    mayEdit: (account, held) => isCoordinator(account) || ownedBy(account, [held.structure_id]),
    mayDelete: (account) => isCoordinator(account),
    // Answers come as updates, stamped there; a new record starts empty whatever it carried.
    createdFields: () => ({
      horaires: undefined,
      conditions: undefined,
      tarifs: undefined,
      contacts: undefined,
      fiche_liaison: undefined,
    }),
    editable: CAMPAIGN_RESPONSE_EDITABLE,
    stampUpdate: (changes, account, at) => {
      const out: Record<string, unknown> = { ...changes };
      for (const [field, value] of Object.entries(changes)) {
        if (isObject(value)) out[field] = { ...value, par: account.nom, le: at };
      }
      return out;
    },
    references: (r) => [
      { kind: 'campagne', id: r.campagne_id, path: 'campagne_id' },
      { kind: 'structure', id: r.structure_id, path: 'structure_id' },
    ],
    onOwnerDeleted: () => 'delete',
    canSee: (reader, r) => canSeeCampaignResponse(reader, r),
    countBuckets: (r) => campaignResponseBuckets(r),
  },
};

export function rulesOf<K extends RecordKind>(kind: K): KindRules<K> {
  return KIND_RULES[kind] as KindRules<K>;
}
