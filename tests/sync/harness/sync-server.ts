// The real server in-process: `createApp` over the real SQLite store on a temporary file, so that a test can
// stop it, kill it, restart it on the same file, or restore an older copy of the file (a backup). Requests reach
// it through `app.fetch` (see network.ts). The store is wrapped to keep a log of every decision it made — the
// oracle of "applied exactly once" — which survives restarts since it lives in the test.
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
import type { ApplyOutcome } from '../../../server/storage/sync-store.ts';
import type { Account } from '../../../src/domain/sync-protocol.ts';
import { asWrites, type Fixture, makeDirectory } from '../../integration/fixtures/directory-fixture.ts';

/** One decision of the store, as logged by the wrapper: first decisions and replays of stored results alike. */
export interface Decision {
  clientId: string;
  mutationId: number;
  outcome: ApplyOutcome;
}

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

export class SyncServer {
  readonly decisions: Decision[] = [];
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
    this.store = {
      ...raw,
      applyMutation: async (input) => {
        const outcome = await raw.applyMutation(input);
        this.decisions.push({ clientId: input.actor.clientId, mutationId: input.id, outcome });
        return outcome;
      },
    };
    this.app = createApp({ store: this.store, logger: silentLogger, clock: this.clock });
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

  /** A copy of the database file as it is now (taken during a clean stop), to restore later. */
  async backup(): Promise<string> {
    await this.raw.close();
    const copy = join(this.dir, `backup-${randomUUID()}.sqlite`);
    await copyFile(this.path, copy);
    this.open();
    return copy;
  }

  /**
   * Restores a backup as an administrator should: the file replaced, then `admin rotate-epoch` — or forgets the
   * rotation (`rotateEpoch: false`), the mistake the cursor check guards against.
   */
  async restore(backup: string, { rotateEpoch = true } = {}): Promise<void> {
    await this.raw.close();
    for (const suffix of ['-wal', '-shm']) await rm(`${this.path}${suffix}`, { force: true });
    await copyFile(backup, this.path);
    this.open();
    if (rotateEpoch) await this.store.rotateEpoch();
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
  history(): HistoryRow[] {
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
    for (const store of [...this.abandoned, this.raw]) await store.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
