// conflict.resolve: a person settles an open conflict with a value, written as a normal change (new version,
// history, same permission rules as an edit), and the conflict becomes `resolu` at a new seq so that both authors'
// devices receive the outcome.
//
// On a field conflict, `value` is the field's new value (`null` clears an optional field). On `*` (a deletion
// against an edit), `value: null` means "the listing goes": it is deleted if it still exists; any other value
// means "the listing stays": a deleted listing is restored from its last content, with the edit the conflict
// kept (`mine`, when the edit arrived after the deletion) applied on top.
import type { Mutation } from '../../src/domain/sync-protocol.ts';
import { mayDelete, mayEdit } from '../auth/permissions.ts';
import { checkFields } from './decide-update.ts';
import type { Actor, Decision, Operation, StoredConflict, SyncView } from './decision.ts';
import { jsonEqual } from './json-values.ts';
import {
  applied,
  bumped,
  deleteOperations,
  fieldChanges,
  missingReference,
  refuse,
  resequencedServices,
  validated,
  withChanges,
} from './record-rules.ts';

type ResolveArgs = Extract<Mutation, { name: 'conflict.resolve' }>['args'];

const FORBIDDEN = 'Ce conflit ne peut être résolu que par ses deux auteurs ou par la coordination.';

export async function decideResolve(
  view: SyncView,
  id: number,
  args: ResolveArgs,
  actor: Actor,
  now: Date,
): Promise<Decision> {
  const conflict = await view.conflict(args.conflictId);
  if (conflict?.statut !== 'ouvert') {
    return refuse(id, 'conflit-introuvable', 'Ce conflit n’existe pas ou a déjà été résolu.');
  }
  const { account } = actor;
  if (account.role !== 'coordinateur' && account.id !== conflict.mine_by && account.id !== conflict.theirs_by) {
    return refuse(id, 'interdit', FORBIDDEN);
  }
  const settled =
    conflict.field === '*'
      ? await settleExistence(view, id, conflict, args.value, actor, now)
      : await settleField(view, id, conflict, args.value, actor, now);
  if (!Array.isArray(settled)) return settled;
  return applied(id, [
    ...settled,
    { op: 'resolve', conflictId: conflict.id, resolution: args.value ?? null, resolvedBy: account.id },
  ]);
}

async function settleField(
  view: SyncView,
  id: number,
  conflict: StoredConflict,
  value: unknown,
  actor: Actor,
  now: Date,
): Promise<Operation[] | Decision> {
  const { record_kind: kind, record_id: recordId, field } = conflict;
  const current = await view.record(kind, recordId);
  if (!current) return refuse(id, 'introuvable', 'La fiche de ce conflit a été supprimée entre-temps.');
  if (!mayEdit(actor.account, kind, current)) return refuse(id, 'interdit', FORBIDDEN);
  const fieldProblem = checkFields(id, kind, [field], actor);
  if (fieldProblem) return fieldProblem;
  const held = current as Readonly<Record<string, unknown>>;
  if (jsonEqual(held[field], value)) return [];
  const checked = validated(kind, bumped(withChanges(held, { [field]: value }), current.version, now));
  if (!checked.ok) return refuse(id, 'invalide', 'La valeur choisie rendrait la fiche invalide.', checked.problems);
  return [
    {
      op: 'put',
      write: checked.write,
      history: { action: 'modification', changes: fieldChanges(held, checked.write.record, [field]) },
    },
    ...(await resequencedServices(view, current, checked.write)),
  ];
}

async function settleExistence(
  view: SyncView,
  id: number,
  conflict: StoredConflict,
  value: unknown,
  actor: Actor,
  now: Date,
): Promise<Operation[] | Decision> {
  const { record_kind: kind, record_id: recordId } = conflict;
  const current = await view.record(kind, recordId);
  if (value === null || value === undefined) {
    if (!current) return [];
    if (!mayDelete(actor.account, kind, current)) {
      return refuse(id, 'interdit', 'Suppression non autorisée pour ce compte.');
    }
    return deleteOperations(view, kind, current);
  }
  if (current) return [];
  const last = await view.tombstone(kind, recordId);
  if (!last) return refuse(id, 'introuvable', 'Cette fiche n’existe plus sur le serveur.');
  if (!mayEdit(actor.account, kind, last)) return refuse(id, 'interdit', FORBIDDEN);
  const edit = isChanges(conflict.mine) ? conflict.mine : {};
  const checked = validated(kind, bumped(withChanges(last, edit), last.version, now));
  if (!checked.ok) return refuse(id, 'invalide', 'La fiche restaurée serait invalide.', checked.problems);
  const missing = await missingReference(view, checked.write);
  if (missing) {
    return refuse(id, 'introuvable', 'La structure de cette fiche a été supprimée : restaurez-la d’abord.', [missing]);
  }
  return [
    {
      op: 'put',
      write: checked.write,
      history: { action: 'restauration', changes: { '*': { old: null, new: checked.write.record } } },
    },
  ];
}

function isChanges(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
