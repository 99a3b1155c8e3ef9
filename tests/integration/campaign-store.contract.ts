// Update campaigns through the SyncStore contract, run against every implementation by
// sync-store.test.ts: coordinators launch a campaign and create each partner's (empty) answers with it; the
// partners asked read the campaign and their own answers only; a partner answers its sections from the app, a
// coordinator records an answer given by phone on its behalf, and both merge; the server stamps who and when;
// the progress per partner (à faire / commencé / terminé, channels) is derived from what the feed carries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { ANONYMOUS_READER, type Reader, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import {
  type Campaign,
  type CampaignResponse,
  campaignResponseId,
  compteurs,
  progression,
} from '../../src/domain/campaign.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, create, type Enrolled, enrol, T0, update } from './fixtures/sync-fixture.ts';
import { entryKey } from './fixtures/test-app.ts';

const CAMPAGNE = {
  id: 'boussole--printemps',
  source: 'boussole',
  nom: 'Mise à jour de printemps',
  debut: '2026-11-20',
  fin: '2026-12-20',
  sections: ['horaires', 'tarifs'],
  partenaires: ['test--s001', 'test--s002', 'test--s003'],
};
const answers = (structureId: string) => ({
  id: campaignResponseId(CAMPAGNE.id, structureId),
  source: 'boussole',
  campagne_id: CAMPAGNE.id,
  structure_id: structureId,
});
const section = (canal: string, etat = 'confirmee') => ({ etat, canal, par: 'x', le: '2000-01-01T00:00:00Z' });

export function campaignStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`Update campaigns through the SyncStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let worker: Enrolled;
    let partner: Enrolled;
    let otherPartner: Enrolled;
    let outsider: Enrolled;
    let coordinator: Enrolled;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert([1, 2, 3, 4].map((n) => ({ kind: 'structure' as const, record: makeStructure(n) })));
      worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
      partner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
      otherPartner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 2', structure_id: 'test--s002' });
      outsider = await enrol(store, { role: 'partenaire', nom: 'Épicerie 4', structure_id: 'test--s004' });
      coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
    });
    afterEach(async () => harness.dispose());

    const statusOf = async (who: Enrolled, raw: { id: number } & Record<string, unknown>) => {
      const outcome = await apply(store, who.actor, raw);
      if (outcome.kind !== 'answered') throw new Error(outcome.kind);
      return outcome.result.status === 'rejected' ? outcome.result.reason.code : outcome.result.status;
    };
    const launch = async () => {
      expect(await statusOf(coordinator, create(1, 'campagne', CAMPAGNE))).toBe('applied');
      let id = 2;
      for (const p of CAMPAGNE.partenaires) {
        expect(await statusOf(coordinator, create(id++, 'reponse_campagne', answers(p)))).toBe('applied');
      }
    };
    const recordsOf = async (reader: Reader) => {
      const page = await store.pull({ cursor: 0, limit: 100, reader });
      const campagnes = page.entries.flatMap((e) => (e.kind === 'campagne' ? [e.record as Campaign] : []));
      const reponses = page.entries.flatMap((e) =>
        e.kind === 'reponse_campagne' ? [e.record as CampaignResponse] : [],
      );
      return { campagnes, reponses, keys: page.entries.map(entryKey), total: page.total };
    };

    it('only coordinators launch a campaign; an invalid one is refused with its field', async () => {
      expect(await statusOf(partner, create(1, 'campagne', CAMPAGNE))).toBe('interdit');
      expect(await statusOf(worker, create(1, 'campagne', CAMPAGNE))).toBe('interdit');
      const outcome = await apply(store, coordinator.actor, create(1, 'campagne', { ...CAMPAGNE, fin: '2026-01-01' }));
      expect(outcome).toMatchObject({
        result: { status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'fin' }] } },
      });
      const unknown = await apply(
        store,
        coordinator.actor,
        create(2, 'campagne', { ...CAMPAGNE, partenaires: ['test--s001', 'test--s009'] }),
      );
      expect(unknown).toMatchObject({
        result: { status: 'rejected', reason: { code: 'introuvable', problems: [{ path: 'partenaires[1]' }] } },
      });
    });

    it('the partners asked read the campaign and their own answers; others, workers and anonymous nothing', async () => {
      await launch();
      const mine = await recordsOf(readerOf(partner.account));
      expect(mine.campagnes.map((c) => c.id)).toEqual([CAMPAGNE.id]);
      expect(mine.reponses.map((r) => r.structure_id)).toEqual(['test--s001']);
      expect(mine.total).toBe(mine.keys.length);
      for (const reader of [readerOf(outsider.account), readerOf(worker.account), ANONYMOUS_READER]) {
        const seen = await recordsOf(reader);
        expect([seen.campagnes.length, seen.reponses.length]).toEqual([0, 0]);
        expect(seen.total).toBe(seen.keys.length);
      }
      const all = await recordsOf(readerOf(coordinator.account));
      expect(all.reponses).toHaveLength(3);
      expect(all.total).toBe(all.keys.length);
    });

    it('a partner answers from the app and a coordinator by phone on its behalf: both merge, stamped by the server', async () => {
      await launch();
      const id = campaignResponseId(CAMPAGNE.id, 'test--s001');
      expect(
        await statusOf(partner, update(1, 'reponse_campagne', id, { horaires: null }, { horaires: section('app') })),
      ).toBe('applied');
      // The coordinator's device had not seen the partner's answer: a different section merges.
      expect(
        await statusOf(
          coordinator,
          update(5, 'reponse_campagne', id, { tarifs: null }, { tarifs: section('telephone', 'modifiee') }),
        ),
      ).toBe('applied');
      const { reponses } = await recordsOf(readerOf(partner.account));
      expect(reponses[0]).toMatchObject({
        horaires: { etat: 'confirmee', canal: 'app', par: 'Épicerie 1', le: T0.toISOString() },
        tarifs: { etat: 'modifiee', canal: 'telephone', par: 'Claire' },
      });
    });

    it('a partner cannot answer for another partner, nor change the campaign; nothing else of an answer changes', async () => {
      await launch();
      const other = campaignResponseId(CAMPAGNE.id, 'test--s002');
      expect(
        await statusOf(partner, update(1, 'reponse_campagne', other, { horaires: null }, { horaires: section('app') })),
      ).toBe('interdit');
      expect(await statusOf(partner, update(2, 'campagne', CAMPAGNE.id, { nom: CAMPAGNE.nom }, { nom: 'Autre' }))).toBe(
        'interdit',
      );
      expect(
        await statusOf(
          partner,
          update(
            3,
            'reponse_campagne',
            campaignResponseId(CAMPAGNE.id, 'test--s001'),
            { campagne_id: CAMPAGNE.id },
            { campagne_id: 'boussole--x' },
          ),
        ),
      ).toBe('invalide');
      expect(await statusOf(otherPartner, create(1, 'reponse_campagne', answers('test--s001')))).toBe('interdit');
    });

    it('counts partners à faire, commencé and terminé, with the channels of their answers', async () => {
      await launch();
      const id1 = campaignResponseId(CAMPAGNE.id, 'test--s001');
      const id2 = campaignResponseId(CAMPAGNE.id, 'test--s002');
      await apply(
        store,
        partner.actor,
        update(1, 'reponse_campagne', id1, { horaires: null }, { horaires: section('app') }),
      );
      await apply(
        store,
        partner.actor,
        update(2, 'reponse_campagne', id1, { tarifs: null }, { tarifs: section('app') }),
      );
      await apply(
        store,
        coordinator.actor,
        update(5, 'reponse_campagne', id2, { horaires: null }, { horaires: section('visite') }),
      );
      const { campagnes, reponses } = await recordsOf(SERVER_READER);
      const campagne = campagnes[0] as Campaign;
      expect(compteurs(campagne, reponses)).toEqual({ 'a-faire': 1, commence: 1, termine: 1 });
      const byPartner = new Map(reponses.map((r) => [r.structure_id, r]));
      expect(progression(campagne, byPartner.get('test--s001'))).toEqual({
        etat: 'termine',
        faites: 2,
        total: 2,
        canaux: ['app'],
      });
      expect(progression(campagne, byPartner.get('test--s002'))).toMatchObject({
        etat: 'commence',
        canaux: ['visite'],
      });
    });

    it('a client older than protocol 4 gets no campaign nor answer, nor counts them', async () => {
      await launch();
      const old = await store.pull({ cursor: 0, limit: 100, reader: readerOf(partner.account), protocol: 3 });
      expect(old.entries.map((e) => e.kind)).not.toContain('campagne');
      expect(old.entries.map((e) => e.kind)).not.toContain('reponse_campagne');
      expect(old.total).toBe(old.entries.length);
    });
  });
}
