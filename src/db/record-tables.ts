// The device's IndexedDB table of each record kind (src/domain/record-kinds.ts). Sync code (pages, edits,
// acknowledgements) reaches records only through these, so a new kind is one line here and one Dexie version.
import type { Table } from 'dexie';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';

/** A kind's table, seen as plain records keyed by id (rows are parsed with the kind's schema when read). */
export function tableOfKind(db: BoussoleDatabase, kind: RecordKind): Table<AnyRecord, string> {
  const tables = {
    structure: db.structures,
    service: db.services,
    action: db.actions,
    signalement: db.signalements,
    campagne: db.campagnes,
    reponse_campagne: db.reponsesCampagne,
  };
  return tables[kind] as unknown as Table<AnyRecord, string>;
}

/** Every record kind's table, for transactions that may touch any of them. */
export function recordTables(db: BoussoleDatabase): Table[] {
  return [db.structures, db.services, db.actions, db.signalements, db.campagnes, db.reponsesCampagne];
}
