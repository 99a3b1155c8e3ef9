// Orientation events in SQLite (contract: OrientationEventStore in orientation-event-store.ts; table: the
// migration « orientation events »). Rows are parsed with the domain schema when read: a row that does not parse
// is left out and logged by its id only.
import type Database from 'better-sqlite3';
import { type OrientationEvent, orientationEventSchema } from '../../src/domain/orientation-event.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import type { OrientationEventStore, StoredOrientationEvent } from './orientation-event-store.ts';

interface Row {
  id: string;
  equipe_id: string | null;
  data: string;
}

export function sqliteOrientationEvents(db: Database.Database, logger: Logger): OrientationEventStore {
  const s = {
    upsert: db.prepare<{ id: string; semaine: string; equipe_id: string | null; data: string }>(
      `INSERT INTO orientation_events (id, semaine, equipe_id, data) VALUES (@id, @semaine, @equipe_id, @data)
       ON CONFLICT (id) DO UPDATE SET semaine = excluded.semaine, equipe_id = excluded.equipe_id, data = excluded.data`,
    ),
    all: db.prepare<[], Row>('SELECT id, equipe_id, data FROM orientation_events ORDER BY semaine, id'),
    purge: db.prepare<[string]>('DELETE FROM orientation_events WHERE semaine < ?'),
    teams: db.prepare<[], { id: string; team: string }>(
      `SELECT id, CASE role WHEN 'partenaire' THEN structure_id ELSE equipe_id END AS team FROM accounts
       WHERE team IS NOT NULL`,
    ),
  };
  const record = db.transaction((events: readonly OrientationEvent[], equipeId: string | null) => {
    for (const event of events) {
      s.upsert.run({ id: event.id, semaine: event.semaine, equipe_id: equipeId, data: JSON.stringify(event) });
    }
    return events.length;
  });

  function decode(row: Row): StoredOrientationEvent | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(row.data);
    } catch {
      raw = undefined;
    }
    const parsed = parse(orientationEventSchema, raw);
    if (!parsed.ok) {
      logger.error({ event: 'orientation_event_row_invalid', id: row.id });
      return undefined;
    }
    return { event: parsed.value, equipe_id: row.equipe_id };
  }

  return {
    async recordOrientationEvents(events, equipeId) {
      return record.immediate(events, equipeId);
    },
    async orientationEvents() {
      return s.all.all().flatMap((row) => decode(row) ?? []);
    },
    async purgeOrientationEvents(week) {
      return s.purge.run(week).changes;
    },
    async accountTeams() {
      return new Map(s.teams.all().map((r) => [r.id, r.team]));
    },
  };
}
