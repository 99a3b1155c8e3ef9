// Orientation events of the in-memory store (contract: OrientationEventStore in orientation-event-store.ts).
import type { OrientationEvent } from '../../src/domain/orientation-event.ts';
import { assertOpen, type MemoryState } from './memory-state.ts';
import { type OrientationEventStore, type StoredOrientationEvent, teamOf } from './orientation-event-store.ts';

export function memoryOrientationEvents(state: MemoryState): OrientationEventStore {
  const rows = new Map<string, StoredOrientationEvent>();
  return {
    async recordOrientationEvents(events: readonly OrientationEvent[], equipeId: string | null) {
      assertOpen(state);
      for (const event of events) rows.set(event.id, structuredClone({ event, equipe_id: equipeId }));
      return events.length;
    },
    async orientationEvents() {
      assertOpen(state);
      return [...rows.values()].map((row) => structuredClone(row));
    },
    async purgeOrientationEvents(week: string) {
      assertOpen(state);
      let purged = 0;
      for (const [id, row] of rows) {
        if (row.event.semaine >= week) continue;
        rows.delete(id);
        purged++;
      }
      return purged;
    },
    async accountTeams() {
      assertOpen(state);
      const teams = new Map<string, string>();
      for (const { account } of state.accounts.values()) {
        const team = teamOf(account);
        if (team !== null) teams.set(account.id, team);
      }
      return teams;
    },
  };
}
