// A coordinator merges a proposed partner into the existing structure it duplicates ("New partners"):
// sent as an ordinary record.update of the proposal carrying `fusion_vers: <existing id>`, so it works offline and
// syncs like any edit, and decided here in ONE transaction: the proposal's services move to the existing
// structure (new version, history), then the proposal is deleted (tombstone, history). Validating is a change of
// `statut` and refusing a `refus` with a reason: plain coordinator-only fields, nothing special here.
import type { Structure } from '../../src/domain/structure.ts';
import type { Decision, Operation, SyncView } from './decision.ts';
import { applied, bumped, refuse, validated } from './record-rules.ts';

export async function decideProposalMerge(
  view: SyncView,
  id: number,
  proposal: Structure,
  targetId: unknown,
  now: Date,
): Promise<Decision> {
  const problem = (message: string) => refuse(id, 'invalide', 'Fusion impossible.', [{ path: 'fusion_vers', message }]);
  if (proposal.statut !== 'proposee') return problem('Seule une proposition peut être fusionnée');
  if (typeof targetId !== 'string' || targetId === proposal.id) return problem('Choisissez une autre structure');
  const target = await view.record('structure', targetId);
  if (!target || !('statut' in target)) return problem('Structure inconnue ou supprimée');
  if (target.statut !== 'publiee') return problem('Fusionnez avec une structure publiée');

  const operations: Operation[] = [];
  for (const service of await view.servicesOf(proposal.id)) {
    const checked = validated('service', bumped({ ...service, structure_id: target.id }, service.version, now));
    if (!checked.ok) return refuse(id, 'invalide', 'Un service de la proposition est invalide.', checked.problems);
    operations.push({
      op: 'put',
      write: checked.write,
      history: { action: 'modification', changes: { structure_id: { old: proposal.id, new: target.id } } },
    });
  }
  operations.push({
    op: 'delete',
    kind: 'structure',
    id: proposal.id,
    last: proposal,
    history: {
      action: 'suppression',
      changes: { '*': { old: proposal, new: null }, fusion_vers: { old: null, new: target.id } },
    },
  });
  return applied(id, operations);
}
