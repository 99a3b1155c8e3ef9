import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import type { FeedEntry } from '../domain/directory.ts';
import { BoussoleDatabase } from './database.ts';
import { applyDirectoryPage, readStructures } from './directory-repo.ts';
import { countDirectory } from './directory-state.ts';
import { tableOfKind } from './record-tables.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('the device database schema', () => {
  it('upgrades a version 2 database to the current version keeping its records, queries by commune and structure still work', async () => {
    const name = `schema-test-${Date.now()}`;
    names.push(name);
    // The database as the previous release created it (versions 1 and 2 only, copied from database.ts).
    const old = new Dexie(name);
    old.version(1).stores({
      structures: 'id, nom, code_insee, code_qpv, statut, date_maj, *langues, *reseaux_porteurs',
      services:
        'id, structure_id, categorie, type, *thematiques, tarif.type, eligibilite.accueil, *eligibilite.publics, lieu.code_insee, date_maj',
      meta: 'key',
    });
    old.version(2).stores({
      outbox: 'mutationId, recordKey',
      shadows: 'recordKey',
      conflicts: 'id, recordKey, statut',
      rejections: '++rowId, recordKey',
    });
    await old.table('structures').put(aStructure(1));
    await old.table('services').put(aService(1, 1));
    await old.table('meta').put({ key: 'directory-sync', value: { cursor: 2 } });
    old.close();

    const db = new BoussoleDatabase(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect((await db.structures.where('code_insee').equals('69259').toArray()).map((s) => s.id)).toEqual(['test--s1']);
    expect((await db.services.where('structure_id').equals('test--s1').toArray()).map((s) => s.id)).toEqual([
      'test--s1-1',
    ]);
    expect(await db.meta.get('directory-sync')).toEqual({ key: 'directory-sync', value: { cursor: 2 } });
    // v4 adds the referral tables, empty.
    expect(await db.referrals.count()).toBe(0);
    expect(await db.referralOutbox.count()).toBe(0);
    // v5 adds the actions of the programme, empty.
    expect(await db.actions.count()).toBe(0);
    // v6 adds reports, campaigns and partners' answers (protocol 4), empty.
    expect([await db.signalements.count(), await db.campagnes.count(), await db.reponsesCampagne.count()]).toEqual([
      0, 0, 0,
    ]);
    // v7 adds the orientation in progress, empty.
    expect(await db.workInProgress.count()).toBe(0);
    db.close();
  });

  it('an installed version-6 device with a pending edit keeps it: its copy reads as before, and page rows land under the edit', async () => {
    const name = `schema-test-v6-${Date.now()}`;
    names.push(name);
    // The database as a release at version 6 left it (copied from database.ts), with an edit not yet sent.
    const old = new Dexie(name);
    old.version(1).stores({
      structures: 'id, nom, code_insee, code_qpv, statut, date_maj, *langues, *reseaux_porteurs',
      services:
        'id, structure_id, categorie, type, *thematiques, tarif.type, eligibilite.accueil, *eligibilite.publics, lieu.code_insee, date_maj',
      meta: 'key',
    });
    old.version(2).stores({
      outbox: 'mutationId, recordKey',
      shadows: 'recordKey',
      conflicts: 'id, recordKey, statut',
      rejections: '++rowId, recordKey',
    });
    old.version(3).stores({ structures: 'id, code_insee', services: 'id, structure_id' });
    old.version(4).stores({ referrals: 'id', referralOutbox: '++key, referralId' });
    old.version(5).stores({ actions: 'id' });
    old.version(6).stores({ signalements: 'id, structure_id', campagnes: 'id', reponsesCampagne: 'id, campagne_id' });
    const server = aStructure(1, { telephone: '04 00 00 00 01' });
    await old.table('structures').bulkPut([{ ...server, telephone: '04 00 00 00 99' }, aStructure(2)]);
    await old.table('services').put(aService(1, 1));
    await old.table('shadows').put({ recordKey: 'structure:test--s1', record: server });
    await old.table('outbox').put({
      mutationId: 1,
      recordKey: 'structure:test--s1',
      mutation: {
        id: 1,
        name: 'record.update',
        args: {
          kind: 'structure',
          id: 'test--s1',
          base: { telephone: '04 00 00 00 01' },
          changes: { telephone: '04 00 00 00 99' },
        },
      },
      sent: false,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    await old.table('meta').bulkPut([
      { key: 'directory-sync', value: { epoch: 'epoch-one', cursor: 3, total: 3, lastSyncAt: '2026-12-01T08:00:00Z' } },
      { key: 'next-mutation-id', value: 2 },
    ]);
    old.close();

    const db = new BoussoleDatabase(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect([await db.feedPages.count(), await db.feedPageKeys.count(), await db.maskedKeys.count()]).toEqual([0, 0, 0]);
    expect(await countDirectory(db)).toEqual({ structures: 2, services: 1 });
    const before = await readStructures(db, {});
    expect(before.items.map((i) => [i.structure.id, i.structure.telephone, i.services.length])).toEqual([
      ['test--s1', '04 00 00 00 99', 1],
      ['test--s2', undefined, 0],
    ]);

    // The next large page (a long absence) is stored as a page row: the edit stays on top of the new server copy.
    const entries: FeedEntry[] = [
      {
        kind: 'structure',
        seq: 4,
        record: aStructure(1, { telephone: '04 00 00 00 01', nom: 'Renommée', version: 2 }),
      },
      { kind: 'structure', seq: 5, record: aStructure(2, { nom: 'Deux', version: 2 }) },
    ];
    await applyDirectoryPage(
      db,
      { epoch: 'epoch-one', cursor: 5, total: 2, entries },
      { reset: false, completedAt: '2026-12-06T10:00:00Z', from: 3, pageRowsFrom: 1 },
    );
    expect(await db.feedPages.count()).toBe(1);
    expect((await db.structures.toArray()).map((s) => s.id)).toEqual(['test--s1']); // only the local view stays a row
    const local = await tableOfKind(db, 'structure').get('test--s1');
    expect([local?.nom, local?.telephone]).toEqual(['Renommée', '04 00 00 00 99']);
    expect((await tableOfKind(db, 'structure').get('test--s2'))?.nom).toBe('Deux');
    expect((await db.shadows.get('structure:test--s1'))?.record?.nom).toBe('Renommée');
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1]);
    expect(await countDirectory(db)).toEqual({ structures: 2, services: 1 });
    db.close();
  });
});
