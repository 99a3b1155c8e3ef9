// The state of the in-memory store, shared by its three modules (memory-store.ts, memory-sync.ts,
// memory-accounts.ts). Maps stand for tables; `feed` stands for the seq indexes: since seqs only grow and an
// item that moves is deleted then re-inserted, Map insertion order is seq order.
import { randomUUID } from 'node:crypto';
import type { Action } from '../../src/domain/action.ts';
import type { Campaign, CampaignResponse } from '../../src/domain/campaign.ts';
import type { RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Report } from '../../src/domain/report.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { Account, HistoryEntry, MutationResult, RecordKind } from '../../src/domain/sync-protocol.ts';
import type { StoredInvitation } from '../auth/invitations.ts';
import type { DirectoryRecord, StoredConflict } from '../sync/decision.ts';
import type { ClientState } from '../sync/mutation-order.ts';
import type { StoredAudit, StoredClaim } from './admin-store.ts';
import type { DirectoryWrite } from './directory-store.ts';

export type FeedRef =
  | { source: 'record' | 'tombstone'; kind: RecordKind; id: string }
  | { source: 'conflict'; id: string };

export interface HistoryRow {
  seq: number;
  at: string;
  account_id: string;
  /** Null for an import (no device). */
  client_id: string | null;
  kind: RecordKind;
  id: string;
  version: number;
  action: HistoryEntry['action'];
  changes: HistoryEntry['changes'];
}

export interface DeviceRow {
  client_id: string;
  account_id: string;
  label: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  /** Null when the device signed itself out; the coordinator's account id when revoked by administration. */
  revoked_by?: string | null;
}

export interface MemoryState {
  epoch: string;
  meta: Map<string, string>;
  lastSeq: number;
  feed: Map<number, FeedRef>;
  structures: Map<string, { seq: number; record: Structure }>;
  services: Map<string, { seq: number; record: Service }>;
  actions: Map<string, { seq: number; record: Action }>;
  signalements: Map<string, { seq: number; record: Report }>;
  campagnes: Map<string, { seq: number; record: Campaign }>;
  reponsesCampagne: Map<string, { seq: number; record: CampaignResponse }>;
  /** Keyed `kind/id`. */
  tombstones: Map<string, { seq: number; record: DirectoryRecord }>;
  conflicts: Map<string, { seq: number; conflict: StoredConflict }>;
  history: HistoryRow[];
  accounts: Map<string, { account: Account; disabled_at: string | null; created_at: string }>;
  audit: StoredAudit[];
  claims: Map<string, StoredClaim>;
  invitations: Map<string, StoredInvitation>;
  /** Keyed by token hash. */
  devices: Map<string, DeviceRow>;
  clients: Map<string, ClientState>;
  /** Keyed `clientId/mutationId`. */
  results: Map<string, { hash: string; result: MutationResult }>;
  closed: boolean;
}

export function createMemoryState(): MemoryState {
  return {
    epoch: randomUUID(),
    meta: new Map(),
    lastSeq: 0,
    feed: new Map(),
    structures: new Map(),
    services: new Map(),
    actions: new Map(),
    signalements: new Map(),
    campagnes: new Map(),
    reponsesCampagne: new Map(),
    tombstones: new Map(),
    conflicts: new Map(),
    history: [],
    accounts: new Map(),
    audit: [],
    claims: new Map(),
    invitations: new Map(),
    devices: new Map(),
    clients: new Map(),
    results: new Map(),
    closed: false,
  };
}

export function assertOpen(state: MemoryState): void {
  if (state.closed) throw new Error('DirectoryStore fermé');
}

export const tombstoneKey = (kind: RecordKind, id: string) => `${kind}/${id}`;

/** The table of a kind (add one Map per kind to MemoryState). */
export function tableOf<K extends RecordKind>(
  state: MemoryState,
  kind: K,
): Map<string, { seq: number; record: RecordOfKind[K] }> {
  const tables = {
    structure: state.structures,
    service: state.services,
    action: state.actions,
    signalement: state.signalements,
    campagne: state.campagnes,
    reponse_campagne: state.reponsesCampagne,
  };
  return tables[kind] as unknown as Map<string, { seq: number; record: RecordOfKind[K] }>;
}

/** Writes a copy of a record at the next seq; its previous seq (record or tombstone) leaves the feed. */
export function writeRecord(state: MemoryState, write: DirectoryWrite): number {
  const seq = ++state.lastSeq;
  const record = structuredClone(write.record);
  const table = tableOf(state, write.kind) as Map<string, { seq: number; record: DirectoryRecord }>;
  const previous = table.get(record.id);
  if (previous) state.feed.delete(previous.seq);
  const tombstone = state.tombstones.get(tombstoneKey(write.kind, record.id));
  if (tombstone) {
    state.feed.delete(tombstone.seq);
    state.tombstones.delete(tombstoneKey(write.kind, record.id));
  }
  table.set(record.id, { seq, record });
  state.feed.set(seq, { source: 'record', kind: write.kind, id: record.id });
  return seq;
}

/** Deletes a live record: it becomes a tombstone at the next seq. */
export function deleteRecord(state: MemoryState, kind: RecordKind, id: string, last: DirectoryRecord): number {
  const seq = ++state.lastSeq;
  const table = tableOf(state, kind);
  const previous = table.get(id);
  if (previous) state.feed.delete(previous.seq);
  table.delete(id);
  state.tombstones.set(tombstoneKey(kind, id), { seq, record: structuredClone(last) });
  state.feed.set(seq, { source: 'tombstone', kind, id });
  return seq;
}

export function liveRecord(state: MemoryState, kind: RecordKind, id: string): DirectoryRecord | undefined {
  const found = tableOf(state, kind).get(id);
  return found ? structuredClone(found.record) : undefined;
}

/** Live services of a structure, ordered by id, as copies. */
export function servicesOf(state: MemoryState, structureId: string): Service[] {
  return [...state.services.values()]
    .map((s) => s.record)
    .filter((s) => s.structure_id === structureId)
    .sort(compareIds)
    .map((s) => structuredClone(s));
}

/** Byte-wise order of ids, the same as SQLite's default BINARY collation (ids are ASCII). */
export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
