// Two server instances over one database, as behind a reverse proxy or while an old and a new process overlap
// during a restart: each has its own memory (kept feed pages, parsed entries, totals, sign-in limits) and its own
// connection. Whatever one instance writes, the other must serve at once: nothing a device's correctness depends
// on may be remembered by one process only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createCapturingLogger } from '../../server/logger.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { asWrites, makeDirectory } from './fixtures/directory-fixture.ts';
import { postJson, pull, push, signInAs } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';

const opened: Array<{ dir: string; stores: DirectoryStore[] }> = [];
afterEach(async () => {
  for (const { dir, stores } of opened.splice(0)) {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function twoInstances() {
  const dir = mkdtempSync(join(tmpdir(), 'boussole-two-instances-'));
  const path = join(dir, 'shared.sqlite');
  const storeA = openSqliteStore({ path });
  await storeA.upsert(asWrites(makeDirectory(3, 2)));
  const storeB = openSqliteStore({ path });
  opened.push({ dir, stores: [storeA, storeB] });
  const logger = createCapturingLogger();
  return {
    a: { app: createApp({ store: storeA, logger }), store: storeA },
    b: { app: createApp({ store: storeB, logger }), store: storeB },
  };
}

describe('deux instances sur une même base', () => {
  it('a write through one instance is pulled through the other at once, though the other kept that page', async () => {
    const { a, b } = await twoInstances();
    const theo = await signInAs(a.app, a.store, { role: 'travailleur', nom: 'Théo' });
    const first = await pull(a.app, theo, 0);
    // Twice through A: the second answer is A's kept page for this reader, cursor and last seq.
    expect(await pull(a.app, theo, first.cursor)).toMatchObject({ entries: [], cursor: first.cursor });
    expect(await pull(a.app, theo, first.cursor)).toMatchObject({ entries: [] });

    // The same device's session is the database's: B knows its token, and its mutation order.
    await push(b.app, theo, [update(1, 'structure', 'test--s001', {}, { telephone: '04 00 00 00 01' })]);
    const delta = await pull(a.app, theo, first.cursor);
    expect(delta.entries).toMatchObject([
      { kind: 'structure', record: { id: 'test--s001', telephone: '04 00 00 00 01' } },
    ]);
    expect(delta.lastMutationId).toBe(1);
    // The first page, kept by A before the write, is not served again either: it is rebuilt at the new last seq.
    const again = await pull(a.app, theo, 0);
    expect(again.cursor).toBe(delta.cursor);
    expect(again.entries.find((e) => e.kind === 'structure' && e.record.id === 'test--s001')).toMatchObject({
      record: { telephone: '04 00 00 00 01' },
    });
  });

  it('a device revoked through one instance is refused by the other on its next request', async () => {
    const { a, b } = await twoInstances();
    const coordination = await signInAs(b.app, b.store, { role: 'coordinateur', nom: 'Coordination' });
    const theo = await signInAs(a.app, a.store, { role: 'travailleur', nom: 'Théo' });
    await pull(a.app, theo, 0);
    const revoked = await postJson(b.app, `/api/v1/admin/devices/${theo.clientId}/revoke`, {}, coordination.auth);
    expect(revoked.status).toBe(200);
    const refused = await a.app.request('/api/v1/directory?cursor=0&limit=500', { headers: theo.auth });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('device_revoked');
  });

  it('a new epoch written by another process (a restore) is served at once, with the feed from 0', async () => {
    const { a, b } = await twoInstances();
    const theo = await signInAs(a.app, a.store, { role: 'travailleur', nom: 'Théo' });
    const before = await pull(a.app, theo, 0);
    const epoch = await b.store.rotateEpoch();
    const after = await pull(a.app, theo, 0);
    expect(after.epoch).toBe(epoch);
    expect(after.epoch).not.toBe(before.epoch);
  });
});
