// Readers' totals through the SyncStore contract, run against every implementation: after random writes by every
// kind of account — structures proposed, published, hidden and deleted, services moved between structures or made
// professionals-only (by a mutation, or by an import that writes the structure alone), proposals merged, actions, reports (a partner's own about itself included), campaigns and their answers —
// each reader's `total` equals what the feed gives it counted from scratch. Stores keep totals at write time: a
// write that forgets to move a counter shows here as a total that drifts from the feed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { ANONYMOUS_READER, type Reader, readerOf, SERVER_READER } from '../../server/sync/visibility.ts';
import { campaignResponseId } from '../../src/domain/campaign.ts';
import type { FeedEntry } from '../../src/domain/directory.ts';
import { anAction } from '../fixtures/actions.ts';
import { makeService, makeStructure } from './fixtures/directory-fixture.ts';
import type { StoreHarness } from './fixtures/store-harnesses.ts';
import { apply, create, type Enrolled, enrol, remove, T0, update } from './fixtures/sync-fixture.ts';

/** A small deterministic generator, so that a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [1, 2, 3];
const STEPS = 80;

export function totalsStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`Readers' totals after random writes through the SyncStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DirectoryStore;
    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.openFresh();
      await store.upsert([
        ...[1, 2, 3, 4].map((n) => ({
          kind: 'structure' as const,
          record: makeStructure(n, n === 3 ? { visibilite: 'professionnels' } : {}),
        })),
        ...[1, 2, 3, 4, 5, 6].map((n) => ({
          kind: 'service' as const,
          record: makeService(n, `test--s00${((n - 1) % 4) + 1}`, n === 2 ? { visibilite: 'professionnels' } : {}),
        })),
      ]);
    });
    afterEach(async () => harness.dispose());

    for (const seed of SEEDS) {
      it(`counts for every reader exactly what the feed gives it (seed ${seed})`, async () => {
        const next = random(seed);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
        const worker = await enrol(store, { role: 'travailleur', nom: 'Théo' });
        const colleague = await enrol(store, { role: 'travailleur', nom: 'Tina' });
        const partner = await enrol(store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
        const partner3 = await enrol(store, { role: 'partenaire', nom: 'Épicerie 3', structure_id: 'test--s003' });
        const coordinator = await enrol(store, { role: 'coordinateur', nom: 'Claire' });
        const accounts = [worker, colleague, partner, partner3, coordinator];
        const readers: Array<[string, Reader]> = [
          ['anonymous', ANONYMOUS_READER],
          ...accounts.map((a): [string, Reader] => [a.account.nom, readerOf(a.account)]),
        ];
        const mutationIds = new Map<Enrolled, number>();
        let applied = 0;
        const send = async (who: Enrolled, raw: (id: number) => { id: number } & Record<string, unknown>) => {
          const id = (mutationIds.get(who) ?? 0) + 1;
          mutationIds.set(who, id);
          const outcome = await apply(store, who.actor, raw(id), T0);
          if (outcome.kind === 'answered' && outcome.result.status === 'applied') applied++;
        };
        const live = async () => {
          const page = await store.pull({ cursor: 0, limit: 1000, reader: SERVER_READER });
          const records = page.entries.flatMap((e) =>
            e.kind === 'tombstone' || e.kind === 'conflict' ? [] : [e as Extract<FeedEntry, { record: unknown }>],
          );
          const ofKind = (kind: string) =>
            records.filter((e) => e.kind === kind).map((e) => e.record as unknown as Record<string, unknown>);
          return { structures: ofKind('structure'), services: ofKind('service'), others: records };
        };
        let made = 0;

        for (let step = 0; step < STEPS; step++) {
          const { structures, services, others } = await live();
          const structureIds = structures.map((s) => s.id as string);
          const anyStructure = () => pick(structureIds);
          const choice = next();
          made++;
          if (choice < 0.12) {
            const author = pick([worker, colleague, coordinator]);
            const n = 10 + made;
            const fields = {
              visibilite: pick(['public', 'professionnels'] as const),
              statut: pick(['publiee', 'proposee'] as const),
            };
            await send(author, (id) => create(id, 'structure', makeStructure(n, fields)));
          } else if (choice < 0.3 && structures.length > 0) {
            // Coordinators hide, show and publish listings, and merge a proposal into a published structure (its
            // services move there): the services' visibility follows without being written.
            const s = pick(structures);
            const published = structures.filter((t) => t.statut === 'publiee' && t.id !== s.id);
            const changes = pick([
              { visibilite: s.visibilite === 'public' ? 'professionnels' : 'public' },
              { visibilite: s.visibilite === 'public' ? 'professionnels' : 'public' },
              s.statut === 'proposee' ? { statut: 'publiee' } : { nom: `Renommée ${made}` },
              s.statut === 'proposee' && published.length > 0
                ? { fusion_vers: pick(published).id }
                : { nom: `Renommée ${made}` },
            ]);
            await send(pick([coordinator, coordinator, worker, partner]), (id) =>
              update(id, 'structure', s.id as string, s, changes),
            );
          } else if (choice < 0.35 && structures.length > 0) {
            // Seeding and imports write a structure alone, its services left as they are.
            const s = pick(structures);
            await store.upsert([
              {
                kind: 'structure',
                record: { ...s, visibilite: s.visibilite === 'public' ? 'professionnels' : 'public' },
              },
            ] as never);
            applied++;
          } else if (choice < 0.5 && structureIds.length > 0) {
            const n = 100 + made;
            const parent = anyStructure();
            await send(pick([coordinator, worker, parent === 'test--s001' ? partner : coordinator]), (id) =>
              create(
                id,
                'service',
                makeService(n, parent, {
                  visibilite: pick(['public', 'professionnels'] as const),
                }),
              ),
            );
          } else if (choice < 0.6 && services.length > 0) {
            const v = pick(services);
            const changes = { visibilite: v.visibilite === 'public' ? 'professionnels' : 'public' };
            await send(pick([coordinator, worker]), (id) => update(id, 'service', v.id as string, v, changes));
          } else if (choice < 0.64 && services.length > 0) {
            const v = pick(services);
            await send(coordinator, (id) => remove(id, 'service', v.id as string, v.version as number));
          } else if (choice < 0.67 && structures.length > 2) {
            const s = pick(structures);
            await send(coordinator, (id) => remove(id, 'structure', s.id as string, s.version as number));
          } else if (choice < 0.77 && structureIds.length > 0) {
            const about = pick([anyStructure(), 'test--s001']);
            await send(pick(accounts), (id) =>
              create(id, 'signalement', {
                id: `boussole--sig${made}`,
                source: 'boussole',
                structure_id: about,
                motif: 'horaires',
              }),
            );
          } else if (choice < 0.87 && structureIds.length > 0) {
            const organisers = [...new Set([anyStructure(), anyStructure()])];
            const {
              version: _v,
              date_maj: _d,
              ...action
            } = anAction(1, made, {
              id: `test--a${made}`,
              organisateurs: organisers,
              lieu: { type: 'structure', structure_id: organisers[0] as string },
              visibilite: pick(['public', 'professionnels'] as const),
            });
            await send(organisers.includes('test--s001') ? pick([coordinator, partner]) : coordinator, (id) =>
              create(id, 'action', action),
            );
          } else if (choice < 0.93 && structureIds.length > 0) {
            const partenaires = [...new Set([anyStructure(), anyStructure(), 'test--s001'])].filter((id) =>
              structureIds.includes(id),
            );
            const campagne = `boussole--c${made}`;
            await send(coordinator, (id) =>
              create(id, 'campagne', {
                id: campagne,
                source: 'boussole',
                nom: `Campagne ${made}`,
                debut: '2026-11-20',
                fin: '2026-12-20',
                sections: ['horaires'],
                partenaires,
              }),
            );
            const answerer = pick(partenaires.length > 0 ? partenaires : ['test--s001']);
            await send(coordinator, (id) =>
              create(id, 'reponse_campagne', {
                id: campaignResponseId(campagne, answerer),
                source: 'boussole',
                campagne_id: campagne,
                structure_id: answerer,
              }),
            );
          } else {
            const other = pick(others.length > 0 ? others : [undefined]);
            if (other && other.kind !== 'structure') {
              const record = other.record as unknown as Record<string, unknown>;
              await send(coordinator, (id) =>
                other.kind === 'action' && next() < 0.5
                  ? update(id, 'action', record.id as string, record, {
                      visibilite: record.visibilite === 'public' ? 'professionnels' : 'public',
                    })
                  : remove(id, other.kind, record.id as string, record.version as number),
              );
            }
          }
          if (step % 5 !== 4) continue;
          for (const [who, reader] of readers) {
            const page = await store.pull({ cursor: 0, limit: 1000, reader });
            const counted = page.entries.filter((e) => e.kind !== 'tombstone' && e.kind !== 'conflict').length;
            expect({ who, step, total: page.total }).toEqual({ who, step, total: counted });
          }
        }
        expect(applied).toBeGreaterThan(STEPS * 0.6);
        // Some hundred mutations and pulls: on a database server under a loaded machine, more than the default.
      }, 30_000);
    }
  });
}
