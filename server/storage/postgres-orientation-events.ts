// Orientation events on PostgreSQL (contract: OrientationEventStore in orientation-event-store.ts), as
// sqlite-orientation-events.ts: rows parsed with the domain schema when read, a row that does not parse left out
// and logged by its id only.
import type { Sql } from 'postgres';
import { orientationEventSchema } from '../../src/domain/orientation-event.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import type { OrientationEventStore, StoredOrientationEvent } from './orientation-event-store.ts';

interface Row {
  id: string;
  equipe_id: string | null;
  data: unknown;
}

export function postgresOrientationEvents(sql: Sql, logger: Logger): OrientationEventStore {
  function decode(row: Row): StoredOrientationEvent | undefined {
    const parsed = parse(orientationEventSchema, row.data);
    if (!parsed.ok) {
      logger.error({ event: 'orientation_event_row_invalid', id: row.id });
      return undefined;
    }
    return { event: parsed.value, equipe_id: row.equipe_id };
  }

  return {
    async recordOrientationEvents(events, equipeId) {
      await sql.begin(async (tx) => {
        for (const event of events) {
          await tx`INSERT INTO orientation_events (id, semaine, equipe_id, data)
            VALUES (${event.id}, ${event.semaine}, ${equipeId}, ${JSON.stringify(event)}::text::jsonb)
            ON CONFLICT (id) DO UPDATE SET semaine = excluded.semaine, equipe_id = excluded.equipe_id,
              data = excluded.data`;
        }
      });
      return events.length;
    },
    async orientationEvents() {
      const rows = await sql<Row[]>`SELECT id, equipe_id, data FROM orientation_events ORDER BY semaine, id`;
      return rows.flatMap((row) => decode(row) ?? []);
    },
    async purgeOrientationEvents(week) {
      return (await sql`DELETE FROM orientation_events WHERE semaine < ${week}`).count;
    },
    async accountTeams() {
      const rows = await sql<{ id: string; team: string }[]>`
        SELECT id, team FROM (
          SELECT id, CASE role WHEN 'partenaire' THEN structure_id ELSE equipe_id END AS team FROM accounts
        ) teams WHERE team IS NOT NULL`;
      return new Map(rows.map((r) => [r.id, r.team]));
    },
  };
}
