// A store transaction is awaitable (server/storage/store-port.ts) while SQLite has one connection: concurrent
// requests must never run inside each other's open transaction. Pushes from several devices at once, with pulls
// in between, through the HTTP app on a SQLite file: every mutation is decided against what the previous one
// committed (one edit wins, the other is a conflict), every seq is used once, nothing answers 500.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import { pull, push, signInAs } from './fixtures/http-client.ts';
import { create, update } from './fixtures/sync-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';

let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function onSqliteFile() {
  dir = await mkdtemp(join(tmpdir(), 'boussole-concurrent-'));
  return makeTestApp({ store: openSqliteStore({ path: join(dir, 'boussole.sqlite') }) });
}

describe('concurrent pushes on SQLite', () => {
  it('decides each mutation against the one committed before it: two edits of one field, one applied, one conflict', async () => {
    const { app, store } = await onSqliteFile();
    const [theo, tina] = await Promise.all([
      signInAs(app, store, { role: 'travailleur', nom: 'Théo' }),
      signInAs(app, store, { role: 'travailleur', nom: 'Tina' }),
    ]);
    const base = { nom: 'Épicerie solidaire de test 2' };
    const [a, b, page] = await Promise.all([
      push(app, theo, [update(1, 'structure', 'test--s002', base, { nom: 'Nom de Théo' })]),
      push(app, tina, [update(1, 'structure', 'test--s002', base, { nom: 'Nom de Tina' })]),
      pull(app, theo),
    ]);
    expect([a.results[0]?.status, b.results[0]?.status].sort()).toEqual(['applied', 'conflict']);
    expect(await store.history({ kind: 'structure', id: 'test--s002', limit: 10 })).toHaveLength(1);
    expect(page.entries.length).toBeGreaterThan(0);
    await store.close();
  });

  it('applies many devices’ batches sent at once, each record at its own seq, none lost', async () => {
    const { app, store } = await onSqliteFile();
    const devices = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => signInAs(app, store, { role: 'coordinateur', nom: `Coordination ${n}` })),
    );
    const answers = await Promise.all(
      devices.flatMap((device, d) => [
        push(
          app,
          device,
          [1, 2, 3].map((m) => create(m, 'structure', makeStructure(100 + d * 10 + m))),
        ),
        pull(app, device),
      ]),
    );
    for (const answer of answers) {
      if ('results' in answer) expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    }
    const feed = await store.pull({ cursor: 0, limit: 1000, reader: SERVER_READER });
    const created = feed.entries.filter((e) => 'record' in e && e.record.id.startsWith('test--s1'));
    expect(created).toHaveLength(15);
    const seqs = feed.entries.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    await store.close();
  });
});
