// Several offline edits that stand or fall together (a listing confirmed with all its services, a campaign with
// every partner's answer record): written with their outbox entries in one transaction, so that an edit that fails
// — by returning a problem or throwing — leaves none of the others on the device.
import type { BoussoleDatabase } from './database.ts';

/** Runs `edits` (calls to local-edits.ts) in one transaction; `edits` throws to undo them all. */
export function editTogether<T>(db: BoussoleDatabase, edits: () => Promise<T>): Promise<T> {
  // Every table: the edits' own transactions (local-edits.ts) nest inside this one whatever tables they name.
  return db.transaction('rw', db.tables, edits);
}
