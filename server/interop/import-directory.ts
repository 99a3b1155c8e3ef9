// Imports into the directory through the store (importRecords): a data·inclusion v1 file set, or the 2019
// Boussole CSV. Files are parsed and mapped by the pure modules of src/interop; the store merges each record with
// the live listing inside its transaction. The report counts and lists; it names records by id and position in
// the file, never by their content.

import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { Problem } from '../../src/domain/validation.ts';
import { read2019Csv } from '../../src/interop/boussole-2019.ts';
import { readDiFile } from '../../src/interop/data-inclusion-files.ts';
import { boussoleId, importedStructureHours, mergeDiRecord } from '../../src/interop/data-inclusion-map.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import type { ImportItem, ImportItemOutcome } from '../sync/decide-import.ts';
import { isValidOsmHours } from './osm-hours-check.ts';

/** What the import uses of the store. */
export type ImportStore = Pick<DirectoryStore, 'importRecords'>;

export interface Rejection {
  position: string;
  kind: string;
  id: string | undefined;
  problems: Problem[];
}

export interface ImportReport {
  lus: number;
  creees: number;
  modifiees: number;
  inchangees: number;
  /** Deleted in Boussole: left deleted. */
  supprimees: number;
  rejetees: Rejection[];
  /** Records written whose hours could not be kept as OSM hours (now "horaires à vérifier"). */
  horairesAVerifier: number;
  /** 2019 import only. */
  horairesConverties?: number;
  sansHoraires?: number;
  categoriesSansEquivalent?: Record<string, number>;
  /** Unreadable values left out, by field (2019 import). */
  valeursIllisibles?: Record<string, number>;
}

/** A file that cannot be read at all (not JSON, not CSV, wrong shape): nothing was imported. The route answers 400. */
export class UnreadableFileError extends Error {}

export interface ImportContext {
  store: ImportStore;
  /** The account id the history names (SYSTEM_AUTHOR_ID for the administrator's commands). */
  author: string;
  now: Date;
}

function tally(report: ImportReport, outcomes: readonly ImportItemOutcome[]): void {
  for (const o of outcomes) {
    if (o.status === 'creee') report.creees++;
    else if (o.status === 'modifiee') report.modifiees++;
    else if (o.status === 'inchangee') report.inchangees++;
    else if (o.status === 'supprimee') report.supprimees++;
    else report.rejetees.push({ position: o.position, kind: o.kind, id: o.id, problems: o.problems ?? [] });
  }
}

const emptyReport = (): ImportReport => ({
  lus: 0,
  creees: 0,
  modifiees: 0,
  inchangees: 0,
  supprimees: 0,
  rejetees: [],
  horairesAVerifier: 0,
});

/** Imports data·inclusion files (JSON or CSV, structures and services) in ONE transaction. */
export async function importDataInclusion(
  ctx: ImportContext,
  files: ReadonlyArray<{ name: string; text: string }>,
): Promise<ImportReport> {
  const report = emptyReport();
  const items: ImportItem[] = [];
  const hoursToCheck = new Set<string>();
  // Structures first, whatever the order of the files: a service may then name a structure of the same import.
  const read = files.flatMap((file) => {
    const result = readDiFile(file.name, file.text);
    if (!result.ok) throw new UnreadableFileError(`${file.name} : ${result.message}`);
    return result.records.map((r) => ({ ...r, position: `${file.name}, ${r.position}` }));
  });
  read.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'structure' ? -1 : 1));
  const structureHours = importedStructureHours(read);
  for (const record of read) {
    report.lus++;
    if (!record.ok) {
      report.rejetees.push({ position: record.position, kind: record.kind, id: record.id, problems: record.problems });
      continue;
    }
    const { kind, position, extension } = record;
    const incoming = record.record;
    items.push({
      kind,
      id: boussoleId(String(incoming.source), String(incoming.id)),
      position,
      build(existing) {
        // data·inclusion carries structures and services only: `existing` is of the same kind.
        const listing = existing as Structure | Service | undefined;
        const structureId =
          kind === 'service' ? boussoleId(String(incoming.source), String(incoming.structure_id)) : '';
        const merged = mergeDiRecord(kind, incoming, extension, listing, {
          isValidHours: isValidOsmHours,
          structureHours: kind === 'service' ? structureHours.get(structureId) : undefined,
        });
        if (!merged.ok) return merged;
        if (merged.hoursToCheck) hoursToCheck.add(position);
        return { ok: true, record: merged.record };
      },
    });
  }
  const outcomes = await ctx.store.importRecords({ items, author: ctx.author, now: ctx.now });
  tally(report, outcomes);
  report.horairesAVerifier = outcomes.filter(
    (o) => (o.status === 'creee' || o.status === 'modifiee') && hoursToCheck.has(o.position),
  ).length;
  return report;
}

const add = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Imports the 2019 prototype's CSV: new listings only. A listing already in the directory (imported before, maybe
 * corrected since) is left as it is: 2019 data never overwrites newer knowledge.
 */
export async function importBoussole2019(ctx: ImportContext, text: string): Promise<ImportReport> {
  const read = read2019Csv(text, isValidOsmHours);
  if (!read.ok) throw new UnreadableFileError(read.message);
  const report: ImportReport = {
    ...emptyReport(),
    horairesConverties: 0,
    sansHoraires: 0,
    categoriesSansEquivalent: {},
    valeursIllisibles: {},
  };
  const items: ImportItem[] = [];
  const hoursOf = new Map<string, string>();
  for (const row of read.rows) {
    report.lus++;
    if (!row.ok) {
      report.rejetees.push({ position: row.position, kind: 'structure', id: undefined, problems: row.problems });
      continue;
    }
    hoursOf.set(row.structure.id, row.hours);
    for (const label of row.unmappedCategories) add(report.categoriesSansEquivalent ?? {}, label);
    for (const field of row.dropped) add(report.valeursIllisibles ?? {}, field);
    const { structure, service } = row;
    items.push(
      {
        kind: 'structure',
        id: structure.id,
        position: row.position,
        build: (existing) => ({ ok: true, record: existing ?? structure }),
      },
      {
        kind: 'service',
        id: service.id,
        position: row.position,
        build: (existing) => ({ ok: true, record: existing ?? service }),
      },
    );
  }
  const outcomes = await ctx.store.importRecords({ items, author: ctx.author, now: ctx.now });
  // Counted per partner (its structure), as the file has one partner per row.
  const structures = outcomes.filter((o) => o.kind === 'structure');
  tally(report, structures);
  for (const o of outcomes) {
    if (o.kind === 'service' && o.status === 'rejetee') {
      report.rejetees.push({ position: o.position, kind: o.kind, id: o.id, problems: o.problems ?? [] });
    }
  }
  // Hours are counted per valid row of the file (what the file's texts allow), whether new or already imported.
  for (const hours of hoursOf.values()) {
    if (hours === 'converties') report.horairesConverties = (report.horairesConverties ?? 0) + 1;
    else if (hours === 'a-verifier') report.horairesAVerifier++;
    else report.sansHoraires = (report.sansHoraires ?? 0) + 1;
  }
  return report;
}
