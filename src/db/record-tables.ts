// The device's records of each kind (src/domain/record-kinds.ts): a kind's record table, over the page rows of the
// server's copy (src/db/feed-pages.ts). Sync code (pages, edits, acknowledgements) reaches records only through
// these, so a new kind is one line in feed-pages.ts and one Dexie version.
import type { Table } from 'dexie';
import { recordKey } from '../domain/record-keys.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';
import { feedPageTables, PAGE_ROW_KINDS, pageRecord, tableOf } from './feed-pages.ts';

/** A kind's records, keyed by id (parsed with the kind's schema by whoever reads them for the app). */
export interface KindRecords {
  get(id: string): Promise<AnyRecord | undefined>;
  put(record: AnyRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/**
 * A kind's records: its record table first, then the page rows. Within a transaction over `recordTables(db)`. A
 * deletion masks the page rows' copy too, so that it does not show again from under the table.
 */
export function tableOfKind(db: BoussoleDatabase, kind: RecordKind): KindRecords {
  const table = tableOf(db, kind) as unknown as Table<AnyRecord, string>;
  // Dexie's promises, not async functions: a native async step here let a live query's transaction commit before
  // its scope returned (PrematureCommitError).
  return {
    get: (id) => table.get(id).then((row) => row ?? (PAGE_ROW_KINDS.has(kind) ? pageRecord(db, kind, id) : undefined)),
    put: (record) => table.put(record).then(() => undefined),
    delete: (id) =>
      table
        .delete(id)
        .then(() => db.maskedKeys.put({ recordKey: recordKey(kind, id) }))
        .then(() => undefined),
  };
}

/** Every table that holds records, for transactions that may touch any of them, and for clearing them all. */
export function recordTables(db: BoussoleDatabase): Table[] {
  return [
    db.structures,
    db.services,
    db.actions,
    db.signalements,
    db.campagnes,
    db.reponsesCampagne,
    ...feedPageTables(db),
  ];
}

/** What reading or writing one kind's records touches. */
export function kindTables(db: BoussoleDatabase, kind: RecordKind): Table[] {
  return [tableOf(db, kind) as unknown as Table, ...feedPageTables(db)];
}
