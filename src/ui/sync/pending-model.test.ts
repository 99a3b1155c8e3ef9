import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { aDraft, move } from '../../../tests/fixtures/referrals.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { createRecord, editRecord } from '../../db/local-edits.ts';
import { acknowledge } from '../../db/outbox-repo.ts';
import { landAcknowledged, queueReferral, queueStatusChange } from '../../db/referral-repo.ts';
import { campaignResponseId } from '../../domain/campaign.ts';
import type { Referral } from '../../domain/referral.ts';
import { createPendingModel, type PendingModel } from './pending-model.ts';

const CAMPAGNE = {
  id: 'boussole--printemps',
  source: 'boussole',
  nom: 'Mise à jour de printemps',
  debut: '2026-11-20',
  fin: '2026-12-20',
  sections: ['horaires' as const],
  partenaires: ['test--s1'],
  date_maj: '2026-11-20',
  version: 1,
};
const REPONSE = {
  id: campaignResponseId(CAMPAGNE.id, 'test--s1'),
  source: 'boussole',
  campagne_id: CAMPAGNE.id,
  structure_id: 'test--s1',
  date_maj: '2026-11-20',
  version: 1,
};

let counter = 0;
const opened: Array<{ db: BoussoleDatabase; model?: PendingModel }> = [];
async function device() {
  const db = new BoussoleDatabase(`pending-test-${++counter}`);
  const entry = { db } as (typeof opened)[number];
  opened.push(entry);
  await applyDirectoryPage(
    db,
    {
      epoch: 'epoch-one',
      cursor: 5,
      total: 5,
      entries: [
        { kind: 'structure', seq: 1, record: aStructure(1, { nom: 'Épicerie du Centre' }) },
        { kind: 'structure', seq: 2, record: aStructure(2, { nom: 'Restos du Plateau' }) },
        { kind: 'service', seq: 3, record: aService(1, 1) },
        { kind: 'campagne', seq: 4, record: CAMPAGNE },
        { kind: 'reponse_campagne', seq: 5, record: REPONSE },
      ],
    },
    { reset: false, completedAt: null },
  );
  entry.model = createPendingModel(db);
  return { db, model: entry.model };
}
afterEach(async () => {
  for (const { db, model } of opened.splice(0)) {
    model?.dispose();
    await db.delete();
  }
});

/** Resolves once the model has read the device with `n` items pending (liveQuery answers asynchronously). */
async function settled(model: PendingModel, n: number) {
  await expect.poll(() => model.loaded.value && model.items.value.length).toBe(n);
  return model.items.value;
}

describe('the pending model: one count of everything the device has not sent', () => {
  it('counts nothing on a device with nothing to send, once it has read the device', async () => {
    const { model } = await device();
    expect(model.loaded.value).toBe(false);
    await settled(model, 0);
    expect(model.toReview.value).toBe(0);
  });

  it('counts a referral written offline, which the directory outbox alone never showed', async () => {
    const { db, model } = await device();
    const queued = await queueReferral(db, aDraft({ structure_id: 'test--s2', service_id: 'test--s2-1' }), new Date());
    expect(queued.ok).toBe(true);
    const [item] = await settled(model, 1);
    expect(item).toMatchObject({ kind: 'referral', change: 'send', label: 'Restos du Plateau', sent: false });
  });

  it('counts every queue: listing edits, referrals and their answers, reports, campaign answers, actions', async () => {
    const { db, model } = await device();
    const t0 = Date.parse('2026-11-21T09:00:00Z');
    await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
    const draft = aDraft({ structure_id: 'test--s1', service_id: 'test--s1-1' });
    await queueReferral(db, draft, new Date(t0));
    await queueStatusChange(db, draft.id, move('annulee'), new Date(t0 + 1000));
    await createRecord(db, 'signalement', {
      id: 'boussole--sig-1',
      source: 'boussole',
      structure_id: 'test--s2',
      motif: 'telephone',
      commentaire: 'Le numéro ne répond plus',
      auteur: { account_id: 'acc-worker', nom: 'Wendy' },
      signale_le: '2026-11-21T09:00:00Z',
      etat: 'ouvert',
      date_maj: '2026-11-21',
      version: 1,
    });
    await editRecord(db, 'reponse_campagne', REPONSE.id, {
      horaires: { etat: 'confirmee', canal: 'app', par: 'Épicerie du Centre', le: '2026-11-21T09:00:00Z' },
    });
    await createRecord(db, 'action', anAction(1, 1, { titre: 'Atelier soupe' }));

    const items = await settled(model, 6);
    const seen = items.map((i) => [i.kind, i.change, i.label, i.fields]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['structure', 'update', 'Épicerie du Centre', ['telephone']],
        ['referral', 'send', 'Épicerie du Centre', []],
        ['referral', 'status', 'Épicerie du Centre', ['annulee']],
        ['signalement', 'create', 'Restos du Plateau', []],
        ['reponse_campagne', 'update', 'Mise à jour de printemps', ['horaires']],
        ['action', 'create', 'Atelier soupe', []],
      ]),
    );
    expect(new Set(items.map((i) => i.key)).size).toBe(6);
  });

  it('goes down as the server acknowledges, queue by queue', async () => {
    const { db, model } = await device();
    await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
    const draft = aDraft({ structure_id: 'test--s2', service_id: 'test--s2-1' });
    await queueReferral(db, draft, new Date());
    await settled(model, 2);

    await acknowledge(db, [{ id: 1, status: 'applied' }]);
    const [left] = await settled(model, 1);
    expect(left?.kind).toBe('referral');

    const [entry] = await db.referralOutbox.toArray();
    const server = { id: draft.id, seq: 1 } as unknown as Referral; // the landing code keeps what it is given
    await landAcknowledged(db, entry?.key ?? 0, server);
    await settled(model, 0);
  });

  it('counts conflicts and refused changes apart, as things to look at', async () => {
    const { db, model } = await device();
    await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 00 00 99' });
    await settled(model, 1);
    await acknowledge(db, [{ id: 1, status: 'rejected', reason: { code: 'interdit', message: 'Non autorisé' } }]);
    await settled(model, 0);
    await expect.poll(() => model.toReview.value).toBe(1);
  });
});
