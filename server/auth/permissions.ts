// Who may change what (docs/sync-protocol.md, "Roles"). Pure functions of the account and the record as the
// server holds it: the device's copy is never trusted for a permission. A `false` becomes a rejection `interdit`
// that changes nothing.
//
// - coordinateur: everything, and alone changes a structure's `statut` (publishes a proposed partner);
// - travailleur: creates and edits any structure or service (a structure it creates is `proposee`), deletes
//   services; deleting a whole partner (its structure and every service) is a coordinator's decision;
// - partenaire: edits its own structure and that structure's services, creates and deletes those services; it
//   cannot create a structure nor delete its own.
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { Account, RecordKind } from '../../src/domain/sync-protocol.ts';

/** Fields only the server writes: identity, provenance, the version counter and server-clock dates. */
export const SERVER_OWNED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'source',
  'version',
  'structure_id',
  'date_maj',
  'verification',
]);

/** Fields only a coordinator changes. */
export const COORDINATOR_FIELDS: ReadonlySet<string> = new Set(['statut']);

/** The structure a record belongs to: itself for a structure, its parent for a service. */
export function owningStructure(kind: RecordKind, record: Structure | Service): string {
  return kind === 'service' && 'structure_id' in record ? record.structure_id : record.id;
}

export function mayCreate(account: Account, kind: RecordKind, structureId: string | undefined): boolean {
  if (account.role !== 'partenaire') return true;
  return kind === 'service' && structureId !== undefined && structureId === account.structure_id;
}

export function mayEdit(account: Account, kind: RecordKind, record: Structure | Service): boolean {
  if (account.role !== 'partenaire') return true;
  return owningStructure(kind, record) === account.structure_id;
}

export function mayDelete(account: Account, kind: RecordKind, record: Structure | Service): boolean {
  if (account.role === 'coordinateur') return true;
  if (kind === 'structure') return false;
  return mayEdit(account, kind, record);
}

export type FieldAccess = 'ok' | 'unknown' | 'server-owned' | 'coordinator-only';

/** Whether `account` may change `field` of a record whose schema has `knownFields`. */
export function fieldAccess(account: Account, field: string, knownFields: ReadonlySet<string>): FieldAccess {
  if (!knownFields.has(field)) return 'unknown';
  if (SERVER_OWNED_FIELDS.has(field)) return 'server-owned';
  if (COORDINATOR_FIELDS.has(field) && account.role !== 'coordinateur') return 'coordinator-only';
  return 'ok';
}
