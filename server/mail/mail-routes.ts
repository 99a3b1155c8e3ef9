// GET and PUT /api/v1/notifications: a signed-in account reads and sets its own address and how often it is told
// (immediate, daily, none). Coordinators may set theirs too, though nothing notifies them today. Logged: the
// account id and the preference, never the address.
import { Hono } from 'hono';
import { type NotificationSettings, notificationChangeSchema } from '../../src/domain/notifications.ts';
import type { SessionStore } from '../http/auth.ts';
import { requireSession } from '../http/auth.ts';
import { KIB, limitBody, readBody } from '../http/body.ts';
import type { AppEnv, Clock } from '../http/env.ts';
import { answerProtocol } from '../http/protocol.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import type { Mailer } from './mailer.ts';

/** What the notification routes use of the store. */
export type MailRoutesStore = SessionStore & Pick<DirectoryStore, 'accountMail' | 'setAccountMail'>;

export function createMailRoutes(store: MailRoutesStore, logger: Logger, clock: Clock, mailer: Mailer): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireSession(store, clock);

  const settings = async (accountId: string, protocol: number): Promise<NotificationSettings> => {
    const mail = await store.accountMail(accountId);
    return {
      protocol,
      courriel: mailer.enabled,
      email: mail?.email ?? null,
      notifications: mail?.notifications ?? 'immediate',
    };
  };

  routes.get('/notifications', signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    return c.json(await settings(account.id, answerProtocol(c)));
  });

  routes.put('/notifications', limitBody(4 * KIB), signedIn, async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    const body = await readBody(c, notificationChangeSchema);
    if (!body.ok) return body.response;
    const { email, notifications } = body.value;
    await store.setAccountMail(account.id, {
      ...(email === undefined ? {} : { email: email === null ? null : email.trim() }),
      ...(notifications === undefined ? {} : { notifications }),
    });
    logger.info({
      event: 'notifications_set',
      account_id: account.id,
      ...(notifications === undefined ? {} : { notifications }),
      email_changed: email !== undefined,
    });
    return c.json(await settings(account.id, answerProtocol(c)));
  });

  return routes;
}
