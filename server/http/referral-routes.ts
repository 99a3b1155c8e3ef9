// The referral endpoints (docs/sync-protocol.md, "Referrals"): personal data, so never in the directory feed,
// always behind a session, and visible to the two sides of a referral only. Logs carry account ids, referral ids
// (random, made on the device) and outcomes — never a field of the referral. Expiry and erasure run (with the
// server clock) before each read and each change, so nobody ever sees a referral that should have moved.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  type ReferralAnswer,
  type ReferralPage,
  type ReferralPolicy,
  type ReferralStats,
  referralDraftSchema,
  referralIdSchema,
  statusChangeSchema,
} from '../../src/domain/referral.ts';
import { maySend } from '../../src/domain/referral-rules.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import { type Mailer, notifyReferralAnswered, notifyReferralSent } from '../mail/mailer.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { mutationHash } from '../sync/json-values.ts';
import { readerOf, SERVER_READER } from '../sync/visibility.ts';
import type { SessionStore } from './auth.ts';
import { requireSession } from './auth.ts';
import { KIB, limitBody, readBody } from './body.ts';
import type { AppEnv, Clock } from './env.ts';
import { apiError, forbidden } from './errors.ts';
import { jsonBody } from './json-body.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest, notFound, parseQuery } from './query.ts';

/** What the referral routes use of the store. */
export type ReferralRoutesStore = SessionStore &
  Pick<
    DirectoryStore,
    | 'changeReferralStatus'
    | 'epoch'
    | 'getStructure'
    | 'listStructures'
    | 'referralCounts'
    | 'referralFeed'
    | 'sendReferral'
    | 'sweepReferrals'
  >;

export const REFERRAL_BODY_LIMIT = 64 * KIB;

const sendBodySchema = z.object({ protocol: z.number(), referral: referralDraftSchema });
const statusBodySchema = z.object({ protocol: z.number(), change: statusChangeSchema });
const feedQuerySchema = z.strictObject({
  cursor: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 200),
});

// No silent queue: a referral nobody would read is refused, and the device keeps it with this reason beside the
// printable fiche de liaison and the partner's phone.
const UNREACHABLE =
  'Ce partenaire ne reçoit pas les orientations dans Boussole (aucun compte partenaire actif) : l’orientation n’est pas transmise. Imprimez la fiche de liaison pour la personne ou appelez le partenaire.';

const COUNTS_ONLY =
  'La coordination voit les chiffres des orientations (/api/v1/referrals/stats), jamais les personnes orientées.';

async function structuresIn(store: ReferralRoutesStore, communes: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const code_insee of communes) {
    let after: string | undefined;
    do {
      const page = await store.listStructures({
        reader: SERVER_READER,
        code_insee,
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      });
      ids.push(...page.items.map((s) => s.id));
      after = page.next ?? undefined;
    } while (after !== undefined);
  }
  return ids;
}

export function createReferralRoutes(
  store: ReferralRoutesStore,
  logger: Logger,
  clock: Clock,
  policy: ReferralPolicy,
  mailer: Mailer,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireSession(store, clock);
  const sweep = async (now: Date) => {
    const swept = await store.sweepReferrals(now, policy);
    if (swept.expired + swept.erased > 0) logger.info({ event: 'referrals_swept', ...swept });
  };

  routes.post('/referrals', limitBody(REFERRAL_BODY_LIMIT), signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    if (!maySend(account))
      return forbidden(c, 'Seuls les travailleurs sociaux et les partenaires orientent des personnes.');
    const body = await readBody(c, sendBodySchema);
    if (!body.ok) return body.response;
    const draft = body.value.referral;
    const found = await store.getStructure(draft.structure_id, readerOf(account));
    const serviceKnown = found?.services.some((s) => s.id === draft.service_id) ?? false;
    const partnerReceives = found?.structure.recoit_orientations === true;
    const now = clock();
    const hash = mutationHash(draft);
    const outcome = await store.sendReferral({ draft, hash, sender: account, serviceKnown, partnerReceives, now });
    if (outcome.kind === 'unknown-service') {
      return invalidRequest(c, [{ path: 'referral.service_id', message: 'Service inconnu chez ce partenaire' }]);
    }
    if (outcome.kind === 'unreachable') {
      logger.info({ event: 'referral_unreachable', account_id: account.id, referral_id: draft.id });
      return apiError(c, 422, 'partner_unreachable', UNREACHABLE, [
        { path: 'referral.structure_id', message: UNREACHABLE },
      ]);
    }
    if (outcome.kind === 'reused') {
      logger.error({ event: 'referral_id_reused', account_id: account.id, referral_id: draft.id });
      return apiError(
        c,
        409,
        'referral_id_reused',
        'Cet identifiant d’orientation a déjà servi pour un autre contenu : l’orientation n’est pas enregistrée.',
      );
    }
    logger.info({
      event: 'referral_sent',
      account_id: account.id,
      referral_id: draft.id,
      replayed: outcome.kind === 'replayed',
    });
    await notifyReferralSent(mailer, logger, outcome.referral, now);
    const answer: ReferralAnswer = { protocol: answerProtocol(c), referral: outcome.referral };
    return jsonBody(c, answer);
  });

  routes.post('/referrals/:id/status', limitBody(REFERRAL_BODY_LIMIT), signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    const id = parse(referralIdSchema, c.req.param('id'));
    if (!id.ok) return invalidRequest(c, [{ path: 'id', message: 'Identifiant d’orientation invalide' }]);
    const body = await readBody(c, statusBodySchema);
    if (!body.ok) return body.response;
    const now = clock();
    await sweep(now);
    const { change } = body.value;
    const outcome = await store.changeReferralStatus({
      referralId: id.value,
      change,
      hash: mutationHash(change),
      actor: account,
      now,
    });
    const log = { event: 'referral_status', account_id: account.id, referral_id: id.value, outcome: outcome.kind };
    logger.info(outcome.kind === 'changed' ? { ...log, statut: change.statut } : log);
    switch (outcome.kind) {
      case 'not-found':
        return notFound(c, 'Orientation introuvable pour ce compte.');
      case 'refused':
        return apiError(c, 409, 'status_refused', outcome.message);
      case 'invalid':
        return invalidRequest(
          c,
          outcome.problems.map((p) => ({ path: `change.${p.path}`, message: p.message })),
        );
      case 'reused':
        return apiError(
          c,
          409,
          'change_id_reused',
          'Cet identifiant de changement a déjà servi pour un autre changement.',
        );
      default: {
        await notifyReferralAnswered(mailer, logger, outcome.referral, account.id, now);
        const answer: ReferralAnswer = { protocol: answerProtocol(c), referral: outcome.referral };
        return jsonBody(c, answer);
      }
    }
  });

  routes.get('/referrals', signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    if (account.role === 'coordinateur') return forbidden(c, COUNTS_ONLY);
    const query = parseQuery(c, feedQuerySchema);
    if (!query.ok) return invalidRequest(c, query.problems);
    await sweep(clock());
    const feed = await store.referralFeed({ account, ...query.value });
    const page: ReferralPage = {
      protocol: answerProtocol(c),
      ...feed,
      epoch: await store.epoch(),
      policy: { ...policy, notifications_courriel: mailer.enabled },
    };
    return jsonBody(c, page);
  });

  routes.get('/referrals/stats', signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (account?.role !== 'coordinateur')
      return forbidden(c, 'Les chiffres des orientations sont réservés à la coordination.');
    await sweep(clock());
    // A coordinator of a territory counts the referrals sent to the structures of its communes.
    const territory = account.communes === undefined ? undefined : await structuresIn(store, account.communes);
    const { identifiants_reutilises: _flagged, ...counts } = await store.referralCounts(territory);
    const stats: ReferralStats = { protocol: answerProtocol(c), ...counts };
    return c.json(stats);
  });

  return routes;
}
