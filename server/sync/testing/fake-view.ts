// A SyncView over plain arrays, for testing the pure decision (decide*.ts) without any store. Tests describe the
// server state they need — live records, tombstones, who last wrote which field, open conflicts — and nothing else.
import type { Action } from '../../../src/domain/action.ts';
import { ownersOf, type RecordOfKind } from '../../../src/domain/record-kinds.ts';
import type { Service } from '../../../src/domain/service.ts';
import type { Structure } from '../../../src/domain/structure.ts';
import type { Account, RecordKind } from '../../../src/domain/sync-protocol.ts';
import type { Actor, DirectoryRecord, StoredConflict, SyncView } from '../decision.ts';

export interface FakeWrite {
  kind: RecordKind;
  id: string;
  /** A field, or `*` for a whole-record change (creation, deletion, restoration). */
  field: string;
  account_id: string;
  client_id: string | null;
  /** The record's version after this write. */
  version: number;
}

export interface FakeState {
  structures?: Structure[];
  services?: Service[];
  actions?: Action[];
  tombstones?: Array<{ kind: RecordKind; record: DirectoryRecord }>;
  writes?: FakeWrite[];
  conflicts?: StoredConflict[];
}

export function fakeView(state: FakeState): SyncView {
  const live = (kind: RecordKind): DirectoryRecord[] =>
    kind === 'structure'
      ? (state.structures ?? [])
      : kind === 'service'
        ? (state.services ?? [])
        : (state.actions ?? []);
  const writesOf = (kind: RecordKind, id: string) => (state.writes ?? []).filter((w) => w.kind === kind && w.id === id);
  return {
    record: async (kind, id) => structuredClone(live(kind).find((r) => r.id === id)),
    tombstone: async (kind, id) =>
      structuredClone((state.tombstones ?? []).find((t) => t.kind === kind && t.record.id === id)?.record),
    async lastWriter(kind, id, field) {
      const found = writesOf(kind, id)
        .filter((w) => field === '*' || w.field === field || w.field === '*')
        .at(-1);
      return found && { account_id: found.account_id, client_id: found.client_id };
    },
    versionsWrittenBy: async (kind, id, afterVersion, clientId) =>
      new Set(
        writesOf(kind, id)
          .filter((w) => w.version > afterVersion && w.client_id === clientId)
          .map((w) => w.version),
      ).size,
    conflict: async (id) => structuredClone((state.conflicts ?? []).find((c) => c.id === id)),
    servicesOf: async (structureId) =>
      structuredClone((state.services ?? []).filter((v) => v.structure_id === structureId)),
    ownedBy: async <K extends RecordKind>(kind: K, structureId: string) =>
      structuredClone((live(kind) as RecordOfKind[K][]).filter((r) => ownersOf(kind, r).includes(structureId))),
  };
}

export const COORDINATOR: Account = { id: 'compte-coord', nom: 'Claire Coordination', role: 'coordinateur' };
export const WORKER: Account = { id: 'compte-trav', nom: 'Théo Travailleur', role: 'travailleur' };
export const OTHER_WORKER: Account = { id: 'compte-trav-2', nom: 'Tina Travailleuse', role: 'travailleur' };
export const PARTNER: Account = {
  id: 'compte-part',
  nom: 'Épicerie 1',
  role: 'partenaire',
  structure_id: 'test--s001',
};

/** The account on its own device (one client id per account in these tests). */
export function on(account: Account): Actor {
  return { account, clientId: `appareil-${account.id}` };
}
