// `pull-delta` and `push`, measured in Node: the device's real code — Dexie on fake-indexeddb (installed as the
// global indexedDB by the first import, before Dexie loads), pullDirectory, pushOutbox, httpTransport over Node's
// fetch — against the real server process on loopback, on the 10k directory. The device is a worker's, up to date
// (one full download before measuring). Node's fake IndexedDB is not Chromium's: the figures say what the sync
// code and the server cost, not a browser's storage.
import 'fake-indexeddb/auto';
import { BoussoleDatabase } from '../../src/db/database.ts';
import { applyDirectoryPage } from '../../src/db/directory-repo.ts';
import { readSyncState } from '../../src/db/directory-state.ts';
import { editRecord } from '../../src/db/local-edits.ts';
import { acknowledge, takeOutboxBatch } from '../../src/db/outbox-repo.ts';
import { saveSession } from '../../src/db/session-repo.ts';
import { pullDirectory } from '../../src/sync/directory-pull.ts';
import { pushOutbox } from '../../src/sync/push.ts';
import { httpTransport } from '../../src/sync/transport.ts';
import { warmupFields } from '../measure.ts';
import type { RunningServer } from './server-process.ts';
import { summarize } from './stats.ts';
import { writer } from './writer.ts';

const CHANGES = 100;

/** A device holding the whole directory, with enough services for `runs` runs of distinct changes. */
async function upToDateDevice(server: RunningServer, name: string, runs: number) {
  const session = await server.signIn('travailleur');
  const db = new BoussoleDatabase(name);
  await db.open();
  await saveSession(db, { token: session.token, clientId: session.clientId, account: session.account });
  const transport = httpTransport({ baseUrl: server.url, getToken: () => session.token });
  const store = { readState: () => readSyncState(db), applyPage: applyDirectoryPage.bind(null, db) };
  const pull = () => pullDirectory({ transport, store, now: () => new Date() });
  const push = () =>
    pushOutbox({
      transport,
      clientId: session.clientId,
      outbox: { takeBatch: (n) => takeOutboxBatch(db, n), acknowledge: (r) => acknowledge(db, r) },
    });
  await pull();
  const serviceIds = (await db.services.toCollection().primaryKeys()) as string[];
  if (serviceIds.length < runs * CHANGES) {
    throw new Error(`${runs} runs of ${CHANGES} changes need ${runs * CHANGES} services: ${serviceIds.length}`);
  }
  return { db, pull, push, serviceIds: serviceIds.sort() };
}

export async function measurePullDelta(server: RunningServer, { runs, warmup }: { runs: number; warmup: number }) {
  const device = await upToDateDevice(server, 'bench-pull-delta', warmup + runs);
  const write = await writer(server);
  const times: number[] = [];
  let received = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const ids = device.serviceIds.slice(run * CHANGES, (run + 1) * CHANGES);
    const before = await device.db.services.bulkGet(ids);
    await write(ids.map((id, i) => ({ id, before: before[i]?.horaires_note, after: `Delta ${run}` })));
    const started = performance.now();
    const result = await device.pull();
    const ms = performance.now() - started;
    if (run >= warmup) {
      times.push(ms);
      received = result.received;
    }
  }
  await device.db.delete();
  return {
    n: received,
    ...summarize(times),
    ...warmupFields(warmup, 'after a full download by the device, untimed pulls of 100 changes (JIT, server caches)'),
    device: 'node+fake-indexeddb',
  };
}

export async function measurePush(server: RunningServer, { runs, warmup }: { runs: number; warmup: number }) {
  const device = await upToDateDevice(server, 'bench-push', warmup + runs);
  const times: number[] = [];
  let applied = 0;
  for (let run = 0; run < warmup + runs; run++) {
    for (const id of device.serviceIds.slice(run * CHANGES, (run + 1) * CHANGES)) {
      const edited = await editRecord(device.db, 'service', id, { horaires_note: `Poussé ${run}` });
      if (!edited.ok) throw new Error(`edit of ${id} refused: ${JSON.stringify(edited.problems)}`);
    }
    const started = performance.now();
    const summary = await device.push();
    const ms = performance.now() - started;
    if ((await device.db.outbox.count()) !== 0) throw new Error('push left entries in the outbox');
    if (run >= warmup) {
      times.push(ms);
      applied = summary.applied;
    }
    await device.pull(); // the server's versions of the pushed records, before the next run
  }
  await device.db.delete();
  return {
    n: applied,
    ...summarize(times),
    ...warmupFields(warmup, 'after a full download by the device, untimed pushes of 100 edits (JIT, server caches)'),
    device: 'node+fake-indexeddb',
  };
}
