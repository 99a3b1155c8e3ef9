// Building and checking the record a mutation would leave behind. Shared by every mutation of decide*.ts: a
// change is applied to a copy, the server-owned fields are set from the server's clock, and the result must
// parse with the domain schema of its kind before anything is written.

import { applyFieldChanges } from '../../src/domain/record-changes.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { fieldsOfKind, parseRecord } from '../../src/domain/record-kinds.ts';
import type { MutationResult, RecordKind, Rejection } from '../../src/domain/sync-protocol.ts';
import { parisDay } from '../../src/domain/time/paris-time.ts';
import type { Problem } from '../../src/domain/validation.ts';
import type { MOTIFS_REJET } from '../../src/domain/vocabulary.ts';
import type { Decision, DirectoryRecord, DirectoryWrite, HistoryDraft, Operation, SyncView } from './decision.ts';
import { orNull } from './json-values.ts';
import { type Reference, rulesOf } from './record-kinds.ts';

const KNOWN_FIELDS = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, fieldsOfKind(kind)])) as Record<
  RecordKind,
  ReadonlySet<string>
>;

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
  return { ...candidate, version: previousVersion + 1, date_maj: parisDay(now) };
}

/** Parses the record a mutation would write; problems are paths inside the record, in French. */
export function validated(
  kind: RecordKind,
  candidate: unknown,
): { ok: true; write: DirectoryWrite } | { ok: false; problems: Problem[] } {
  const parsed = parseRecord(kind, candidate);
  return parsed.ok ? { ok: true, write: { kind, record: parsed.value } as DirectoryWrite } : parsed;
}

/** The first record `record` refers to that is not live (a service's structure, an action's organisers). */
export async function missingReference(view: SyncView, write: DirectoryWrite): Promise<Problem | undefined> {
  const references = (rulesOf(write.kind).references as (r: DirectoryRecord) => Reference[])(write.record);
  let missing: Reference | undefined;
  for (const ref of references) {
    if (!(await view.record(ref.kind, ref.id))) {
      missing = ref;
      break;
    }
  }
  return missing && { path: missing.path, message: 'Structure inconnue ou supprimée' };
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

/**
 * Deleting a structure deletes first the records it owns that go with it (its services, the actions it organises
 * alone: server/sync/record-kinds.ts `onOwnerDeleted`): nothing is left pointing at a deleted partner.
 */
export async function deleteOperations(
  view: SyncView,
  kind: RecordKind,
  record: DirectoryRecord,
): Promise<Operation[]> {
  const one = (k: RecordKind, r: DirectoryRecord): Operation => ({
    op: 'delete',
    kind: k,
    id: r.id,
    last: r,
    history: { action: 'suppression', changes: { '*': { old: r, new: null } } },
  });
  const dependents: Operation[] = [];
  if (kind === 'structure') {
    for (const other of RECORD_KINDS) {
      if (other === 'structure') continue;
      const goes = rulesOf(other).onOwnerDeleted as (r: DirectoryRecord, structureId: string) => 'delete' | 'keep';
      for (const owned of (await view.ownedBy(other, record.id)) as DirectoryRecord[]) {
        if (goes(owned, record.id) === 'delete') dependents.push(one(other, owned));
      }
    }
  }
  return [...dependents, one(kind, record)];
}

/**
 * A structure whose visibility changed (visibilite, or statut: proposed → published) moves its services to new
 * seqs, unchanged, so that each reader's feed re-evaluates them with their structure (shown, or tombstoned).
 */
export async function resequencedServices(
  view: SyncView,
  before: DirectoryRecord,
  after: DirectoryWrite,
): Promise<Operation[]> {
  if (after.kind !== 'structure' || !('statut' in before)) return [];
  const { record } = after;
  if (before.visibilite === record.visibilite && before.statut === record.statut) return [];
  return (await view.servicesOf(record.id)).map(
    (service): Operation => ({ op: 'put', write: { kind: 'service', record: service } }),
  );
}
