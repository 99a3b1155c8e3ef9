// The HTTP application, built from its dependencies and never listening: tests call `app.request()` in-process,
// main.ts hands `app.fetch` to a Node server. Everything the process needs to survive a bad request is here —
// a 400 for bad input, a JSON 404 for unknown routes, a JSON 500 (logged) for any thrown error.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiError } from '../src/domain/api-error.ts';
import { DEFAULT_REFERRAL_POLICY, type ReferralPolicy } from '../src/domain/referral.ts';
import type { InvitationNotifier } from './admin/admin-actions.ts';
import { DEFAULT_TOKEN_IDLE_DAYS } from './auth/device-expiry.ts';
import type { ServerMode } from './config.ts';
import { createAdminRoutes } from './http/admin-routes.ts';
import { createAgendaRoutes } from './http/agenda-routes.ts';
import { createApiRoutes } from './http/api-routes.ts';
import { CONTENT_SECURITY_POLICY } from './http/content-security-policy.ts';
import { createDemoRoutes } from './http/demo-routes.ts';
import type { AppEnv, Clock } from './http/env.ts';
import { createInteropRoutes } from './http/interop-routes.ts';
import { noStoreByDefault } from './http/no-store.ts';
import { protocolHeader } from './http/protocol.ts';
import { notFound } from './http/query.ts';
import { createReferralRoutes } from './http/referral-routes.ts';
import { createSessionRoutes } from './http/session-routes.ts';
import { staticFiles } from './http/static-files.ts';
import { createStatsRoutes } from './http/stats-routes.ts';
import { createSyncRoutes } from './http/sync-routes.ts';
import { describeError, type Logger, ThrownValue } from './logger.ts';
import { createMailRoutes } from './mail/mail-routes.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import type { DirectoryStore } from './storage/directory-store.ts';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  store: DirectoryStore;
  logger: Logger;
  /** Directory of the built PWA (dist/). Without it, only the API answers. */
  staticDir?: string;
  /** `demo` accepts the reusable demo codes and serves them at /api/v1/demo; default `production`. */
  mode?: ServerMode;
  /** The server's clock (tests pin it); the only time Boussole trusts. */
  clock?: Clock;
  /** Referral reminder, expiry and retention, in days (config.ts); default 10 / 30 / 90. */
  referralPolicy?: ReferralPolicy;
  /** Behind a reverse proxy: clients are told apart by X-Forwarded-For (config.ts); default false. */
  behindProxy?: boolean;
  /** A device token unused for this many days stops working (config.ts); default 90. */
  tokenIdleDays?: number;
  /** Sends an invitation's code by e-mail; absent: no mail, the printed letter only. */
  notify?: InvitationNotifier;
  /** Invitations and notifications by e-mail (mail/mailer.ts); default: off. */
  mailer?: Mailer;
}

export type { AppEnv };

export function createApp({
  store,
  logger,
  staticDir,
  mode = 'production',
  clock = () => new Date(),
  referralPolicy = DEFAULT_REFERRAL_POLICY,
  behindProxy = false,
  tokenIdleDays = DEFAULT_TOKEN_IDLE_DAYS,
  notify,
  mailer = createMailer({ store, transport: null, links: { appUrl: '' }, logger }),
}: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // One log line per request. Only the route *pattern* is logged (`/api/v1/structures/:id`), never the URL:
  // query values and path parameters may one day describe a person (a commune, an age, a need).
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({
      event: 'request',
      method: c.req.method,
      route: c.get('unmatched') ? '(aucune route)' : routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // Hono hands only Errors to onError: anything else thrown would reach the Node adapter as a bare 500, unlogged.
  app.use(async (_c, next) => {
    try {
      await next();
    } catch (thrown) {
      throw thrown instanceof Error ? thrown : new ThrownValue(thrown);
    }
  });

  // Directory pages are large JSON (hundreds of kB) for people on flaky 4G: gzip when the client accepts it.
  app.use(compress());
  // hono's secureHeaders defaults (nosniff, frame, referrer and cross-origin policies) and the app's
  // Content-Security-Policy, minus HSTS: whether the site is HTTPS-only is the TLS-terminating proxy's decision,
  // not this process's.
  app.use(secureHeaders({ strictTransportSecurity: false, contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

  const api = new Hono<AppEnv>();
  api.use(noStoreByDefault());
  api.use(protocolHeader());
  api.use(async (c, next) => {
    c.set('tokenIdleMs', tokenIdleDays * 86_400_000);
    await next();
  });
  api.route('/', createApiRoutes(store, clock));
  api.route('/', createSessionRoutes({ store, logger, clock, demo: mode === 'demo', behindProxy }));
  api.route('/', createSyncRoutes(store, logger, clock));
  api.route('/', createReferralRoutes(store, logger, clock, referralPolicy, mailer));
  api.route('/', createStatsRoutes(store, logger, clock));
  api.route('/', createMailRoutes(store, logger, clock, mailer));
  api.route('/', createDemoRoutes(store, mode === 'demo'));
  api.route('/', createAgendaRoutes(store, clock));
  api.route('/', createInteropRoutes(store, logger, clock));
  api.route('/', createAdminRoutes(store, logger, clock, notify, behindProxy));
  app.route(API_PREFIX, api);
  if (staticDir !== undefined) app.get('*', staticFiles(staticDir));

  app.notFound((c) => {
    c.set('unmatched', true);
    return notFound(c, `Aucune ressource à cette adresse (${c.req.method}). L'API est sous ${API_PREFIX}.`);
  });

  // A thrown error becomes a generic 500: its details (which may quote data) go to the log, never to the client.
  // Bodies are not logged: only the route pattern and the error.
  app.onError((error, c) => {
    logger.error({ event: 'unhandled_error', method: c.req.method, route: routePath(c), error: describeError(error) });
    const body: ApiError = {
      error: {
        code: 'internal_error',
        message: 'Erreur interne du serveur. Réessayez ; si cela persiste, signalez-le.',
      },
    };
    return c.json(body, 500);
  });

  return app;
}
