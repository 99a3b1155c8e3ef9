// The anonymous orientation events' share of the app wiring, in a chunk of its own loaded when an orientation ends
// or when events wait to be sent: the event built from the ended orientation (src/matching/orientation-event.ts),
// queued on the device unless the account's structure opted out, and the sync step that sends the queue.
import type { BoussoleDatabase } from '../../db/database.ts';
import { storedStructures } from '../../db/directory-repo.ts';
import {
  landOrientationEvents,
  nextOrientationEvents,
  queueOrientationEvent,
} from '../../db/orientation-event-repo.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { orientationEvent } from '../../matching/orientation-event.ts';
import { orientationEventTransport, syncOrientationEvents } from '../../sync/orientation-event-sync.ts';
import type { OrientationEnding } from './work-in-progress.ts';

export function orientationEventsWiring(
  db: BoussoleDatabase,
  getToken: () => string | null,
  account: () => Account | null,
) {
  const transport = orientationEventTransport({ getToken });
  return {
    /** Queues the ended orientation's event; nothing for the public (no account) or a structure that opted out. */
    async queue(ending: OrientationEnding, now = new Date()) {
      const who = account();
      if (!who) return;
      const team = who.role === 'partenaire' ? who.structure_id : who.equipe_id;
      // The setting alone is read (a stored row, parsed when a screen shows it): false is an explicit refusal.
      if (team && (await storedStructures(db, [team]))[0]?.statistiques_orientations === false) return;
      const event = orientationEvent({ ...ending, day: parisDay(now.getTime()) });
      if (event) await queueOrientationEvent(db, event, now);
    },
    step: () =>
      syncOrientationEvents({
        transport,
        device: {
          next: (limit) => nextOrientationEvents(db, limit),
          landed: (rows) => landOrientationEvents(db, rows),
        },
      }),
  };
}

export type OrientationEventsWiring = ReturnType<typeof orientationEventsWiring>;
