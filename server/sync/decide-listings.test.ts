// Listings kept true, on the server's pure decision: "Les informations sont à jour" changes only verified-at/by; notes
// and criteria from two workers offline merge; annotations and proposals obey their roles; a proposal is validated,
// refused with a reason, or merged into the structure it duplicates.
import { describe, expect, it } from 'vitest';
import type { NotePro } from '../../src/domain/listing-annotations.ts';
import { makeService, makeStructure } from '../../tests/integration/fixtures/directory-fixture.ts';
import { decide } from './decide.ts';
import type { Actor, Decision, SyncView } from './decision.ts';
import { COORDINATOR, fakeView, OTHER_WORKER, on, PARTNER, WORKER } from './testing/fake-view.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');

function update(
  view: SyncView,
  actor: Actor,
  id: string,
  base: object,
  changes: object,
  kind = 'structure',
): Promise<Decision> {
  const mutation = { id: 7, name: 'record.update', args: { kind, id, base, changes } } as never;
  return decide(view, { id: 7, parsed: { ok: true, mutation }, actor, now: NOW });
}

const note = (id: string, by = WORKER): NotePro => ({
  id,
  texte: `Note ${id}`,
  auteur: { account_id: by.id, nom: by.nom },
  le: '2026-01-01T00:00:00.000Z',
});

function directory(extra: { notes?: NotePro[]; criteres?: string[] } = {}) {
  return fakeView({
    structures: [
      makeStructure(1, { verification: { le: '2025-01-01T00:00:00.000Z', par: 'Ancien' }, version: 3 }),
      makeStructure(2),
      makeStructure(9, { statut: 'proposee', proposee_par: { account_id: WORKER.id, nom: WORKER.nom } }),
    ],
    services: [
      makeService(1, 'test--s001', {
        ...(extra.notes ? { notes_pro: extra.notes } : {}),
        ...(extra.criteres ? { criteres: extra.criteres } : {}),
      }),
      makeService(9, 'test--s009'),
    ],
  });
}

const written = (d: Decision) => (d.operations[0] as { write: { record: Record<string, unknown> } }).write.record;

describe('confirming a listing ("Les informations sont à jour")', () => {
  it('sets verified-at/by from the server clock and the account, and changes nothing else (not even date_maj)', async () => {
    const view = directory();
    const before = (await view.record('structure', 'test--s001')) as unknown as Record<string, unknown>;
    const d = await update(
      view,
      on(PARTNER),
      'test--s001',
      { verification: before.verification },
      {
        verification: { le: '1999-01-01T00:00:00.000Z', par: 'Quelqu’un d’autre' },
      },
    );
    expect(d.result).toEqual({ id: 7, status: 'applied' });
    const after = written(d);
    expect(after.verification).toEqual({ le: NOW.toISOString(), par: PARTNER.nom });
    expect({ ...after, verification: null, version: 0 }).toEqual({ ...before, verification: null, version: 0 });
    expect(after.version).toBe(4);
    expect(d.operations[0]).toMatchObject({ history: { changes: { verification: { new: { par: PARTNER.nom } } } } });
  });

  it('never conflicts with a concurrent confirmation, and merges with a concurrent edit of other fields', async () => {
    const stale = { verification: { le: '2020-01-01T00:00:00.000Z', par: 'Vieux' } };
    const d = await update(directory(), on(WORKER), 'test--s001', stale, {
      verification: stale.verification,
      telephone: '04 00 00 00 09',
    });
    expect(d.result.status).toBe('applied');
    expect(written(d)).toMatchObject({ telephone: '04 00 00 00 09', verification: { par: WORKER.nom } });
  });

  it('is refused to a partner on another structure, and cannot remove a verification', async () => {
    expect(
      await update(
        directory(),
        on(PARTNER),
        'test--s002',
        { verification: null },
        { verification: { le: 'x', par: 'y' } },
      ),
    ).toMatchObject({ result: { reason: { code: 'interdit' } }, operations: [] });
    expect(await update(directory(), on(WORKER), 'test--s001', {}, { verification: null })).toMatchObject({
      result: { reason: { code: 'invalide', problems: [{ path: 'verification' }] } },
      operations: [],
    });
  });
});

describe('professional notes and own criteria', () => {
  it('merges notes and criteria two workers added offline from the same base, each note signed by the server', async () => {
    const view = directory({ notes: [note('a'), note('b', OTHER_WORKER)], criteres: ['halal', 'familles'] });
    // The other worker's 'b' and 'familles' reached the server first; this worker saw only 'a' and 'halal'.
    const d = await update(
      view,
      on(WORKER),
      'test--v001',
      { notes_pro: [note('a')], criteres: ['halal'] },
      {
        notes_pro: [
          note('a'),
          {
            id: 'c',
            texte: 'Bon accueil des familles',
            auteur: { account_id: 'x', nom: 'x' },
            le: '1999-01-01T00:00:00Z',
          },
        ],
        criteres: ['halal', 'non francophones'],
      },
      'service',
    );
    expect(d.result).toEqual({ id: 7, status: 'applied' });
    const after = written(d);
    expect((after.notes_pro as NotePro[]).map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect((after.notes_pro as NotePro[])[2]).toMatchObject({
      auteur: { account_id: WORKER.id, nom: WORKER.nom },
      le: NOW.toISOString(),
    });
    expect(after.criteres).toEqual(['halal', 'familles', 'non francophones']);
    expect(after.date_maj).toBe('2026-01-15');
  });

  it('lets only its author or a coordinator remove a note, and refuses notes and criteria to partners', async () => {
    const view = () => directory({ notes: [note('a', OTHER_WORKER)] });
    const remove = (actor: Actor) =>
      update(view(), actor, 'test--v001', { notes_pro: [note('a', OTHER_WORKER)] }, { notes_pro: [] }, 'service');
    expect(await remove(on(WORKER))).toMatchObject({ result: { reason: { code: 'interdit' } }, operations: [] });
    expect((await remove(on(OTHER_WORKER))).result.status).toBe('applied');
    expect((await remove(on(COORDINATOR))).result.status).toBe('applied');
    expect(
      await update(view(), on(PARTNER), 'test--v001', { criteres: null }, { criteres: ['halal'] }, 'service'),
    ).toMatchObject({
      result: { reason: { code: 'interdit', problems: [{ path: 'criteres' }] } },
    });
  });

  it('lets coordinators only curate the MDM recommendations, merged like the other collections', async () => {
    const base = { recommandee_pour: null };
    expect(await update(directory(), on(WORKER), 'test--s001', base, { recommandee_pour: ['69259'] })).toMatchObject({
      result: { reason: { code: 'interdit', problems: [{ path: 'recommandee_pour' }] } },
    });
    expect(
      written(await update(directory(), on(COORDINATOR), 'test--s001', base, { recommandee_pour: ['69259'] })),
    ).toMatchObject({
      recommandee_pour: ['69259'],
    });
  });
});

describe('new partners proposed by workers', () => {
  it('lets a coordinator validate a proposal; a worker cannot', async () => {
    const ok = await update(directory(), on(COORDINATOR), 'test--s009', { statut: 'proposee' }, { statut: 'publiee' });
    expect(written(ok)).toMatchObject({ statut: 'publiee' });
    expect(
      await update(directory(), on(WORKER), 'test--s009', { statut: 'proposee' }, { statut: 'publiee' }),
    ).toMatchObject({
      result: { reason: { code: 'interdit' } },
    });
  });

  it('lets a coordinator refuse with a reason, stamped with the coordinator and the date; the proposal stays for its author', async () => {
    const d = await update(
      directory(),
      on(COORDINATOR),
      'test--s009',
      { refus: null },
      { refus: { motif: 'Doublon', par: '?', le: '1999-01-01T00:00:00Z' } },
    );
    expect(written(d)).toMatchObject({
      statut: 'proposee',
      refus: { motif: 'Doublon', par: COORDINATOR.nom, le: NOW.toISOString() },
    });
    expect(
      await update(
        directory(),
        on(WORKER),
        'test--s009',
        { refus: null },
        { refus: { motif: 'x', par: 'x', le: NOW.toISOString() } },
      ),
    ).toMatchObject({
      result: { reason: { code: 'interdit' } },
    });
  });

  it('merges a proposal into the structure it duplicates: its services move there, the proposal is deleted, in one decision', async () => {
    const d = await update(
      directory(),
      on(COORDINATOR),
      'test--s009',
      { fusion_vers: null },
      { fusion_vers: 'test--s002' },
    );
    expect(d.result).toEqual({ id: 7, status: 'applied' });
    expect(d.operations).toMatchObject([
      { op: 'put', write: { kind: 'service', record: { id: 'test--v009', structure_id: 'test--s002', version: 2 } } },
      { op: 'delete', kind: 'structure', id: 'test--s009' },
    ]);
  });

  it('refuses a merge by a worker, into itself, into a proposal or an unknown structure, or of a published structure', async () => {
    const merge = (actor: Actor, id: string, target: string) =>
      update(directory(), actor, id, { fusion_vers: null }, { fusion_vers: target });
    expect(await merge(on(WORKER), 'test--s009', 'test--s002')).toMatchObject({
      result: { reason: { code: 'interdit' } },
      operations: [],
    });
    for (const [id, target] of [
      ['test--s009', 'test--s009'],
      ['test--s009', 'test--s404'],
      ['test--s001', 'test--s002'],
    ]) {
      expect(await merge(on(COORDINATOR), id as string, target as string)).toMatchObject({
        result: { reason: { code: 'invalide', problems: [{ path: 'fusion_vers' }] } },
        operations: [],
      });
    }
  });
});
