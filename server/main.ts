// The process: read the environment, open (and migrate) the database (the SQLite file, or PostgreSQL with
// BOUSSOLE_DATABASE_URL), in demo mode seed the demo directory on first start and its demo codes, listen, run the
// scheduled jobs (once across instances: jobs/scheduler.ts), and shut down cleanly. `npm start` builds the app and
// this server (scripts/build-server.mjs → dist-server/main.mjs) and runs it in demo mode; production mode (the
// default) seeds nothing.
//
// Output contract: first one plain line `Boussole écoute sur http://localhost:PORT` once the port is open (the
// URL to open; tests and scripts wait for it); in demo mode, then one plain line per role,
// `Code démo coordinateur : DEMO-COORD-XXXX-XXXX-XXXX-XXXX`; then JSON log lines. On SIGTERM/SIGINT: stop accepting
// connections, let requests in flight finish, close the database (checkpointing the WAL), exit 0.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { generateAgenda } from '../src/demo/agenda.ts';
import { DEMO_SOURCE, type DemoDirectory, generateDirectory } from '../src/demo/generate-directory.ts';
import { generateOrientationEvents } from '../src/demo/orientation-events.ts';
import { parisDay } from '../src/domain/time/paris-time.ts';
import { createApp } from './app.ts';
import { publicUrl, readConfig } from './config.ts';
import { demoCodeLines, seedDemoAccounts } from './demo-accounts.ts';
import { scheduleJob } from './jobs/scheduler.ts';
import { createJsonLogger, describeError } from './logger.ts';
import { createMailer, invitationNotifier } from './mail/mailer.ts';
import { smtpTransport } from './mail/transport.ts';
import { needsSeeding, seedDirectory } from './seed.ts';
import { monthsUpTo } from './stats/evaluation.ts';
import type { DirectoryStore } from './storage/directory-store.ts';
import { openConfiguredStore } from './storage/open-store.ts';
import { SERVER_READER } from './sync/visibility.ts';

/** Requests still running this long after a stop signal are cut, so a stuck client cannot block a deploy. */
const SHUTDOWN_GRACE_MS = 5_000;
/** How often referrals are expired and erased without a request to trigger it (and digests are collected). */
const REFERRAL_SWEEP_MS = 60 * 60_000;
/** How often the mail outbox is drained without a request to trigger it: retries and what a crash left. */
const MAIL_DRAIN_MS = 60_000;

const DEMO_EVENTS_KEY = 'demo_orientation_events';
const DEMO_EVENTS_PER_MONTH = 600;

/**
 * Demo mode, once per database: three months of fictional anonymous orientation events (src/demo/orientation-
 * events.ts), shared between the directory's Maisons de la Métropole, so that « demandes sans réponse » and the
 * pilot's evaluation show figures at once. Written through the store like devices' events.
 */
async function seedDemoOrientationEvents(store: DirectoryStore, now: Date, seeded?: DemoDirectory): Promise<void> {
  if ((await store.getMeta(DEMO_EVENTS_KEY)) !== undefined) return;
  // The directory just seeded is at hand: reading it back as well would hold it twice (at a national size, more than
  // the server's heap).
  const structures = seeded?.structures ?? (await store.listRecords('structure', SERVER_READER));
  const services = seeded?.services ?? (await store.listRecords('service', SERVER_READER));
  const teams = structures.filter((s) => /^Maison de la Métropole\b/.test(s.nom)).map((s) => s.id);
  const today = parisDay(now);
  const current = today.slice(0, 7);
  for (const [i, month] of monthsUpTo(current, 3).entries()) {
    const untilDay = month === current ? Number(today.slice(8, 10)) : undefined;
    const events = generateOrientationEvents({
      services,
      month,
      count: DEMO_EVENTS_PER_MONTH,
      seed: 21 + i,
      ...(untilDay ? { untilDay } : {}),
    });
    if (teams.length === 0) await store.recordOrientationEvents(events, null);
    for (const [t, team] of teams.entries()) {
      await store.recordOrientationEvents(
        events.filter((_, j) => j % teams.length === t),
        team,
      );
    }
  }
  await store.setMeta(DEMO_EVENTS_KEY, now.toISOString());
}

async function main(): Promise<void> {
  const logger = createJsonLogger();
  const config = readConfig(process.env);

  const store = await openConfiguredStore(config, logger);

  // The demo is generated only for a database that has never been seeded: restarts do not pay for it.
  const demo = config.mode === 'demo';
  const seedNow = demo && (await needsSeeding(store));
  let codeLines: string[] = [];
  try {
    const directory = seedNow
      ? generateDirectory(config.demoServices === undefined ? {} : { services: config.demoServices })
      : undefined;
    if (directory) {
      const actions = generateAgenda(directory, { now: new Date().toISOString() });
      await seedDirectory(store, { ...directory, actions }, { source: DEMO_SOURCE, logger });
    }
    if (demo) codeLines = demoCodeLines(await seedDemoAccounts(store, { now: new Date(), logger }));
    if (demo) await seedDemoOrientationEvents(store, new Date(), directory);
  } catch (error) {
    await store.close(); // release the file cleanly (WAL checkpoint) before reporting the failure
    throw error;
  }
  logger.info({ event: 'directory_ready', mode: config.mode, seeded_now: seedNow, ...(await store.counts()) });

  // Mail is on only with an SMTP server; said once at start, without the server's address or credentials.
  const transport = config.mail ? smtpTransport(config.mail.smtpUrl, config.mail.from) : null;
  const mailer = createMailer({ store, transport, links: { appUrl: config.mail?.appUrl ?? '' }, logger });
  logger.info({ event: mailer.enabled ? 'mail_on' : 'mail_off' });
  const app = createApp({
    mailer,
    notify: invitationNotifier(mailer, `${config.mail?.appUrl ?? ''}/connexion`),
    store,
    logger,
    staticDir: config.staticDir,
    mode: config.mode,
    referralPolicy: config.referralPolicy,
    behindProxy: config.behindProxy,
    tokenIdleDays: config.tokenIdleDays,
  });
  // Referrals also expire and lose their personal fields when nobody asks for them (reads sweep too).
  const sweepReferrals = async () => {
    try {
      const swept = await store.sweepReferrals(new Date(), config.referralPolicy);
      if (swept.expired + swept.erased > 0) logger.info({ event: 'referrals_swept', ...swept });
    } catch (error) {
      logger.error({ event: 'referrals_sweep_failed', error: describeError(error) });
    }
    try {
      if ((await mailer.collectDigests()) > 0) mailer.kick();
    } catch (error) {
      logger.error({ event: 'mail_digests_failed', error: describeError(error) });
    }
  };
  // Once per period across every instance sharing the database (jobs/scheduler.ts); requests still sweep and kick
  // the mail job on the instance they reach.
  const jobs = [
    scheduleJob({
      name: 'referral-sweep',
      everyMs: REFERRAL_SWEEP_MS,
      run: sweepReferrals,
      leases: store.jobLeases,
      logger,
    }),
    ...(mailer.enabled
      ? [
          scheduleJob({
            name: 'mail-drain',
            everyMs: MAIL_DRAIN_MS,
            run: async () => void (await mailer.drain()),
            leases: store.jobLeases,
            logger,
          }),
        ]
      : []),
  ];
  for (const job of jobs) await job.tick();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const lines = [`Boussole écoute sur ${publicUrl(config.host, info.port)}`, ...codeLines];
    process.stdout.write(`${lines.join('\n')}\n`);
  }) as Server;

  server.on('error', async (error) => {
    // EADDRINUSE and the like: nothing was served, release the database and say why.
    logger.error({ event: 'listen_failed', error: describeError(error) });
    await store.close();
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal });
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A send in flight finishes (or times out) before the database closes; what is left waits in the outbox.
    await Promise.all(jobs.map((job) => job.stop()));
    await mailer.stop();
    transport?.close();
    await store.close();
    logger.info({ event: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // Request errors are answered by the app (500) and never reach here. Anything that does is a bug outside a
  // request, after which the state is unknown: log it, close the database, exit non-zero for the supervisor.
  const fatal = async (event: string, error: unknown) => {
    logger.error({ event, error: describeError(error) });
    await store.close();
    process.exit(1);
  };
  process.on('uncaughtException', (error) => void fatal('uncaught_exception', error));
  process.on('unhandledRejection', (reason) => void fatal('unhandled_rejection', reason));
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Boussole n'a pas pu démarrer : ${detail}\n`);
  process.exit(1);
});
