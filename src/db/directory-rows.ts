// Every structure and service the device holds, unparsed, with the directory's revision, read in one transaction:
// what the catalog's start-up copy is made from (src/ui/directory/catalog-cache-maker.ts parses them).
import { revisionOf } from './catalog-cache.ts';
import type { BoussoleDatabase } from './database.ts';
import { readRecords } from './record-reads.ts';
import { kindTables } from './record-tables.ts';

export function readDirectoryRows(db: BoussoleDatabase) {
  return db.transaction('r', [db.meta, ...kindTables(db, 'structure'), db.services], async () => ({
    revision: await revisionOf(db),
    structures: (await readRecords(db, 'structure')) as unknown[],
    services: (await readRecords(db, 'service')) as unknown[],
  }));
}
