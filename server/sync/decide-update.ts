// record.update: a field-level three-way merge against the device's `base` (docs/sync-protocol.md, "Merge and
// conflicts"). For each changed field:
// - the server already holds the new value: nothing to write, the field counts as applied;
// - the server still holds `base`, or its value was written by this same device (an earlier mutation the device
//   has not pulled back yet): the new value is written;
// - otherwise someone else changed the field meanwhile: a conflict keeps both values, the server keeps theirs.
// Fields that merge are written even when others conflict; the record must stay valid as a whole, else the
// mutation is rejected `invalide` and nothing (not even its conflicts) is kept.
// Collections professionals add to (notes, criteria, recommendations) merge element-wise and never
// conflict; `verification` is stamped by the server and never conflicts either (the latest confirmation wins);
// `fusion_vers` merges a proposal into another structure (decide-proposal.ts).
import { MERGED_FIELDS, mergeCollection } from '../../src/domain/listing-annotations.ts';
import type { Mutation, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Problem } from '../../src/domain/validation.ts';
import { type FieldAccess, fieldAccess, mayEdit } from '../auth/permissions.ts';
import { decideProposalMerge } from './decide-proposal.ts';
import {
  type Actor,
  type ConflictDraft,
  type Decision,
  type Operation,
  SYSTEM_AUTHOR_ID,
  type SyncView,
} from './decision.ts';
import { jsonEqual, orNull } from './json-values.ts';
import { rulesOf } from './record-kinds.ts';
import {
  applied,
  bumped,
  fieldChanges,
  knownFields,
  refuse,
  resequencedServices,
  validated,
  withChanges,
} from './record-rules.ts';
import { stampChanges } from './stamps.ts';

/** Fields whose change alone leaves the content as it was: `date_maj` (the content's date) does not move. */
const CONTENT_NEUTRAL: ReadonlySet<string> = new Set([
  'verification',
  'notes_pro',
  'criteres',
  'recommandee_pour',
  'refus',
]);

type UpdateArgs = Extract<Mutation, { name: 'record.update' }>['args'];

const FIELD_PROBLEM: Record<Exclude<FieldAccess, 'ok' | 'coordinator-only' | 'professional-only'>, string> = {
  unknown: 'Champ inconnu pour ce type de fiche',
  'server-owned': 'Champ tenu par le serveur, non modifiable',
};

/**
 * Checks that every changed field may be changed by this account: unknown or server-owned fields make the
 * mutation invalid; a coordinator-only field (statut) makes it forbidden.
 */
export function checkFields(
  id: number,
  kind: RecordKind,
  fields: readonly string[],
  actor: Actor,
): Decision | undefined {
  const problems: Problem[] = [];
  const editable = rulesOf(kind).editable;
  for (const field of fields) {
    const access = fieldAccess(actor.account, field, knownFields(kind));
    // Some kinds change only in part once created (a report is closed, not rewritten: record-kinds.ts).
    if (access === 'ok' && editable !== undefined && !editable.has(field)) {
      problems.push({ path: field, message: 'Champ non modifiable après la création' });
      continue;
    }
    if (access === 'coordinator-only') {
      return refuse(id, 'interdit', `Seule la coordination peut modifier le champ « ${field} ».`, [
        { path: field, message: 'Réservé à la coordination' },
      ]);
    }
    if (access === 'professional-only') {
      return refuse(id, 'interdit', `Le champ « ${field} » est réservé aux professionnels.`, [
        { path: field, message: 'Réservé aux professionnels' },
      ]);
    }
    if (access !== 'ok') problems.push({ path: field, message: FIELD_PROBLEM[access] });
  }
  return problems.length > 0 ? refuse(id, 'invalide', 'Modification de champs non modifiables.', problems) : undefined;
}

export async function decideUpdate(
  view: SyncView,
  id: number,
  args: UpdateArgs,
  actor: Actor,
  now: Date,
): Promise<Decision> {
  const { kind, id: recordId, base } = args;
  const fields = Object.keys(args.changes).sort();
  const current = await view.record(kind, recordId);
  const last = current ?? (await view.tombstone(kind, recordId));
  if (!last) return refuse(id, 'introuvable', 'Cette fiche n’existe pas sur le serveur.');
  if (!mayEdit(actor.account, kind, last)) {
    return refuse(id, 'interdit', 'Ce compte ne peut modifier que la fiche de sa structure et ses services.');
  }
  const fieldProblem = checkFields(id, kind, fields, actor);
  if (fieldProblem) return fieldProblem;
  const stamped = stampChanges(args.changes, base, current ?? null, actor, now);
  if (!stamped.ok) return refuse(id, stamped.code, 'Modification refusée.', stamped.problems);
  const stampKind = rulesOf(kind).stampUpdate;
  const changes = stampKind ? stampKind(stamped.changes, actor.account, now.toISOString()) : stamped.changes;

  if (!current) {
    // Edited on a device while someone deleted it: the edit is kept in a conflict on `*` that a person settles
    // (restore the listing with the edit, or confirm the deletion).
    const deleter = await view.lastWriter(kind, recordId, '*');
    return conflictOnly(id, {
      record_kind: kind,
      record_id: recordId,
      field: '*',
      base,
      mine: changes,
      theirs: null,
      mine_by: actor.account.id,
      theirs_by: deleter?.account_id ?? SYSTEM_AUTHOR_ID,
    });
  }

  if (kind === 'structure' && 'fusion_vers' in changes && 'statut' in current) {
    return decideProposalMerge(view, id, current, changes.fusion_vers, now);
  }

  const held = current as Readonly<Record<string, unknown>>;
  const toWrite: Record<string, unknown> = {};
  const settled: string[] = [];
  const conflicts: ConflictDraft[] = [];
  for (const field of fields) {
    const mine = changes[field];
    const theirs = held[field];
    if (jsonEqual(theirs, mine)) {
      settled.push(field);
    } else if (field in MERGED_FIELDS) {
      const merged = mergeCollection(field, base[field], mine, orNull(theirs));
      if (!jsonEqual(orNull(theirs), merged)) toWrite[field] = merged;
      settled.push(field);
    } else if (field === 'verification') {
      toWrite[field] = mine;
      settled.push(field);
    } else if (
      jsonEqual(theirs, base[field]) ||
      (await view.lastWriter(kind, recordId, field))?.client_id === actor.clientId
    ) {
      toWrite[field] = mine;
      settled.push(field);
    } else {
      conflicts.push({
        record_kind: kind,
        record_id: recordId,
        field,
        base: orNull(base[field]),
        mine: orNull(mine),
        theirs: orNull(theirs),
        mine_by: actor.account.id,
        theirs_by: (await view.lastWriter(kind, recordId, field))?.account_id ?? SYSTEM_AUTHOR_ID,
      });
    }
  }

  const operations: Operation[] = [];
  if (Object.keys(toWrite).length > 0) {
    const contentChanged = Object.keys(toWrite).some((f) => !CONTENT_NEUTRAL.has(f));
    const candidate = bumped(withChanges(held, toWrite), current.version, now);
    if (!contentChanged) candidate.date_maj = current.date_maj;
    const checked = validated(kind, candidate);
    if (!checked.ok) return refuse(id, 'invalide', 'La fiche modifiée serait invalide.', checked.problems);
    const changed = Object.keys(toWrite).filter(
      (field) => !jsonEqual(held[field], (checked.write.record as Record<string, unknown>)[field]),
    );
    operations.push({
      op: 'put',
      write: checked.write,
      history: { action: 'modification', changes: fieldChanges(held, checked.write.record, changed) },
    });
    operations.push(...(await resequencedServices(view, current, checked.write)));
  }
  for (const conflict of conflicts) operations.push({ op: 'conflict', conflict });
  if (conflicts.length === 0) return applied(id, operations);
  return {
    result: { id, status: 'conflict', applied: settled, conflicts: conflicts.map((c) => c.field) },
    operations,
  };
}

function conflictOnly(id: number, conflict: ConflictDraft): Decision {
  return {
    result: { id, status: 'conflict', applied: [], conflicts: [conflict.field] },
    operations: [{ op: 'conflict', conflict }],
  };
}
