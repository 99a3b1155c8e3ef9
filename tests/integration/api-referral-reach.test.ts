// No silent queue, enforced by the server: POST /api/v1/referrals to a structure that receives no referrals in
// Boussole (`recoit_orientations` false: no enabled partner account of it has signed in) is refused 422
// `partner_unreachable`, naming `referral.structure_id` with a French reason, for every role that may send, and
// nothing is stored. Referrals already sent to a partner that is disabled afterwards are kept as they are: the
// sender still reads them (with their reminder and expiry), a partner account of that structure enabled again
// reads them, and they expire after the same 30 days as any unanswered referral.
import { beforeEach, describe, expect, it } from 'vitest';
import { SERVER_OPERATOR, setDisabled } from '../../server/admin/admin-actions.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { referralPageSchema } from '../../src/domain/referral.ts';
import { aDraft } from '../fixtures/referrals.ts';
import { type Device, postJson, signInAs } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

describe('referrals to a partner that cannot receive them', () => {
  let test: Awaited<ReturnType<typeof makeTestApp>>;
  let now = T0;
  let worker: Device;
  let partner: Device;
  let coordinator: Device;

  beforeEach(async () => {
    now = T0;
    test = await makeTestApp({ clock: () => new Date(now) });
    worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Wendy' });
    // Épicerie Un (test--s001) receives referrals: its partner account signed in. test--s003 has no account.
    partner = await signInAs(test.app, test.store, {
      role: 'partenaire',
      nom: 'Épicerie Un',
      structure_id: 'test--s001',
    });
    coordinator = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Coordination' });
  });

  const serviceOf = (structure: string) => test.fixture.services.find((s) => s.structure_id === structure)?.id ?? '';
  const toS003 = () => aDraft({ structure_id: 'test--s003', service_id: serviceOf('test--s003') });
  const send = (device: Device, referral: unknown) =>
    postJson(test.app, '/api/v1/referrals', { protocol: PROTOCOL_VERSION, referral }, device.auth);
  const feed = async (device: Device) => {
    const response = await test.app.request('/api/v1/referrals?cursor=0', { headers: device.auth });
    return referralPageSchema.parse(await jsonOf(response)).referrals;
  };

  it.each([
    ['a worker', () => worker],
    ['a partner orienting its own public', () => partner],
  ])('refuses %s 422 naming referral.structure_id with a French reason, and stores nothing', async (_who, who) => {
    const device = who();
    const response = await send(device, toS003());
    expect(response.status).toBe(422);
    const { error } = apiErrorSchema.parse(await jsonOf(response));
    expect(error.code).toBe('partner_unreachable');
    expect(error.message).toMatch(/ne reçoit pas les orientations dans Boussole/);
    expect(error.problems).toEqual([{ path: 'referral.structure_id', message: error.message }]);
    expect(await feed(device)).toEqual([]);
  });

  it('still refuses a coordinator 403: coordinators do not orient people', async () => {
    expect((await send(coordinator, toS003())).status).toBe(403);
  });

  it('accepts the same referral once a partner account of that structure has signed in', async () => {
    await signInAs(test.app, test.store, { role: 'partenaire', nom: 'Épicerie Trois', structure_id: 'test--s003' });
    expect((await send(worker, toS003())).status).toBe(200);
  });

  it('keeps referrals already sent to a partner disabled afterwards: readable by the sender, by the partner enabled again, expiring after 30 days', async () => {
    const draft = aDraft();
    expect((await send(worker, draft)).status).toBe(200);
    expect((await setDisabled(test.store, SERVER_OPERATOR, partner.account.id, true, new Date(now))).ok).toBe(true);
    // New referrals are refused at once; the device resending the stored one gets its answer again.
    expect((await send(worker, aDraft())).status).toBe(422);
    expect((await send(worker, draft)).status).toBe(200);
    expect((await feed(worker)).map((r) => [r.id, r.statut])).toEqual([[draft.id, 'envoyee']]);
    // Enabled again and signed in anew: the partner's inbox still holds it.
    expect((await setDisabled(test.store, SERVER_OPERATOR, partner.account.id, false, new Date(now))).ok).toBe(true);
    const again = await signInAs(test.app, test.store, {
      role: 'partenaire',
      nom: 'Épicerie Un',
      structure_id: 'test--s001',
    });
    expect((await feed(again)).map((r) => r.id)).toEqual([draft.id]);
    now += 31 * DAY;
    expect((await feed(worker)).map((r) => r.statut)).toEqual(['expiree']);
  });
});
