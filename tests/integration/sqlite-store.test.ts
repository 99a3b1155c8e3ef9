// What only the SQLite store has: a schema history, pragmas, and rows on disk that may have been damaged or
// written by someone else. The shared behaviour is in directory-store.contract.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../../server/logger.ts';
import { MIGRATIONS, migrate } from '../../server/storage/sqlite-migrations.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { ANONYMOUS_READER, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import { anAction } from '../fixtures/actions.ts';
import { aService, aStructure } from '../fixtures/records.ts';
import { asWrites, makeDirectory, makeService, makeStructure } from './fixtures/directory-fixture.ts';

describe('SQLite store on a file', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boussole-sqlite-'));
    path = join(dir, 'boussole.sqlite');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  /** Writes the fixture, closes the store, then lets `tamper` edit the file with raw SQL. */
  async function seededFile(tamper: (db: Database.Database) => void) {
    const store = openSqliteStore({ path });
    await store.upsert(asWrites(makeDirectory(3, 1)));
    await store.close();
    const raw = new Database(path);
    tamper(raw);
    raw.close();
  }

  it('creates the schema at the last migration, in WAL mode with foreign keys on', async () => {
    const store = openSqliteStore({ path });
    await store.close();
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    // foreign_keys is per connection: check it on the store's own connection through its behaviour, in the
    // contract suite (a dangling service is refused even if the store's own check is removed).
  });

  it('applies only the missing migrations, and refuses a database newer than the code', () => {
    const raw = new Database(path);
    expect(migrate(raw)).toBe(MIGRATIONS.length);
    expect(migrate(raw)).toBe(MIGRATIONS.length); // idempotent: nothing left to apply
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(/plus récent que ce serveur/);
  });

  it('step 4 keeps every record, tombstone, conflict and history line of a v3 file, and then stores actions', async () => {
    const v3 = new Database(path);
    migrate(v3, MIGRATIONS.slice(0, 3));
    v3.close();
    // A v3 file written by the store of its time: records (a service referring to its structure), a deletion, a
    // conflict and history, through raw SQL as that code wrote them.
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    raw.exec(`
      UPDATE seq_counter SET last = 4;
      INSERT INTO records (kind, id, seq, structure_id, code_insee, data, visibilite, statut)
        VALUES ('structure', 'test--s1', 1, NULL, '69259', '${JSON.stringify(aStructure(1))}', 'public', 'publiee');
      INSERT INTO records (kind, id, seq, structure_id, categorie, data, visibilite)
        VALUES ('service', 'test--s1-1', 2, 'test--s1', 'food_packages', '${JSON.stringify(aService(1, 1))}', 'public');
      INSERT INTO tombstones VALUES ('service', 'test--s1-2', 3, 'test--s1', '{}', '2026-10-01T10:00:00Z');
      INSERT INTO conflicts (id, seq, record_kind, record_id, field, base, mine, theirs, mine_by, theirs_by,
        created_at, statut) VALUES ('c1', 4, 'structure', 'test--s1', 'nom', '"a"', '"b"', '"c"', 'x', 'y',
        '2026-10-01T10:00:00Z', 'ouvert');
      INSERT INTO history VALUES (2, '2026-10-01T10:00:00Z', 'x', NULL, NULL, 'service', 'test--s1-1', 1,
        'creation', '{}');
    `);
    raw.close();

    const store = openSqliteStore({ path });
    const page = await store.page(0, 10);
    expect(page.entries.map((e) => `${e.kind}:${e.record.id}`)).toEqual(['structure:test--s1', 'service:test--s1-1']);
    await store.upsert([{ kind: 'action', record: anAction(1, 1) }]);
    expect((await store.page(2, 10)).entries.map((e) => e.kind)).toEqual(['action']);
    await store.close();
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(after.prepare('SELECT count(*) AS n FROM tombstones').get()).toEqual({ n: 1 });
    expect(after.prepare('SELECT count(*) AS n FROM conflicts').get()).toEqual({ n: 1 });
    expect(after.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 1 });
    // The service still needs its structure: the rebuilt table kept its foreign key.
    after.pragma('foreign_keys = ON');
    expect(() => after.prepare("DELETE FROM records WHERE kind = 'structure'").run()).toThrow(/FOREIGN KEY/);
    after.close();
  });

  it('step 5 keeps the accounts, invitations and devices of a v4 file, which sign in again without a team', async () => {
    const v4 = new Database(path);
    migrate(v4, MIGRATIONS.slice(0, 4));
    // Accounts and a device as the v4 store wrote them (raw SQL: the current code writes equipe_id).
    v4.exec(`
      INSERT INTO accounts (id, nom, role, structure_id, created_at)
        VALUES ('w1', 'Théo', 'travailleur', NULL, '2026-10-01T10:00:00Z'),
               ('p1', 'Épicerie', 'partenaire', 'test--s1', '2026-10-01T10:00:00Z');
      INSERT INTO invitations (code_hash, role, nom, account_id, created_at, used_at)
        VALUES ('h1', 'travailleur', 'Théo', 'w1', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
      INSERT INTO devices (token_hash, client_id, account_id, label, created_at, last_seen_at)
        VALUES ('t1', 'appareil-numero-1', 'w1', 'Tablette', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
      INSERT INTO clients (client_id) VALUES ('appareil-numero-1');
    `);
    v4.close();
    const store = openSqliteStore({ path });
    expect(await store.authenticate('t1', new Date('2026-10-01T10:05:00Z'))).toEqual({
      account: { id: 'w1', nom: 'Théo', role: 'travailleur' },
      clientId: 'appareil-numero-1',
    });
    await store.close();
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(after.prepare('SELECT id, equipe_id FROM accounts ORDER BY id').all()).toEqual([
      { id: 'p1', equipe_id: null },
      { id: 'w1', equipe_id: null },
    ]);
    // The team is a worker's only: the schema refuses it on a partner or coordinator row.
    expect(() => after.prepare("UPDATE accounts SET equipe_id = 'test--s1' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    expect(after.prepare("UPDATE accounts SET equipe_id = 'test--s1' WHERE id = 'w1'").run().changes).toBe(1);
    after.close();
  });

  it('step 10 counts the records of a step 9 file: each reader’s total is what the feed gives it', async () => {
    const directory = makeDirectory(5, 2);
    directory.structures[1] = makeStructure(2, { visibilite: 'professionnels' });
    directory.structures[2] = makeStructure(3, {
      statut: 'proposee',
      proposee_par: { account_id: 'w1', nom: 'Théo' },
    });
    directory.services[0] = makeService(1, 'test--s001', { visibilite: 'professionnels' });
    const store = openSqliteStore({ path });
    await store.upsert([
      ...asWrites(directory),
      {
        kind: 'action',
        record: anAction(1, 1, {
          organisateurs: ['test--s001'],
          lieu: { type: 'structure', structure_id: 'test--s001' },
          visibilite: 'professionnels',
        }),
      },
      {
        kind: 'action',
        record: anAction(4, 2, {
          organisateurs: ['test--s004'],
          lieu: { type: 'structure', structure_id: 'test--s004' },
        }),
      },
    ]);
    await store.close();
    // The file as step 9 left it: records, no counters.
    const v9 = new Database(path);
    v9.exec('DROP TABLE counted; DROP TABLE totals;');
    v9.pragma('user_version = 9');
    v9.close();
    const reopened = openSqliteStore({ path });
    const readers = [
      ANONYMOUS_READER,
      readerOf({ id: 'p1', nom: 'Épicerie', role: 'partenaire', structure_id: 'test--s001' }),
      readerOf({ id: 'w1', nom: 'Théo', role: 'travailleur' }),
      readerOf({ id: 'w2', nom: 'Tina', role: 'travailleur' }),
      readerOf({ id: 'c1', nom: 'Claire', role: 'coordinateur' }),
    ];
    const counts = [];
    for (const reader of readers) {
      const page = await reopened.pull({ cursor: 0, limit: 500, reader });
      counts.push([page.total, page.entries.length]);
    }
    await reopened.close();
    expect(counts).toEqual([
      [9, 9], // s001, s004, s005, their public services (v002, v007 to v010), s004's public action
      [11, 11], // and s001's professionals-only v001 and action
      [17, 17], // everything: Théo's proposal s003 is his
      [14, 14], // all but Théo's proposal and its two services
      [17, 17],
    ]);
  });

  it('rolls back a migration that fails half-way, leaving the file at its previous version', () => {
    const raw = new Database(path);
    const broken = [...MIGRATIONS, { description: 'test: fails', sql: 'CREATE TABLE ok (x); SELECT * FROM nope;' }];
    expect(() => migrate(raw, broken)).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('ok', 'records')").get()).toEqual({
      n: 0,
    });
    raw.close();
  });

  it('skips and logs a row that no longer parses, without personal data, and still moves the cursor past it', async () => {
    await seededFile((raw) => {
      raw
        .prepare("UPDATE records SET data = json_set(data, '$.code_postal', 'pas un code') WHERE id = 'test--s002'")
        .run();
    });
    const logger = createCapturingLogger();
    const store = openSqliteStore({ path, logger });
    const all = await store.page(0, 100);
    expect(all.entries.map((e) => e.record.id)).not.toContain('test--s002');
    expect(all.entries).toHaveLength(5);
    // Ending on the bad row: the cursor still advances past it, so a client cannot loop on it.
    const seqOfBad = 3;
    const upToBad = await store.page(seqOfBad - 1, 1);
    expect(upToBad).toMatchObject({ entries: [], cursor: seqOfBad, hasMore: true });
    expect(await store.getStructure('test--s002', SERVER_READER)).toBeUndefined();
    expect((await store.listStructures({ reader: SERVER_READER, limit: 10 })).items.map((s) => s.id)).toEqual([
      'test--s001',
      'test--s003',
    ]);
    const errors = logger.lines.filter((l) => l.event === 'corrupt_row');
    expect(errors[0]).toMatchObject({
      level: 'error',
      kind: 'structure',
      id: 'test--s002',
      seq: seqOfBad,
      problems: [{ path: 'record.code_postal' }],
    });
    expect(JSON.stringify(logger.lines)).not.toContain('pas un code');
    await store.close();
  });

  it('refuses a row whose JSON id differs from its column id', async () => {
    await seededFile((raw) => {
      raw.prepare("UPDATE records SET data = json_set(data, '$.id', 'test--autre') WHERE id = 'test--s001'").run();
    });
    const logger = createCapturingLogger();
    const store = openSqliteStore({ path, logger });
    expect(await store.getStructure('test--s001', SERVER_READER)).toBeUndefined();
    expect(logger.lines).toMatchObject([{ event: 'corrupt_row', problems: [{ path: 'record.id' }] }]);
    await store.close();
  });
});
