// A device the coordination revokes (or whose account it disables) is told so at its next sync (401
// `device_revoked`) and erases its personal data — referrals sent, received and unsent, the orientation in
// progress, the session — and keeps a mark for the notice; a device whose token merely expired keeps everything.
import { describe, expect, it } from 'vitest';
import { revokeDevice, SERVER_OPERATOR, setDisabled } from '../../server/admin/admin-actions.ts';
import { sha256 } from '../../server/auth/secrets.ts';
import { readSession, revokedAt } from '../../src/db/session-repo.ts';
import { aDraft } from '../fixtures/referrals.ts';
import { THEO, world } from './harness/world.ts';

async function withPersonalData(db: import('../../src/db/database.ts').BoussoleDatabase) {
  const draft = aDraft();
  await db.referrals.put({ id: draft.id, draft, server: null, updatedAt: '2026-12-01T09:00:00Z' });
  await db.referralOutbox.put({
    referralId: draft.id,
    op: { kind: 'send', draft },
    createdAt: '2026-12-01T09:00:00Z',
  });
  await db.workInProgress.put({ key: 'current', savedAt: Date.now(), state: { profil: { commune: '69259' } } });
}

describe('a device revoked by the coordination', () => {
  it('erases its referrals, its orientation in progress and its session at the next sync, and says so', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await withPersonalData(theo.db);
    expect(await theo.db.referrals.count()).toBe(1);
    const outcome = await revokeDevice(w.server.store, SERVER_OPERATOR, theo.currentClientId ?? '', new Date());
    expect(outcome.ok).toBe(true);

    expect((await theo.sync()).phase).toBe('unauthenticated');
    expect(await theo.db.referrals.count()).toBe(0);
    expect(await theo.db.referralOutbox.count()).toBe(0);
    expect(await theo.db.workInProgress.count()).toBe(0);
    expect(await readSession(theo.db)).toBeNull();
    expect(await revokedAt(theo.db)).not.toBeNull();
  });

  it('erases them too when its account is disabled', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await withPersonalData(theo.db);
    const session = await w.server.store.authenticate(sha256(theo.authToken ?? ''), new Date());
    await setDisabled(w.server.store, SERVER_OPERATOR, session?.account.id ?? '', true, new Date());
    await theo.sync();
    expect(await theo.db.referrals.count()).toBe(0);
    expect(await theo.db.workInProgress.count()).toBe(0);
  });

  it('is not confused with a token that signed itself out elsewhere: that device keeps its data for the next sign-in', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await withPersonalData(theo.db);
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());
    expect((await theo.sync()).phase).toBe('unauthenticated');
    expect(await theo.db.referrals.count()).toBe(1);
    expect(await theo.db.workInProgress.count()).toBe(1);
    expect(await revokedAt(theo.db)).toBeNull();
  });
});
