// « Signaler une erreur » through the SyncStore contract, run against every implementation by
// sync-store.test.ts: any account reports an error on a listing with the ordinary mutations; the server signs and
// dates it; the author, the partner concerned and coordinators read it (not other workers nor partners); the
// partner concerned and coordinators close it with an optional answer, stamped by the server; nothing else of a
// report changes after its creation. Also the proposals' visibility (author and coordinators only), with
// totals that agree with the feed for each reader.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { ANONYMOUS_READER, type Reader, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import { makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, create, type Enrolled, enrol, remove, T0, update } from './fixtures/sync-fixture.ts';
import { entryKey } from './fixtures/test-app.ts';

/** A report as a device sends it: the server adds author, date, state and version. */
function report(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, source: 'boussole', structure_id: 'test--s001', motif: 'horaires', ...overrides };
}

export function reportStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`Reports of errors and proposals through the SyncStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    let worker: Enrolled;
    let colleague: Enrolled;
    let partner: Enrolled;
    let otherPartner: Enrolled;
    let coordinator: Enrolled;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert([
        ...[1, 2].map((n) => ({ kind: 'structure' as const, record: makeStructure(n) })),
        { kind: 'service' as const, record: makeService(1, 'test--s001') },
      ]);
      worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
      colleague = await enrol(store, { role: 'travailleur', nom: 'Tina' });
      partner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
      otherPartner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 2', structure_id: 'test--s002' });
      coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
    });
    afterEach(async () => harness.dispose());

    const statusOf = async (who: Enrolled, raw: { id: number } & Record<string, unknown>, now = T0) => {
      const outcome = await apply(store, who.actor, raw, now);
      if (outcome.kind !== 'answered') throw new Error(outcome.kind);
      return outcome.result.status === 'rejected' ? outcome.result.reason.code : outcome.result.status;
    };
    const ofKind = async (reader: Reader, kind: string) => {
      const page = await store.pull({ cursor: 0, limit: 100, reader });
      return { keys: page.entries.filter((e) => e.kind === kind).map(entryKey), total: page.total, page };
    };

    it('a worker reports an error on a listing; the server signs and dates it, open', async () => {
      expect(
        await statusOf(worker, create(1, 'signalement', report('boussole--sig1', { commentaire: 'Fermé le lundi' }))),
      ).toBe('applied');
      const { page } = await ofKind(SERVER_READER, 'signalement');
      expect(page.entries.find((e) => e.kind === 'signalement')?.record).toMatchObject({
        auteur: { account_id: worker.account.id, nom: 'Théo' },
        signale_le: T0.toISOString(),
        etat: 'ouvert',
        version: 1,
      });
    });

    it('workers, partners and coordinators may report; the author cannot be forged nor the report born closed', async () => {
      const forged = report('boussole--sig2', {
        auteur: { account_id: 'x', nom: 'Faux' },
        etat: 'clos',
        cloture: { par: 'x', le: T0.toISOString() },
      });
      expect(await statusOf(otherPartner, create(1, 'signalement', forged))).toBe('applied');
      expect(await statusOf(coordinator, create(1, 'signalement', report('boussole--sig3', { motif: 'ferme' })))).toBe(
        'applied',
      );
      const { page } = await ofKind(SERVER_READER, 'signalement');
      const reports = page.entries.flatMap((e) => (e.kind === 'signalement' ? [e.record] : []));
      expect(reports.find((r) => r.id === 'boussole--sig2')).toMatchObject({
        auteur: { account_id: otherPartner.account.id, nom: 'Épicerie 2' },
        etat: 'ouvert',
      });
    });

    it('an invalid report is refused with its field and nothing is written; an unknown listing is introuvable', async () => {
      const outcome = await apply(
        store,
        worker.actor,
        create(1, 'signalement', report('boussole--s', { motif: 'autre' })),
      );
      expect(outcome).toMatchObject({
        result: { status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'commentaire' }] } },
      });
      expect(
        await apply(store, worker.actor, create(2, 'signalement', report('boussole--t', { service_id: 'test--v009' }))),
      ).toMatchObject({
        result: { status: 'rejected', reason: { code: 'introuvable', problems: [{ path: 'service_id' }] } },
      });
      expect((await ofKind(SERVER_READER, 'signalement')).keys).toEqual([]);
    });

    it('the author, the partner concerned and coordinators read a report; other workers and partners do not', async () => {
      await apply(store, worker.actor, create(1, 'signalement', report('boussole--sig1')));
      for (const who of [worker, partner, coordinator]) {
        expect((await ofKind(readerOf(who.account), 'signalement')).keys).toEqual(['signalement/boussole--sig1']);
      }
      for (const reader of [readerOf(colleague.account), readerOf(otherPartner.account), ANONYMOUS_READER]) {
        expect((await ofKind(reader, 'signalement')).keys).toEqual([]);
      }
      // Totals count what the feed gives: 2 structures + 1 service (+ the report for those who read it).
      expect((await ofKind(readerOf(worker.account), 'signalement')).total).toBe(4);
      expect((await ofKind(readerOf(colleague.account), 'signalement')).total).toBe(3);
      expect((await ofKind(readerOf(partner.account), 'signalement')).total).toBe(4);
      expect((await ofKind(readerOf(otherPartner.account), 'signalement')).total).toBe(3);
      expect((await ofKind(readerOf(coordinator.account), 'signalement')).total).toBe(4);
    });

    it('the partner concerned closes a report with an answer stamped by the server; the author sees it closed', async () => {
      await apply(store, worker.actor, create(1, 'signalement', report('boussole--sig1')));
      const later = new Date('2026-11-29T10:00:00Z');
      const close = { etat: 'clos', cloture: { reponse: 'Horaires corrigés', par: 'x', le: '2000-01-01T00:00:00Z' } };
      expect(
        await statusOf(
          partner,
          update(1, 'signalement', 'boussole--sig1', { etat: 'ouvert', cloture: null }, close),
          later,
        ),
      ).toBe('applied');
      const seen = (await ofKind(readerOf(worker.account), 'signalement')).page.entries.find(
        (e) => e.kind === 'signalement',
      );
      expect(seen?.record).toMatchObject({
        etat: 'clos',
        cloture: { reponse: 'Horaires corrigés', par: 'Épicerie 1', le: later.toISOString() },
      });
    });

    it('only the partner concerned and coordinators close; the author and others cannot; nothing else changes', async () => {
      await apply(store, worker.actor, create(1, 'signalement', report('boussole--sig1')));
      const close = (id: number) =>
        update(id, 'signalement', 'boussole--sig1', { etat: 'ouvert', cloture: null }, { etat: 'clos', cloture: {} });
      expect(await statusOf(worker, close(2))).toBe('interdit');
      expect(await statusOf(otherPartner, close(1))).toBe('interdit');
      expect(await statusOf(colleague, close(1))).toBe('interdit');
      const rewrite = await apply(
        store,
        partner.actor,
        update(1, 'signalement', 'boussole--sig1', { motif: 'horaires' }, { motif: 'autre' }),
      );
      expect(rewrite).toMatchObject({
        result: { status: 'rejected', reason: { code: 'invalide', problems: [{ path: 'motif' }] } },
      });
      expect(await statusOf(coordinator, close(1))).toBe('applied');
      expect(await statusOf(worker, remove(3, 'signalement', 'boussole--sig1', 2))).toBe('interdit');
      expect(await statusOf(coordinator, remove(2, 'signalement', 'boussole--sig1', 2))).toBe('applied');
    });

    it('a client older than protocol 4 gets no report nor counts it', async () => {
      await apply(store, worker.actor, create(1, 'signalement', report('boussole--sig1')));
      const old = await store.pull({ cursor: 0, limit: 100, reader: readerOf(worker.account), protocol: 3 });
      expect(old.entries.map(entryKey)).not.toContain('signalement/boussole--sig1');
      expect(old.total).toBe(3);
    });

    it('deleting a partner deletes the reports about it', async () => {
      await apply(store, worker.actor, create(1, 'signalement', report('boussole--sig1')));
      expect(await statusOf(coordinator, remove(1, 'structure', 'test--s001', 1))).toBe('applied');
      expect((await ofKind(SERVER_READER, 'signalement')).keys).toEqual([]);
    });

    it('a proposed structure and its services reach their author and coordinators only, totals included', async () => {
      const { version: _version, date_maj: _date, ...proposal } = makeStructure(7);
      expect(await statusOf(worker, create(1, 'structure', proposal))).toBe('applied');
      const { version: _v, date_maj: _d, ...service } = makeService(9, 'test--s007');
      expect(await statusOf(worker, create(2, 'service', service))).toBe('applied');
      const keysFor = async (reader: Reader) => {
        const page = await store.pull({ cursor: 0, limit: 100, reader });
        return { keys: page.entries.map(entryKey), total: page.total };
      };
      for (const who of [worker, coordinator]) {
        const seen = await keysFor(readerOf(who.account));
        expect(seen.keys).toEqual(expect.arrayContaining(['structure/test--s007', 'service/test--v009']));
        expect(seen.total).toBe(seen.keys.length);
      }
      const colleagueSees = await keysFor(readerOf(colleague.account));
      expect(colleagueSees.keys).not.toContain('structure/test--s007');
      expect(colleagueSees.keys).not.toContain('service/test--v009');
      expect(colleagueSees.total).toBe(colleagueSees.keys.length);
      // A colleague cannot edit what it cannot see.
      expect(
        await statusOf(colleague, update(1, 'structure', 'test--s007', { nom: proposal.nom }, { nom: 'Autre nom' })),
      ).toBe('interdit');
      // Published by a coordinator, it reaches every professional (its services too).
      expect(
        await statusOf(
          coordinator,
          update(1, 'structure', 'test--s007', { statut: 'proposee' }, { statut: 'publiee' }),
        ),
      ).toBe('applied');
      const after = await keysFor(readerOf(colleague.account));
      expect(after.keys).toEqual(expect.arrayContaining(['structure/test--s007', 'service/test--v009']));
      expect(after.total).toBe(after.keys.length);
    });
  });
}
