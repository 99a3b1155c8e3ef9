// Either side stopping at the worst moment: the server killed between its commit and its answer or between two
// batches and restarted on the same SQLite file; a device that crashes between applying a page and saving its
// cursor, or is closed in the middle of a download; the server restored from an older backup (new epoch).
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { countDirectory, readSyncState } from '../../src/db/directory-state.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/sync/directory-pull.ts';
import { expectConverged, serverView } from './harness/server-view.ts';
import { THEO, TINA, world } from './harness/world.ts';

const S2 = 'test--s002';
/** Polling for a step of the device, generous for a loaded CI machine. */
const WAIT = { timeout: 10_000 };

describe('the server stopped and restarted on the same file', () => {
  it('killed after committing a push, before answering: the retry gets the stored result, applied once', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    await theo.edit('structure', S2, { telephone: '04 00 00 00 02' });
    w.network.reroute(async (request) => {
      await w.server.fetch(request);
      await w.server.restart({ crash: true });
      throw new TypeError('Failed to fetch'); // the process died with the answer
    });
    expect((await theo.sync()).phase).toBe('offline');
    w.network.reroute(w.server.fetch);
    expect((await theo.sync()).phase).toBe('idle');
    expect(await w.server.store.history({ kind: 'structure', id: S2, limit: 10 })).toHaveLength(1);
    await expectConverged(theo, w.server);
  });

  it('killed between two batches of a long outbox: the first stays applied, the second is delivered after', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    for (let n = 1; n <= 130; n++) {
      await theo.create('service', {
        ...(await theo.service('test--v001')),
        id: `test--n${n}`,
        nom: `Permanence ${n}`,
        version: 1,
      });
    }
    let pushes = 0;
    w.network.reroute(async (request) => {
      const response = await w.server.fetch(request);
      if (new URL(request.url).pathname === '/api/v1/push' && ++pushes === 1) await w.server.restart({ crash: true });
      return response;
    });
    expect((await theo.sync()).phase).toBe('idle');
    expect(pushes).toBe(2);
    expect((await w.server.store.counts()).services).toBe(6 + 130);
    await expectConverged(theo, w.server);
  });

  it('restarted between two pages of a first download: the device resumes at its cursor, same epoch', async () => {
    const w = await world();
    const theo = await w.device(THEO, { sync: false });
    w.network.script(theo.tab, 'deliver', 'drop-request'); // page 1 arrives, then the server is down
    await expect(theo.pull(4)).rejects.toMatchObject({ name: 'OfflineError' });
    expect(await countDirectory(theo.db)).toEqual({ structures: 2, services: 2 });
    await w.server.restart();
    const resumed = await theo.pull(4);
    expect(resumed).toMatchObject({ restarted: false, received: 5 });
    await expectConverged(theo, w.server);
  });
});

describe('a device interrupted during a download', () => {
  it('crashing between applying a page and saving its cursor keeps neither; the next pull does the page again', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    await tina.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await tina.sync();
    const before = await readSyncState(theo.db);
    // The cursor's write fails inside the page's transaction, as a crash at that instant would leave it.
    const crash = () => {
      throw new Error('crash');
    };
    theo.db.meta.hook('updating', crash);
    await expect(theo.pull()).rejects.toThrow();
    theo.db.meta.hook('updating').unsubscribe(crash);
    expect(await readSyncState(theo.db)).toEqual(before);
    expect((await theo.structure(S2))?.telephone).toBeUndefined();
    await theo.restart();
    expect((await theo.sync()).phase).toBe('idle');
    await expectConverged(theo, w.server);
  });

  it('closed in the middle of a first download, then reopened: resumes after the last page applied', async () => {
    const w = await world();
    const theo = await w.device(THEO, { sync: false });
    w.network.hold(theo.tab);
    const before = theo.db;
    const pulling = theo.pull(3);
    await vi.waitFor(() => expect(w.network.held).toHaveLength(1), WAIT);
    await w.network.held.shift()?.deliver();
    // Page 1 written with its cursor; page 2 already asked for (fetched while page 1 was written), not answered.
    await vi.waitFor(async () => expect((await readSyncState(before)).cursor).toBe(3), WAIT);
    expect(w.network.held.map((h) => h.path)).toEqual(['/api/v1/directory?cursor=3&limit=3']);
    await theo.restart(); // the tab is closed: the pending download dies with it
    w.network.release(theo.tab);
    await w.network.held.shift()?.deliver();
    await expect(pulling).rejects.toBeInstanceOf(Dexie.DatabaseClosedError);
    expect(await countDirectory(theo.db)).toEqual({ structures: 1, services: 2 });
    expect((await theo.sync()).phase).toBe('idle');
    const asked = `&limit=${DEFAULT_PAGE_SIZE}`;
    const resumed = w.network.of(theo.tab, '/api/v1/directory').filter((e) => e.path.endsWith(asked));
    expect(resumed[0]?.path).toBe(`/api/v1/directory?cursor=3${asked}`); // not from 0
    await expectConverged(theo, w.server);
  });
});

describe('the server restored from an older backup', () => {
  it('makes devices download everything again, keeping and delivering their pending edits', async () => {
    const w = await world();
    const theo = await w.device(THEO);
    const backup = await w.server.backup();
    await theo.edit('structure', S2, { nom: 'Nom perdu avec la sauvegarde' });
    await theo.sync(); // acknowledged by the database that will be lost
    await theo.edit('structure', 'test--s003', { telephone: '04 00 00 00 03' });
    await theo.create('service', { ...(await theo.service('test--v001')), id: 'test--neuf', nom: 'Nouveau service' });
    await w.server.restore(backup);

    await theo.pull(); // the new epoch arrives before the edits left (edits made during a download)
    expect((await theo.structure('test--s003'))?.telephone).toBe('04 00 00 00 03');
    expect((await theo.service('test--neuf'))?.nom).toBe('Nouveau service');
    expect((await theo.structure(S2))?.nom).toBe('Épicerie solidaire de test 2');

    expect((await theo.sync()).phase).toBe('idle');
    const server = await serverView(w.server, theo.authToken);
    expect(server.structures.find((s) => s.id === 'test--s003')?.telephone).toBe('04 00 00 00 03');
    expect(server.services.map((s) => s.id)).toContain('test--neuf');
    await expectConverged(theo, w.server);
  });

  it('without a new epoch, a device ahead of the server starts over from zero rather than missing changes', async () => {
    const w = await world();
    const [theo, tina] = [await w.device(THEO), await w.device(TINA)];
    const backup = await w.server.backup();
    await tina.edit('structure', S2, { telephone: '04 00 00 00 02' });
    await tina.sync();
    await theo.sync(); // theo's cursor is now past the backup's last seq
    await w.server.restore(backup, { rotateEpoch: false }); // same epoch: only the cursors disagree
    const result = await theo.pull();
    expect(result.restarted).toBe(true);
    await expectConverged(theo, w.server);
  });
});
