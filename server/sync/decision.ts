// The vocabulary between the pure decision (decide.ts) and the stores that carry it out. The mutation runner
// (server/storage/mutation-runner.ts) opens ONE store transaction per mutation, lets `decide` read through a
// SyncView (inside that transaction), and applies the returned operations in order, each taking the next seq,
// together with the client's last mutation id and the stored result. `decide` itself never writes, never reads a clock, never throws for bad
// input: every refusal is a `rejected` result.

import type * as z from 'zod/mini';
import type { AnyRecordOfKind, KindedRecord, RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Service } from '../../src/domain/service.ts';
import type {
  Account,
  historyActionSchema,
  Mutation,
  MutationResult,
  RecordKind,
  Rejection,
} from '../../src/domain/sync-protocol.ts';
/** A record and its kind (every kind of src/domain/record-kinds.ts). */
export type DirectoryWrite = KindedRecord;

/** A record of any kind (src/domain/record-kinds.ts). */
export type DirectoryRecord = AnyRecordOfKind;
export type HistoryAction = z.infer<typeof historyActionSchema>;

/** Who sends the mutation: the token's account and the device (client id) it signed in from. */
export interface Actor {
  account: Account;
  clientId: string;
}

/** The author of a stored change: an account, and the device when it came through sync (null for imports). */
export interface Writer {
  account_id: string;
  client_id: string | null;
}

/** Who a history line names: a device's mutation, or an import (no device, no mutation id). */
export interface HistoryAuthor {
  account_id: string;
  client_id: string | null;
  mutation_id: number | null;
}

/** Author id of records written by imports and seeding, which have no account. */
export const SYSTEM_AUTHOR_ID = 'import';

/** A conflict as stored: authors are account ids (names are joined when the conflict is read). */
export interface StoredConflict {
  id: string;
  record_kind: RecordKind;
  record_id: string;
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  mine_by: string;
  theirs_by: string;
  created_at: string;
  statut: 'ouvert' | 'resolu';
  resolution?: unknown;
  resolved_by?: string;
  resolved_at?: string;
}

/**
 * What `decide` may read, inside the store's transaction. Awaitable, so that a store whose driver is asynchronous
 * (PostgreSQL) reads it as it goes; the decision stays pure: it awaits these reads and nothing else.
 */
export interface SyncView {
  /** The live record, or undefined when it does not exist or was deleted. */
  record(kind: RecordKind, id: string): Promise<DirectoryRecord | undefined>;
  /** The last content of a deleted record, or undefined when it is live or never existed. */
  tombstone(kind: RecordKind, id: string): Promise<DirectoryRecord | undefined>;
  /** Who last changed `field` of the record (`*`: any field), from the history; undefined for imported values. */
  lastWriter(kind: RecordKind, id: string, field: string): Promise<Writer | undefined>;
  /**
   * How many of the record's versions after `afterVersion` this client wrote: when that is every version since,
   * the device is deleting over its own edits and there is nothing to protect.
   */
  versionsWrittenBy(kind: RecordKind, id: string, afterVersion: number, clientId: string): Promise<number>;
  conflict(id: string): Promise<StoredConflict | undefined>;
  /** Live services of a structure, ordered by id. */
  servicesOf(structureId: string): Promise<Service[]>;
  /** Live records of `kind` that `structureId` owns (src/domain/record-kinds.ts `owners`), ordered by id. */
  ownedBy<K extends RecordKind>(kind: K, structureId: string): Promise<RecordOfKind[K][]>;
}

/** One history line to write with an operation: which fields changed, before and after (absent = null). */
export interface HistoryDraft {
  action: HistoryAction;
  changes: Record<string, { old: unknown; new: unknown }>;
}

export type ConflictDraft = Omit<StoredConflict, 'id' | 'created_at' | 'statut'>;

/**
 * One change for the store to apply, each at the next seq. `put` writes a record (and drops its tombstone when it
 * restores one); without `history` it only moves the record to a new seq, so that every reader re-evaluates it
 * (a structure turned hidden or published takes its services along).
 */
export type Operation =
  | { op: 'put'; write: DirectoryWrite; history?: HistoryDraft }
  | { op: 'delete'; kind: RecordKind; id: string; last: DirectoryRecord; history: HistoryDraft }
  | { op: 'conflict'; conflict: ConflictDraft }
  | { op: 'resolve'; conflictId: string; resolution: unknown; resolvedBy: string };

export interface Decision {
  result: MutationResult;
  operations: Operation[];
}

/** A mutation as the route parsed it: valid, or already refused (unknown name, malformed arguments). */
export type ParsedMutation = { ok: true; mutation: Mutation } | { ok: false; rejection: Rejection };

export interface DecideInput {
  id: number;
  parsed: ParsedMutation;
  actor: Actor;
  /** The server's clock, read once by the store for the whole transaction. */
  now: Date;
}
