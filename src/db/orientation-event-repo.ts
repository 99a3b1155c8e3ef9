// The queue of anonymous orientation events (docs/orientation-events.md) on the device: written when a worker ends
// an orientation, read by the sync step (src/sync/orientation-event-sync.ts) and the pending list, deleted once the
// server acknowledged them. One row per orientation: ending it again (a referral after the sheet) replaces the
// event, sent or not, and the server replaces its copy too.
import type { OrientationEvent } from '../domain/orientation-event.ts';
import { orientationEventSchema } from '../domain/orientation-event.ts';
import { parse } from '../domain/validation.ts';
import type { BoussoleDatabase, OrientationEventRow } from './database.ts';

export async function queueOrientationEvent(db: BoussoleDatabase, event: OrientationEvent, now: Date): Promise<void> {
  await db.orientationEvents.put({ id: event.id, event, queuedAt: now.toISOString() });
}

/** The oldest events, parsed; a row that no longer parses is dropped (it could never be accepted). */
export async function nextOrientationEvents(db: BoussoleDatabase, limit: number): Promise<OrientationEventRow[]> {
  const rows = await db.orientationEvents.toArray();
  rows.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const out: OrientationEventRow[] = [];
  for (const row of rows) {
    const parsed = parse(orientationEventSchema, row.event);
    if (parsed.ok) out.push({ ...row, event: parsed.value });
    else await db.orientationEvents.delete(row.id);
    if (out.length === limit) break;
  }
  return out;
}

/** Sent and acknowledged: gone from the device, unless the orientation was ended again meanwhile. */
export async function landOrientationEvents(db: BoussoleDatabase, sent: readonly OrientationEventRow[]): Promise<void> {
  await db.transaction('rw', db.orientationEvents, async () => {
    for (const { id, queuedAt } of sent) {
      const row = await db.orientationEvents.get(id);
      if (row?.queuedAt === queuedAt) await db.orientationEvents.delete(id);
    }
  });
}

export async function pendingOrientationEvents(db: BoussoleDatabase): Promise<OrientationEventRow[]> {
  return db.orientationEvents.toArray();
}
