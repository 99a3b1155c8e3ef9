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
  const rows = await db.transaction('r', kindTables(db, 'action'), () => readRecords(db, 'action'));
  for (const row of rows) {
    const parsed = parse(actionSchema, row);
    if (parsed.ok) valid.push(parsed.value);
  }
  return valid;
}

export async function getAction(db: BoussoleDatabase, id: string): Promise<Action | undefined> {
  const row = await db.transaction('r', kindTables(db, 'action'), () => tableOfKind(db, 'action').get(id));
  const parsed = parse(actionSchema, row);
  return parsed.ok ? parsed.value : undefined;
}
