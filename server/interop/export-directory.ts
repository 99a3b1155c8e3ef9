// The directory as data·inclusion v1 files: structures.json, services.json, structures.csv, services.csv. Public
// listings only (what an anonymous reader sees: published, public structures and their public services), or
// everything for professionals (the command's --tout), or exactly what one reader may see (the HTTP route). Read
// through the store's lists by id, page by page, then filtered by the same rules as the sync feed
// (sync/visibility.ts), so an export never shows what the app would not.
//
// A file is produced as it is read, in chunks (to an HTTP answer or a file): a national directory (hundreds of
// thousands of services) never sits in memory as records nor as text. What stays in memory is, for the services'
// files, what each structure lends its services — whether it shows them and its reception hours — a few dozen
// bytes per structure.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Structure } from '../../src/domain/structure.ts';
import { type DiFileWriter, diCsvWriter, diJsonWriter } from '../../src/interop/data-inclusion-files.ts';
import { serviceToDi, structureToDi } from '../../src/interop/data-inclusion-map.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import {
  ANONYMOUS_READER,
  canSeeService,
  canSeeStructure,
  type Reader,
  SERVER_READER,
  type StructureVisibility,
} from '../sync/visibility.ts';

/** What the export uses of the store. */
export type ExportStore = Pick<DirectoryStore, 'listStructures' | 'listServices'>;

export type ExportScope = 'public' | 'tout';
export type ExportFile = `${'structures' | 'services'}.${'json' | 'csv'}`;
export const EXPORT_FILES: readonly ExportFile[] = [
  'structures.json',
  'services.json',
  'structures.csv',
  'services.csv',
];

type Rec = Record<string, unknown>;

/** Records read per store call. */
const PAGE = 500;
/** Text handed on at once: large enough for few writes, small enough to keep memory flat. */
const CHUNK_CHARS = 64 * 1024;

const readerFor = (scope: ExportScope | Reader): Reader =>
  scope === 'public' ? ANONYMOUS_READER : scope === 'tout' ? SERVER_READER : scope;

async function* structures(store: ExportStore): AsyncGenerator<Structure> {
  for (let after: string | undefined, more = true; more; ) {
    const page = await store.listStructures({ reader: SERVER_READER, limit: PAGE, ...(after ? { after } : {}) });
    yield* page.items;
    after = page.next ?? undefined;
    more = page.next !== null;
  }
}

/** What a service needs of its structure: whether the structure lets it be seen, and its hours. */
type Parent = StructureVisibility & Pick<Structure, 'horaires_accueil'>;

function parentOf(s: Structure): Parent {
  return {
    statut: s.statut,
    visibilite: s.visibilite,
    ...(s.proposee_par ? { proposee_par: s.proposee_par } : {}),
    ...(s.horaires_accueil === undefined ? {} : { horaires_accueil: s.horaires_accueil }),
  };
}

/** The records of one file, in id order, as data·inclusion has them: only what `scope` may see. */
export async function* dataInclusionRecords(
  store: ExportStore,
  scope: ExportScope | Reader,
  kind: 'structures' | 'services',
): AsyncGenerator<Rec> {
  const reader = readerFor(scope);
  if (kind === 'structures') {
    for await (const s of structures(store)) if (canSeeStructure(reader, s)) yield structureToDi(s);
    return;
  }
  const parents = new Map<string, Parent>();
  for await (const s of structures(store)) parents.set(s.id, parentOf(s));
  for (let after: string | undefined, more = true; more; ) {
    const page = await store.listServices({ reader: SERVER_READER, limit: PAGE, ...(after ? { after } : {}) });
    for (const v of page.items) {
      const parent = parents.get(v.structure_id);
      if (canSeeService(reader, v, () => parent)) yield serviceToDi(v, parent);
    }
    after = page.next ?? undefined;
    more = page.next !== null;
  }
}

/** The text of one file in chunks of about 64 kB, produced as the store is read; `tally` learns the count. */
export async function* dataInclusionFile(
  store: ExportStore,
  scope: ExportScope | Reader,
  file: ExportFile,
  tally: { records: number } = { records: 0 },
): AsyncGenerator<string> {
  const [kind, format] = file.split('.') as ['structures' | 'services', 'json' | 'csv'];
  const writer: DiFileWriter =
    format === 'json' ? diJsonWriter() : diCsvWriter(kind === 'structures' ? 'structure' : 'service');
  let chunk = writer.start;
  let count = 0;
  for await (const record of dataInclusionRecords(store, scope, kind)) {
    chunk += writer.row(record, count++);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  tally.records = count;
  yield chunk + writer.end(count);
}

/** The whole export in memory, both kinds: for tests and small directories (files and answers stream). */
export async function exportDataInclusion(
  store: ExportStore,
  scope: ExportScope | Reader,
): Promise<{ structures: Rec[]; services: Rec[] }> {
  const all = async (kind: 'structures' | 'services') => {
    const out: Rec[] = [];
    for await (const record of dataInclusionRecords(store, scope, kind)) out.push(record);
    return out;
  };
  return { structures: await all('structures'), services: await all('services') };
}

/** Writes the four files into `dir` (created if missing), each as it is read; their paths and counts. */
export async function writeDataInclusionFiles(
  dir: string,
  store: ExportStore,
  scope: ExportScope | Reader,
): Promise<{ paths: string[]; structures: number; services: number }> {
  await mkdir(dir, { recursive: true });
  const counts = { structures: 0, services: 0 };
  for (const file of EXPORT_FILES) {
    const tally = { records: 0 };
    await pipeline(Readable.from(dataInclusionFile(store, scope, file, tally)), createWriteStream(join(dir, file)));
    counts[file.startsWith('structures') ? 'structures' : 'services'] = tally.records;
  }
  return { paths: EXPORT_FILES.map((file) => join(dir, file)), ...counts };
}
