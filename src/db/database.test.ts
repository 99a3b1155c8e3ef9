import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { BoussoleDatabase } from './database.ts';

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
    // v5 adds the actions of the programme (issue 7), empty.
    expect(await db.actions.count()).toBe(0);
    // v6 adds reports, campaigns and partners' answers (issue 7, protocol 4), empty.
    expect([await db.signalements.count(), await db.campagnes.count(), await db.reponsesCampagne.count()]).toEqual([
      0, 0, 0,
    ]);
    // v7 adds the orientation in progress (issue 16), empty.
    expect(await db.workInProgress.count()).toBe(0);
    db.close();
  });
});
