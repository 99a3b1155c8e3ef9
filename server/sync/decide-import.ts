// An import (data·inclusion file, 2019 Boussole data) as a change like the others: decided here against the live
// directory (the store's SyncView, read inside its transaction), applied by the store as operations that take the
// next seqs and write history lines under the importing author — so devices pull it and the listing's history
// says who imported what, when. Pure, like decide.ts.
//
// Per record:
// - new id: created at version 1;
// - live id: the importer's `build` merges the incoming values into the listing; written at version + 1 with the
//   changed fields in history, or left alone when nothing changed (re-importing a file writes nothing);
// - deleted in Boussole (a tombstone): ignored and reported, never resurrected by a file that is older news;
// - invalid, a duplicate id in the same import, or a service whose structure is neither live nor imported:
//   rejected with its problems. The valid records are written together (one transaction), the rejected ones not.
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import type { Problem } from '../../src/domain/validation.ts';
import type { DirectoryRecord, Operation, SyncView } from './decision.ts';
import { jsonEqual } from './json-values.ts';
import { fieldChanges, resequencedServices, validated } from './record-rules.ts';

export type ImportBuild = { ok: true; record: DirectoryRecord } | { ok: false; problems: Problem[] };

export interface ImportItem {
  kind: RecordKind;
  id: string;
  /** Where the record comes from in the file ("ligne 12", "services[3]"), for the report. */
  position: string;
  /** The record to write, from the live listing (undefined for a new one). Pure; may refuse. */
  build(existing: DirectoryRecord | undefined): ImportBuild;
}

export type ImportStatus = 'creee' | 'modifiee' | 'inchangee' | 'supprimee' | 'rejetee';

export interface ImportItemOutcome {
  kind: RecordKind;
  id: string;
  position: string;
  status: ImportStatus;
  problems?: Problem[];
}

export interface ImportDecision {
  operations: Operation[];
  outcomes: ImportItemOutcome[];
}

function withoutVersion(record: DirectoryRecord): Record<string, unknown> {
  const { version: _, ...rest } = record;
  return rest;
}

export async function decideImport(view: SyncView, items: readonly ImportItem[]): Promise<ImportDecision> {
  const operations: Operation[] = [];
  const outcomes: ImportItemOutcome[] = [];
  const seen = new Map<string, string>();
  const importedStructures = new Set<string>();

  for (const item of items) {
    const { kind, id, position } = item;
    const outcome = (status: ImportStatus, problems?: Problem[]) =>
      outcomes.push({ kind, id, position, status, ...(problems ? { problems } : {}) });
    const key = `${kind}/${id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      outcome('rejetee', [{ path: 'id', message: `Identifiant déjà importé (${first})` }]);
      continue;
    }
    seen.set(key, position);
    const existing = await view.record(kind, id);
    if (!existing && (await view.tombstone(kind, id))) {
      outcome('supprimee');
      continue;
    }
    const built = item.build(existing);
    if (!built.ok) {
      outcome('rejetee', built.problems);
      continue;
    }
    const checked = validated(kind, { ...built.record, id, version: existing ? existing.version + 1 : 1 });
    if (!checked.ok) {
      outcome('rejetee', checked.problems);
      continue;
    }
    const { write } = checked;
    if (write.kind === 'service') {
      const parent = write.record.structure_id;
      if (!importedStructures.has(parent) && !(await view.record('structure', parent))) {
        outcome('rejetee', [{ path: 'structure_id', message: 'Structure inconnue : ni dans l’annuaire, ni importée' }]);
        continue;
      }
    } else if (write.kind === 'structure') importedStructures.add(id);
    if (existing && jsonEqual(withoutVersion(existing), withoutVersion(write.record))) {
      outcome('inchangee');
      continue;
    }
    if (existing) {
      const before = existing as unknown as Record<string, unknown>;
      const after = write.record as unknown as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((f) => f !== 'version' && !jsonEqual(before[f], after[f]))
        .sort();
      operations.push({
        op: 'put',
        write,
        history: { action: 'modification', changes: fieldChanges(before, after, fields) },
      });
      operations.push(...(await resequencedServices(view, existing, write)));
      outcome('modifiee');
    } else {
      operations.push({
        op: 'put',
        write,
        history: { action: 'creation', changes: { '*': { old: null, new: write.record } } },
      });
      outcome('creee');
    }
  }
  return { operations, outcomes };
}
