// The decision of one mutation, as a pure function of what the server holds (a SyncView read inside the store's
// transaction), the mutation, its author and the server's clock. See decision.ts for the contract with stores
// and docs/sync-protocol.md for the rules; update and conflict resolution have their own modules.
import type { Mutation } from '../../src/domain/sync-protocol.ts';
import { parisDay } from '../../src/domain/time/paris-time.ts';
import { mayCreate, mayDelete, mayEdit } from '../auth/permissions.ts';
import { decideResolve } from './decide-resolve.ts';
import { decideUpdate } from './decide-update.ts';
import { type Actor, type DecideInput, type Decision, SYSTEM_AUTHOR_ID, type SyncView } from './decision.ts';
import { rulesOf } from './record-kinds.ts';
import {
  applied,
  deleteOperations,
  knownFields,
  missingReference,
  refuse,
  validated,
  withChanges,
} from './record-rules.ts';
import { territorialActor } from './territory-actor.ts';

export async function decide(view: SyncView, { id, parsed, actor: author, now }: DecideInput): Promise<Decision> {
  if (!parsed.ok) return { result: { id, status: 'rejected', reason: parsed.rejection }, operations: [] };
  const mutation = parsed.mutation;
  const actor = await territorialActor(view, mutation, author);
  switch (mutation.name) {
    case 'record.create':
      return decideCreate(view, id, mutation.args, actor, now);
    case 'record.update':
      return decideUpdate(view, id, mutation.args, actor, now);
    case 'record.delete':
      return decideDelete(view, id, mutation.args, actor);
    case 'conflict.resolve':
      return decideResolve(view, id, mutation.args, actor, now);
  }
}

type CreateArgs = Extract<Mutation, { name: 'record.create' }>['args'];
type DeleteArgs = Extract<Mutation, { name: 'record.delete' }>['args'];

/**
 * A new record. The server sets version 1 and today's `date_maj`, and the fields its kind's rules give it
 * (server/sync/record-kinds.ts: a structure created by anyone but a coordinator is `proposee`, hidden from the
 * public until a coordinator publishes it); the records it refers to must be live.
 */
async function decideCreate(
  view: SyncView,
  id: number,
  { kind, record }: CreateArgs,
  actor: Actor,
  now: Date,
): Promise<Decision> {
  const { account } = actor;
  const rules = rulesOf(kind);
  if (!mayCreate(account, kind, record)) return refuse(id, 'interdit', rules.forbiddenCreate);
  const recordId = typeof record.id === 'string' ? record.id : undefined;
  if (recordId !== undefined && ((await view.record(kind, recordId)) || (await view.tombstone(kind, recordId)))) {
    return refuse(id, 'deja-existant', 'Une fiche porte déjà cet identifiant (ou l’a porté avant d’être supprimée).');
  }
  // Unknown fields are refused rather than silently dropped by the schema (as in record.update).
  const unknown = Object.keys(record).filter((field) => !knownFields(kind).has(field));
  if (unknown.length > 0) {
    return refuse(
      id,
      'invalide',
      'La nouvelle fiche contient des champs inconnus.',
      unknown.map((path) => ({ path, message: 'Champ inconnu pour ce type de fiche' })),
    );
  }
  const candidate = withChanges({}, record);
  Object.assign(candidate, { version: 1, date_maj: parisDay(now) }, rules.createdFields(account, candidate, now));
  const checked = validated(kind, candidate);
  if (!checked.ok) return refuse(id, 'invalide', 'La nouvelle fiche est incomplète ou invalide.', checked.problems);
  const { write } = checked;
  // Judged again on the parsed record: the rule saw the record as sent, before the schema checked its shape.
  if (!mayCreate(account, kind, write.record as unknown as Record<string, unknown>)) {
    return refuse(id, 'interdit', rules.forbiddenCreate);
  }
  const missing = await missingReference(view, write);
  if (missing) {
    return refuse(
      id,
      'introuvable',
      'Une structure à laquelle cette fiche se rattache n’existe pas ou a été supprimée.',
      [missing],
    );
  }
  return applied(id, [
    { op: 'put', write, history: { action: 'creation', changes: { '*': { old: null, new: write.record } } } },
  ]);
}

/**
 * Deletes a record last seen by the device at `baseVersion`. Changed since by someone else: a conflict on `*`
 * (the server keeps the record). Already deleted: nothing to do, the intent holds.
 */
async function decideDelete(view: SyncView, id: number, args: DeleteArgs, actor: Actor): Promise<Decision> {
  const { kind, id: recordId, baseVersion } = args;
  const current = await view.record(kind, recordId);
  if (!current) {
    const last = await view.tombstone(kind, recordId);
    if (!last) return refuse(id, 'introuvable', 'Cette fiche n’existe pas sur le serveur.');
    if (!mayEdit(actor.account, kind, last)) return forbiddenDelete(id);
    return applied(id, []);
  }
  if (!mayDelete(actor.account, kind, current)) return forbiddenDelete(id);
  const changedSince = current.version - baseVersion;
  const ownChanges = await view.versionsWrittenBy(kind, recordId, baseVersion, actor.clientId);
  if (changedSince !== 0 && changedSince !== ownChanges) {
    const theirs = await view.lastWriter(kind, recordId, '*');
    return {
      result: { id, status: 'conflict', applied: [], conflicts: ['*'] },
      operations: [
        {
          op: 'conflict',
          conflict: {
            record_kind: kind,
            record_id: recordId,
            field: '*',
            base: baseVersion,
            mine: null,
            theirs: current,
            mine_by: actor.account.id,
            theirs_by: theirs?.account_id ?? SYSTEM_AUTHOR_ID,
          },
        },
      ],
    };
  }
  return applied(id, await deleteOperations(view, kind, current));
}

function forbiddenDelete(id: number): Decision {
  return refuse(
    id,
    'interdit',
    'Suppression non autorisée pour ce compte (une structure entière ne peut être supprimée que par la coordination).',
  );
}
