// Building and checking the record a mutation would leave behind. Shared by every mutation of decide*.ts: a
// change is applied to a copy, the server-owned fields are set from the server's clock, and the result must
// parse with the domain schema of its kind before anything is written.

import { applyFieldChanges } from '../../src/domain/record-changes.ts';
import { serviceSchema } from '../../src/domain/service.ts';
import { structureSchema } from '../../src/domain/structure.ts';
import type { MutationResult, RecordKind, Rejection } from '../../src/domain/sync-protocol.ts';
import { type Problem, parse } from '../../src/domain/validation.ts';
import type { MOTIFS_REJET } from '../../src/domain/vocabulary.ts';
import type { DirectoryWrite } from '../storage/directory-store.ts';
import type { Decision, DirectoryRecord, HistoryDraft, Operation, SyncView } from './decision.ts';
import { orNull } from './json-values.ts';
import { parisDate } from './server-clock.ts';

const KNOWN_FIELDS: Record<RecordKind, ReadonlySet<string>> = {
  structure: new Set(Object.keys(structureSchema.shape)),
  service: new Set(Object.keys(serviceSchema.shape)),
};

export function knownFields(kind: RecordKind): ReadonlySet<string> {
  return KNOWN_FIELDS[kind];
}

/**
 * A copy of `record` with `changes` applied, exactly as the device applies them (src/domain/record-changes.ts):
 * `null` removes an optional field, except on the fields whose schema admits null as a value.
 */
export function withChanges(
  record: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return applyFieldChanges({ ...record }, changes);
}

/** A new state of a record: next version, content date of today in Lyon (the server's clock). */
export function bumped(candidate: Record<string, unknown>, previousVersion: number, now: Date) {
  return { ...candidate, version: previousVersion + 1, date_maj: parisDate(now) };
}

/** Parses the record a mutation would write; problems are paths inside the record, in French. */
export function validated(
  kind: RecordKind,
  candidate: unknown,
): { ok: true; write: DirectoryWrite } | { ok: false; problems: Problem[] } {
  if (kind === 'structure') {
    const parsed = parse(structureSchema, candidate);
    return parsed.ok ? { ok: true, write: { kind, record: parsed.value } } : parsed;
  }
  const parsed = parse(serviceSchema, candidate);
  return parsed.ok ? { ok: true, write: { kind, record: parsed.value } } : parsed;
}

export function refuse(id: number, code: keyof typeof MOTIFS_REJET, message: string, problems?: Problem[]): Decision {
  const reason: Rejection = { code, message, ...(problems ? { problems } : {}) };
  return { result: { id, status: 'rejected', reason }, operations: [] };
}

export function applied(id: number, operations: Operation[]): Decision {
  const result: MutationResult = { id, status: 'applied' };
  return { result, operations };
}

/** History of the fields whose value differs between two states of a record (absent = null). */
export function fieldChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: Iterable<string>,
): HistoryDraft['changes'] {
  const changes: HistoryDraft['changes'] = {};
  for (const field of fields) changes[field] = { old: orNull(before[field]), new: orNull(after[field]) };
  return changes;
}

/** Deleting a structure deletes its services first (a service never outlives its structure). */
export function deleteOperations(view: SyncView, kind: RecordKind, record: DirectoryRecord): Operation[] {
  const services = kind === 'structure' ? view.servicesOf(record.id) : [];
  const one = (k: RecordKind, r: DirectoryRecord): Operation => ({
    op: 'delete',
    kind: k,
    id: r.id,
    last: r,
    history: { action: 'suppression', changes: { '*': { old: r, new: null } } },
  });
  return [...services.map((service) => one('service', service)), one(kind, record)];
}

/**
 * A structure whose visibility changed (visibilite, or statut: proposed → published) moves its services to new
 * seqs, unchanged, so that each reader's feed re-evaluates them with their structure (shown, or tombstoned).
 */
export function resequencedServices(view: SyncView, before: DirectoryRecord, after: DirectoryWrite): Operation[] {
  if (after.kind !== 'structure' || !('statut' in before)) return [];
  const { record } = after;
  if (before.visibilite === record.visibilite && before.statut === record.statut) return [];
  return view
    .servicesOf(record.id)
    .map((service): Operation => ({ op: 'put', write: { kind: 'service', record: service } }));
}
