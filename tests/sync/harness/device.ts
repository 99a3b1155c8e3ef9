// A device as the app builds it (src/ui/boot.ts), minus the screens: its own IndexedDB database (fake-indexeddb),
// the real sync code — createSyncController, pushOutbox, pullDirectory over applyDirectoryPage, takeOutboxBatch and
// acknowledge — and the real `httpTransport`, whose fetch is the scripted network's. The only additions are for
// the test's eyes: every acknowledgement the device landed is recorded (`landed`), and the status history.
import { BoussoleDatabase, type ConflictRow, type RejectionRow } from '../../../src/db/database.ts';
import { applyDirectoryPage } from '../../../src/db/directory-repo.ts';
import { readSyncState } from '../../../src/db/directory-state.ts';
import { createRecord, deleteRecord, editRecord, resolveConflict } from '../../../src/db/local-edits.ts';
import { acknowledge, takeOutboxBatch } from '../../../src/db/outbox-repo.ts';
import { readRecords } from '../../../src/db/record-reads.ts';
import { tableOfKind } from '../../../src/db/record-tables.ts';
import {
  awaitingSignIn,
  dropToken,
  eraseRevokedDevice,
  readSession,
  saveSession,
} from '../../../src/db/session-repo.ts';
import type { DirectoryPage } from '../../../src/domain/directory.ts';
import type { Service } from '../../../src/domain/service.ts';
import type { Structure } from '../../../src/domain/structure.ts';
import type { Mutation, MutationResult, RecordKind } from '../../../src/domain/sync-protocol.ts';
import type { Parsed } from '../../../src/domain/validation.ts';
import type { OutboxEntry } from '../../../src/sync/core/outbox.ts';
import { type DirectoryStoreOnDevice, type PullProgress, pullDirectory } from '../../../src/sync/directory-pull.ts';
import { pushOutbox } from '../../../src/sync/push.ts';
import { createSyncController, type SyncEnvironment, type SyncStatus } from '../../../src/sync/sync-controller.ts';
import { httpTransport } from '../../../src/sync/transport.ts';
import type { ScriptedNetwork } from './network.ts';

/** The Web Locks of one browser profile, as `navigator.locks.request(name, { ifAvailable: true })` behaves. */
export class FakeLocks {
  private readonly taken = new Set<string>();
  async withLock(name: string, task: () => Promise<void>): Promise<void> {
    if (this.taken.has(name)) return; // another tab holds it: this one skips its run
    this.taken.add(name);
    try {
      await task();
    } finally {
      this.taken.delete(name);
    }
  }
}

/** An acknowledgement the device landed: which client sent which mutation, and the server's answer. */
export interface Landed {
  clientId: string;
  mutation: Mutation;
  result: MutationResult;
}

/** A feed page the device applied: the cursor its request asked at, and what the download told the store. */
export interface AppliedPage {
  asked: number;
  from: number | undefined;
  reset: boolean;
  epoch: string;
  cursor: number;
  complete: boolean;
}

export interface DeviceOptions {
  network: ScriptedNetwork;
  /** The IndexedDB database name: two tabs of one device share it. */
  database: string;
  /** How the network knows this tab (defaults to the database name). */
  tab?: string;
  locks?: FakeLocks;
  /** The device's clock (lastSyncAt); the server never reads it. */
  now?: () => Date;
  timeoutMs?: number;
  /** Entries per feed page (the app asks 1000): small pages make a download span several requests. */
  pageSize?: number;
  /** Pages of at least this many entries are stored as page rows (src/db/feed-pages.ts); the app's threshold else. */
  pageRowsFrom?: number;
}

export class SimDevice {
  db: BoussoleDatabase;
  readonly tab: string;
  readonly landed: Landed[] = [];
  readonly pages: AppliedPage[] = [];
  readonly statuses: SyncStatus[] = [];
  readonly transport: ReturnType<typeof httpTransport>;
  readonly controller: ReturnType<typeof createSyncController>;
  private pageWaiters: Array<() => void> = [];
  private token: string | null = null;
  private clientId: string | null = null;

  private constructor(private readonly options: DeviceOptions) {
    this.db = new BoussoleDatabase(options.database);
    this.tab = options.tab ?? options.database;
    const now = options.now ?? (() => new Date());
    this.transport = httpTransport({
      baseUrl: options.network.origin,
      getToken: () => this.token,
      fetchImpl: options.network.fetchFor(this.tab),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    const locks = options.locks ?? new FakeLocks();
    const env: SyncEnvironment = {
      isOnline: () => true,
      onOnline: () => () => {},
      onVisible: () => () => {},
      setTimer: () => () => {}, // retries are the test's decision: it calls sync() again
      withLock: (task) => locks.withLock(`boussole-sync:${options.database}`, task),
    };
    this.controller = createSyncController({
      transport: this.transport,
      pull: (onProgress) => this.download(() => this.db, onProgress),
      outbox: this.outbox(),
      clientId: async () => (this.token ? this.clientId : null),
      // As src/ui/boot.ts: a device the coordination revoked erases its personal data; otherwise it keeps it all.
      onUnauthenticated: async (error) => {
        if (error.revoked) await eraseRevokedDevice(this.db, now().toISOString());
        else await dropToken(this.db);
        this.token = null;
      },
      awaitingSignIn: () => awaitingSignIn(this.db),
      env,
      now,
      initialLastSuccessAt: null,
      onStatus: (status) => this.statuses.push(status),
    });
  }

  static async open(options: DeviceOptions): Promise<SimDevice> {
    const device = new SimDevice(options);
    await device.load();
    return device;
  }

  private async load(): Promise<void> {
    await this.db.open();
    const session = await readSession(this.db);
    this.token = session?.token ?? null;
    this.clientId = session?.clientId ?? null;
  }

  private outbox() {
    return {
      takeBatch: (limit: number, maxBytes: number) => takeOutboxBatch(this.db, limit, maxBytes),
      acknowledge: async (results: readonly MutationResult[]) => {
        const clientId = this.clientId ?? '?';
        const entries = await Promise.all(results.map((r) => this.db.outbox.get(r.id)));
        await acknowledge(this.db, results);
        results.forEach((result, i) => {
          const entry = entries[i];
          if (entry) this.landed.push({ clientId, mutation: entry.mutation, result });
        });
      },
    };
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  get currentClientId(): string | null {
    return this.clientId;
  }

  /** The bearer token, for the test's own reads of what the server shows this device. */
  get authToken(): string | null {
    return this.token;
  }

  /** Signs in with an invitation code, as the sign-in screen does (session model + saveSession). */
  async signIn(code: string): Promise<void> {
    const response = await this.transport.signIn(code, `Tablette ${this.tab}`);
    await saveSession(this.db, { token: response.token, clientId: response.clientId, account: response.account });
    this.token = response.token;
    this.clientId = response.clientId;
  }

  /** What the "Synchroniser" button does: push then pull, one run at a time; resolves with the status after. */
  async sync(): Promise<SyncStatus> {
    await this.controller.syncNow();
    return this.controller.status;
  }

  /** One push alone (typed errors propagate), for tests that step between push and pull. */
  push() {
    if (!this.clientId || !this.token) throw new Error(`${this.tab} n’est pas connecté`);
    return pushOutbox({ transport: this.transport, outbox: this.outbox(), clientId: this.clientId });
  }

  /** One pull alone (typed errors propagate), bound to the database open now: a restart cuts it off. */
  pull(pageSize?: number) {
    const db = this.db;
    return this.download(() => db, undefined, pageSize);
  }

  /** Resolves when this device next asks for a feed page: a test acts then, in the middle of a download. */
  nextPageRequest(): Promise<void> {
    return new Promise((resolve) => this.pageWaiters.push(resolve));
  }

  /** The real download (directoryPuller's), recording each page it applies with the cursor really asked. */
  private download(db: () => BoussoleDatabase, onProgress?: (p: PullProgress) => void, size = this.options.pageSize) {
    const asked = new WeakMap<DirectoryPage, number>();
    const store: DirectoryStoreOnDevice = {
      readState: () => readSyncState(db()),
      applyPage: async (page, o) => {
        const rows = this.options.pageRowsFrom;
        await applyDirectoryPage(db(), page, rows === undefined ? o : { ...o, pageRowsFrom: rows });
        const { epoch, cursor } = page;
        const at = asked.get(page as DirectoryPage) ?? -1;
        this.pages.push({ asked: at, from: o.from, reset: o.reset, epoch, cursor, complete: o.completedAt !== null });
      },
    };
    return pullDirectory({
      transport: {
        getDirectoryPage: async (cursor, limit) => {
          for (const wake of this.pageWaiters.splice(0)) wake();
          const page = await this.transport.getDirectoryPage(cursor, limit);
          asked.set(page, cursor);
          return page;
        },
      },
      store,
      now: this.options.now ?? (() => new Date()),
      ...(onProgress ? { onProgress } : {}),
      ...(size === undefined ? {} : { pageSize: size }),
    });
  }

  /** The tab is closed (or the browser killed between two transactions) and opened again. */
  async restart(): Promise<void> {
    this.db.close();
    this.db = new BoussoleDatabase(this.options.database);
    await this.load();
  }

  /** An edit the test means to be valid: throws with the problems otherwise. */
  async edit(kind: RecordKind, id: string, changes: Record<string, unknown>) {
    return mustBeValid(await editRecord(this.db, kind, id, changes), `${kind} ${id}`);
  }
  tryEdit(kind: RecordKind, id: string, changes: Record<string, unknown>) {
    return editRecord(this.db, kind, id, changes);
  }
  async create(kind: RecordKind, record: unknown) {
    return mustBeValid(await createRecord(this.db, kind, record), `new ${kind}`);
  }
  tryCreate(kind: RecordKind, record: unknown) {
    return createRecord(this.db, kind, record);
  }
  remove(kind: RecordKind, id: string) {
    return deleteRecord(this.db, kind, id);
  }
  resolve(conflictId: string, value: unknown) {
    return resolveConflict(this.db, conflictId, value);
  }

  async structure(id: string): Promise<Structure | undefined> {
    return (await tableOfKind(this.db, 'structure').get(id)) as Structure | undefined;
  }
  async service(id: string): Promise<Service | undefined> {
    return (await tableOfKind(this.db, 'service').get(id)) as Service | undefined;
  }

  /** Everything the device holds, sorted, for comparisons. */
  async snapshot(): Promise<DeviceSnapshot> {
    const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
    return {
      structures: byId((await readRecords(this.db, 'structure')) as Structure[]),
      services: byId((await readRecords(this.db, 'service')) as Service[]),
      conflicts: byId(await this.db.conflicts.toArray()),
      outbox: await this.db.outbox.orderBy('mutationId').toArray(),
      rejections: await this.db.rejections.toArray(),
      shadows: await this.db.shadows.count(),
    };
  }

  async dispose(): Promise<void> {
    this.controller.stop();
    await this.db.delete();
  }
}

function mustBeValid<T>(parsed: Parsed<T>, what: string): T {
  if (!parsed.ok) throw new Error(`${what}: edit refused on the device: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

export interface DeviceSnapshot {
  structures: Structure[];
  services: Service[];
  conflicts: ConflictRow[];
  outbox: OutboxEntry[];
  rejections: RejectionRow[];
  shadows: number;
}
