// The OrientationEventStore contract (server/storage/orientation-event-store.ts), run against every implementation
// by orientation-event-store.test.ts: one event per id (a resend replaces), kept with its team, purged by week,
// kept across a reopen; referrals and accounts as anonymous facts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { mutationHash } from '../../server/sync/json-values.ts';
import type { OrientationEvent } from '../../src/domain/orientation-event.ts';
import { aDraft, move, PARTNER, refuse, TEAM_WORKER } from '../fixtures/referrals.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';

const event = (id: string, semaine = '2026-W46'): OrientationEvent => ({
  id: `evt-${id}-0123456789abcdef`,
  semaine,
  commune: '69259',
  besoins: ['repas'],
  resultats: { eligibles: 0, a_verifier: 1, exclus: 3 },
  motifs_exclusion: [],
  orientation_envoyee: false,
});

export function orientationEventStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`OrientationEventStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
    });
    afterEach(async () => harness.dispose());

    it('keeps one event per id with its team; a resend replaces it', async () => {
      expect(await store.recordOrientationEvents([event('a'), event('b')], 'mdm-1')).toBe(2);
      await store.recordOrientationEvents([{ ...event('a'), orientation_envoyee: true }], 'mdm-1');
      const rows = await store.orientationEvents();
      expect(rows).toHaveLength(2);
      expect(rows.find((r) => r.event.id === event('a').id)).toEqual({
        event: { ...event('a'), orientation_envoyee: true },
        equipe_id: 'mdm-1',
      });
      await store.recordOrientationEvents([event('c')], null);
      expect((await store.orientationEvents()).find((r) => r.event.id === event('c').id)?.equipe_id).toBeNull();
    });

    it('purges the weeks before the one given, and only them', async () => {
      await store.recordOrientationEvents([event('old', '2024-W40'), event('edge', '2024-W45'), event('new')], null);
      expect(await store.purgeOrientationEvents('2024-W45')).toBe(1);
      expect((await store.orientationEvents()).map((r) => r.event.semaine).sort()).toEqual(['2024-W45', '2026-W46']);
    });

    it('keeps events across a reopen', async () => {
      if (!harness.reopen) return;
      await store.recordOrientationEvents([event('a')], 'mdm-1');
      store = await harness.reopen(store);
      expect(await store.orientationEvents()).toHaveLength(1);
    });

    it('gives referrals as anonymous facts with the sending team and the first answer', async () => {
      const draft = aDraft();
      const t0 = new Date('2026-03-02T10:00:00Z');
      await store.sendReferral({
        draft,
        hash: mutationHash(draft),
        sender: TEAM_WORKER,
        serviceKnown: true,
        partnerReceives: true,
        now: t0,
      });
      const c1 = move('recue');
      await store.changeReferralStatus({
        referralId: draft.id,
        change: c1,
        hash: mutationHash(c1),
        actor: PARTNER,
        now: new Date('2026-03-04T10:00:00Z'),
      });
      const c2 = refuse('complet');
      await store.changeReferralStatus({
        referralId: draft.id,
        change: c2,
        hash: mutationHash(c2),
        actor: PARTNER,
        now: new Date('2026-03-05T10:00:00Z'),
      });
      expect(await store.referralFacts()).toEqual([
        {
          equipe_id: TEAM_WORKER.equipe_id,
          envoyee_le: t0.toISOString(),
          statut: 'refusee',
          motif: 'complet',
          repondue_le: '2026-03-04T10:00:00.000Z',
        },
      ]);
    });
  });
}
