// The programme of actions on this device: the actions the last sync brought (src/db/agenda-repo.ts),
// kept current from the model's creation on — the agenda, a partner's sheet and the orientation results read them —
// and the edits a coordinator or an organising partner makes offline — each written with its outbox entry
// in one transaction (src/db/local-edits.ts), sent at the next sync. Loaded with the agenda's chunk.
import { signal } from '@preact/signals';
import { getAction, parseAction, readActionRows } from '../../db/agenda-repo.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { followRead } from '../../db/live-read.ts';
import { createRecord, deleteRecord, editRecord } from '../../db/local-edits.ts';
import type { Action } from '../../domain/action.ts';
import { fieldValue } from '../../domain/record-changes.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import type { Parsed } from '../../domain/validation.ts';
import { inSlices } from '../components/page-turn.ts';

export type AgendaModel = ReturnType<typeof createAgendaModel>;

/** The same rule as the server's (server/sync/record-kinds.ts): coordinators, and partners among the organisers. */
export function mayWriteAction(account: Account | null | undefined, action?: Pick<Action, 'organisateurs'>): boolean {
  if (!account) return false;
  if (account.role === 'coordinateur') return true;
  if (account.role !== 'partenaire' || account.structure_id === undefined) return false;
  return action === undefined || action.organisateurs.includes(account.structure_id);
}

export function createAgendaModel(db: BoussoleDatabase, account: () => Account | null | undefined) {
  const actions = signal<Action[] | null>(null);
  const parseRows = actionParser();
  let reads = 0;
  followRead(
    () => readActionRows(db),
    (rows) => {
      const read = ++reads;
      void parseRows(rows).then((valid) => {
        if (read === reads) actions.value = valid;
      });
    },
    () => {
      actions.value = [];
    },
  );

  return {
    actions,
    mayCreate: () => mayWriteAction(account()),
    mayEdit: (action: Action) => mayWriteAction(account(), action),
    find: (id: string): Promise<Action | undefined> => getAction(db, id),
    /** A new action, or the changed fields of an existing one (merged and sent field by field, like listings). */
    async save(action: Action, previous: Action | undefined): Promise<Parsed<unknown>> {
      if (!previous) return createRecord(db, 'action', action);
      const changes: Record<string, unknown> = {};
      for (const field of new Set([...Object.keys(previous), ...Object.keys(action)])) {
        if (field === 'version' || field === 'date_maj') continue;
        const before = fieldValue(previous as unknown as Record<string, unknown>, field);
        const after = fieldValue(action as unknown as Record<string, unknown>, field);
        if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = after;
      }
      return editRecord(db, 'action', action.id, changes);
    },
    remove: (id: string) => deleteRecord(db, 'action', id),
  };
}

/**
 * Parses the action rows read from the device, in slices with the page's turn between them: a first download
 * writes the programme while the agenda is open, and a few hundred actions parsed in one go held the page for a
 * long task on a phone. A row identical to one parsed at the previous read keeps its action object, so that what
 * was worked out from it (its dates, occurrences.ts) is not worked out again.
 */
function actionParser() {
  let known = new Map<string, Action | null>();
  return async (rows: readonly unknown[]): Promise<Action[]> => {
    const next = new Map<string, Action | null>();
    await inSlices(rows, (row) => {
      const json = JSON.stringify(row);
      next.set(json, known.has(json) ? (known.get(json) ?? null) : parseAction(row));
    });
    known = next;
    return [...next.values()].filter((action): action is Action => action !== null);
  };
}
