// The feed head contract (SyncStore.feedHead, server/storage/sync-store.ts), run against every implementation by
// sync-store.test.ts: what `pull` would report — the last seq and the client's last mutation id — without reading
// the feed, and the epoch, so that the HTTP layer can serve a kept page for that epoch and that last seq.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { asWrites, makeDirectory } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, enrol, update } from './fixtures/sync-fixture.ts';

export function feedHeadContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`SyncStore feed head: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert(asWrites(makeDirectory(2, 1)));
    });
    afterEach(async () => harness.dispose());

    it('reports the epoch, the last seq and the client’s last mutation id exactly as a pull made at the same moment', async () => {
      const worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
      const { clientId } = worker.actor;
      // A page nobody kept is pulled without asking the head first: the pull's own head keys it (http/api-routes.ts).
      const pulled = async () => {
        const { epoch, lastSeq, lastMutationId } = await store.pull({
          cursor: 0,
          limit: 1,
          reader: SERVER_READER,
          clientId,
        });
        return { epoch, lastSeq, lastMutationId };
      };
      const epoch = await store.epoch();
      expect(await store.feedHead(clientId)).toEqual(await pulled());
      expect(await store.feedHead(clientId)).toEqual({ epoch, lastSeq: 4, lastMutationId: 0 });
      await apply(store, worker.actor, update(1, 'structure', 'test--s001', {}, { telephone: '04 00 00 00 01' }));
      expect(await store.feedHead(clientId)).toEqual(await pulled());
      expect(await store.feedHead(clientId)).toEqual({ epoch, lastSeq: 5, lastMutationId: 1 });
      expect(await store.feedHead()).toEqual({ epoch, lastSeq: 5, lastMutationId: null });
      // A restored database gets a new epoch: the kept pages of the old one are not served for it.
      const rotated = await store.rotateEpoch();
      expect(rotated).not.toBe(epoch);
      expect(await store.feedHead(clientId)).toEqual({ epoch: rotated, lastSeq: 5, lastMutationId: 1 });
      expect(await pulled()).toEqual({ epoch: rotated, lastSeq: 5, lastMutationId: 1 });
    });
  });
}
