// The partner defines its fiche de liaison in the service editor: fields with label, type, required flag and
// choices, saved with the service (record + outbox in one transaction); an invalid field writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { createServiceEditor } from './service-editor-model.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

async function editor() {
  const { db } = await deviceWith([aStructure(1)], [aService(1, 1)]);
  databases.push(db);
  const model = createServiceEditor(db, 'test--s1-1');
  await model.load();
  return { db, model };
}

describe('liaison form definition in the service editor', () => {
  it('saves the fields the partner asks for, with ids made from their labels and choices only for a choice', async () => {
    const { db, model } = await editor();
    model.setChamps([
      { id: '', libelle: 'Quotient familial', type: 'nombre', requis: true, options: '' },
      { id: '', libelle: 'Durée demandée', type: 'choix', requis: false, options: '1 mois\n3 mois\n' },
      { id: '', libelle: 'Date de fin de droits', type: 'date', requis: false, options: 'ignoré' },
    ]);
    expect(await model.save()).toBe(true);
    const saved = await db.services.get('test--s1-1');
    expect(saved?.fiche_liaison.champs).toEqual([
      { id: 'quotient_familial', libelle: 'Quotient familial', type: 'nombre', requis: true },
      { id: 'duree_demandee', libelle: 'Durée demandée', type: 'choix', requis: false, options: ['1 mois', '3 mois'] },
      { id: 'date_de_fin_de_droits', libelle: 'Date de fin de droits', type: 'date', requis: false },
    ]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a choice field with fewer than two choices, next to the field, and writes nothing', async () => {
    const { db, model } = await editor();
    const before = await db.services.get('test--s1-1');
    model.setChamps([{ id: '', libelle: 'Motif', type: 'choix', requis: true, options: 'Un seul' }]);
    expect(await model.save()).toBe(false);
    expect(Object.keys(model.errors.value)).toContain('fiche_liaison.champs[0].options');
    expect(await db.services.get('test--s1-1')).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
  });
});
