// Who may change what (docs/sync-protocol.md, "Roles"). Pure functions of the account and the record as the
// server holds it: the device's copy is never trusted for a permission. A `false` becomes a rejection `interdit`
// that changes nothing.
//
// - coordinateur: everything, and alone changes a structure's `statut` (publishes a proposed partner);
// - travailleur: creates and edits any structure or service (a structure it creates is `proposee`), deletes
//   services; deleting a whole partner (its structure and every service) is a coordinator's decision;
// - partenaire: edits its own structure and that structure's services, creates and deletes those services; it
//   cannot create a structure nor delete its own;
// - actions: coordinators, and the partners among an action's organisers; workers only read them.
// The rules of each kind live in server/sync/record-kinds.ts; this module is their entry point.
// Whoever may edit a listing may also confirm it ("Les informations sont à jour": `verification`, stamped
// by the server); professionals' annotations (notes, own criteria) are written by professionals only, and the MDM
// recommendations, a proposal's refusal and its merge into another structure by coordinators only.
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Account, RecordKind } from '../../src/domain/sync-protocol.ts';
import { rulesOf } from '../sync/record-kinds.ts';

/** Fields only the server writes: identity, provenance, the version counter and server-clock dates. */
export const SERVER_OWNED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'source',
  'version',
  'structure_id',
  'date_maj',
  'proposee_par',
  'proposee_le',
  'recoit_orientations',
]);

/** Fields only a coordinator changes. */
export const COORDINATOR_FIELDS: ReadonlySet<string> = new Set(['statut', 'recommandee_pour', 'refus', 'fusion_vers']);

/** Fields partners neither read nor write (src/domain/listing-annotations.ts). */
export const PROFESSIONAL_ONLY_FIELDS: ReadonlySet<string> = new Set(['notes_pro', 'criteres']);

/**
 * Judged on the record as sent (`record.create`): each kind's rule (server/sync/record-kinds.ts) — a partner
 * creates services of its own structure and the actions it organises; only coordinators and partners write the
 * programme of actions.
 */
export function mayCreate(account: Account, kind: RecordKind, sent: Readonly<Record<string, unknown>>): boolean {
  return rulesOf(kind).mayCreate(account, sent);
}

export function mayEdit<K extends RecordKind>(account: Account, kind: K, record: RecordOfKind[K]): boolean {
  return rulesOf(kind).mayEdit(account, record);
}

export function mayDelete<K extends RecordKind>(account: Account, kind: K, record: RecordOfKind[K]): boolean {
  return rulesOf(kind).mayDelete(account, record);
}

export type FieldAccess = 'ok' | 'unknown' | 'server-owned' | 'coordinator-only' | 'professional-only';

/** Whether `account` may change `field` of a record whose schema has `knownFields`. */
export function fieldAccess(account: Account, field: string, knownFields: ReadonlySet<string>): FieldAccess {
  if (!knownFields.has(field)) return 'unknown';
  if (SERVER_OWNED_FIELDS.has(field)) return 'server-owned';
  if (COORDINATOR_FIELDS.has(field) && account.role !== 'coordinateur') return 'coordinator-only';
  if (PROFESSIONAL_ONLY_FIELDS.has(field) && account.role === 'partenaire') return 'professional-only';
  return 'ok';
}
