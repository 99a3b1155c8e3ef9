// Campaigns and reports are dated with the Paris calendar day: between midnight and 2 a.m. in Paris the UTC date
// is still yesterday's, and a campaign launched then would start, or a report be dated, a day early.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { createListingActions } from '../partner-sheet/listing-actions.ts';
import { createReportModel } from '../reports/report-model.ts';
import { createCampaignModel } from './campaign-model.ts';

const COORDINATOR: Account = { id: 'compte-coord', nom: 'Coordination', role: 'coordinateur' };
// 00:30 in Paris on 11 March (winter time, UTC+1): still 10 March in UTC.
const AFTER_MIDNIGHT_IN_PARIS = new Date('2026-03-10T23:30:00Z');

describe('« aujourd’hui » est le jour de Paris', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AFTER_MIDNIGHT_IN_PARIS);
  });
  afterEach(() => vi.useRealTimers());

  it('une campagne lancée à 0 h 30 est datée du jour même, ses réponses aussi', async () => {
    const { db } = await deviceWith([aStructure(1)], [aService(1, 1)]);
    const model = createCampaignModel(
      db,
      () => COORDINATOR,
      async () => createListingActions(db, () => COORDINATOR),
    );
    const launched = await model.launch({
      nom: 'Mise à jour de printemps',
      debut: '2026-03-11',
      fin: '2026-03-31',
      sections: ['horaires'],
      partenaires: ['test--s1'],
    });
    expect(launched.ok).toBe(true);
    expect((await db.campagnes.toArray()).map((c) => c.date_maj)).toEqual(['2026-03-11']);
    expect((await db.reponsesCampagne.toArray()).map((r) => r.date_maj)).toEqual(['2026-03-11']);
  });

  it('un signalement fait à 0 h 30 est daté du jour même', async () => {
    const { db } = await deviceWith([aStructure(1)], [aService(1, 1)]);
    const model = createReportModel(db, () => COORDINATOR);
    const made = await model.report({ structureId: 'test--s1', motif: 'horaires', commentaire: 'Fermé le mardi' });
    expect(made.ok).toBe(true);
    expect((await db.signalements.toArray()).map((s) => s.date_maj)).toEqual(['2026-03-11']);
  });
});
