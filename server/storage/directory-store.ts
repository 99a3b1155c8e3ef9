// The storage interface of the directory (structures and their services) and `DirectoryStore`, the whole store as
// the server uses it: a store's port (store-port.ts) with the decisions of mutation-runner.ts. SQLite implements the
// port by default, memory for tests — every method is async so that an asynchronous driver fits too. One contract
// suite (tests/integration/directory-store.contract.ts) runs against every implementation.
//
// Ordering contract: every write of a record takes the next value of one store-wide sequence (`seq`), assigned
// inside the write transaction, never derived from a clock. A record lives at the seq of its last write only, so a
// client that has read everything up to seq N gets every later change by asking for seq > N. Deletions
// (tombstones) and conflicts take seqs from the same counter, so the sync feed (`pull`, sync-store.ts) is one
// ordered stream.
import type { DirectoryEntry } from '../../src/domain/directory.ts';
import { RECORD_KINDS } from '../../src/domain/record-keys.ts';
import { parseRecord, type RecordOfKind } from '../../src/domain/record-kinds.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import { describeProblems, type Problem } from '../../src/domain/validation.ts';
import type { MailStore } from '../mail/mail-store.ts';
import type { DirectoryWrite } from '../sync/decision.ts';
import { type Reference, rulesOf } from '../sync/record-kinds.ts';
import type { Reader } from '../sync/visibility.ts';
import type { AdminStore } from './admin-store.ts';
import type { OrientationEventStore } from './orientation-event-store.ts';
import type { ReferralStore } from './referral-store.ts';
import type { AccountStore, SyncStore } from './sync-store.ts';

export type { DirectoryWrite };

/** Live records by seq, everything (the store's own view: seeding, exports, tests); readers use `pull`. */
export interface DirectoryPageResult {
  /** Entries with seq > the requested cursor, ordered by seq, at most `limit`. */
  entries: DirectoryEntry[];
  /** Seq of the last entry read, or the requested cursor when there was none: the cursor of the next call. */
  cursor: number;
  hasMore: boolean;
  /** Live records (structures + services) in the whole store. */
  total: number;
}

/** One keyset page: `next` is the id to pass as `after` for the following page, null on the last one. */
export interface KeysetPage<T> {
  items: T[];
  next: string | null;
}

export interface ListStructuresQuery {
  /** Only records this reader may see (sync/visibility.ts); pages hold `limit` visible records. */
  reader: Reader;
  /** Only ids strictly after this one (ids sort as byte strings). */
  after?: string;
  limit: number;
  code_insee?: string;
}

export interface ListServicesQuery {
  reader: Reader;
  after?: string;
  limit: number;
  structure_id?: string;
  categorie?: string;
}

export interface UpsertOptions {
  /** Meta keys written in the same transaction as the records (e.g. the "demo seeded" flag). */
  meta?: Readonly<Record<string, string>>;
}

/** The directory queries a store answers itself (store-port.ts). */
export interface DirectoryQueries {
  /** Random identity created with the database; a new epoch tells clients to start over from cursor 0. */
  epoch(): Promise<string>;
  /**
   * Writes all entries in ONE transaction, each taking the next seq in array order; the record's `version` is
   * kept as given. Every record is validated with the domain schemas and every service's structure must exist
   * (in the store or earlier or later in the same batch): otherwise throws InvalidEntryError and writes nothing.
   * For seeding and fixtures: no author, no history, no merge. A record written again after its deletion is live
   * again. Imports of files go through `importRecords` (sync-store.ts), which merges and records history.
   */
  upsert(entries: readonly DirectoryWrite[], options?: UpsertOptions): Promise<void>;
  page(cursor: number, limit: number): Promise<DirectoryPageResult>;
  listStructures(query: ListStructuresQuery): Promise<KeysetPage<Structure>>;
  /** The structure and those of its services the reader may see, ordered by id; undefined when unknown or hidden. */
  getStructure(id: string, reader: Reader): Promise<{ structure: Structure; services: Service[] } | undefined>;
  listServices(query: ListServicesQuery): Promise<KeysetPage<Service>>;
  counts(): Promise<{ structures: number; services: number }>;
  /** Live records of one kind this reader may see, ordered by id (the programme of actions: a few hundred). */
  listRecords<K extends RecordKind>(kind: K, reader: Reader): Promise<RecordOfKind[K][]>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole store as the server uses it: a StorePort (store-port.ts) with the decisions mutation-runner.ts takes
 * in its transactions. Routes take the part they use (`Pick<DirectoryStore, …>`).
 */
export interface DirectoryStore
  extends DirectoryQueries,
    SyncStore,
    AccountStore,
    AdminStore,
    ReferralStore,
    OrientationEventStore,
    MailStore {}

/** A write refused before anything was stored. `problems` name fields, never values. */
export class InvalidEntryError extends Error {
  override readonly name = 'InvalidEntryError';
  constructor(
    readonly index: number,
    readonly kind: string,
    readonly id: string | undefined,
    readonly problems: Problem[],
  ) {
    super(`Enregistrement ${index} (${kind} ${id ?? 'sans identifiant'}) refusé : ${describeProblems(problems)}`);
  }
}

/** Parses a write with the domain schema of its kind; throws InvalidEntryError when it does not conform. */
export function validateWrite(write: DirectoryWrite, index: number): DirectoryWrite {
  // Callers may hand over anything at run time (imports, request bodies): read the id defensively.
  const untrusted = write as { kind?: unknown; record?: { id?: unknown } };
  const id = typeof untrusted.record?.id === 'string' ? untrusted.record.id : undefined;
  const kind = RECORD_KINDS.find((k) => k === untrusted.kind);
  if (kind === undefined) {
    throw new InvalidEntryError(index, String(untrusted.kind), id, [
      { path: 'kind', message: `Type inconnu : ${String(untrusted.kind)}` },
    ]);
  }
  const parsed = parseRecord(kind, write.record);
  if (!parsed.ok) throw new InvalidEntryError(index, kind, id, parsed.problems);
  return { kind, record: parsed.value } as DirectoryWrite;
}

export function unknownStructureError(index: number, service: Service): InvalidEntryError {
  return new InvalidEntryError(index, 'service', service.id, [
    { path: 'structure_id', message: 'Structure inconnue : elle doit exister ou être écrite dans le même lot' },
  ]);
}

/** The records a write refers to (server/sync/record-kinds.ts `references`). */
export function referencesOf(write: DirectoryWrite): Reference[] {
  return (rulesOf(write.kind).references as (record: DirectoryWrite['record']) => Reference[])(write.record);
}

/** A record of a batch refers to a structure that is neither stored nor in the batch. */
export function unknownReferenceError(index: number, kind: RecordKind, id: string, path: string): InvalidEntryError {
  return new InvalidEntryError(index, kind, id, [
    { path, message: 'Structure inconnue : elle doit exister ou être écrite dans le même lot' },
  ]);
}

/** Limits every implementation enforces, so a caller bug cannot ask for an unbounded read. */
export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new RangeError(`limit hors bornes : ${limit}`);
}

/** The epoch is created with the database and identifies it: no caller may rewrite it through setMeta. */
export function assertWritableMetaKey(key: string): void {
  if (key === 'epoch') throw new Error('La clé « epoch » est réservée au stockage');
}
