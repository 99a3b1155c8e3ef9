// Two server instances on one PostgreSQL database, in-process, for the sync tests (the same surface as SyncServer,
// sync-server.ts): requests reach the instances in turn, as behind a load balancer, so a device's push may land on
// one and its next pull on the other. A restart stops (or kills: its connections abandoned) one instance — the
// other keeps serving — and starts it again; a kill strikes the instance handling the request. A backup is a copy of
// the database (CREATE DATABASE … TEMPLATE, taken while both instances are stopped), a restore replaces the
// database by a copy of it.
//
// The feed's seqs beside each page are read while holding the store's write lock (postgres-connection.ts), so that
// no write of either instance commits between that read and the page.
import type postgres from 'postgres';
import { createApp } from '../../../server/app.ts';
import { sha256 } from '../../../server/auth/secrets.ts';
import type { Clock } from '../../../server/http/env.ts';
import { silentLogger } from '../../../server/logger.ts';
import type { DirectoryStore } from '../../../server/storage/directory-store.ts';
import { connectPostgres, WRITE_LOCK } from '../../../server/storage/postgres-connection.ts';
import { openPostgresStore } from '../../../server/storage/postgres-store.ts';
import type { ApplyInput, PullQuery } from '../../../server/storage/sync-store.ts';
import type { Account } from '../../../src/domain/sync-protocol.ts';
import { createTestDatabase, type TestDatabase } from '../../fixtures/postgres.ts';
import { asWrites, type Fixture, makeDirectory } from '../../integration/fixtures/directory-fixture.ts';
import {
  type Decision,
  type HistoryRow,
  recordingStore,
  type ServedPage,
  ServerKilled,
  type ServerUnderTest,
  type TimelineEvent,
} from './sync-server.ts';

interface Instance {
  raw: DirectoryStore;
  store: DirectoryStore;
  app: ReturnType<typeof createApp>;
}

let copies = 0;

export class PostgresSyncServer implements ServerUnderTest {
  readonly decisions: Decision[] = [];
  readonly timeline: TimelineEvent[] = [];
  readonly pages: ServedPage[] = [];
  private kill: { clientId: string | null; writes: number } | null = null;
  private readonly instances: Instance[] = [];
  /** Connections of killed instances, closed before the database is copied or replaced (and at the end). */
  private readonly abandoned: DirectoryStore[] = [];
  private witness: postgres.Sql | null = null;
  /** Which instance the next request reaches, and which one the next restart stops. */
  private turn = 0;
  private restarts = 0;
  private codes = 0;

  private constructor(
    private readonly database: TestDatabase,
    private readonly clock: Clock,
  ) {}

  static async start(options: { fixture?: Fixture; clock?: Clock } = {}): Promise<PostgresSyncServer> {
    const server = new PostgresSyncServer(await createTestDatabase(), options.clock ?? (() => new Date()));
    for (let i = 0; i < 2; i++) server.instances.push(await server.open());
    await server.store.upsert(asWrites(options.fixture ?? makeDirectory(3, 2)));
    return server;
  }

  get store(): DirectoryStore {
    return this.instance(0).store;
  }

  get app(): ReturnType<typeof createApp> {
    return this.instance(0).app;
  }

  private instance(i: number): Instance {
    const found = this.instances[i];
    if (!found) throw new Error(`no instance ${i}`);
    return found;
  }

  private async open(): Promise<Instance> {
    const raw = await openPostgresStore({ url: this.database.url, max: 4 });
    const store = recordingStore(raw, this, {
      beforeApply: (input) => this.dieIfKilled(input),
      pull: (query) => this.pullWatched(raw, query),
    });
    return { raw, store, app: createApp({ store, logger: silentLogger, clock: this.clock }) };
  }

  /** Requests from the network reach the instances in turn. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const instance = this.instance(this.turn++ % 2);
    return instance.app.fetch(request);
  };

  private async pullWatched(raw: DirectoryStore, query: PullQuery) {
    this.witness ??= connectPostgres(this.database.url, { max: 1 });
    const witness = await this.witness.reserve();
    try {
      await witness`SELECT pg_advisory_lock(${WRITE_LOCK})`;
      try {
        const found = await witness<{ seq: number }[]>`
          SELECT seq FROM records WHERE seq > ${query.cursor} UNION ALL SELECT seq FROM tombstones
          WHERE seq > ${query.cursor} UNION ALL SELECT seq FROM conflicts WHERE seq > ${query.cursor} ORDER BY seq`;
        const page = await raw.pull(query);
        const { cursor, hasMore, lastSeq } = page;
        const seqs = found.map((row) => row.seq);
        this.pages.push({ asked: query.cursor, limit: query.limit, cursor, hasMore, lastSeq, seqs });
        return page;
      } finally {
        await witness`SELECT pg_advisory_unlock(${WRITE_LOCK})`;
      }
    } finally {
      witness.release();
    }
  }

  private dieIfKilled(input: ApplyInput): void {
    const kill = this.kill;
    if (!kill || (kill.clientId !== null && kill.clientId !== input.actor.clientId)) return;
    if (kill.writes === 0) throw new ServerKilled('killed in the middle of a push');
    kill.writes--;
  }

  /** The instance that receives `request` is killed while it handles it (SyncServer.killDuring), then restarted. */
  async killDuring(request: Request, writes: number): Promise<void> {
    const i = this.turn++ % 2;
    this.kill = { clientId: (await this.sender(request)) ?? null, writes };
    try {
      await this.instance(i).app.fetch(request);
    } finally {
      this.kill = null;
    }
    await this.restartInstance(i, true);
  }

  /** Stops one instance (in turn) and starts it again; the other serves meanwhile. */
  async restart({ crash = false }: { crash?: boolean } = {}): Promise<void> {
    await this.restartInstance(this.restarts++ % 2, crash);
  }

  private async restartInstance(i: number, crash: boolean): Promise<void> {
    const stopped = this.instance(i);
    if (crash) this.abandoned.push(stopped.raw);
    else await stopped.raw.close();
    this.instances[i] = await this.open();
  }

  async revokeSender(request: Request): Promise<void> {
    const clientId = await this.sender(request);
    if (clientId) await this.store.revokeDevice(clientId, new Date());
  }

  private async sender(request: Request): Promise<string | undefined> {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
    return token ? (await this.store.authenticate(sha256(token), new Date()))?.clientId : undefined;
  }

  /** Every connection to the database closed: PostgreSQL copies a database nobody is connected to. */
  private async stopAll(): Promise<void> {
    await this.witness?.end();
    this.witness = null;
    for (const store of this.abandoned.splice(0)) await store.close();
    for (const instance of this.instances) await instance.raw.close();
  }

  private async startAll(): Promise<void> {
    for (let i = 0; i < this.instances.length; i++) this.instances[i] = await this.open();
  }

  async backup(): Promise<string> {
    await this.stopAll();
    const name = `${new URL(this.database.url).pathname.slice(1)}_copy_${++copies}`;
    await this.database.copy(name);
    this.timeline.push({ kind: 'backup', backup: name });
    await this.startAll();
    return name;
  }

  async restore(backup: string, { rotateEpoch = true } = {}): Promise<void> {
    await this.stopAll();
    await this.database.restore(backup);
    this.timeline.push({ kind: 'restore', backup });
    await this.startAll();
    if (rotateEpoch) await this.rotateEpoch();
  }

  async rotateEpoch(): Promise<void> {
    await this.store.rotateEpoch();
    this.timeline.push({ kind: 'rotate-epoch' });
  }

  async invite(who: { role: Account['role']; nom: string; structure_id?: string; account_id?: string }) {
    const code = `TEST-SYNC-${++this.codes}`;
    await this.store.createInvitations([
      { ...who, codeHash: sha256(code), created_at: new Date().toISOString(), reusable: false },
    ]);
    return code;
  }

  async history(): Promise<HistoryRow[]> {
    const sql = connectPostgres(this.database.url, { max: 1 });
    try {
      const rows = await sql<(Omit<HistoryRow, 'changes'> & { changes: unknown })[]>`
        SELECT seq, account_id, client_id, mutation_id, record_kind, record_id, action, changes FROM history
        ORDER BY seq`;
      return rows.map((row) => ({ ...row, changes: JSON.stringify(row.changes) }));
    } finally {
      await sql.end();
    }
  }

  async dispose(): Promise<void> {
    await this.stopAll();
    await this.database.drop();
  }
}
