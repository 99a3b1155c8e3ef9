// The directory as data·inclusion v1 files: structures.json, services.json, structures.csv, services.csv. Public
// listings only (what an anonymous reader sees: published, public structures and their public services), or
// everything for professionals (the command's --tout), or exactly what one reader may see (the HTTP route). Read through the store's own view, page by page, then filtered by the same rules
// as the sync feed (sync/visibility.ts), so an export never shows what the app would not.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import { diCsv, diJson } from '../../src/interop/data-inclusion-files.ts';
import { serviceToDi, structureToDi } from '../../src/interop/data-inclusion-map.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { ANONYMOUS_READER, canSeeService, canSeeStructure, type Reader, SERVER_READER } from '../sync/visibility.ts';

/** What the export uses of the store. */
export type ExportStore = Pick<DirectoryStore, 'page'>;

export type ExportScope = 'public' | 'tout';

export interface DataInclusionExport {
  structures: Record<string, unknown>[];
  services: Record<string, unknown>[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function exportDataInclusion(
  store: ExportStore,
  scope: ExportScope | Reader,
): Promise<DataInclusionExport> {
  const structures = new Map<string, Structure>();
  const services: Service[] = [];
  for (let cursor = 0, more = true; more; ) {
    const page = await store.page(cursor, 1000);
    for (const entry of page.entries) {
      if (entry.kind === 'structure') structures.set(entry.record.id, entry.record);
      else if (entry.kind === 'service') services.push(entry.record);
    }
    cursor = page.cursor;
    more = page.hasMore;
  }
  const reader: Reader = scope === 'public' ? ANONYMOUS_READER : scope === 'tout' ? SERVER_READER : scope;
  const visibleStructures = [...structures.values()].filter((s) => canSeeStructure(reader, s)).sort(byId);
  const visibleServices = services
    .filter((v) => canSeeService(reader, v, () => structures.get(v.structure_id)))
    .sort(byId);
  return {
    structures: visibleStructures.map(structureToDi),
    services: visibleServices.map((v) => serviceToDi(v, structures.get(v.structure_id))),
  };
}

/** Writes the four files into `dir` (created if missing); returns their paths. */
export async function writeDataInclusionFiles(dir: string, data: DataInclusionExport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: Array<[string, string]> = [
    ['structures.json', diJson(data.structures)],
    ['services.json', diJson(data.services)],
    ['structures.csv', diCsv('structure', data.structures)],
    ['services.csv', diCsv('service', data.services)],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text, 'utf8');
  return files.map(([name]) => join(dir, name));
}
