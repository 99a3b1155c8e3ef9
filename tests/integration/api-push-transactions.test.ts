// A push's mutations are decided in transactions of up to MUTATIONS_PER_TRANSACTION (server/http/sync-routes.ts):
// one commit for several mutations, never a mutation answered before its transaction commits. A failure inside a
// transaction (here a crash while deciding its third mutation) leaves none of its mutations applied, and the
// device's retry applies each once. On SQLite and on PostgreSQL, whose writes go out with COMMIT (a later decision of
// the same transaction must still read them).
import { afterEach, describe, expect, it } from 'vitest';
import { MUTATIONS_PER_TRANSACTION } from '../../server/http/sync-routes.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { openPostgresStore } from '../../server/storage/postgres-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import type { ApplyInput } from '../../server/storage/sync-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { createTestDatabase, type TestDatabase } from '../fixtures/postgres.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import { push, pushRaw, signInAs } from './fixtures/http-client.ts';
import { create, update } from './fixtures/sync-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';

let database: TestDatabase | undefined;
let opened: DirectoryStore | undefined;

afterEach(async () => {
  await opened?.close();
  await database?.drop();
  opened = undefined;
  database = undefined;
});

const engines: Record<string, () => Promise<DirectoryStore | undefined>> = {
  SQLite: async () => undefined,
  PostgreSQL: async () => {
    database = await createTestDatabase();
    opened = await openPostgresStore({ url: database.url, max: 4 });
    return opened;
  },
};

/** The app over `raw` (else SQLite in memory), the chunks each applyMutations call received, and a crash armed. */
async function watched(raw: DirectoryStore | undefined) {
  const chunks: number[][] = [];
  let crashAt: number | undefined;
  const base = raw ?? openSqliteStore({ path: ':memory:' });
  const store: DirectoryStore = {
    ...base,
    applyMutations: (inputs) => {
      chunks.push(inputs.map((input) => input.id));
      // The crash strikes inside the transaction, when the runner reads the mutation, after those before it.
      const armed = inputs.map((input): ApplyInput => {
        if (input.id !== crashAt) return input;
        return Object.defineProperty({ ...input }, 'parsed', {
          get() {
            throw new Error('crash while deciding');
          },
        });
      });
      return base.applyMutations(armed);
    },
  };
  return { ...(await makeTestApp({ store })), chunks, crash: (id: number | undefined) => (crashAt = id) };
}

const NOM_2 = 'Épicerie solidaire de test 2';
const rename = (id: number, to: string, from: string) =>
  update(id, 'structure', 'test--s002', { nom: from }, { nom: to });

for (const [engine, open] of Object.entries(engines)) {
  describe(`POST /api/v1/push transactions (${engine})`, () => {
    it(`decides a push's mutations ${MUTATIONS_PER_TRANSACTION} per transaction, each after the previous one's writes`, async () => {
      const { app, store, chunks } = await watched(await open());
      const device = await signInAs(app, store, { role: 'coordinateur', nom: 'Coordination' });
      const count = 2 * MUTATIONS_PER_TRANSACTION + 5;
      // Each rename's base is the previous one's result, read back inside the same transaction: a decision that
      // did not see it would answer a conflict.
      const batch = Array.from({ length: count }, (_, i) =>
        rename(i + 1, `Nom ${i + 1}`, i === 0 ? NOM_2 : `Nom ${i}`),
      );
      const answer = await push(app, device, batch);
      expect(answer.results.map((r) => r.status)).toEqual(Array(count).fill('applied'));
      expect(chunks.map((c) => c.length)).toEqual([MUTATIONS_PER_TRANSACTION, MUTATIONS_PER_TRANSACTION, 5]);
      expect((await store.getStructure('test--s002', SERVER_READER))?.structure).toMatchObject({
        nom: `Nom ${count}`,
        version: count + 1,
      });
      expect(await store.history({ kind: 'structure', id: 'test--s002', limit: 100 })).toHaveLength(count);
    });

    it('commits none of a transaction’s mutations when it fails, and the retry applies each once', async () => {
      const { app, store, crash } = await watched(await open());
      const device = await signInAs(app, store, { role: 'coordinateur', nom: 'Coordination' });
      const batch = [1, 2, 3].map((m) => create(m, 'structure', makeStructure(100 + m)));
      crash(3);
      expect((await pushRaw(app, device, batch)).status).toBe(500);
      for (const m of [1, 2]) {
        expect(await store.getStructure(makeStructure(100 + m).id, SERVER_READER)).toBeUndefined();
      }
      crash(undefined);
      const retry = await push(app, device, batch);
      expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect(retry.lastMutationId).toBe(3);
      for (const m of [1, 2, 3]) {
        const id = makeStructure(100 + m).id;
        expect(await store.history({ kind: 'structure', id, limit: 10 })).toHaveLength(1);
      }
    });
  });
}
