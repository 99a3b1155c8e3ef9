import { signal } from '@preact/signals';
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { aDraft } from '../../../tests/fixtures/referrals.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyReferralPage, landRefused, nextReferralOp, queueReferral } from '../../db/referral-repo.ts';
import { DEFAULT_REFERRAL_POLICY, type Referral } from '../../domain/referral.ts';
import type { Structure } from '../../domain/structure.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import type { SessionModel } from '../session/session-model.ts';
import { ReferralDetailScreen } from './ReferralDetailScreen.tsx';
import { createReferralModel } from './referral-model.ts';

const worker: Account = { id: 'acc-worker', nom: 'Wendy Travailleuse', role: 'travailleur' };
const REFUSAL =
  'Ce partenaire ne reçoit pas les orientations dans Boussole (aucun compte partenaire actif) : l’orientation n’est pas transmise. Imprimez la fiche de liaison pour la personne ou appelez le partenaire.';

let dbs = 0;
const opened: BoussoleDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function screenOf(structure: Structure, prepare: (db: BoussoleDatabase) => Promise<string>) {
  const db = new BoussoleDatabase(`referral-detail-${++dbs}`);
  opened.push(db);
  await db.open();
  const id = await prepare(db);
  const service = aService(1, 1, { id: 'test--v001', structure_id: structure.id, telephone: '04 78 00 00 01' });
  const catalog = { entry: (serviceId: string) => (serviceId === service.id ? { service, structure } : undefined) };
  const model = createReferralModel(db, { syncNow: async () => {}, stats: async () => ({}) as never });
  render(
    <ReferralDetailScreen
      id={id}
      context={{
        referrals: async () => model,
        session: { account: signal(worker) } as unknown as SessionModel,
        catalog: signal(catalog as unknown as CatalogModel),
      }}
    />,
  );
}

describe('a referral the partner will not read', () => {
  it('written offline and refused by the server: kept with its reason, the fiche de liaison to print and the phone', async () => {
    const structure = aStructure(1, { id: 'test--s001', recoit_orientations: false });
    const draft = aDraft();
    await screenOf(structure, async (db) => {
      await queueReferral(db, draft, new Date());
      const entry = await nextReferralOp(db);
      await landRefused(db, entry?.key ?? 0, REFUSAL);
      return draft.id;
    });
    const notice = await screen.findByRole('heading', {
      name: 'Cette orientation n’a pas été transmise au partenaire',
    });
    const section = notice.closest('section') as HTMLElement;
    expect(within(section).getByRole('button', { name: 'Imprimer la fiche de liaison' })).toBeTruthy();
    expect(
      within(section)
        .getByRole('link', { name: /04 78 00 00 01/ })
        .getAttribute('href'),
    ).toBe('tel:0478000001');
    expect(screen.getByTestId('referral-status').textContent).toContain('ne reçoit pas les orientations dans Boussole');
    // The fiche as written is still on screen (and printed): nothing lost.
    expect(screen.getAllByText('Awa Diallo').length).toBeGreaterThan(0);
  });

  it('sent, then its partner disabled: says so beside the fiche; nothing when the partner still receives', async () => {
    const draft = aDraft();
    const sent: Referral = {
      ...draft,
      envoyeur: { account_id: worker.id, nom: worker.nom, role: 'travailleur' },
      envoyee_le: '2026-03-02T10:00:00.000Z',
      statut: 'envoyee',
      historique: [
        { statut: 'envoyee', at: '2026-03-02T10:00:00.000Z', par: { nom: worker.nom, role: 'travailleur' } },
      ],
      seq: 1,
    };
    const land = async (db: BoussoleDatabase) => {
      await applyReferralPage(db, {
        protocol: 4,
        referrals: [sent],
        cursor: 1,
        hasMore: false,
        epoch: 'e',
        policy: DEFAULT_REFERRAL_POLICY,
      });
      return draft.id;
    };
    await screenOf(aStructure(1, { id: 'test--s001', recoit_orientations: false }), land);
    const heading = await screen.findByRole('heading', { name: /ne reçoit plus les orientations dans Boussole/ });
    expect(
      within(heading.closest('section') as HTMLElement).getByRole('button', { name: 'Imprimer la fiche de liaison' }),
    ).toBeTruthy();
    document.body.innerHTML = '';
    await screenOf(aStructure(1, { id: 'test--s001', recoit_orientations: true }), land);
    await screen.findByTestId('referral-status');
    expect(screen.queryByRole('heading', { name: /ne reçoit plus/ })).toBeNull();
  });
});
