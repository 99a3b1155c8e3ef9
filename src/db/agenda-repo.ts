// The programme of actions on the device: the actions the feed brought or this device wrote, parsed — a row that no
// longer fits the schema is left out rather than shown as if valid. Edits are ordinary offline edits (local-edits.ts).
import { type Action, actionSchema } from '../domain/action.ts';
import { parse } from '../domain/validation.ts';
import type { BoussoleDatabase } from './database.ts';
import { readRecords } from './record-reads.ts';
import { kindTables, tableOfKind } from './record-tables.ts';

/** Every action on the device (a few hundred: the agenda filters them in memory). */
export async function readActions(db: BoussoleDatabase): Promise<Action[]> {
  const valid: Action[] = [];
  for (const row of await readActionRows(db)) {
    const action = parseAction(row);
    if (action) valid.push(action);
  }
  return valid;
}

/** Every action row on the device as stored, not parsed yet (`parseAction` parses one). */
export function readActionRows(db: BoussoleDatabase): Promise<unknown[]> {
  return db.transaction('r', kindTables(db, 'action'), () => readRecords(db, 'action'));
}

/** The action a row holds, or null when it no longer fits the schema. */
export function parseAction(row: unknown): Action | null {
  const parsed = parse(actionSchema, row);
  return parsed.ok ? parsed.value : null;
}

export async function getAction(db: BoussoleDatabase, id: string): Promise<Action | undefined> {
  const row = await db.transaction('r', kindTables(db, 'action'), () => tableOfKind(db, 'action').get(id));
  const parsed = parse(actionSchema, row);
  return parsed.ok ? parsed.value : undefined;
}
