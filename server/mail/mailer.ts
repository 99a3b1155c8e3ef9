// The mail job and the calls that feed it. Requests only write rows (mail-store.ts) and `kick` the job; the job
// renders and sends what is due, one message at a time, and on failure tries again later (backoff), up to
// MAX_ATTEMPTS, after which the message is abandoned. Without SMTP configured the mailer is off: nothing is
// written, nothing sent, and callers carry on. Logs carry message ids, templates, counts and error codes — never an
// address, a code or a body.
import { parisMinuteOfDay } from '../../src/domain/time/paris-time.ts';
import type { InvitationNotifier } from '../admin/admin-actions.ts';
import { sha256 } from '../auth/secrets.ts';
import { describeError, type Logger } from '../logger.ts';
import type { MailContent, MailStore } from './mail-store.ts';
import { type MailLinks, renderMail } from './templates.ts';
import type { MailTransport } from './transport.ts';

/** Attempts before a message is abandoned (with the backoff below: about a day and a half of trying). */
export const MAX_ATTEMPTS = 8;
/** Wait after the n-th failed attempt: 1 min, 4, 16, 64, 256 min, then 12 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** (attempts - 1), 12 * 3_600_000);
}
/** How long a drain holds a message it is sending: longer than the transport's timeouts. */
export const LEASE_MS = 2 * 60_000;
/** Sent and abandoned messages are kept this long (their keys stop a late resend from mailing twice). */
export const KEEP_DONE_MS = 30 * 86_400_000;
const BATCH = 20;
/** Digests leave from this hour (Paris) on: yesterday's referrals, read at the start of the working day. */
export const DIGEST_HOUR = 7;

export interface DrainReport {
  sent: number;
  failed: number;
  abandoned: number;
}

export interface Mailer {
  /** False without SMTP: every call below does nothing. */
  readonly enabled: boolean;
  readonly store: MailStore;
  /** The server's clock (tests pin it). */
  readonly clock: () => Date;
  /** Sends what is due now; a call during a run waits for that run instead of starting another. */
  drain(): Promise<DrainReport>;
  /** Starts a drain without waiting for it (after a request wrote to the outbox). */
  kick(): void;
  /** Lets a send in flight finish and starts no other; what is left waits in the outbox for the next start. */
  stop(): Promise<void>;
  /** Queues the daily digests of the days before today, from DIGEST_HOUR (Paris) on; also purges old rows. */
  collectDigests(): Promise<number>;
}

export interface MailerOptions {
  store: MailStore;
  /** Null when no SMTP server is configured: the mailer is off. */
  transport: MailTransport | null;
  links: MailLinks;
  logger: Logger;
  clock?: () => Date;
}

const EMPTY: DrainReport = { sent: 0, failed: 0, abandoned: 0 };

export function createMailer({ store, transport, links, logger, clock = () => new Date() }: MailerOptions): Mailer {
  let running: Promise<DrainReport> | null = null;
  let stopped = false;

  const drainOnce = async (send: MailTransport): Promise<DrainReport> => {
    const report = { ...EMPTY };
    while (!stopped) {
      const batch = await store.claimMail(clock(), BATCH, LEASE_MS);
      if (batch.length === 0) break;
      for (const mail of batch) {
        // Claimed but not tried: its lease runs out and the next start sends it (the attempt counted is spent).
        if (stopped) break;
        try {
          await send.send({ to: mail.to, ...renderMail(mail.content, links) });
          await store.mailSent(mail.id, clock());
          report.sent++;
          logger.info({ event: 'mail_sent', mail_id: mail.id, template: mail.content.template });
        } catch (error) {
          const now = clock();
          const last = mail.attempts >= MAX_ATTEMPTS;
          await store.mailFailed(mail.id, now, last ? null : new Date(now.getTime() + retryDelayMs(mail.attempts)));
          if (last) report.abandoned++;
          else report.failed++;
          logger.error({
            event: last ? 'mail_abandoned' : 'mail_failed',
            mail_id: mail.id,
            template: mail.content.template,
            attempts: mail.attempts,
            error: describeError(error),
          });
        }
      }
      // A failed message is not due again in this run; a batch of failures only (the server is down) ends it.
      if (report.sent === 0) break;
    }
    return report;
  };

  const mailer: Mailer = {
    enabled: transport !== null,
    store,
    clock,
    drain() {
      if (!transport || stopped) return Promise.resolve({ ...EMPTY });
      running ??= drainOnce(transport).finally(() => {
        running = null;
      });
      return running;
    },
    kick() {
      mailer
        .drain()
        .catch((error: unknown) => logger.error({ event: 'mail_drain_failed', error: describeError(error) }));
    },
    async stop() {
      stopped = true;
      await running?.catch(() => undefined);
    },
    async collectDigests() {
      if (!transport) return 0;
      const now = clock();
      if (parisMinuteOfDay(now.getTime()) < DIGEST_HOUR * 60) return 0;
      const queued = await store.collectDigests(now);
      await store.purgeMail(new Date(now.getTime() - KEEP_DONE_MS));
      if (queued > 0) logger.info({ event: 'mail_digests_queued', count: queued });
      return queued;
    },
  };
  return mailer;
}

/** Runs a notification write so that it can never fail the request that caused it: errors are logged. */
async function safely(logger: Logger, event: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    logger.error({ event, error: describeError(error) });
  }
}

/**
 * A referral was stored (or its resend answered): its structure's partners are told. Awaited before the answer,
 * so that once a device holds the answer the notification is in the database; a device that lost the answer
 * resends, and the key makes the second write a no-op.
 */
export async function notifyReferralSent(
  mailer: Mailer,
  logger: Logger,
  referral: { id: string; structure_id: string; envoyeur: { account_id: string } },
  now: Date,
): Promise<void> {
  if (!mailer.enabled) return;
  await safely(logger, 'mail_notify_failed', () =>
    mailer.store.notify({
      key: `orientation:${referral.id}:envoyee`,
      event: 'nouvelle_orientation',
      to: { scope: `structure:${referral.structure_id}` },
      except: referral.envoyeur.account_id,
      now,
    }),
  );
  mailer.kick();
}

/** A partner accepted or refused a referral: the sending side (the account, or its team) is told. */
export async function notifyReferralAnswered(
  mailer: Mailer,
  logger: Logger,
  referral: { id: string; statut: string; envoyeur: { account_id: string } },
  actorId: string,
  now: Date,
): Promise<void> {
  if (!mailer.enabled) return;
  if (referral.statut !== 'acceptee' && referral.statut !== 'refusee') return;
  const event = referral.statut === 'acceptee' ? 'orientation_acceptee' : 'orientation_refusee';
  await safely(logger, 'mail_notify_failed', () =>
    mailer.store.notify({
      key: `orientation:${referral.id}:${referral.statut}`,
      event,
      to: { sideOf: referral.envoyeur.account_id },
      except: actorId,
      now,
    }),
  );
  mailer.kick();
}

export interface InvitationMail {
  to: string;
  code: string;
  /** The address where the code is typed (the app's « Connexion »). */
  signInUrl: string;
  role: string;
  /** Default: the mailer's clock. */
  now?: Date;
}

/**
 * Queues an invitation's message and starts sending it. `'off'` without SMTP (nothing queued), `'queued'`, or
 * `'already'` when this invitation was mailed before. The code stays in the outbox only until the message leaves.
 */
export async function mailInvitation(
  mailer: Mailer,
  invitation: InvitationMail,
): Promise<'off' | 'queued' | 'already'> {
  if (!mailer.enabled) return 'off';
  const content: MailContent = {
    template: 'invitation',
    params: { code: invitation.code, signInUrl: invitation.signInUrl, role: invitation.role },
  };
  const queued = await mailer.store.queueMail({
    // The code's hash names the message (never the code): one invitation is mailed once.
    key: `invitation:${sha256(invitation.code)}`,
    to: invitation.to,
    content,
    now: invitation.now ?? mailer.clock(),
  });
  mailer.kick();
  return queued ? 'queued' : 'already';
}

/**
 * The Administration's invitation hook (admin/admin-actions.ts) over the mailer: the address is kept with the
 * invitation (the account's, for its notifications) and the code queued for sending. False when mail is off.
 */
export function invitationNotifier(mailer: Mailer, signInUrl: string): InvitationNotifier {
  return async ({ email, code, role }) => {
    await mailer.store.setInvitationEmail(sha256(code), email);
    if (!mailer.enabled) return false;
    return (await mailInvitation(mailer, { to: email, code, signInUrl, role })) !== 'off';
  };
}
