// Concurrent edits between real devices and the real server: different fields merge, the same field becomes a
// conflict both devices show (and hold the server's value meanwhile), a delete against an edit is a conflict too,
// and a person's resolution reaches everyone. Device clocks play no part: a device years off changes nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimDevice } from './harness/device.ts';
import { expectConverged } from './harness/server-view.ts';
import { CLAIRE, THEO, TINA, type World, world } from './harness/world.ts';

const S1 = 'test--s001';
const V1 = 'test--v001';

/** Syncs the devices in the order given (pushes land in that order), then again so that each sees the others'. */
async function converged(w: World, ...devices: SimDevice[]) {
  for (const round of [1, 2]) {
    for (const d of devices) expect((await d.sync()).phase, `${d.tab}, round ${round}`).toBe('idle');
  }
  for (const d of devices) await expectConverged(d, w.server);
}

/** Runs a sync whose download is held, does `meanwhile` (an edit made during the download), then lets it finish. */
async function duringDownload(w: World, device: SimDevice, meanwhile: () => Promise<unknown>) {
  w.network.hold(device.tab);
  const running = device.sync();
  await vi.waitFor(
    () =>
      expect(w.network.held.map((h) => h.path)).toContainEqual(
        expect.stringMatching(/^\/api\/v1\/directory\?cursor=9&/),
      ),
    { timeout: 10_000 },
  );
  await meanwhile();
  w.network.release(device.tab);
  for (const held of w.network.held.splice(0)) await held.deliver();
  return running;
}

describe('two devices editing one listing', () => {
  it('merge different fields silently: both end with both values', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await theo.edit('structure', S1, { telephone: '04 00 00 00 01' });
    await tina.edit('structure', S1, { horaires_note: 'Fermé en août' });
    await converged(w, theo, tina);
    expect(await theo.structure(S1)).toMatchObject({ telephone: '04 00 00 00 01', horaires_note: 'Fermé en août' });
    expect(await theo.db.conflicts.count()).toBe(0);
  });

  it('keep both values of the same field in a conflict that both devices show, each holding the server’s value', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await tina.edit('structure', S1, { telephone: '04 00 00 00 22' });
    await theo.edit('structure', S1, { telephone: '04 00 00 00 11' });
    await converged(w, tina, theo);
    const [onTheo] = await theo.db.conflicts.toArray();
    expect(onTheo).toMatchObject({ field: 'telephone', mine: '04 00 00 00 11', theirs: '04 00 00 00 22' });
    expect(await tina.db.conflicts.toArray()).toEqual([onTheo]);
    expect((await theo.structure(S1))?.telephone).toBe('04 00 00 00 22');
  });

  it('conflict even when the other value was downloaded while the edit waited: the device still shows the server’s value', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await tina.edit('structure', S1, { telephone: '04 00 00 00 22' });
    await tina.sync();
    await duringDownload(w, theo, () => theo.edit('structure', S1, { telephone: '04 00 00 00 11' }));
    expect((await theo.structure(S1))?.telephone).toBe('04 00 00 00 11'); // pending, shown over the server copy
    await converged(w, theo, tina);
    expect((await theo.structure(S1))?.telephone).toBe('04 00 00 00 22');
    expect(await theo.db.conflicts.toArray()).toMatchObject([{ field: 'telephone', mine: '04 00 00 00 11' }]);
  });

  it('settle a conflict by one person’s choice, which every device then shows', async () => {
    const w = await world();
    const [theo, tina, claire] = [await w.device(THEO), await w.device(TINA), await w.device(CLAIRE)];
    await tina.edit('service', V1, { nom: 'Colis du mardi' });
    await theo.edit('service', V1, { nom: 'Colis du jeudi' });
    await converged(w, tina, theo, claire);
    const [conflict] = await claire.db.conflicts.toArray();
    if (!conflict) throw new Error('conflict expected on the coordinator’s device');
    await claire.resolve(conflict.id, 'Colis du jeudi');
    expect((await claire.service(V1))?.nom).toBe('Colis du jeudi'); // at once, before any sync
    await converged(w, claire, theo, tina);
    expect((await tina.service(V1))?.nom).toBe('Colis du jeudi');
    expect(await tina.db.conflicts.get(conflict.id)).toMatchObject({ statut: 'resolu', resolution: 'Colis du jeudi' });
  });
});

describe('an edit made while the previous one is on its way', () => {
  // The first change is sent and frozen; the second is a new mutation whose `base` must be what the person saw
  // (the first change already on screen), or the server takes a criterion put back for one it still holds.
  it('puts back a criterion the first change removed, on the device and on the server', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('service', V1, { criteres: ['halal'] });
    await converged(w, theo);

    await theo.edit('service', V1, { criteres: [] });
    w.network.hold(theo.tab);
    const running = theo.sync();
    await vi.waitFor(() => expect(w.network.held.map((h) => h.path)).toContain('/api/v1/push'), { timeout: 10_000 });
    await theo.edit('service', V1, { criteres: ['halal', 'familles'] });
    w.network.release(theo.tab);
    for (const held of w.network.held.splice(0)) await held.deliver();
    await running;
    await converged(w, theo);
    expect((await theo.service(V1))?.criteres).toEqual(['halal', 'familles']);
  });

  it('puts it back too when the removal was answered while a later change of the listing is on its way', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('service', V1, { criteres: ['halal'] });
    await converged(w, theo);

    await theo.edit('service', V1, { criteres: [] });
    w.network.hold(theo.tab);
    const running = theo.sync();
    const nextPush = async () => {
      await vi.waitFor(() => expect(w.network.held.map((h) => h.path)).toContain('/api/v1/push'), { timeout: 10_000 });
      return w.network.held.splice(0);
    };
    const removal = await nextPush();
    await theo.edit('service', V1, { nom: 'Colis du jeudi' });
    for (const held of removal) await held.deliver();
    // The removal is answered and the name's change sent: the server's copy kept aside, not downloaded again yet,
    // still holds « halal », which the device no longer shows.
    const name = await nextPush();
    await theo.edit('service', V1, { criteres: ['halal', 'familles'] });
    w.network.release(theo.tab);
    for (const held of name) await held.deliver();
    await running;
    await converged(w, theo);
    expect(await theo.service(V1)).toMatchObject({ nom: 'Colis du jeudi', criteres: ['halal', 'familles'] });
  });
});

describe('a delete against an edit', () => {
  it('delete arriving second: the listing stays on every device, with the conflict to settle', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await tina.edit('service', V1, { description: 'Colis le mardi et le jeudi.' });
    await theo.remove('service', V1);
    expect(await theo.service(V1)).toBeUndefined();
    await converged(w, tina, theo);
    expect((await theo.service(V1))?.description).toBe('Colis le mardi et le jeudi.');
    const [conflict] = await theo.db.conflicts.toArray();
    expect(conflict).toMatchObject({ field: '*', statut: 'ouvert' });
    if (!conflict) throw new Error('conflict expected');
    await theo.resolve(conflict.id, null); // confirm the deletion
    await converged(w, theo, tina);
    expect(await tina.service(V1)).toBeUndefined();
  });

  it('delete downloaded while the deletion waited: the device shows the listing the server kept', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await tina.edit('service', V1, { description: 'Colis le mardi et le jeudi.' });
    await tina.sync();
    await duringDownload(w, theo, () => theo.remove('service', V1));
    await converged(w, theo, tina);
    expect((await theo.service(V1))?.description).toBe('Colis le mardi et le jeudi.');
  });

  it('edit arriving second: the edit is kept in a conflict, and restoring brings the listing back everywhere', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await theo.remove('service', V1);
    await tina.edit('service', V1, { description: 'Colis le mardi et le jeudi.' });
    await converged(w, theo, tina);
    expect(await tina.service(V1)).toBeUndefined();
    const [conflict] = await tina.db.conflicts.toArray();
    expect(conflict).toMatchObject({ field: '*', mine: { description: 'Colis le mardi et le jeudi.' }, theirs: null });
    if (!conflict) throw new Error('conflict expected');
    await tina.resolve(conflict.id, conflict.mine);
    await converged(w, tina, theo);
    expect((await theo.service(V1))?.description).toBe('Colis le mardi et le jeudi.');
  });
});

describe('a resolution the server refuses', () => {
  it('reopens the conflict on the device, with the refusal to review, as the server still has it open', async () => {
    const w = await world();
    const [theo, claire] = [await w.device(THEO), await w.device(CLAIRE)];
    await claire.remove('structure', 'test--s002'); // its services go with it
    await claire.sync();
    await theo.edit('service', 'test--v003', { nom: 'Colis du vendredi' });
    await converged(w, theo, claire);
    const [conflict] = await theo.db.conflicts.toArray();
    if (!conflict) throw new Error('conflict expected');
    await theo.resolve(conflict.id, conflict.mine); // keep the listing: impossible without its structure
    await converged(w, theo, claire);
    expect(await theo.db.conflicts.get(conflict.id)).toMatchObject({ statut: 'ouvert' });
    expect((await theo.snapshot()).rejections.map((r) => r.reason.code)).toEqual(['introuvable']);
  });
});

describe('a device clock years off', () => {
  afterEach(() => vi.useRealTimers());

  it('changes nothing: history, dates and conflicts carry the server’s time, order is the order of arrival', async () => {
    const serverNow = new Date('2026-11-28T09:30:00Z');
    const w = await world({ clock: () => serverNow });
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-06-01T12:00:00Z') });
    await theo.edit('structure', S1, { telephone: '04 00 00 00 31' }); // "five years later", arrives first
    expect((await theo.sync()).phase).toBe('idle');
    vi.setSystemTime(new Date('1999-12-31T23:00:00Z'));
    await tina.edit('structure', S1, { telephone: '04 00 00 00 99' }); // "years before", arrives second
    expect((await tina.sync()).phase).toBe('idle');
    vi.useRealTimers();

    const history = await w.server.store.history({ kind: 'structure', id: S1, limit: 10 });
    expect(history.map((h) => [h.at, h.changes.telephone?.new])).toEqual([[serverNow.toISOString(), '04 00 00 00 31']]);
    const [conflict] = await tina.db.conflicts.toArray();
    expect(conflict).toMatchObject({ mine: '04 00 00 00 99', theirs: '04 00 00 00 31' });
    expect(conflict?.created_at).toBe(serverNow.toISOString());
    expect((await w.server.store.getStructure(S1, { kind: 'server' }))?.structure.date_maj).toBe('2026-11-28');
    await converged(w, theo, tina);
  });
});
