// Statistics without people: the anonymous orientation events devices send (docs/orientation-events.md), the
// « demandes sans réponse » per commune or QPV, need and month, and the pilot's evaluation per team and month.
// Events are written by any signed-in account and read back by nobody: coordinators see protected aggregates only
// (every count under 5 is « < 5 », stats/small-cells.ts). Events older than the retention period are purged before
// each write and each read. Logs carry counts, never an event's fields.

import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  type Evaluation,
  ORIENTATION_EVENT_RETENTION_MONTHS,
  type OrientationStats,
} from '../../src/domain/evaluation.ts';
import { type OrientationEventsAnswer, orientationEventsBodySchema } from '../../src/domain/orientation-event.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { isoWeekOf } from '../../src/domain/time/iso-week.ts';
import { parisDay } from '../../src/domain/time/paris-time.ts';
import type { Logger } from '../logger.ts';
import { evaluate, monthsUpTo } from '../stats/evaluation.ts';
import { orientationCells } from '../stats/orientation-cells.ts';
import type { Territory } from '../stats/small-cells.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { teamOf } from '../storage/orientation-event-store.ts';
import { readerOf } from '../sync/visibility.ts';
import type { SessionStore } from './auth.ts';
import { requireSession } from './auth.ts';
import { KIB, limitBody, readBody } from './body.ts';
import type { AppEnv, Clock } from './env.ts';
import { forbidden } from './errors.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest, parseQuery } from './query.ts';

/** What the statistics routes use of the store. */
export type StatsRoutesStore = SessionStore &
  Pick<
    DirectoryStore,
    | 'accountTeams'
    | 'getStructure'
    | 'listRecords'
    | 'orientationEvents'
    | 'purgeOrientationEvents'
    | 'recordOrientationEvents'
    | 'referralFacts'
  >;

export const EVENTS_BODY_LIMIT = 128 * KIB;

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu (AAAA-MM)'));
const cellsQuerySchema = z.strictObject({
  niveau: z._default(z.enum(['commune', 'qpv']), 'commune'),
  mois: z.optional(month),
});
const evaluationQuerySchema = z.strictObject({
  jusqu_a: z.optional(month),
  mois: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(24)), 12),
});

const COORDINATORS_ONLY = 'Les statistiques d’orientation sont réservées à la coordination.';

/**
 * The communes whose figures an account may read; null: all of them. A coordinator given a territory
 * (`account.communes`, src/domain/territory.ts) reads those communes only, on every statistics route at once.
 */
export function territoryOf(account: Account): Territory {
  return account.communes === undefined ? null : new Set(account.communes);
}

/** The first ISO week kept: events of earlier weeks are purged. */
export function retentionWeek(now: Date): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - ORIENTATION_EVENT_RETENTION_MONTHS, 1));
  return isoWeekOf(cutoff.toISOString().slice(0, 10));
}

export function createStatsRoutes(store: StatsRoutesStore, logger: Logger, clock: Clock): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireSession(store, clock);
  const purge = async () => {
    const purged = await store.purgeOrientationEvents(retentionWeek(clock()));
    if (purged > 0) logger.info({ event: 'orientation_events_purged', count: purged });
  };
  const coordinator = (account: Account | undefined) => account?.role === 'coordinateur';

  routes.post('/orientation-events', limitBody(EVENTS_BODY_LIMIT), signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    const body = await readBody(c, orientationEventsBodySchema);
    if (!body.ok) return body.response;
    const { events } = body.value;
    const team = teamOf(account);
    // A structure that opted out is respected here too: a device that had not yet received the setting sends in vain.
    const structure = team ? await store.getStructure(team, readerOf(account)) : undefined;
    const optedOut = structure?.structure.statistiques_orientations === false;
    const stored = optedOut ? 0 : await store.recordOrientationEvents(events, team);
    await purge();
    logger.info({ event: 'orientation_events', account_id: account.id, stored, ignored: events.length - stored });
    const answer: OrientationEventsAnswer = {
      protocol: answerProtocol(c, body.value.protocol),
      enregistres: stored,
      ignores: events.length - stored,
    };
    return c.json(answer);
  });

  routes.get('/stats/orientations', signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!coordinator(account) || !account) return forbidden(c, COORDINATORS_ONLY);
    const query = parseQuery(c, cellsQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    await purge();
    const events = (await store.orientationEvents()).map((row) => row.event);
    const cells = orientationCells(events, {
      level: query.value.niveau,
      territory: territoryOf(account),
      ...(query.value.mois ? { month: query.value.mois } : {}),
    });
    const answer: OrientationStats = { cells };
    return c.json(answer);
  });

  routes.get('/stats/evaluation', signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!coordinator(account) || !account) return forbidden(c, COORDINATORS_ONLY);
    const query = parseQuery(c, evaluationQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    await purge();
    const reader = readerOf(account);
    const territory = territoryOf(account);
    const last = query.value.jusqu_a ?? parisDay(clock()).slice(0, 7);
    const events = (await store.orientationEvents()).filter(
      (row) => territory === null || (row.event.commune !== undefined && territory.has(row.event.commune)),
    );
    const lignes = evaluate({
      months: monthsUpTo(last, query.value.mois),
      events,
      referrals: await store.referralFacts(),
      signalements: await store.listRecords('signalement', reader),
      teams: await store.accountTeams(),
      structures: await store.listRecords('structure', reader),
      campagnes: await store.listRecords('campagne', reader),
      reponses: await store.listRecords('reponse_campagne', reader),
    });
    const answer: Evaluation = {
      protocol: answerProtocol(c),
      mois: monthsUpTo(last, query.value.mois),
      lignes,
    };
    return c.json(answer);
  });

  return routes;
}
