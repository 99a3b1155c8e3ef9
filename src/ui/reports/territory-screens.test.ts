// A coordinator of a territory (`account.communes`) is shown its communes' reports and campaigns — and what it
// wrote itself elsewhere — while the feed still brings the whole Métropole's (src/domain/territory.ts says why the
// device narrows them); a Métropole-wide coordinator, a worker and a partner see what their feed brought.
import { effect } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import type { Campaign } from '../../domain/campaign.ts';
import type { DirectoryEntry } from '../../domain/directory.ts';
import type { Report } from '../../domain/report.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { type CampaignView, createCampaignModel } from '../campaigns/campaign-model.ts';
import type { LiveValue } from '../components/live-value.ts';
import { createListingActions } from '../partner-sheet/listing-actions.ts';
import { createReportModel, type ReportItem } from './report-model.ts';

const VILLEURBANNE = '69266';
const VENISSIEUX = '69259';
const METROPOLE: Account = { id: 'c-metropole', nom: 'Claire', role: 'coordinateur' };
const TERRITORY: Account = { id: 'c-villeurbanne', nom: 'Vincent', role: 'coordinateur', communes: [VILLEURBANNE] };
const WORKER: Account = { id: 'w-1', nom: 'Wendy', role: 'travailleur' };
const PARTNER: Account = { id: 'p-2', nom: 'Paul', role: 'partenaire', structure_id: 'test--s2' };

const inVilleurbanne = aStructure(1, { commune: 'Villeurbanne', code_insee: VILLEURBANNE, code_postal: '69100' });
const inVenissieux = aStructure(2, { code_insee: VENISSIEUX });

const report = (n: number, structure_id: string, author: string): Report => ({
  id: `boussole--r${n}`,
  source: 'boussole',
  structure_id,
  motif: 'horaires',
  auteur: { account_id: author, nom: author },
  signale_le: `2026-12-0${n}T09:00:00Z`,
  etat: 'ouvert',
  date_maj: '2026-12-01',
  version: 1,
});
const campaign = (n: number, partenaires: string[]): Campaign => ({
  id: `boussole--c${n}`,
  source: 'boussole',
  nom: `Campagne ${n}`,
  debut: '2026-12-01',
  fin: '2027-01-31',
  sections: ['horaires'],
  partenaires,
  date_maj: '2026-12-01',
  version: 1,
});

const opened: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function device(): Promise<BoussoleDatabase> {
  const { db } = await deviceWith([inVilleurbanne, inVenissieux], []);
  opened.push(db);
  const records: DirectoryEntry[] = [
    { kind: 'signalement', seq: 10, record: report(1, inVilleurbanne.id, WORKER.id) },
    { kind: 'signalement', seq: 11, record: report(2, inVenissieux.id, WORKER.id) },
    { kind: 'signalement', seq: 12, record: report(3, inVenissieux.id, TERRITORY.id) },
    { kind: 'campagne', seq: 13, record: campaign(1, [inVilleurbanne.id, inVenissieux.id]) },
    { kind: 'campagne', seq: 14, record: campaign(2, [inVenissieux.id]) },
  ];
  await applyDirectoryPage(
    db,
    { epoch: 'e-12345678', cursor: 14, total: 14, entries: records },
    { reset: false, completedAt: null },
  );
  return db;
}

/** The first value the device gives a live list, as a screen following it would show it. */
const firstValue = <T>(live: LiveValue<T>) =>
  new Promise<T>((resolve) => {
    const stop = live.follow();
    const dispose = effect(() => {
      const value = live.value;
      if (value === null) return;
      resolve(value);
      queueMicrotask(() => {
        stop();
        dispose();
      });
    });
  });
const reportsOf = (db: BoussoleDatabase, account: Account): Promise<ReportItem[]> =>
  firstValue(createReportModel(db, () => account).reportsOf());
const campaignsOf = (db: BoussoleDatabase, account: Account): Promise<CampaignView[]> =>
  firstValue(
    createCampaignModel(
      db,
      () => account,
      async () => createListingActions(db, () => account),
    ).views,
  );

describe('Signalements per role', () => {
  it.each([
    ['a Métropole-wide coordinator', METROPOLE, ['boussole--r1', 'boussole--r2', 'boussole--r3']],
    [
      'a coordinator of Villeurbanne: its commune’s, and its own elsewhere',
      TERRITORY,
      ['boussole--r1', 'boussole--r3'],
    ],
    ['a worker: what its feed brought', WORKER, ['boussole--r1', 'boussole--r2', 'boussole--r3']],
    ['a partner: what its feed brought', PARTNER, ['boussole--r1', 'boussole--r2', 'boussole--r3']],
  ])('%s', async (_who, account, expected) => {
    const db = await device();
    expect((await reportsOf(db, account)).map((i) => i.report.id).sort()).toEqual(expected);
  });

  it('lets a coordinator of a territory close its communes’ reports only, not its own report elsewhere', async () => {
    const db = await device();
    const model = createReportModel(db, () => TERRITORY);
    const items = await reportsOf(db, TERRITORY);
    const closable = Object.fromEntries(items.map((i) => [i.report.id, model.mayClose(i)]));
    expect(closable).toEqual({ 'boussole--r1': true, 'boussole--r3': false });
    const metropole = createReportModel(db, () => METROPOLE);
    expect((await reportsOf(db, METROPOLE)).every((i) => metropole.mayClose(i))).toBe(true);
  });
});

describe('Campagnes per role', () => {
  it('shows a Métropole-wide campaign narrowed to the territory’s partners, and none without them', async () => {
    const db = await device();
    const views = await campaignsOf(db, TERRITORY);
    expect(views.map((v) => [v.campagne.id, v.partners.map((p) => p.structureId)])).toEqual([
      ['boussole--c1', [inVilleurbanne.id]],
    ]);
  });

  it('shows a Métropole-wide coordinator every campaign with every partner', async () => {
    const db = await device();
    const views = await campaignsOf(db, METROPOLE);
    expect(views.map((v) => [v.campagne.id, v.partners.length]).sort()).toEqual([
      ['boussole--c1', 2],
      ['boussole--c2', 1],
    ]);
  });

  it('offers a coordinator of a territory its communes’ partners only when it launches a campaign', async () => {
    const db = await device();
    const listings = async () => createListingActions(db, () => TERRITORY);
    const ids = (await createCampaignModel(db, () => TERRITORY, listings).partners()).map((p) => p.id);
    expect(ids).toEqual([inVilleurbanne.id]);
    const all = (await createCampaignModel(db, () => METROPOLE, listings).partners()).map((p) => p.id).sort();
    expect(all).toEqual([inVilleurbanne.id, inVenissieux.id]);
  });
});
