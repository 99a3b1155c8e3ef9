// The device's side of the anonymous orientation events: one queued event per orientation (ending it again
// replaces it), none for the public or a structure that opted out, listed with what waits to be sent, sent in
// batches and kept through an offline period, dropped on a refusal that no resend could cure.
import { afterEach, describe, expect, it } from 'vitest';
import { BoussoleDatabase } from '../../db/database.ts';
import { nextOrientationEvents } from '../../db/orientation-event-repo.ts';
import { readDeviceQueue } from '../../db/pending-repo.ts';
import { generateDirectory } from '../../demo/generate-directory.ts';
import type { OrientationEvent } from '../../domain/orientation-event.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { orient } from '../../matching/orient/orient.ts';
import { prepareDirectory } from '../../matching/snapshot.ts';
import { syncOrientationEvents } from '../../sync/orientation-event-sync.ts';
import { OfflineError, RequestRefusedError } from '../../sync/transport-errors.ts';
import { orientationEventsWiring } from './orientation-events-wiring.ts';

const demo = generateDirectory({ services: 120 });
const snapshot = prepareDirectory(demo.structures, demo.services);
const mdm = demo.structures[0];
if (!mdm) throw new Error('demo');
const profile: Profile = {
  lieu: { code_insee: '69259' },
  age: 41,
  foyer: { adultes: 1, ages_enfants: [4] },
  besoins: ['aide-alimentaire'],
};
const ending = {
  id: 'evt-0123456789abcdef',
  profile,
  orientation: orient(profile, snapshot, Date.now()),
  referralSent: false,
};
const worker: Account = { id: 'acc-w', nom: 'Wendy', role: 'travailleur', equipe_id: mdm.id };

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});
function device() {
  const db = new BoussoleDatabase(`events-test-${Date.now()}-${++counter}`);
  databases.push(db);
  return db;
}

describe('orientation events on the device', () => {
  it('queues one event per orientation: ending it again (a referral after the sheet) replaces it', async () => {
    const db = device();
    const wiring = orientationEventsWiring(
      db,
      () => 't',
      () => worker,
    );
    await wiring.queue(ending, new Date('2026-12-01T10:00:00Z'));
    await wiring.queue({ ...ending, referralSent: true }, new Date('2026-12-01T10:05:00Z'));
    const rows = await db.orientationEvents.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.event).toMatchObject({
      semaine: '2026-W49',
      commune: '69259',
      foyer: '2',
      orientation_envoyee: true,
    });
    expect(JSON.stringify(rows)).not.toContain('41');
    const queue = await readDeviceQueue(db);
    expect(queue.pending).toEqual([expect.objectContaining({ kind: 'statistique', change: 'count' })]);
  });

  it('queues nothing for the public, nor for a structure that opted out', async () => {
    const db = device();
    await orientationEventsWiring(
      db,
      () => null,
      () => null,
    ).queue(ending);
    await db.structures.put({ ...mdm, statistiques_orientations: false });
    await orientationEventsWiring(
      db,
      () => 't',
      () => worker,
    ).queue(ending);
    expect(await db.orientationEvents.count()).toBe(0);
    await db.structures.put({ ...mdm, statistiques_orientations: true });
    await orientationEventsWiring(
      db,
      () => 't',
      () => worker,
    ).queue(ending);
    expect(await db.orientationEvents.count()).toBe(1);
  });

  it('sends in batches once online, keeps everything offline, drops a refused batch', async () => {
    const db = device();
    const wiring = orientationEventsWiring(
      db,
      () => 't',
      () => worker,
    );
    for (let i = 0; i < 3; i++) await wiring.queue({ ...ending, id: `evt-${i}-0123456789abcdef` });
    const device$ = {
      next: (limit: number) => nextOrientationEvents(db, limit),
      landed: async (rows: readonly { id: string }[]) => {
        for (const row of rows) await db.orientationEvents.delete(row.id);
      },
    };
    const offline = { send: async () => Promise.reject(new OfflineError('offline')) };
    await expect(syncOrientationEvents({ transport: offline, device: device$ })).rejects.toThrow(OfflineError);
    expect(await db.orientationEvents.count()).toBe(3);

    const received: OrientationEvent[][] = [];
    const online = {
      send: async (events: readonly OrientationEvent[]) => {
        received.push([...events]);
        return { protocol: 4, enregistres: events.length, ignores: 0 };
      },
    };
    expect(await syncOrientationEvents({ transport: online, device: device$ })).toEqual({ sent: 3, dropped: 0 });
    expect(
      received
        .flat()
        .map((e) => e.id)
        .sort(),
    ).toEqual(['evt-0-0123456789abcdef', 'evt-1-0123456789abcdef', 'evt-2-0123456789abcdef']);
    expect(await db.orientationEvents.count()).toBe(0);

    await wiring.queue(ending);
    const refusing = { send: async () => Promise.reject(new RequestRefusedError('Requête invalide')) };
    expect(await syncOrientationEvents({ transport: refusing, device: device$ })).toEqual({ sent: 0, dropped: 1 });
    expect(await db.orientationEvents.count()).toBe(0);
  });
});
