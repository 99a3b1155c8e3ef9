// A mutation sent again under a new client id (a re-sign-in renumbered the device's outbox) names where it was sent
// before (`sentBefore`); every store answers it with the decision stored for that send, and decides it only when
// there is none for the same content and account (server/sync/mutation-order.ts `earlierAnswer`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, create, type Enrolled, enrol, update } from './fixtures/sync-fixture.ts';

const THEO = { role: 'travailleur', nom: 'Théo' } as const;
const NEW_SERVICE = makeService(9, 'test--s002', { id: 'test--neuf' });

export function resendStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`a mutation sent again under a new client id: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let before: Enrolled;
    let after: Enrolled;

    const creation = (id: number, sentBefore?: Array<{ clientId: string; id: number }>) => ({
      ...create(id, 'service', NEW_SERVICE),
      ...(sentBefore ? { sentBefore } : {}),
    });

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert([{ kind: 'structure', record: makeStructure(2) }]);
      before = await enrol(store, THEO);
      after = await enrol(store, { ...THEO, account_id: before.account.id });
    });
    afterEach(async () => harness.dispose());

    it('gets the answer of the send that was decided, and is not decided again', async () => {
      await apply(store, before.actor, update(1, 'structure', 'test--s002', {}, { telephone: '04 00 00 00 01' }));
      expect(await apply(store, before.actor, creation(2))).toMatchObject({ result: { status: 'applied' } });
      const again = creation(1, [{ clientId: before.actor.clientId, id: 2 }]);
      expect(await apply(store, after.actor, again)).toEqual({
        kind: 'answered',
        result: { id: 1, status: 'applied' },
        lastMutationId: 1,
        replayed: true,
        from: { clientId: before.actor.clientId, id: 2 },
      });
      expect(await store.history({ kind: 'service', id: 'test--neuf', limit: 10 })).toHaveLength(1);
      // A retry under the new id gets that answer again; the next id follows.
      expect(await apply(store, after.actor, again)).toMatchObject({ result: { id: 1, status: 'applied' } });
      const next = update(2, 'structure', 'test--s002', {}, { telephone: '04 00 00 00 02' });
      expect(await apply(store, after.actor, next)).toMatchObject({ replayed: false, lastMutationId: 2 });
    });

    it('names each client it may have gone through: the one that decided it answers', async () => {
      await apply(store, before.actor, creation(1));
      const third = await enrol(store, { ...THEO, account_id: before.account.id });
      // Renumbered once (never reached the server as `after`'s 1), then again.
      const sends = [
        { clientId: before.actor.clientId, id: 1 },
        { clientId: after.actor.clientId, id: 1 },
      ];
      expect(await apply(store, third.actor, creation(1, sends))).toMatchObject({
        result: { id: 1, status: 'applied' },
        from: { clientId: before.actor.clientId, id: 1 },
      });
    });

    it('is decided when no earlier send was: never arrived, another content, or another account', async () => {
      // Never arrived: decided now, as a creation.
      const lost = creation(1, [{ clientId: before.actor.clientId, id: 1 }]);
      expect(await apply(store, after.actor, lost)).toMatchObject({ replayed: false, result: { status: 'applied' } });

      const stranger = await enrol(store, { role: 'travailleur', nom: 'Tina' });
      await apply(store, stranger.actor, update(1, 'structure', 'test--s002', {}, { telephone: '04 00 00 00 05' }));
      // Another account's send is not this one's, even with the same content.
      const claimed = {
        ...update(1, 'structure', 'test--s002', {}, { telephone: '04 00 00 00 05' }),
        sentBefore: [{ clientId: stranger.actor.clientId, id: 1 }],
      };
      const third = await enrol(store, { ...THEO, account_id: before.account.id });
      expect(await apply(store, third.actor, claimed)).toMatchObject({ replayed: false });

      // Another content under the same earlier id: decided, not answered from the other.
      const fourth = await enrol(store, { ...THEO, account_id: before.account.id });
      const changed = {
        ...update(1, 'structure', 'test--s002', {}, { telephone: '04 00 00 00 09' }),
        sentBefore: [{ clientId: third.actor.clientId, id: 1 }],
      };
      const decided = await apply(store, fourth.actor, changed);
      expect(decided).toMatchObject({ kind: 'answered', replayed: false });
      expect(decided).not.toHaveProperty('from');
    });
  });
}
