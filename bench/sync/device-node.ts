// `pull-delta` and `push`, measured in Node: the device's real code — Dexie on fake-indexeddb (installed as the
// global indexedDB by the first import, before Dexie loads), pullDirectory, pushOutbox, httpTransport over Node's
// fetch — against the real server process on loopback, on the 10k directory. The device is a worker's, up to date
// (one full download before measuring). Node's fake IndexedDB is not Chromium's: the figures say what the sync
// code and the server cost, not a browser's storage.
import 'fake-indexeddb/auto';
import { BoussoleDatabase } from '../../src/db/database.ts';
import { applyDirectoryPage } from '../../src/db/directory-repo.ts';
import { readDirectoryRows } from '../../src/db/directory-rows.ts';
import { readSyncState } from '../../src/db/directory-state.ts';
import { compactFeedPages } from '../../src/db/feed-page-compaction.ts';
import { editRecord } from '../../src/db/local-edits.ts';
import { acknowledge, takeOutboxBatch } from '../../src/db/outbox-repo.ts';
import { pagePlaces, recordsById } from '../../src/db/record-reads.ts';
import { saveSession } from '../../src/db/session-repo.ts';
import { pullDirectory } from '../../src/sync/directory-pull.ts';
import { pushOutbox } from '../../src/sync/push.ts';
import { httpTransport } from '../../src/sync/transport.ts';
import { warmupFields } from '../measure.ts';
import type { RunningServer } from './server-process.ts';
import { p99, summarize } from './stats.ts';
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
  // Services live in page rows after a first download: their keys, without reading a page body.
  const inPages = [...(await pagePlaces(db, ['service'])).keys()].map((key) => key.slice('service:'.length));
  const serviceIds = [...inPages, ...((await db.services.toCollection().primaryKeys()) as string[])];
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
    const before = (await recordsById(device.db, 'service', ids)) as Array<{ horaires_note?: string } | undefined>;
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
    p99_ms: p99(times),
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

/** What the device stores of the directory: page bodies, and record-table rows as JSON (IndexedDB's own overhead aside). */
async function storedBytes(db: BoussoleDatabase): Promise<{ pages: number; bytes: number }> {
  const pages = await db.feedPages.toArray();
  let bytes = pages.reduce((sum, row) => sum + row.body.byteLength, 0);
  for (const table of [db.structures, db.services, db.maskedKeys]) {
    await table.each((row) => {
      bytes += JSON.stringify(row).length;
    });
  }
  return { pages: pages.length, bytes };
}

/**
 * `page-compaction`: two up-to-date devices pull the same `syncs` delta syncs of 100 changed services each (distinct
 * services, as a directory kept up to date by its partners), one compacting its page rows after each sync as the app
 * does (src/db/feed-page-compaction.ts), the other never. Printed: what each stores of the directory after them, and
 * the compactions' times.
 */
export async function measurePageCompaction(server: RunningServer, { syncs }: { syncs: number }) {
  const compacting = await upToDateDevice(server, 'bench-compaction-on', 0);
  const kept = await upToDateDevice(server, 'bench-compaction-off', 0);
  const initial = await storedBytes(compacting.db);
  const services = (await readDirectoryRows(compacting.db)).services as Array<{ id: string; horaires_note?: unknown }>;
  services.sort((a, b) => (a.id < b.id ? -1 : 1));
  if (services.length < syncs * CHANGES) throw new Error(`${syncs} syncs need ${syncs * CHANGES} services`);
  // Spread over the directory, as edits are: every k-th service.
  const stride = Math.floor(services.length / (syncs * CHANGES));
  const write = await writer(server);
  const times: number[] = [];
  let dropped = 0;
  for (let sync = 0; sync < syncs; sync++) {
    const changed = Array.from(
      { length: CHANGES },
      (_, i) => services[(sync * CHANGES + i) * stride] as (typeof services)[number],
    );
    await write(changed.map(({ id, horaires_note }) => ({ id, before: horaires_note, after: `Compactage ${sync}` })));
    await Promise.all([compacting.pull(), kept.pull()]);
    const started = performance.now();
    dropped += (await compactFeedPages(compacting.db)).pages;
    times.push(performance.now() - started);
  }
  const [withCompaction, without] = await Promise.all([storedBytes(compacting.db), storedBytes(kept.db)]);
  const same = JSON.stringify(await readDirectoryRows(compacting.db).then(sortedRows));
  if (same !== JSON.stringify(await readDirectoryRows(kept.db).then(sortedRows))) {
    throw new Error('the compacted device shows another directory');
  }
  await Promise.all([compacting.db.delete(), kept.db.delete()]);
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  return {
    n: syncs,
    changes: syncs * CHANGES,
    initial_mb: mb(initial.bytes),
    kept_mb: mb(without.bytes),
    compacted_mb: mb(withCompaction.bytes),
    page_rows: `${initial.pages} → ${withCompaction.pages} (${dropped} dropped)`,
    compaction_median_ms: summarize(times).median_ms,
    compaction_max_ms: Math.round(Math.max(...times)),
    device: 'node+fake-indexeddb',
  };
}

const sortedRows = (rows: { structures: unknown[]; services: unknown[] }) =>
  [...rows.structures, ...rows.services].map((row) => JSON.stringify(row)).sort();
