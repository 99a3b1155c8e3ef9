// The push half of the sync protocol and the history of a record (docs/sync-protocol.md, "Push"). The route
// only checks the envelope; the mutations are decided and applied by the store, up to MUTATIONS_PER_TRANSACTION
// consecutive ones in one transaction (storage/sync-store.ts `applyMutations`): every mutation answered is
// committed, and a crash loses only mutations not yet answered, which the device sends again.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  type HistoryResponse,
  MAX_PUSH_BODY_BYTES,
  type MutationGap,
  type MutationResult,
  type PushResponse,
  pushRequestSchema,
} from '../../src/domain/sync-protocol.ts';
import { type Problem, parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { earlierSends, mutationHash } from '../sync/json-values.ts';
import { parseMutation } from '../sync/parse-mutation.ts';
import { isProfessional } from '../sync/visibility.ts';
import { historyQuerySchema } from './api-schemas.ts';
import type { SessionStore } from './auth.ts';
import { requireSession } from './auth.ts';
import { limitBody, readBody } from './body.ts';
import type { AppEnv, Clock } from './env.ts';
import { forbidden } from './errors.ts';
import { jsonBody } from './json-body.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest, parseQuery } from './query.ts';

/** What the sync routes use of the store. */
export type SyncRoutesStore = SessionStore & Pick<DirectoryStore, 'applyMutations' | 'history'>;

const mutationIdOnly = z.object({ id: z.number().check(z.int(), z.positive()) });

/**
 * Mutations of one push decided in one transaction. Sharing it saves a commit per mutation (on a durable PostgreSQL
 * a disk flush, under the write lock every other writer waits for); a bound keeps a first push of a hundred from
 * holding that lock for all of them at once.
 */
export const MUTATIONS_PER_TRANSACTION = 10;

export function createSyncRoutes(store: SyncRoutesStore, logger: Logger, clock: Clock): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireSession(store, clock);

  routes.post('/push', limitBody(MAX_PUSH_BODY_BYTES), signedIn, async (c) => {
    const session = c.get('session');
    if (!session) throw new Error('requireSession sans session');
    const body = await readBody(c, pushRequestSchema, { apart: 'mutations' });
    if (!body.ok) return body.response;
    const { clientId, mutations } = body.value;
    if (clientId !== session.clientId) {
      return forbidden(c, 'Cet appareil ne peut envoyer que ses propres modifications (clientId d’un autre appareil).');
    }
    // Every id must be readable before anything is applied: an id is what lets the queue move on.
    const idProblems: Problem[] = [];
    const ids = mutations.map((raw, index) => {
      const parsed = parse(mutationIdOnly, raw);
      const at = (path: string) => (path ? `mutations[${index}].${path}` : `mutations[${index}]`);
      if (!parsed.ok) idProblems.push(...parsed.problems.map((p) => ({ ...p, path: at(p.path) })));
      return parsed.ok ? parsed.value.id : 0;
    });
    if (idProblems.length > 0) return invalidRequest(c, idProblems);

    const actor = { account: session.account, clientId };
    const results: MutationResult[] = [];
    let lastMutationId = 0;
    const counts = { applied: 0, conflict: 0, rejected: 0, replayed: 0 };
    for (let start = 0; start < mutations.length; start += MUTATIONS_PER_TRANSACTION) {
      const now = clock();
      const chunk = mutations.slice(start, start + MUTATIONS_PER_TRANSACTION).map((raw, index) => {
        const parsed = parseMutation(raw);
        const sentBefore = parsed.ok ? earlierSends(raw as Record<string, unknown>, parsed.mutation.sentBefore) : [];
        return { actor, id: ids[start + index] ?? 0, hash: mutationHash(raw), parsed, now, sentBefore };
      });
      for (const [index, outcome] of (await store.applyMutations(chunk)).entries()) {
        const id = chunk[index]?.id ?? 0;
        if (outcome.kind === 'unknown-client') return forbidden(c, 'Appareil inconnu : reconnectez-vous.');
        if (outcome.kind === 'gap') {
          logger.info({ event: 'mutation_gap', account_id: session.account.id, expected: outcome.expected, got: id });
          const gap: MutationGap = {
            error: {
              code: 'mutation_gap',
              message: `Modifications manquantes : le serveur attend la modification n° ${outcome.expected}.`,
              expected: outcome.expected,
            },
            lastMutationId: outcome.lastMutationId,
            results,
          };
          return jsonBody(c, gap, 409);
        }
        if (outcome.kind === 'reused') {
          logger.info({ event: 'mutation_id_reused', account_id: session.account.id, mutation_id: id });
        }
        if (outcome.kind === 'answered' && outcome.replayed) counts.replayed++;
        else counts[outcome.result.status]++;
        results.push(outcome.result);
        lastMutationId = outcome.lastMutationId;
      }
    }
    logger.info({ event: 'push', account_id: session.account.id, mutations: mutations.length, ...counts });
    const response: PushResponse = { protocol: answerProtocol(c, body.value.protocol), lastMutationId, results };
    return jsonBody(c, response);
  });

  const LISTING_HISTORY: ReadonlySet<string> = new Set(['structure', 'service', 'action']);

  routes.get('/history', signedIn, async (c) => {
    const session = c.get('session');
    if (!session) throw new Error('requireSession sans session');
    if (!isProfessional(session.account)) {
      return forbidden(
        c,
        'L’historique des fiches est réservé aux professionnels (coordination, travailleurs sociaux).',
      );
    }
    const query = parseQuery(c, historyQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    const { kind, id, limit } = query.value;
    // Reports, campaigns and answers are not everybody's to read (server/sync/visibility.ts); their
    // history is the coordination's.
    if (!LISTING_HISTORY.has(kind) && session.account.role !== 'coordinateur') {
      return forbidden(c, 'L’historique des signalements et des campagnes est réservé à la coordination.');
    }
    const entries = await store.history({ kind, id, limit });
    const response: HistoryResponse = { protocol: answerProtocol(c), record_kind: kind, record_id: id, entries };
    return c.json(response);
  });

  return routes;
}
