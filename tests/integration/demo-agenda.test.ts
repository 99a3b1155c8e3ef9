// The demo directory comes with its programme: seeded once with the partners, it fills the Agenda's feed and every
// commune's calendar (.ics) with upcoming dates instead of leaving them empty for someone trying Boussole.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { silentLogger } from '../../server/logger.ts';
import { seedDirectory } from '../../server/seed.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { ANONYMOUS_READER } from '../../server/sync/visibility.ts';
import { generateAgenda } from '../../src/demo/agenda.ts';
import { generateDirectory } from '../../src/demo/generate-directory.ts';

const NOW = new Date('2027-01-12T09:00:00Z');

describe('the seeded demo programme', () => {
  it('is written with the directory, and the calendars of several communes have events in the coming weeks', async () => {
    const store = openSqliteStore({ path: ':memory:', logger: silentLogger });
    const directory = generateDirectory({ services: 300 });
    const actions = generateAgenda(directory, { now: NOW.toISOString() });
    await seedDirectory(store, { ...directory, actions }, { source: 'boussole-demo', logger: silentLogger });
    const stored = await store.listRecords('action', ANONYMOUS_READER);
    expect(stored.length).toBe(actions.length);

    const app = createApp({ store, logger: silentLogger, clock: () => NOW });
    const structureCommune = new Map(directory.structures.map((s) => [s.id, s.code_insee]));
    const communes = [
      ...new Set(
        actions.flatMap((a) =>
          a.lieu.type === 'structure' ? [structureCommune.get(a.lieu.structure_id) as string] : [],
        ),
      ),
    ].slice(0, 5);
    expect(communes.length).toBe(5);
    for (const code of communes) {
      const response = await app.request(`/api/v1/agenda/commune/${code}.ics`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body.match(/BEGIN:VEVENT/g)?.length ?? 0, code).toBeGreaterThan(0);
    }
    await store.close();
  });
});
