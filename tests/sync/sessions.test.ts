// Who may send what, and what the device does with a refusal: two tabs of one device never both push; a revoked
// token stops sync without losing the outbox, and signing in again delivers it (renumbered for the new client id);
// a partner's change to another partner's listing is refused, shown for review, and the listing goes back to the
// server's copy; invalid changes are refused one by one without blocking the queue; the ids never leave a gap.
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { NEXT_MUTATION_KEY } from '../../src/db/local-edits.ts';
import { FakeLocks, SimDevice } from './harness/device.ts';
import { expectConverged } from './harness/server-view.ts';
import { CLAIRE, PAULINE, THEO, TINA, type World, world } from './harness/world.ts';

const S2 = 'test--s002';
const pushesOf = (w: { network: { log: Array<{ path: string; device: string }> } }, tab: string) =>
  w.network.log.filter((e) => e.device === tab && e.path === '/api/v1/push').length;

/** An invitation that signs in again as the device's account (a coordinator's new code for the same person). */
async function sameAccount(w: World, device: SimDevice) {
  const session = await w.server.store.authenticate(sha256(device.authToken ?? ''), new Date());
  if (!session) throw new Error('no session');
  return { ...THEO, account_id: session.account.id };
}

describe('two tabs of one device', () => {
  it('never push at once: the Web Lock lets one tab run, the other skips', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const other = await w.tab(theo);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await Promise.all([theo.sync(), other.sync()]);
    expect(pushesOf(w, theo.tab) + pushesOf(w, other.tab)).toBe(1);
    await expectConverged(theo, w.server);
  });

  it('without locks, two concurrent pushes of one outbox still apply each mutation once (ids make it idempotent)', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const unlocked = await SimDevice.open({
      network: w.network,
      database: theo.db.name,
      tab: 'second-tab',
      locks: new FakeLocks(),
    });
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await theo.edit('service', 'test--v003', { nom: 'Colis du vendredi' });
    await Promise.all([theo.sync(), unlocked.sync()]);
    expect(pushesOf(w, theo.tab) + pushesOf(w, 'second-tab')).toBe(2);
    const first = w.server.decisions.filter((d) => d.outcome.kind === 'answered' && !d.outcome.replayed);
    expect(first.map((d) => d.mutationId)).toEqual([1, 2]);
    expect(await w.server.store.history({ kind: 'structure', id: S2, limit: 10 })).toHaveLength(1);
    await expectConverged(theo, w.server);
    unlocked.controller.stop();
  });
});

describe('a revoked token', () => {
  it('stops sync with `unauthenticated`, keeps the outbox, and signing in again delivers it renumbered', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const again = await sameAccount(w, theo);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await theo.sync();
    await theo.edit('structure', S2, { horaires_note: 'Fermé le lundi' });
    await theo.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());

    expect((await theo.sync()).phase).toBe('unauthenticated');
    expect(theo.signedIn).toBe(false);
    expect((await theo.snapshot()).outbox.map((e) => e.mutationId)).toEqual([2, 3]);

    await theo.signIn(await w.server.invite(again));
    expect((await theo.snapshot()).outbox.map((e) => e.mutationId)).toEqual([1, 2]);
    expect((await theo.sync()).phase).toBe('idle');
    expect((await theo.structure(S2))?.horaires_note).toBe('Fermé le lundi');
    await expectConverged(theo, w.server);
  });

  it('with nothing pending: after signing in again, the next edit is number 1 of the new client and is delivered', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await theo.sync();
    const again = await sameAccount(w, theo);
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());
    expect((await theo.sync()).phase).toBe('unauthenticated');
    await theo.signIn(await w.server.invite(again));
    await theo.edit('structure', S2, { horaires_note: 'Fermé le lundi' });
    expect((await theo.snapshot()).outbox.map((e) => e.mutationId)).toEqual([1]);
    expect(await theo.sync()).toMatchObject({ phase: 'idle', error: null });
    await expectConverged(theo, w.server);
  });
});

describe('changes sent just before the token was revoked, their answer lost', () => {
  it('are answered as applied after signing in again: not refused as existing, not in conflict', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    const again = await sameAccount(w, theo);
    await theo.create('service', { ...(await theo.service('test--v001')), id: 'test--neuf', nom: 'Nouveau service' });
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    w.network.script(theo.tab, 'drop-response');
    expect((await theo.sync()).phase).toBe('offline'); // applied on the server, the answer lost
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());
    expect((await theo.sync()).phase).toBe('unauthenticated');
    // Tina changes the number after Théo's change reached her.
    await tina.sync();
    await tina.edit('structure', S2, { telephone: '04 00 00 00 09' });
    expect((await tina.sync()).phase).toBe('idle');

    await theo.signIn(await w.server.invite(again));
    expect((await theo.sync()).phase).toBe('idle');
    const { rejections, conflicts } = await theo.snapshot();
    expect(rejections).toEqual([]);
    expect(conflicts).toEqual([]);
    expect((await theo.structure(S2))?.telephone).toBe('04 00 00 00 09');
    expect(await w.server.store.history({ kind: 'service', id: 'test--neuf', limit: 10 })).toHaveLength(1);
    await expectConverged(theo, w.server);
  });
});

describe('a change sent, its answer lost, then changed again before signing in again', () => {
  it('is no conflict with itself: the second change was made over the first, whatever the client id', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const again = await sameAccount(w, theo);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    w.network.script(theo.tab, 'drop-response');
    expect((await theo.sync()).phase).toBe('offline'); // applied on the server, the answer lost
    await theo.edit('structure', S2, { telephone: '04 00 00 00 03' }); // a new mutation: the first one was sent
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());
    expect((await theo.sync()).phase).toBe('unauthenticated');

    await theo.signIn(await w.server.invite(again));
    expect((await theo.sync()).phase).toBe('idle');
    const { rejections, conflicts } = await theo.snapshot();
    expect(rejections).toEqual([]);
    expect(conflicts).toEqual([]);
    expect((await theo.structure(S2))?.telephone).toBe('04 00 00 00 03');
    await expectConverged(theo, w.server);
  });
});

describe('a device signed out by a refused token', () => {
  it('downloads nothing into the account’s copy until the person signs in again, then misses nothing', async () => {
    const w = await world();
    const [theo, claire] = [await w.device(THEO), await w.device(CLAIRE)];
    const again = await sameAccount(w, theo);
    await w.server.store.revokeDevice(theo.currentClientId ?? '', new Date());
    expect((await theo.sync()).phase).toBe('unauthenticated');
    // A listing for professionals changes meanwhile: the public feed would carry it as a tombstone.
    await claire.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    expect((await claire.sync()).phase).toBe('idle');

    const requests = w.network.of(theo.tab).length;
    expect((await theo.sync()).phase).toBe('unauthenticated');
    expect(w.network.of(theo.tab)).toHaveLength(requests);
    expect(await theo.structure('test--s003')).toBeDefined();

    await theo.signIn(await w.server.invite(again));
    expect((await theo.sync()).phase).toBe('idle');
    expect((await theo.structure('test--s003'))?.telephone).toBe('04 00 00 00 03');
    await expectConverged(theo, w.server);
  });
});

describe('a partner account', () => {
  it('editing another partner’s listing: refused `interdit`, shown for review, the listing back to the server’s copy', async () => {
    const w = await world();
    const pauline = await w.device(PAULINE);
    const before = await pauline.structure(S2);
    await pauline.edit('structure', S2, { telephone: '04 99 99 99 99' });
    await pauline.create('service', { ...(await pauline.service('test--v003')), id: 'test--intrus', nom: 'Intrus' });
    await pauline.edit('structure', 'test--s001', { telephone: '04 00 00 00 01' }); // its own: accepted
    expect((await pauline.sync()).phase).toBe('idle');
    const { rejections } = await pauline.snapshot();
    expect(rejections.map((r) => [r.recordKey, r.reason.code])).toEqual([
      ['structure:test--s002', 'interdit'],
      ['service:test--intrus', 'interdit'],
    ]);
    expect(await pauline.structure(S2)).toEqual(before);
    expect(await pauline.service('test--intrus')).toBeUndefined();
    expect((await pauline.structure('test--s001'))?.telephone).toBe('04 00 00 00 01');
    await expectConverged(pauline, w.server);
  });
});

describe('invalid changes', () => {
  it('are refused one by one with the field named, kept for review, and the queue goes on', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('structure', S2, { version: 40 }); // valid for the schema, but the server owns `version`
    await theo.db.outbox.add({
      mutationId: 2,
      recordKey: 'structure:test--s003',
      // An older app's mutation the server no longer understands
      mutation: { id: 2, name: 'record.rename', args: {} } as never,
      sent: false,
      createdAt: new Date().toISOString(),
    });
    await theo.db.meta.put({ key: NEXT_MUTATION_KEY, value: 3 });
    await theo.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    expect((await theo.sync()).phase).toBe('idle');
    const { rejections } = await theo.snapshot();
    expect(rejections.map((r) => [r.mutationId, r.reason.code, r.reason.problems?.map((p) => p.path)])).toEqual([
      [1, 'invalide', ['version']],
      [2, 'mutation-inconnue', undefined],
    ]);
    expect((await theo.structure(S2))?.version).toBe(1);
    await expectConverged(theo, w.server);
  });
});

describe('mutation ids', () => {
  it('leave no gap when a record created offline is deleted before it was sent', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.create('service', { ...(await theo.service('test--v001')), id: 'test--brouillon', nom: 'Brouillon' });
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await theo.remove('service', 'test--brouillon');
    await theo.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    expect(await theo.sync()).toMatchObject({ phase: 'idle', error: null });
    await expectConverged(theo, w.server);
  });

  it('a gap the server reports stops the push with an error, applies nothing after it, and keeps the outbox', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await theo.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    await theo.db.outbox.delete(1); // a device bug: entry 1 lost
    expect(await theo.sync()).toMatchObject({ phase: 'error', error: expect.stringContaining('n° 1') });
    expect(await theo.db.outbox.count()).toBe(1);
    expect(await w.server.store.history({ kind: 'structure', id: 'test--s003', limit: 10 })).toEqual([]);
  });

  it('an app too old for the server (426) stops with `outdated` and keeps the outbox', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    w.network.reroute(async () =>
      Response.json({ error: { code: 'client_outdated', message: 'Mettez l’application à jour.' } }, { status: 426 }),
    );
    expect(await theo.sync()).toMatchObject({ phase: 'outdated', error: 'Mettez l’application à jour.' });
    expect(await theo.db.outbox.count()).toBe(1);
  });
});
