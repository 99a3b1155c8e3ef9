// The real server in-process: `createApp` over the real SQLite store on a temporary file, so that a test can
// stop it, kill it (between requests or in the middle of one), restart it on the same file, or restore an older
// copy of the file (a backup). Requests reach it through `app.fetch` (see network.ts). The store is wrapped to
// keep, in the test, what it did — which survives restarts and restores:
// - every decision on a mutation, with the mutation's content (the oracle of "applied exactly once");
// - the timeline of those decisions with backups, restores and epoch rotations, so that a check knows which
//   decisions the database still holds (a restore forgets those made after its backup);
// - every feed page it read, with the feed's seqs at that moment (the oracle of "no gap in the feed").
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../../../server/app.ts';
import { sha256 } from '../../../server/auth/secrets.ts';
import type { Clock } from '../../../server/http/env.ts';
import { silentLogger } from '../../../server/logger.ts';
import type { DirectoryStore } from '../../../server/storage/directory-store.ts';
import { openSqliteStore } from '../../../server/storage/sqlite-store.ts';
import type { ApplyInput, ApplyOutcome, PullQuery, PullResult } from '../../../server/storage/sync-store.ts';
import { canonicalJson } from '../../../server/sync/json-values.ts';
import type { Account, Mutation } from '../../../src/domain/sync-protocol.ts';
import { asWrites, type Fixture, makeDirectory } from '../../integration/fixtures/directory-fixture.ts';

/** One decision of the store, as logged by the wrapper: first decisions and replays of stored results alike. */
export interface Decision {
  clientId: string;
  mutationId: number;
  outcome: ApplyOutcome;
  /** The mutation as the server parsed it (null when it did not parse), and its canonical JSON. */
  mutation: Mutation | null;
  content: string;
  /** The route's fingerprint of the mutation as sent (`mutationHash`). */
  hash: string;
}

/** What happened to the database, in order: a check replays it to know what the database holds now. */
export type TimelineEvent =
  | { kind: 'decision'; decision: Decision }
  | { kind: 'sign-in'; clientId: string; accountId: string }
  | { kind: 'backup'; backup: string }
  | { kind: 'restore'; backup: string }
  | { kind: 'rotate-epoch' };

/**
 * A feed page the store read: asked after `asked` with `limit`, answered up to `cursor` (`hasMore`, `lastSeq`),
 * and the seqs of every feed row (record, tombstone, conflict) above `asked` at that moment, read beside it.
 */
export interface ServedPage {
  asked: number;
  limit: number;
  cursor: number;
  hasMore: boolean;
  lastSeq: number;
  seqs: number[];
}

/** The server process dying in the middle of a request (SyncServer.killDuring). */
export class ServerKilled extends Error {
  override name = 'ServerKilled';
}

/**
 * What the sync tests drive and check: SyncServer (one server on a SQLite file), or PostgresSyncServer (two
 * instances on one PostgreSQL database, postgres-sync-server.ts).
 */
export interface ServerUnderTest {
  readonly decisions: Decision[];
  readonly timeline: TimelineEvent[];
  readonly pages: ServedPage[];
  readonly store: DirectoryStore;
  /** An instance's app, for reading what the server shows (server-view.ts). */
  readonly app: ReturnType<typeof createApp>;
  readonly fetch: (request: Request) => Promise<Response>;
  killDuring(request: Request, writes: number): Promise<void>;
  restart(options?: { crash?: boolean }): Promise<void>;
  revokeSender(request: Request): Promise<void>;
  backup(): Promise<string>;
  restore(backup: string, options?: { rotateEpoch?: boolean }): Promise<void>;
  rotateEpoch(): Promise<void>;
  invite(who: { role: Account['role']; nom: string; structure_id?: string; account_id?: string }): Promise<string>;
  history(): Promise<HistoryRow[]>;
  dispose(): Promise<void>;
}

/**
 * `raw` as the sync tests see it: every decision logged with the mutation's content (in `decisions` and the
 * timeline), sign-ins in the timeline, pulls through `pull` (which logs the page), and `beforeApply` run first
 * (where a kill strikes).
 */
export function recordingStore(
  raw: DirectoryStore,
  log: { decisions: Decision[]; timeline: TimelineEvent[] },
  hooks: { beforeApply(input: ApplyInput): void; pull(query: PullQuery): Promise<PullResult> },
): DirectoryStore {
  const logged = (input: ApplyInput, outcome: ApplyOutcome) => {
    const mutation = input.parsed.ok ? input.parsed.mutation : null;
    const content = mutation ? canonicalJson(mutation) : `unparsed ${input.hash}`;
    const { hash } = input;
    const decision = { clientId: input.actor.clientId, mutationId: input.id, outcome, mutation, content, hash };
    log.decisions.push(decision);
    log.timeline.push({ kind: 'decision', decision });
    return outcome;
  };
  return {
    ...raw,
    // The mutations of one transaction: a kill that strikes at any of them strikes before its commit, and none of
    // them is applied.
    applyMutations: async (inputs) => {
      for (const input of inputs) hooks.beforeApply(input);
      const outcomes = await raw.applyMutations(inputs);
      return outcomes.map((outcome, i) => logged(inputs[i] as ApplyInput, outcome));
    },
    pull: (query) => hooks.pull(query),
    redeemInvitation: async (input) => {
      const outcome = await raw.redeemInvitation(input);
      if (outcome.ok) {
        log.timeline.push({ kind: 'sign-in', clientId: input.device.clientId, accountId: outcome.account.id });
      }
      return outcome;
    },
  };
}

const FEED_SEQS = `SELECT seq FROM records WHERE seq > @after UNION ALL SELECT seq FROM tombstones WHERE seq > @after
  UNION ALL SELECT seq FROM conflicts WHERE seq > @after ORDER BY seq`;

export interface HistoryRow {
  seq: number;
  account_id: string;
  client_id: string | null;
  mutation_id: number | null;
  record_kind: 'structure' | 'service';
  record_id: string;
  action: 'creation' | 'modification' | 'suppression' | 'restauration';
  changes: string;
}

export class SyncServer implements ServerUnderTest {
  readonly decisions: Decision[] = [];
  readonly timeline: TimelineEvent[] = [];
  readonly pages: ServedPage[] = [];
  /** Armed by `killDuring`: the client whose request is being killed, and how many mutations it may commit first. */
  private kill: { clientId: string | null; writes: number } | null = null;
  /** A read-only connection beside the server's, reading the feed's seqs for `pages`. */
  private witness: { db: Database.Database; feed: Database.Statement<{ after: number }, { seq: number }> } | null =
    null;
  /** Connections abandoned by `restart({ crash: true })`, closed at `dispose`. */
  private readonly abandoned: DirectoryStore[] = [];
  private raw!: DirectoryStore;
  store!: DirectoryStore;
  app!: ReturnType<typeof createApp>;
  private codes = 0;

  private constructor(
    readonly dir: string,
    readonly path: string,
    private readonly clock: Clock,
  ) {}

  static async start(options: { fixture?: Fixture; clock?: Clock } = {}): Promise<SyncServer> {
    const dir = await mkdtemp(join(tmpdir(), 'boussole-sync-'));
    const server = new SyncServer(dir, join(dir, 'boussole.sqlite'), options.clock ?? (() => new Date()));
    server.open();
    await server.raw.upsert(asWrites(options.fixture ?? makeDirectory(3, 2)));
    return server;
  }

  /** Requests from the network land here, on whichever app is current. */
  readonly fetch = async (request: Request): Promise<Response> => this.app.fetch(request);

  private open(): void {
    this.raw = openSqliteStore({ path: this.path, logger: silentLogger });
    const raw = this.raw;
    this.store = recordingStore(raw, this, {
      beforeApply: (input) => this.dieIfKilled(input),
      pull: (query) => this.pullWatched(raw, query),
    });
    this.app = createApp({ store: this.store, logger: silentLogger, clock: this.clock });
  }

  /**
   * The store's page, and the feed's seqs above the asked cursor read beside it in the same turn of the event loop
   * (with no transaction open, the SQLite store reads its page at once, and nothing else runs in between).
   */
  private async pullWatched(raw: DirectoryStore, query: PullQuery) {
    const seqs = this.feedSeqs(query.cursor);
    const page = await raw.pull(query);
    const { cursor, hasMore, lastSeq } = page;
    this.pages.push({ asked: query.cursor, limit: query.limit, cursor, hasMore, lastSeq, seqs });
    return page;
  }

  private feedSeqs(after: number): number[] {
    if (!this.witness) {
      const db = new Database(this.path, { readonly: true });
      this.witness = { db, feed: db.prepare<{ after: number }, { seq: number }>(FEED_SEQS) };
    }
    return this.witness.feed.all({ after }).map((row) => row.seq);
  }

  /** Closed before the file is copied or replaced (and at the end). */
  private closeWitness(): void {
    this.witness?.db.close();
    this.witness = null;
  }

  private dieIfKilled(input: ApplyInput): void {
    const kill = this.kill;
    if (!kill || (kill.clientId !== null && kill.clientId !== input.actor.clientId)) return;
    if (kill.writes === 0) throw new ServerKilled('killed in the middle of a push');
    kill.writes--;
  }

  /**
   * The server is killed while it handles `request`: a push dies before deciding its mutation `writes` + 1, in the
   * transaction that holds it (MUTATIONS_PER_TRANSACTION), having committed the transactions before; any other
   * request is handled whole. Its answer is lost either way, the
   * process is gone (its connection abandoned) and the server starts again on the same file.
   */
  async killDuring(request: Request, writes: number): Promise<void> {
    this.kill = { clientId: (await this.sender(request)) ?? null, writes };
    try {
      await this.app.fetch(request);
    } finally {
      this.kill = null;
    }
    await this.restart({ crash: true });
  }

  /**
   * Stops the server and starts it again on the same file. `crash`: the old connection is abandoned without
   * closing (no WAL checkpoint, as when the process is killed); otherwise it is closed cleanly.
   */
  async restart({ crash = false }: { crash?: boolean } = {}): Promise<void> {
    if (crash) this.abandoned.push(this.raw);
    else await this.raw.close();
    this.open();
  }

  /** The device that sent `request` is revoked (as a coordinator does from the devices list). */
  async revokeSender(request: Request): Promise<void> {
    const clientId = await this.sender(request);
    if (clientId) await this.store.revokeDevice(clientId, new Date());
  }

  private async sender(request: Request): Promise<string | undefined> {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
    return token ? (await this.store.authenticate(sha256(token), new Date()))?.clientId : undefined;
  }

  /**
   * A copy of the database as it is now (taken during a clean stop), to restore later. `VACUUM INTO` rather than
   * a file copy: after a kill the abandoned connection keeps committed pages in the WAL, which a copy of the main
   * file alone would miss.
   */
  async backup(): Promise<string> {
    this.closeWitness();
    await this.raw.close();
    const copy = join(this.dir, `backup-${randomUUID()}.sqlite`);
    const db = new Database(this.path);
    try {
      db.pragma('synchronous = OFF'); // a test's copy: no need to wait for the disk
      db.prepare('VACUUM INTO ?').run(copy);
    } finally {
      db.close();
    }
    this.timeline.push({ kind: 'backup', backup: copy });
    this.open();
    return copy;
  }

  /**
   * Restores a backup as an administrator should: the file replaced, then `admin rotate-epoch` — or forgets the
   * rotation (`rotateEpoch: false`), the mistake the cursor check guards against.
   */
  async restore(backup: string, { rotateEpoch = true } = {}): Promise<void> {
    // Killed processes are gone with their connections before the file is replaced.
    this.closeWitness();
    for (const store of this.abandoned.splice(0)) await store.close();
    await this.raw.close();
    for (const suffix of ['-wal', '-shm']) await rm(`${this.path}${suffix}`, { force: true });
    await copyFile(backup, this.path);
    this.timeline.push({ kind: 'restore', backup });
    this.open();
    if (rotateEpoch) await this.rotateEpoch();
  }

  /** `admin rotate-epoch`: devices start over, each client may skip ids once (docs/sync-protocol.md). */
  async rotateEpoch(): Promise<void> {
    await this.store.rotateEpoch();
    this.timeline.push({ kind: 'rotate-epoch' });
  }

  /** A single-use invitation code; `account_id` signs in again as an existing account (a new device). */
  async invite(who: { role: Account['role']; nom: string; structure_id?: string; account_id?: string }) {
    const code = `TEST-SYNC-${++this.codes}`;
    await this.store.createInvitations([
      { ...who, codeHash: sha256(code), created_at: new Date().toISOString(), reusable: false },
    ]);
    return code;
  }

  /** Every history line, in seq order, read from the file directly (the API does not expose client ids). */
  async history(): Promise<HistoryRow[]> {
    const db = new Database(this.path, { readonly: true });
    try {
      return db
        .prepare<[], HistoryRow>(
          'SELECT seq, account_id, client_id, mutation_id, record_kind, record_id, action, changes FROM history ORDER BY seq',
        )
        .all();
    } finally {
      db.close();
    }
  }

  async dispose(): Promise<void> {
    this.closeWitness();
    for (const store of [...this.abandoned, this.raw]) await store.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
