// Calendar feeds of the programme of actions: GET /api/v1/agenda/commune/:code_insee.ics and
// /api/v1/agenda/structure/:id.ics, iCalendar files a person subscribes to from any calendar app (agenda/ics.ts).
// They are public: a calendar app sends no token, so they hold what an anonymous reader may see — public actions
// only, never a professionals-only one — and no personal data.
import { type Context, Hono } from 'hono';
import { placeOf } from '../../src/domain/agenda/place.ts';
import { communeByCode, zoneCovers } from '../../src/domain/communes.ts';
import { codeInsee, recordId } from '../../src/domain/primitives.ts';
import type { Structure } from '../../src/domain/structure.ts';
import { parse } from '../../src/domain/validation.ts';
import { icsOf } from '../agenda/ics.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { ANONYMOUS_READER } from '../sync/visibility.ts';
import { emptyQuerySchema } from './api-schemas.ts';
import type { AppEnv, Clock } from './env.ts';
import { invalidRequest, notFound, parseQuery } from './query.ts';

/** What the calendar routes use of the store. */
export type AgendaRoutesStore = Pick<DirectoryStore, 'getStructure' | 'listRecords'>;

/** The public actions, and the structures they name (hosts and organisers), as an anonymous reader sees them. */
async function publicAgenda(store: AgendaRoutesStore) {
  const actions = await store.listRecords('action', ANONYMOUS_READER);
  const ids = new Set(
    actions.flatMap((a) => [...a.organisateurs, ...(a.lieu.type === 'structure' ? [a.lieu.structure_id] : [])]),
  );
  const structures = new Map<string, Structure>();
  for (const id of ids) {
    const found = await store.getStructure(id, ANONYMOUS_READER);
    if (found) structures.set(id, found.structure);
  }
  return { actions, structureOf: (id: string) => structures.get(id) };
}

export function createAgendaRoutes(store: AgendaRoutesStore, clock: Clock): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  const calendar = (c: Context<AppEnv>, file: string, feed: Omit<Parameters<typeof icsOf>[0], 'now'>) => {
    const body = icsOf({ ...feed, now: clock() });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="${file}"`);
    return c.body(body);
  };

  routes.get('/agenda/commune/:file{[^/]+\\.ics}', async (c) => {
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const code = parse(codeInsee, c.req.param('file').slice(0, -'.ics'.length));
    if (!code.ok)
      return invalidRequest(
        c,
        code.problems.map((p) => ({ ...p, path: 'code_insee' })),
      );
    const commune = communeByCode(code.value);
    if (!commune) return notFound(c, 'Commune inconnue de la Métropole de Lyon.');
    const { actions, structureOf } = await publicAgenda(store);
    // Lyon (69123) gathers its nine arrondissements' actions.
    const here = actions.filter((a) => {
      const at = placeOf(a, structureOf)?.code_insee;
      return at !== undefined && zoneCovers(code.value, at);
    });
    return calendar(c, `boussole-${code.value}.ics`, {
      name: `Boussole — actions à ${commune.nom}`,
      actions: here,
      structureOf,
    });
  });

  routes.get('/agenda/structure/:file{[^/]+\\.ics}', async (c) => {
    const query = parseQuery(c, emptyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const id = parse(recordId, c.req.param('file').slice(0, -'.ics'.length));
    if (!id.ok)
      return invalidRequest(
        c,
        id.problems.map((p) => ({ ...p, path: 'id' })),
      );
    const partner = await store.getStructure(id.value, ANONYMOUS_READER);
    if (!partner) return notFound(c, 'Structure inconnue : elle a peut-être été supprimée ou fusionnée.');
    const { actions, structureOf } = await publicAgenda(store);
    const theirs = actions.filter(
      (a) => a.organisateurs.includes(id.value) || (a.lieu.type === 'structure' && a.lieu.structure_id === id.value),
    );
    return calendar(c, `boussole-${id.value}.ics`, {
      name: `Boussole — ${partner.structure.nom}`,
      actions: theirs,
      structureOf,
    });
  });

  return routes;
}
