// The author of a mutation as its territory makes it (src/domain/territory.ts): a coordinator of a territory
// acting on a record of another commune acts as a worker, so that the ordinary rules (record-kinds.ts) refuse
// what only coordinators decide there — publishing or refusing a proposal, closing a report, a campaign — and
// leave it what every professional does.
import type { Mutation } from '../../src/domain/sync-protocol.ts';
import { withinTerritory } from '../../src/domain/territory.ts';
import type { Actor, DirectoryRecord, SyncView } from './decision.ts';

type Located = { code_insee?: unknown; structure_id?: unknown; partenaires?: unknown };

async function communeOfStructure(view: SyncView, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string') return undefined;
  const structure = (await view.record('structure', id)) ?? (await view.tombstone('structure', id));
  return structure && 'code_insee' in structure ? (structure.code_insee as string) : undefined;
}

/** The communes a record concerns: its own, its structure's, or its partners' (a campaign); none for actions. */
async function communesOf(view: SyncView, kind: string, record: Located): Promise<(string | undefined)[] | undefined> {
  switch (kind) {
    case 'structure':
      return [typeof record.code_insee === 'string' ? record.code_insee : undefined];
    case 'service':
    case 'signalement':
    case 'reponse_campagne':
      return [await communeOfStructure(view, record.structure_id)];
    case 'campagne':
      return Array.isArray(record.partenaires)
        ? await Promise.all(record.partenaires.map((id) => communeOfStructure(view, id)))
        : [];
    default:
      return undefined;
  }
}

async function target(view: SyncView, mutation: Mutation): Promise<{ kind: string; record: Located } | undefined> {
  switch (mutation.name) {
    case 'record.create':
      return { kind: mutation.args.kind, record: mutation.args.record as Located };
    case 'record.update':
    case 'record.delete': {
      const { kind, id } = mutation.args;
      const held: DirectoryRecord | undefined = (await view.record(kind, id)) ?? (await view.tombstone(kind, id));
      return held ? { kind, record: held as Located } : undefined;
    }
    case 'conflict.resolve': {
      const conflict = await view.conflict(mutation.args.conflictId);
      if (!conflict) return undefined;
      const held = await view.record(conflict.record_kind, conflict.record_id);
      return held ? { kind: conflict.record_kind, record: held as Located } : undefined;
    }
  }
}

export async function territorialActor(view: SyncView, mutation: Mutation, actor: Actor): Promise<Actor> {
  const { account } = actor;
  if (account.role !== 'coordinateur' || account.communes === undefined) return actor;
  const found = await target(view, mutation);
  const communes = found && (await communesOf(view, found.kind, found.record));
  if (communes === undefined || withinTerritory(account, communes)) return actor;
  const { communes: _territory, ...rest } = account;
  return { ...actor, account: { ...rest, role: 'travailleur' } };
}
