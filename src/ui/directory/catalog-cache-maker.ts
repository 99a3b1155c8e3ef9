// Makes the catalog's start-up copy (src/db/catalog-cache.ts): the directory's rows that pass the domain schemas,
// and their search index. Long work (seconds on a tablet at 10k services): the app runs it in its worker.
import { CATALOG_CACHE_FORMAT, inParts, writeCatalogCache } from '../../db/catalog-cache.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { readDirectoryRows } from '../../db/directory-rows.ts';
import { type Service, serviceSchema } from '../../domain/service.ts';
import { type Structure, structureSchema } from '../../domain/structure.ts';
import { parse } from '../../domain/validation.ts';
import { searchEntriesToRows } from '../../matching/search/search-entry.ts';
import { buildSearchIndex, serializeSearchIndex } from '../../matching/search/search-index.ts';
import { prepareDirectory } from '../../matching/snapshot.ts';

/** Only rows that pass the schemas enter the copy; the others are counted, as the page would. */
export async function makeCatalogCache(db: BoussoleDatabase): Promise<void> {
  const rows = await readDirectoryRows(db);
  if (rows.revision === null) return; // nothing was ever written: no directory to copy
  const structures: Structure[] = [];
  const services: Service[] = [];
  for (const row of rows.structures) {
    const parsed = parse(structureSchema, row);
    if (parsed.ok) structures.push(parsed.value);
  }
  for (const row of rows.services) {
    const parsed = parse(serviceSchema, row);
    if (parsed.ok) services.push(parsed.value);
  }
  const snapshot = prepareDirectory(structures, services);
  await writeCatalogCache(db, {
    format: CATALOG_CACHE_FORMAT,
    revision: rows.revision,
    structures: inParts(structures),
    services: inParts(services),
    searchEntries: searchEntriesToRows(snapshot.entries),
    index: serializeSearchIndex(buildSearchIndex(snapshot)),
    invalid: rows.structures.length + rows.services.length - structures.length - services.length,
  });
}
