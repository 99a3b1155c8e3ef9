// First-start seeding: a new database receives the demo directory once, so `npm start` shows a useful app with
// zero set-up. The directory is a parameter (main passes the generated demo, tests a tiny fixture).
//
// Idempotence: the records and the `demo_seeded` flag are written in ONE transaction, so a crash can never leave
// records without the flag (which would seed again on restart and move every record to new seqs) nor the flag
// without records. A restart sees the flag and writes nothing.
import type { Action } from '../src/domain/action.ts';
import { parseRecord } from '../src/domain/record-kinds.ts';
import type { Service } from '../src/domain/service.ts';
import type { Structure } from '../src/domain/structure.ts';
import { describeProblems } from '../src/domain/validation.ts';
import type { Logger } from './logger.ts';
import type { DirectoryStore, DirectoryWrite } from './storage/directory-store.ts';

export const DEMO_SEEDED_KEY = 'demo_seeded';

export interface SeedDirectory {
  structures: readonly Structure[];
  services: readonly Service[];
  /** The programme of actions, written after the partners that organise and host it. */
  actions?: readonly Action[];
}

export interface SeedResult {
  /** False when the store had already been seeded: nothing was written. */
  seeded: boolean;
  structures: number;
  services: number;
}

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

/** True when the store has never been seeded: lets the caller skip generating a directory it will not write. */
export async function needsSeeding(store: DirectoryStore): Promise<boolean> {
  return (await store.getMeta(DEMO_SEEDED_KEY)) === undefined;
}

/**
 * Writes `directory` into `store` unless it was seeded before (`needsSeeding` lets a caller skip building it).
 * Every record is validated with the domain schemas first, and all problems are reported together (the store
 * would stop at the first one).
 */
export async function seedDirectory(
  store: DirectoryStore,
  directory: SeedDirectory,
  { source, logger }: { source: string; logger: Logger },
): Promise<SeedResult> {
  if (!(await needsSeeding(store))) {
    const counts = await store.counts();
    return { seeded: false, ...counts };
  }
  const writes = orderedWrites(directory);
  const problems = writes.flatMap((write) => {
    const parsed = parseRecord(write.kind, write.record);
    return parsed.ok ? [] : [`${write.kind} ${write.record.id} : ${describeProblems(parsed.problems)}`];
  });
  const structureIds = new Set(directory.structures.map((s) => s.id));
  for (const service of directory.services) {
    if (!structureIds.has(service.structure_id))
      problems.push(`service ${service.id} : structure ${service.structure_id} absente du jeu de données`);
  }
  if (problems.length > 0) {
    throw new SeedError(
      `Jeu de données ${source} invalide, rien n'a été écrit (${problems.length} problème(s)) : ${problems.slice(0, 5).join(' | ')}`,
    );
  }
  const flag = JSON.stringify({
    source,
    at: new Date().toISOString(),
    structures: directory.structures.length,
    services: directory.services.length,
  });
  await store.upsert(writes, { meta: { [DEMO_SEEDED_KEY]: flag } });
  logger.info({
    event: 'seeded',
    source,
    structures: directory.structures.length,
    services: directory.services.length,
    actions: directory.actions?.length ?? 0,
  });
  return { seeded: true, structures: directory.structures.length, services: directory.services.length };
}

/**
 * Each structure followed by its services: seqs then keep a partner and its offer together, so a first download
 * interrupted half-way leaves whole partners on the device, not services without their structure.
 */
function orderedWrites({ structures, services, actions = [] }: SeedDirectory): DirectoryWrite[] {
  const byStructure = new Map<string, Service[]>();
  for (const service of services) {
    const list = byStructure.get(service.structure_id) ?? [];
    list.push(service);
    byStructure.set(service.structure_id, list);
  }
  const writes: DirectoryWrite[] = [];
  for (const structure of structures) {
    writes.push({ kind: 'structure', record: structure });
    for (const service of byStructure.get(structure.id) ?? []) writes.push({ kind: 'service', record: service });
  }
  for (const action of actions) writes.push({ kind: 'action', record: action });
  return writes;
}
