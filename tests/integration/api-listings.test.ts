// Listings through the HTTP API: professionals' notes and criteria never reach partners, anonymous readers or the
// data·inclusion export (even --tout); two workers' offline notes both survive; a confirmation syncs as an ordinary
// edit next to a concurrent edit of other fields; a worker's proposal is signed by its author; partners orient too.
import { describe, expect, it } from 'vitest';
import { servicesPageSchema, structureDetailSchema } from '../../server/http/api-schemas.ts';
import { exportDataInclusion } from '../../server/interop/export-directory.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import { pull, push, signInAs } from './fixtures/http-client.ts';
import { create, update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const note = (id: string) => ({
  id,
  texte: `Note ${id}`,
  auteur: { account_id: 'x', nom: 'x' },
  le: '2026-01-01T00:00:00Z',
});

async function setup() {
  const test = await makeTestApp();
  const as = (role: 'partenaire' | 'travailleur' | 'coordinateur', nom: string) =>
    signInAs(test.app, test.store, { role, nom, ...(role === 'partenaire' ? { structure_id: 'test--s001' } : {}) });
  return {
    ...test,
    partner: await as('partenaire', 'Épicerie 1'),
    theo: await as('travailleur', 'Théo'),
    tina: await as('travailleur', 'Tina'),
    claire: await as('coordinateur', 'Claire'),
  };
}

describe('professional notes and criteria', () => {
  it('merge when two workers add them offline from the same base', async () => {
    const { app, store, theo, tina } = await setup();
    const base = { notes_pro: null, criteres: null };
    await push(app, theo, [
      update(1, 'service', 'test--v001', base, { notes_pro: [note('theo')], criteres: ['familles'] }),
    ]);
    const second = await push(app, tina, [
      update(1, 'service', 'test--v001', base, { notes_pro: [note('tina')], criteres: ['halal'] }),
    ]);
    expect(second.results[0]).toMatchObject({ status: 'applied' });
    const service = (await store.getStructure('test--s001', SERVER_READER))?.services.find(
      (v) => v.id === 'test--v001',
    );
    expect(service?.notes_pro?.map((n) => [n.id, n.auteur.nom])).toEqual([
      ['theo', 'Théo'],
      ['tina', 'Tina'],
    ]);
    expect(service?.criteres).toEqual(['familles', 'halal']);
  });

  it('never travel to partners or anonymous readers, in the feed or the lists, nor in any export', async () => {
    const { app, store, theo, partner, claire } = await setup();
    await push(app, theo, [
      update(
        1,
        'service',
        'test--v001',
        { notes_pro: null, criteres: null },
        { notes_pro: [note('n')], criteres: ['halal'] },
      ),
    ]);
    await push(app, claire, [
      update(1, 'structure', 'test--s001', { recommandee_pour: null }, { recommandee_pour: ['69259'] }),
    ]);
    const professional = JSON.stringify(await pull(app, theo));
    expect(professional).toContain('Note n');
    expect(professional).toContain('69259');
    for (const reader of [undefined, partner]) {
      const feed = JSON.stringify(await pull(app, reader));
      expect(feed).toContain('test--v001');
      expect(feed).not.toMatch(/notes_pro|criteres|recommandee_pour/);
      const headers = reader ? reader.auth : {};
      const list = servicesPageSchema.parse(await jsonOf(await app.request('/api/v1/services?limit=100', { headers })));
      expect(list.services.some((v) => 'notes_pro' in v || 'criteres' in v)).toBe(false);
      const detail = structureDetailSchema.parse(
        await jsonOf(await app.request('/api/v1/structures/test--s001', { headers })),
      );
      expect(JSON.stringify(detail)).not.toMatch(/notes_pro|criteres|recommandee_pour/);
    }
    for (const scope of ['public', 'tout'] as const) {
      expect(JSON.stringify(await exportDataInclusion(store, scope))).not.toMatch(
        /Note n|notes_pro|criteres|recommandee_pour/,
      );
    }
  });
});

describe('confirming a listing through sync', () => {
  it('applies a partner’s confirmation next to a worker’s concurrent edit of another field, both kept', async () => {
    const { app, store, partner, theo } = await setup();
    await push(app, theo, [update(1, 'structure', 'test--s001', { telephone: null }, { telephone: '04 00 12 12 12' })]);
    const result = await push(app, partner, [
      update(
        1,
        'structure',
        'test--s001',
        { verification: null },
        { verification: { le: '2000-01-01T00:00:00Z', par: 'x' } },
      ),
    ]);
    expect(result.results[0]).toEqual({ id: 1, status: 'applied' });
    const structure = (await store.getStructure('test--s001', SERVER_READER))?.structure;
    expect(structure).toMatchObject({ telephone: '04 00 12 12 12', verification: { par: 'Épicerie 1' } });
    expect(Date.parse(structure?.verification?.le ?? '')).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});

describe('new partners and partners orienting', () => {
  it('signs a worker’s proposal with its author, ignoring a forged author or recommendation', async () => {
    const { app, store, theo } = await setup();
    await push(app, theo, [
      create(1, 'structure', {
        ...makeStructure(9),
        proposee_par: { account_id: 'autre', nom: 'Autre' },
        recommandee_pour: ['69259'],
      }),
    ]);
    const structure = (await store.getStructure('test--s009', SERVER_READER))?.structure;
    expect(structure).toMatchObject({ statut: 'proposee', proposee_par: { nom: 'Théo' } });
    expect(structure?.recommandee_pour).toBeUndefined();
  });

  it('says who proposed (role and team) and when, by the server’s clock whatever the device sent', async () => {
    const test = await setup();
    const ines = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Inès', equipe_id: 'test--s002' });
    const before = Date.now();
    await push(test.app, ines, [
      create(1, 'structure', {
        ...makeStructure(9),
        proposee_par: { account_id: 'autre', nom: 'Autre', role: 'coordinateur' },
        proposee_le: '2001-01-01T00:00:00Z',
      }),
    ]);
    const structure = (await test.store.getStructure('test--s009', SERVER_READER))?.structure;
    expect(structure?.proposee_par).toEqual({
      account_id: expect.any(String),
      nom: 'Inès',
      role: 'travailleur',
      equipe_id: 'test--s002',
    });
    expect(Date.parse(structure?.proposee_le ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lets a partner account read the whole public directory to orient its own public', async () => {
    const { app, partner } = await setup();
    const anonymous = await pull(app, undefined);
    const mine = await pull(app, partner);
    expect(mine.total).toBeGreaterThanOrEqual(anonymous.total);
    const others = mine.entries.filter((e) => e.kind === 'structure' && e.record.id !== 'test--s001');
    expect(others.length).toBeGreaterThan(0);
  });
});
